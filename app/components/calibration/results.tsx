import { Link } from "@remix-run/react";
import type { CellResult, CriterionSummary, ItemResult } from "~/engine/calibration/results.ts";
import type { Judgement, KappaEstimate } from "~/engine/grading/calibration-stats.ts";
import { formatDate } from "~/utils/format.ts";
import { DataTable } from "../ui/data-table.tsx";
import { Badge } from "../ui/layout.tsx";
import { ScoreForm, type ScoredCriterion } from "./score-form.tsx";

type Criterion = ScoredCriterion;
type Conversation = { attemptId: string; agentName: string; scenarioTitle: string; startedAt: Date | string };

export function levelName(criterion: Criterion | undefined, level: Judgement): string {
  if (level === null) return "N/A";
  const label = criterion?.levels.find((candidate) => candidate.level === level)?.label;
  return label ? `${level} · ${label}` : String(level);
}

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const decimal = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** Kappa with its 95% interval: "0.78 (0.37–1.00)". */
export function KappaFigure({ estimate }: { estimate: KappaEstimate | null }) {
  if (!estimate) return <span className="muted">no data yet</span>;
  return (
    <span>
      {decimal(estimate.kappa)}{" "}
      <span className="muted">
        ({decimal(estimate.low)}–{decimal(estimate.high)})<span className="visually-hidden">, 95% confidence interval</span>
      </span>
    </span>
  );
}

/** Per criterion: agreement with the grader, each rater's kappa, and alpha across the people. */
export function CriterionAgreement({ criteria, summaries }: { criteria: Criterion[]; summaries: CriterionSummary[] }) {
  return (
    <DataTable
      textOnly
      caption="Agreement per criterion"
      columns={[
        "Criterion",
        "Conversations judged",
        "Exact agreement with the grader",
        "Cohen's kappa, each rater vs the grader (95% interval)",
        "Krippendorff's alpha across people",
      ]}
    >
      {summaries.map((summary) => (
        <tr key={summary.criterionId}>
          <th scope="row">{criteria.find((criterion) => criterion.id === summary.criterionId)?.title ?? summary.criterionId}</th>
          <td>{summary.judged}</td>
          <td>{percent(summary.exactAgreement)}</td>
          <td>
            <ul className="plain-list">
              {summary.raters.map((rater) => (
                <li key={rater.id}>
                  {rater.name}: <KappaFigure estimate={rater.kappa} />
                </li>
              ))}
            </ul>
          </td>
          <td>{decimal(summary.alpha)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function CellRow({ cell, criterion }: { cell: CellResult; criterion: Criterion | undefined }) {
  return (
    <tr className={cell.disagreement ? "calibration-row--disagreement" : undefined}>
      <th scope="row">
        {criterion?.title ?? cell.criterionId}
        {cell.disagreement ? (
          <>
            {" "}
            <Badge tone="warning">Disagreement</Badge>
          </>
        ) : null}
      </th>
      <td>
        {cell.grader ? levelName(criterion, cell.grader.level) : "—"}
        {cell.grader?.quote ? (
          <blockquote className="evidence-quote">
            “{cell.grader.quote}”{cell.grader.turn !== null ? <span className="muted"> (message {cell.grader.turn + 1})</span> : null}
          </blockquote>
        ) : null}
      </td>
      <td>
        <ul className="plain-list">
          {cell.ratings.map((rating) => (
            <li key={rating.id}>
              <strong>{rating.name}</strong>: {levelName(criterion, rating.level)}
              {rating.comment ? <span className="muted"> — {rating.comment}</span> : null}
            </li>
          ))}
          {cell.ratings.length === 0 ? <li className="muted">No scores</li> : null}
        </ul>
      </td>
      <td>{cell.spread}</td>
      <td>{cell.benchmark === undefined ? <span className="muted">Not agreed yet</span> : levelName(criterion, cell.benchmark)}</td>
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
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. {conversation.scenarioTitle}
        <span className="muted">
          {" "}
          · {conversation.agentName} · {formatDate(conversation.startedAt)}
        </span>
      </h3>
      <p className="muted">
        {item.disagreements === 0
          ? "Everyone agreed with each other and with the grader."
          : `${item.disagreements} ${item.disagreements === 1 ? "criterion" : "criteria"} with disagreement.`}{" "}
        {canManage ? <Link to={`/practice/attempts/${conversation.attemptId}`}>Open the graded conversation</Link> : null}
      </p>
      <DataTable
        textOnly
        caption={`Scores for conversation ${number}`}
        columns={["Criterion", "Automatic grade and evidence", "People", "Spread", "Agreed level"]}
      >
        {item.cells.map((cell) => (
          <CellRow key={cell.criterionId} cell={cell} criterion={criteria.find((criterion) => criterion.id === cell.criterionId)} />
        ))}
      </DataTable>
      {canManage ? (
        <details className="benchmark-form" open={Object.keys(agreed).length === 0 && item.disagreements > 0}>
          <summary>Record the agreed levels</summary>
          <ScoreForm
            id={`benchmark-${item.id}`}
            intent="benchmark"
            criteria={criteria}
            saved={agreed}
            withComments={false}
            submitLabel="Save the agreed levels"
            hiddenFields={{ itemId: item.id }}
          />
        </details>
      ) : null}
    </section>
  );
}
