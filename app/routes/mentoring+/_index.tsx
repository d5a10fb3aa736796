import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SuggestedMentors } from "~/components/mentoring/mentor-suggestions.tsx";
import { FindMentorCard, MentorCard } from "~/components/mentoring/mentoring-cards.tsx";
import { PairingTable } from "~/components/mentoring/pairing-table.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { RequestMentorSchema } from "~/domain/mentoring.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { setMentorActive } from "~/models/mentor-profile.server.ts";
import { requestMentor } from "~/models/pairing.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { mentoringPageView } from "./mentoring-view.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return mentoringPageView(await requireUser(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const setTakingMentees = async (active: boolean) => {
    const result = await setMentorActive(user.id, active);
    if (result.status === "not-found") notFound(message("mentoring:hub.noProfile"));
    return redirectWithNotice("/mentoring", active ? "resumed" : "paused");
  };
  return handleIntent(formData, {
    pause: () => setTakingMentees(false),
    resume: () => setTakingMentees(true),
    "request-mentor": async () => {
      const submission = parseWithZod(formData, { schema: RequestMentorSchema });
      if (submission.status !== "success") return invalid("request-mentor", submission);
      const { measure } = await getMentoringContent();
      const result = await requestMentor(user, submission.value, measure);
      if (result.status === "refused") return refused("request-mentor", result.reason, submission);
      return redirectWithNotice("/mentoring", "requested");
    },
  });
}

export default function MentoringPage() {
  const { t } = useTranslation();
  const { mentor, finding, asMentee, asMentor, team, isAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader title={t("mentoring:hub.title")} description={t("mentoring:hub.description")} />
      <div className="grid">
        <MentorCard mentor={mentor} />
        <FindMentorCard finding={finding} />
        {isAdmin ? (
          <Card title={t("mentoring:hub.pool.title")}>
            <p>{t("mentoring:hub.pool.body")}</p>
            <Link to="/admin/mentoring">{t("mentoring:hub.pool.link")}</Link>
          </Card>
        ) : null}
      </div>

      {finding.kind === "suggestions" ? <SuggestedMentors suggestions={finding.suggestions} /> : null}

      <Card title={t("mentoring:hub.pairings.title")}>
        <div className="pairing-group">
          <h3>{t("mentoring:hub.pairings.asMentee")}</h3>
          {asMentee.length === 0 ? (
            <p className="muted">{t("mentoring:hub.pairings.noneAsMentee")}</p>
          ) : (
            <PairingTable caption={t("mentoring:hub.pairings.asMenteeCaption")} rows={asMentee} show="mentor" />
          )}
        </div>
        <div className="pairing-group">
          <h3>{t("mentoring:hub.pairings.asMentor")}</h3>
          {asMentor.length === 0 ? (
            <p className="muted">{t("mentoring:hub.pairings.noneAsMentor")}</p>
          ) : (
            <PairingTable caption={t("mentoring:hub.pairings.asMentorCaption")} rows={asMentor} show="mentee" viewerIsMentor />
          )}
        </div>
      </Card>

      {team ? (
        <Card title={t("mentoring:hub.team.title")}>
          {team.length === 0 ? (
            <p className="muted">{t("mentoring:hub.team.none")}</p>
          ) : (
            <PairingTable caption={t("mentoring:hub.team.caption")} rows={team} show="both" />
          )}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentoring:hub.title") }];
