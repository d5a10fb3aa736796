import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInForm, CheckInTable, createCheckInSchema } from "~/components/career/check-ins.tsx";
import { Readiness } from "~/components/career/readiness.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadCareer } from "~/models/career-view.server.ts";
import { recordCheckIn } from "~/models/check-in.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const career = ensureFound(await loadCareer(user.id, readerLocale(user)));
  return {
    readiness: career.readiness,
    checkIns: career.checkInTable,
    competencies: career.content.gradedCompetencies,
    previousRatings: career.checkIns.self?.ratings ?? {},
    seesTeam: hasRole(user, LEADING_ROLES),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  return handleIntent(
    formData,
    {
      "check-in": async () => {
        const { gradedCompetencies } = await getCareerContent(readerLocale(user));
        const submission = parseWithZod(formData, { schema: createCheckInSchema(gradedCompetencies) });
        if (submission.status !== "success") return invalid("check-in", submission);
        await recordCheckIn({ agentId: user.id, authorId: user.id, perspective: "self", ...submission.value });
        return redirectWithNotice("/career", "check-in-saved");
      },
    },
    message("career:page.unknownAction"),
  );
}

export default function CareerPage() {
  const { t } = useTranslation();
  const { readiness, checkIns, competencies, previousRatings, seesTeam } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={t("career:page.title")}
        description={t("career:page.description")}
        actions={seesTeam ? <Link to="/career/team">{t("career:page.teamLink")}</Link> : null}
      />
      <Readiness view={readiness} />
      <section className="card stack" aria-labelledby="check-in">
        <h2 id="check-in">{t("career:checkIn.heading")}</h2>
        <p className="muted">{t("career:checkIn.selfIntro")}</p>
        <CheckInTable view={checkIns} />
        <h3>{t("career:checkIn.rateYourself")}</h3>
        <CheckInForm perspective="self" competencies={competencies} previous={previousRatings} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "career:page.title") }];
