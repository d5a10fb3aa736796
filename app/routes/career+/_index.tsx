import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CheckInForm, CheckInTable, createCheckInSchema } from "~/components/career/check-ins.tsx";
import { Readiness } from "~/components/career/readiness.tsx";
import { PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { readerLocale } from "~/i18n/locales.ts";
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
    "Unknown action on your career page.",
  );
}

export default function CareerPage() {
  const { readiness, checkIns, competencies, previousRatings, seesTeam } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title="Career"
        description="Where you are, what the next level asks of you, and the evidence you already have."
        actions={seesTeam ? <Link to="/career/team">Your team's readiness</Link> : null}
      />
      <Readiness view={readiness} />
      <section className="card stack" aria-labelledby="check-in">
        <h2 id="check-in">Check-in</h2>
        <p className="muted">
          How you rate yourself beside what your graded practice measures (the average of your last 5 graded attempts, from 0 to 2) and how
          your lead rates you. Where they differ is the best thing to talk about at your next 1:1.
        </p>
        <CheckInTable view={checkIns} />
        <h3>Rate yourself</h3>
        <CheckInForm perspective="self" competencies={competencies} previous={previousRatings} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Career · Frontline" }];
