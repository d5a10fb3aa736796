import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConversationResult, CriterionAgreement } from "~/components/calibration/results.tsx";
import { scoreSchema, toScoredCriteria, toScores } from "~/components/calibration/score-form.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { loadCalibrationResults, recordBenchmarks } from "~/models/calibration-results.server.ts";
import { rubricById, loadCalibrationSession, scoredCriteria } from "~/models/calibration.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const NOT_FOUND = "There's no calibration session at this address, or you're not invited to it.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await requireUser(request));
  const sessionId = params.sessionId ?? "";
  const lookup = await loadCalibrationResults(viewer, sessionId);
  if (lookup.status === "not-found") notFound(NOT_FOUND);
  if (lookup.status === "open") throw redirect(`/calibration/${sessionId}`);
  const { rubricCriteria, ...results } = lookup.results;
  return { ...results, scored: toScoredCriteria(rubricCriteria) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = toViewer(await requireUser(request));
  const sessionId = params.sessionId ?? "";
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded?.canManage) notFound(NOT_FOUND);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    benchmark: async () => {
      const rubric = await rubricById(loaded.session.rubricId);
      const schema = scoreSchema(rubric ? toScoredCriteria(scoredCriteria(rubric)) : []).extend({ itemId: z.string().max(64) });
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== "success") return invalid("benchmark", submission);
      const result = await recordBenchmarks(viewer, sessionId, submission.value.itemId, toScores(submission.value));
      if (result.status === "not-found") notFound("That conversation isn't part of this session.");
      if (result.status === "open") return refused("benchmark", "Close the session before recording agreed levels.", submission);
      if (result.status === "invalid-score") return refused("benchmark", "Choose a level for every criterion.", submission);
      return redirectWithNotice(`/calibration/${sessionId}/results#conversation-${submission.value.itemId}`, "benchmark-saved");
    },
  });
}

export default function CalibrationResultsPage() {
  const { session, canManage, scored, conversations, items, criteria } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={`Results: ${session.title}`}
        description={`Organised by ${session.organiserName} · closed ${formatDate(session.closedAt ?? session.dueAt)}. Conversations with the most disagreement come first.`}
        actions={<Link to="/calibration">All sessions</Link>}
      />
      {items.length === 0 ? (
        <EmptyState title="No conversations to show">None of this session's conversations are shared with you.</EmptyState>
      ) : (
        <>
          <Card title="How far people agree">
            <p className="muted">
              Exact agreement and Cohen's kappa compare each person with the automatic grader (kappa discounts agreement by chance: above
              0.6 is substantial, below 0.4 weak). Krippendorff's alpha measures how far the people agree with each other.
            </p>
            <CriterionAgreement criteria={scored} summaries={criteria} />
          </Card>
          <h2>Conversations</h2>
          {canManage ? (
            <p className="muted">
              Discuss the disagreements, then record the level you agreed for each criterion. Agreed levels feed the grader agreement page
              and can retrain the grader.
            </p>
          ) : null}
          {items.map((item, index) => (
            <ConversationResult
              key={item.id}
              item={item}
              number={index + 1}
              conversation={conversations[item.id]}
              criteria={scored}
              canManage={canManage}
            />
          ))}
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Results: ${data?.session.title ?? "Calibration"} · Frontline` }];
