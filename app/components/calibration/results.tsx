import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import type { CellResult, CriterionSummary, ItemResult } from "~/engine/calibration/results.ts";
import type { Judgement, KappaEstimate } from "~/engine/grading/calibration-stats.ts";
import type { Formatter } from "~/i18n/format.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Badge } from "../ui/layout.tsx";
import { ScoreForm, type ScoredCriterion } from "./score-form.tsx";

type Criterion = ScoredCriterion;
type Conversation = { attemptId: string; agentName: string; scenarioTitle: string; startedAt: Date | string };

export function levelName(t: TFunction, criterion: Criterion | undefined, level: Judgement): string {
  if (level === null) return t("calibration:results.notApplicable");
  const label = criterion?.levels.find((candidate) => candidate.level === level)?.label;
  return label ? `${level} · ${label}` : String(level);
}

const percent = (format: Formatter, value: number | null) => (value === null ? "—" : format.percent(value));
/** Two decimals, as agreement statistics are usually quoted: "0.78". */
const decimal = (format: Formatter, value: number | null) =>
  value === null ? "—" : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Kappa with its 95% interval: "0.78 (0.37–1.00)". */
export function KappaFigure({ estimate }: { estimate: KappaEstimate | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!estimate) return <span className="muted">{t("calibration:results.kappa.none")}</span>;
  return (
    <span>
      {decimal(format, estimate.kappa)}{" "}
      <span className="muted">
        {t("calibration:results.kappa.interval", { low: decimal(format, estimate.low), high: decimal(format, estimate.high) })}
        <span className="visually-hidden">{t("calibration:results.kappa.intervalName")}</span>
      </span>
    </span>
  );
}

/** Per criterion: agreement with the grader, each rater's kappa, and alpha across the people. */
export function CriterionAgreement({ criteria, summaries }: { criteria: Criterion[]; summaries: CriterionSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      textOnly
      caption={t("calibration:results.agreement.caption")}
      columns={[
        t("calibration:results.agreement.column.criterion"),
        t("calibration:results.agreement.column.judged"),
        t("calibration:results.agreement.column.exact"),
        t("calibration:results.agreement.column.kappa"),
        t("calibration:results.agreement.column.alpha"),
      ]}
    >
      {summaries.map((summary) => (
        <tr key={summary.criterionId}>
          <th scope="row">{criteria.find((criterion) => criterion.id === summary.criterionId)?.title ?? summary.criterionId}</th>
          <td>{format.number(summary.judged)}</td>
          <td>{percent(format, summary.exactAgreement)}</td>
          <td>
            <ul className="plain-list">
              {summary.raters.map((rater) => (
                <li key={rater.id}>
                  {t("calibration:results.agreement.rater", { name: rater.name })} <KappaFigure estimate={rater.kappa} />
                </li>
              ))}
            </ul>
          </td>
          <td>{decimal(format, summary.alpha)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function CellRow({ cell, criterion }: { cell: CellResult; criterion: Criterion | undefined }) {
  const { t } = useTranslation();
  return (
    <tr className={cell.disagreement ? "calibration-row--disagreement" : undefined}>
      <th scope="row">
        {criterion?.title ?? cell.criterionId}
        {cell.disagreement ? (
          <>
            {" "}
            <Badge tone="warning">{t("calibration:results.disagreement")}</Badge>
          </>
        ) : null}
      </th>
      <td>
        {cell.grader ? levelName(t, criterion, cell.grader.level) : "—"}
        {cell.grader?.quote ? (
          <blockquote className="evidence-quote">
            {t("calibration:results.quote", { quote: cell.grader.quote })}
            {cell.grader.turn !== null ? (
              <span className="muted"> {t("calibration:results.turn", { number: cell.grader.turn + 1 })}</span>
            ) : null}
          </blockquote>
        ) : null}
      </td>
      <td>
        <ul className="plain-list">
          {cell.ratings.map((rating) => (
            <li key={rating.id}>
              <Trans
                i18nKey="calibration:results.rating"
                values={{ name: rating.name, level: levelName(t, criterion, rating.level) }}
                components={{ strong: <strong /> }}
              />
              {rating.comment ? <span className="muted"> — {rating.comment}</span> : null}
            </li>
          ))}
          {cell.ratings.length === 0 ? <li className="muted">{t("calibration:results.noScores")}</li> : null}
        </ul>
      </td>
      <td>{cell.spread}</td>
      <td>
        {cell.benchmark === undefined ? (
          <span className="muted">{t("calibration:results.notAgreed")}</span>
        ) : (
          levelName(t, criterion, cell.benchmark)
        )}
      </td>
    </tr>
  );
}

/** One conversation's results: every rater and the grader per criterion, disagreements first. */
export function ConversationResult({
  item,
  number,
  conversation,
  criteria,
  canManage,
}: {
  item: ItemResult;
  number: number;
  conversation: Conversation;
  criteria: Criterion[];
  canManage: boolean;
}) {
  const agreed = Object.fromEntries(
    item.cells
      .filter((cell) => cell.benchmark !== undefined)
      .map((cell) => [cell.criterionId, { level: cell.benchmark ?? null, comment: null }]),
  );
  const headingId = `conversation-${item.id}`;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. {conversation.scenarioTitle}
        <span className="muted">
          {" "}
          · {conversation.agentName} · {format.day(conversation.startedAt)}
        </span>
      </h3>
      <p className="muted">
        {item.disagreements === 0
          ? t("calibration:results.allAgreed")
          : t("calibration:results.disagreements", { count: item.disagreements })}{" "}
        {canManage ? <Link to={`/practice/attempts/${conversation.attemptId}`}>{t("calibration:results.openConversation")}</Link> : null}
      </p>
      <DataTable
        textOnly
        caption={t("calibration:results.item.caption", { number })}
        columns={[
          t("calibration:results.item.column.criterion"),
          t("calibration:results.item.column.grader"),
          t("calibration:results.item.column.people"),
          t("calibration:results.item.column.spread"),
          t("calibration:results.item.column.agreed"),
        ]}
      >
        {item.cells.map((cell) => (
          <CellRow key={cell.criterionId} cell={cell} criterion={criteria.find((criterion) => criterion.id === cell.criterionId)} />
        ))}
      </DataTable>
      {canManage ? (
        <details className="benchmark-form" open={Object.keys(agreed).length === 0 && item.disagreements > 0}>
          <summary>{t("calibration:results.recordAgreed")}</summary>
          <ScoreForm
            id={`benchmark-${item.id}`}
            intent="benchmark"
            criteria={criteria}
            saved={agreed}
            withComments={false}
            submitLabel={t("calibration:results.saveAgreed")}
            hiddenFields={{ itemId: item.id }}
          />
        </details>
      ) : null}
    </section>
  );
}
