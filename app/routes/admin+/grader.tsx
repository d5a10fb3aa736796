import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KappaFigure } from "~/components/calibration/results.tsx";
import { TrustRuleForm, trustRuleSchema } from "~/components/calibration/trust-rule-form.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { AGREEMENT_WINDOW_DAYS, TREND_WINDOWS } from "~/domain/calibration.ts";
import { graderAgreement, updateGraderSettings } from "~/models/grader-trust.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return graderAgreement();
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    rule: async () => {
      const submission = parseWithZod(formData, { schema: trustRuleSchema });
      if (submission.status !== "success") return invalid("rule", submission);
      await updateGraderSettings(admin.id, submission.value);
      return redirectWithNotice("/admin/grader", "grader-settings-saved");
    },
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["criteria"][number];

function Verdict({ row, minJudged }: { row: Row; minJudged: number }) {
  if (row.needsReview) return <Badge tone="danger">Needs human review</Badge>;
  if (row.judged < minJudged)
    return (
      <Badge>
        Too few judged ({row.judged} of {minJudged})
      </Badge>
    );
  return <Badge tone="success">Trusted</Badge>;
}

function Trend({ trend }: { trend: Row["trend"] }) {
  return (
    <span aria-label={`Kappa over the last ${TREND_WINDOWS} periods, oldest first`}>
      {trend.map((estimate) => (estimate ? estimate.kappa.toFixed(2) : "—")).join(" → ")}
    </span>
  );
}

export default function GraderAgreementPage() {
  const { rule, criteria } = useLoaderData<typeof loader>();
  const flagged = criteria.filter((row) => row.needsReview).length;
  return (
    <div className="stack">
      <PageHeader
        title="Grader agreement"
        description={`How far people agree with the automatic grader, per criterion, over the last ${AGREEMENT_WINDOW_DAYS} days of calibration benchmarks and reviews.`}
        actions={<Link to="/calibration">Calibration sessions</Link>}
      />
      <Card title="When to trust the grader">
        <p>
          A criterion whose kappa falls below the rule, once enough conversations are judged, needs human review: its automatic levels show
          as provisional, its conversations wait in the review queue, and they count towards career readiness only once reviewed.
        </p>
        <TrustRuleForm rule={rule} />
      </Card>
      <p role="status">
        {flagged === 0
          ? "No criterion needs human review."
          : `${flagged} ${flagged === 1 ? "criterion needs" : "criteria need"} human review.`}
      </p>
      <DataTable
        textOnly
        caption="Agreement between people and the grader per criterion"
        columns={[
          "Criterion",
          "Judged (benchmarks, reviews)",
          "Exact agreement",
          "Cohen's kappa (95% interval)",
          `Trend (${TREND_WINDOWS} × ${AGREEMENT_WINDOW_DAYS / TREND_WINDOWS} days)`,
          "Status",
        ]}
      >
        {criteria.map((row) => (
          <tr key={row.criterionId}>
            <th scope="row">
              {row.title} <span className="muted">· {row.rubricTitle}</span>
            </th>
            <td>
              {row.judged}{" "}
              <span className="muted">
                ({row.benchmarks}, {row.reviews})
              </span>
            </td>
            <td>{row.exactAgreement === null ? "—" : `${Math.round(row.exactAgreement * 100)}%`}</td>
            <td>
              <KappaFigure estimate={row.kappa} />
            </td>
            <td>
              <Trend trend={row.trend} />
            </td>
            <td>
              <Verdict row={row} minJudged={rule.minJudged} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Card title="Retrain the grader on your labels">
        <p>
          Agreed levels and overrides on the empathy criteria can retrain the grader's empathy model for your organisation. Download them as
          labelled data and follow docs/grader-calibration.md.
        </p>
        <a href="/admin/grader-labels.jsonl" download>
          Download labelled data (JSON lines)
        </a>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Grader agreement · Admin · Frontline" }];
