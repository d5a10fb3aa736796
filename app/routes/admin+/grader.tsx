import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RedLinesCard, redLineSchema, removeRedLineSchema } from "~/components/admin/red-line-forms.tsx";
import { KappaFigure } from "~/components/calibration/results.tsx";
import { TrustRuleForm, trustRuleSchema } from "~/components/calibration/trust-rule-form.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { AGREEMENT_WINDOW_DAYS, TREND_WINDOWS } from "~/domain/calibration.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { graderAgreement, updateGraderSettings } from "~/models/grader-trust.server.ts";
import { addRedLine, listRedLines, removeRedLine } from "~/models/red-line.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const confirming = new URL(request.url).searchParams.get("confirm");
  const [agreement, redLines] = await Promise.all([graderAgreement(), listRedLines()]);
  return {
    ...agreement,
    redLines: redLines.map(({ id, phrase, kind, reason }) => ({ id, phrase, kind, reason })),
    confirming: confirming && confirming.length <= 50 ? confirming : null,
  };
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
    "add-red-line": async () => {
      const submission = parseWithZod(formData, { schema: redLineSchema });
      if (submission.status !== "success") return invalid("add-red-line", submission);
      const result = await addRedLine(admin.id, submission.value);
      if (result.status === "duplicate")
        return invalid("add-red-line", submission, { phrase: [message("admin:redLines.validation.duplicate")] });
      return redirectWithNotice("/admin/grader", "red-line-added");
    },
    "remove-red-line": async () => {
      const submission = parseWithZod(formData, { schema: removeRedLineSchema });
      if (submission.status !== "success") return invalid("remove-red-line", submission);
      const result = await removeRedLine(admin.id, submission.value.redLineId);
      if (result.status === "not-found") notFound(message("admin:redLines.notFound"));
      return redirectWithNotice("/admin/grader", "red-line-removed");
    },
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["criteria"][number];

const KAPPA_DIGITS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

function Verdict({ row, minJudged }: { row: Row; minJudged: number }) {
  const { t } = useTranslation();
  if (row.needsReview) return <Badge tone="danger">{t("admin:grader.verdict.needsReview")}</Badge>;
  if (row.judged < minJudged) return <Badge>{t("admin:grader.verdict.tooFew", { judged: row.judged, min: minJudged })}</Badge>;
  return <Badge tone="success">{t("admin:grader.verdict.trusted")}</Badge>;
}

function Trend({ trend }: { trend: Row["trend"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span aria-label={t("admin:grader.trendLabel", { windows: TREND_WINDOWS })}>
      {trend.map((estimate) => (estimate ? format.number(estimate.kappa, KAPPA_DIGITS) : "—")).join(" → ")}
    </span>
  );
}

export default function GraderAgreementPage() {
  const { rule, criteria, redLines, confirming } = useLoaderData<typeof loader>();
  const flagged = criteria.filter((row) => row.needsReview).length;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <PageHeader
        title={t("admin:grader.title")}
        description={t("admin:grader.description", { days: AGREEMENT_WINDOW_DAYS })}
        actions={<Link to="/calibration">{t("admin:grader.calibrationLink")}</Link>}
      />
      <Card title={t("admin:grader.rule.title")}>
        <p>{t("admin:grader.rule.body")}</p>
        <TrustRuleForm rule={rule} />
      </Card>
      <p role="status">{t("admin:grader.flagged", { count: flagged })}</p>
      <DataTable
        textOnly
        caption={t("admin:grader.caption")}
        columns={[
          t("admin:grader.columns.criterion"),
          t("admin:grader.columns.judged"),
          t("admin:grader.columns.exact"),
          t("admin:grader.columns.kappa"),
          t("admin:grader.columns.trend", { windows: TREND_WINDOWS, days: AGREEMENT_WINDOW_DAYS / TREND_WINDOWS }),
          t("admin:grader.columns.status"),
        ]}
      >
        {criteria.map((row) => (
          <tr key={row.criterionId}>
            <th scope="row">
              {row.title} <span className="muted">· {row.rubricTitle}</span>
            </th>
            <td>
              {row.judged}{" "}
              <span className="muted">{t("admin:grader.judgedSplit", { benchmarks: row.benchmarks, reviews: row.reviews })}</span>
            </td>
            <td>{row.exactAgreement === null ? "—" : format.percent(row.exactAgreement)}</td>
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
      <RedLinesCard redLines={redLines} confirming={confirming} />
      <Card title={t("admin:grader.retrain.title")}>
        <p>{t("admin:grader.retrain.body")}</p>
        <a href="/admin/grader-labels.jsonl" download>
          {t("admin:grader.retrain.download")}
        </a>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:grader.pageTitle") }];
