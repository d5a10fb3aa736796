import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConversationResult, CriterionAgreement } from "~/components/calibration/results.tsx";
import { scoreSchema, toScoredCriteria, toScores } from "~/components/calibration/score-form.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { loadCalibrationResults, recordBenchmarks } from "~/models/calibration-results.server.ts";
import { rubricById, loadCalibrationSession, scoredCriteria } from "~/models/calibration.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const NOT_FOUND = message("calibration:notFound");

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
      if (result.status === "not-found") notFound(message("calibration:results.itemNotFound"));
      if (result.status === "open") return refused("benchmark", message("calibration:results.stillOpen"), submission);
      if (result.status === "invalid-score") return refused("benchmark", message("calibration:levelForEvery"), submission);
      return redirectWithNotice(`/calibration/${sessionId}/results#conversation-${submission.value.itemId}`, "benchmark-saved");
    },
  });
}

export default function CalibrationResultsPage() {
  const { session, canManage, scored, conversations, items, criteria } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={t("calibration:results.title", { title: session.title })}
        description={t("calibration:results.description", {
          organiser: session.organiserName,
          closed: new Date(session.closedAt ?? session.dueAt).getTime(),
        })}
        actions={<Link to="/calibration">{t("calibration:allSessions")}</Link>}
      />
      {items.length === 0 ? (
        <EmptyState title={t("calibration:results.empty.title")}>{t("calibration:results.empty.body")}</EmptyState>
      ) : (
        <>
          <Card title={t("calibration:results.agreementTitle")}>
            <p className="muted">{t("calibration:results.agreementHint")}</p>
            <CriterionAgreement criteria={scored} summaries={criteria} />
          </Card>
          <h2>{t("calibration:results.conversations")}</h2>
          {canManage ? <p className="muted">{t("calibration:results.benchmarkHint")}</p> : null}
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data ? pageTitle(matches, "calibration:results.title", { title: data.session.title }) : pageTitle(matches, "calibration:title"),
  },
];
