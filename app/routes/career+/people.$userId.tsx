import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInForm, CheckInTable, createCheckInSchema } from "~/components/career/check-ins.tsx";
import { NominationForm, NominationHistory, NominationSchema } from "~/components/career/nominations.tsx";
import { Readiness } from "~/components/career/readiness.tsx";
import { Alert, Badge, PageHeader } from "~/components/ui/layout.tsx";
import { canCoach } from "~/engine/access/coaching.ts";
import { nominationLevels } from "~/engine/career/evaluate.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadCareerOf, type LoadedCareerOf } from "~/models/career-view.server.ts";
import { recordCheckIn } from "~/models/check-in.server.ts";
import { nominate } from "~/models/nomination.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { personCareerView } from "./person-career-view.server.ts";

const NOT_YOURS = message("career:person.notYours");

/** Whether the viewer may check in on the person as their lead and nominate them: not once they are deactivated. */
function canActOn({ viewer, record }: LoadedCareerOf, userId: string): boolean {
  return canCoach(viewer, { id: userId, teamId: record.teamId, active: record.active });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const userId = params.userId ?? "";
  if (userId === user.id) throw redirect("/career");
  const career = await loadCareerOf(user, userId);
  return { ...(await personCareerView(career, userId)), canAct: canActOn(career, userId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const userId = params.userId ?? "";
  const here = `/career/people/${userId}`;
  const career = await loadCareerOf(user, userId);
  if (!canActOn(career, userId)) notFound(NOT_YOURS);
  const formData = await readFormData(request);
  return handleIntent(
    formData,
    {
      "check-in": async () => {
        const submission = parseWithZod(formData, { schema: createCheckInSchema(career.content.gradedCompetencies) });
        if (submission.status !== "success") return invalid("check-in", submission);
        await recordCheckIn({ agentId: userId, authorId: user.id, perspective: "lead", ...submission.value });
        return redirectWithNotice(here, "lead-check-in-saved");
      },
      nominate: async () => {
        const submission = parseWithZod(formData, { schema: NominationSchema });
        if (submission.status !== "success") return invalid("nominate", submission);
        const allowedLevels = nominationLevels(career.record.evidence.currentLevel.key, career.content.ladder).map((level) => level.key);
        const outcome = await nominate(user, { agentId: userId, ...submission.value, allowedLevels });
        if (outcome.status === "refused") return refused("nominate", outcome.reason, submission);
        return redirectWithNotice(here, "nomination-sent");
      },
    },
    message("career:person.unknownAction"),
  );
}

export default function PersonCareerPage() {
  const { t } = useTranslation();
  const { person, canAct, readiness, checkIns, competencies, previousRatings, levelOptions, pending, nominations } =
    useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={t("career:person.title", { name: person.name })}
        description={
          <>
            {person.teamName ?? t("career:noTeam")}
            {person.active ? null : (
              <>
                {" "}
                <Badge tone="danger">{t("career:person.deactivated")}</Badge>
              </>
            )}
          </>
        }
        actions={
          <>
            <Link to="/career/team">{t("career:person.teamReadiness")}</Link>
            <Link to={`/coaching/people/${person.id}`}>{t("career:person.coachingTimeline")}</Link>
          </>
        }
      />
      {canAct ? null : <Alert>{t("career:person.deactivatedAlert", { name: person.name })}</Alert>}
      <Readiness view={readiness} personName={person.name} />

      <section className="card stack" aria-labelledby="check-in">
        <h2 id="check-in">{t("career:checkIn.heading")}</h2>
        <p className="muted">{t("career:checkIn.personIntro", { name: person.name })}</p>
        <CheckInTable view={checkIns} personName={person.name} />
        {canAct ? (
          <>
            <h3>{t("career:checkIn.leadRatings")}</h3>
            <CheckInForm perspective="lead" competencies={competencies} previous={previousRatings} personName={person.name} />
          </>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="nominations">
        <h2 id="nominations">{t("career:person.nominations")}</h2>
        {!canAct ? null : pending ? (
          <p>{t("career:person.pending", { name: person.name, level: translateMessage(t, pending) })}</p>
        ) : levelOptions.length === 0 ? (
          <p className="muted">{t("career:person.noLevelAbove", { name: person.name })}</p>
        ) : (
          <>
            <p className="muted">{t("career:person.nominationIntro", { name: person.name })}</p>
            <NominationForm personName={person.name} options={levelOptions} />
          </>
        )}
        <h3>{t("career:person.history")}</h3>
        <NominationHistory nominations={nominations} />
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "career:person.title", { name: data.person.name })
      : pageTitle(matches, "career:person.pageTitleFallback"),
  },
];
