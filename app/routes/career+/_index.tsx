import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckInForm, CheckInTable, createCheckInSchema } from "~/components/career/check-ins.tsx";
import { Readiness } from "~/components/career/readiness.tsx";
import { Alert, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { recordCheckIn } from "~/models/career.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { optionalFilter } from "~/utils/query-fields.ts";
import { badRequest, parseSearchParams, readFormData } from "~/utils/request.server.ts";
import { loadCareer } from "./career-view.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Set by the check-in's redirect, to confirm it was saved.
  const { saved } = parseSearchParams(request, z.object({ saved: optionalFilter(z.literal("check-in")) }));
  const career = ensureFound(await loadCareer(user.id));
  return {
    readiness: career.readiness,
    checkIns: career.checkInTable,
    competencies: career.content.gradedCompetencies,
    previousRatings: career.checkIns.self?.ratings ?? {},
    seesTeam: user.role === "lead" || user.role === "admin",
    saved: Boolean(saved),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "check-in") badRequest("Unknown action on your career page.");
  const { gradedCompetencies } = await getCareerContent();
  const submission = parseWithZod(formData, { schema: createCheckInSchema(gradedCompetencies) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await recordCheckIn({ agentId: user.id, authorId: user.id, perspective: "self", ...submission.value });
  return redirect("/career?saved=check-in#check-in");
}

export default function CareerPage() {
  const { readiness, checkIns, competencies, previousRatings, seesTeam, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
        {saved ? <Alert tone="success">Check-in saved. Your lead sees it next to their own ratings.</Alert> : null}
        <CheckInTable view={checkIns} />
        <h3>Rate yourself</h3>
        <CheckInForm perspective="self" competencies={competencies} previous={previousRatings} lastResult={actionData?.result} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Career · Frontline" }];
