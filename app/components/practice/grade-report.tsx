import { Form, Link, useSearchParams } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Alert, Badge } from "../ui/layout.tsx";

export type ReportCriterion = {
  id: string;
  rubricId: string;
  title: string;
  /** The grader's level and its label: kept even when a reviewer overrides it. */
  label: string;
  level: number;
  /** The level that counts: the reviewer's when there is an override, else the grader's. */
  finalLevel: number;
  finalLabel: string;
  overridden: boolean;
  maxLevel: number;
  applicable: boolean;
  critical: boolean;
  /** The criterion's weight in the score (0 for critical criteria, which pass or fail the attempt). */
  weight: number;
  /** Reached its top level: its evidence is highlighted as a strength, anything lower as something to improve. */
  strength: boolean;
  evidence: { turn: number; span: [number, number]; text: string }[];
  /** Advice for the level that counts, with examples written for other cases left out. */
  suggestion: string;
  /** The grader isn't trusted on this criterion yet (see grader agreement): the level waits for a person's review. */
  provisional?: boolean;
  /** The organisation's language model's level and the words it quoted, beside the automatic grade. */
  opinion?: { level: number; label: string; turn: number; quote: string } | null;
};

/** One of the few things to fix first: where it showed in the transcript, what to do, and a reply that would have done it. */
export type TopFix = {
  criterionId: string;
  title: string;
  label: string;
  critical: boolean;
  /** The words that earned the level, or the first reply when nothing did. */
  quote: { turn: number; text: string; source: "evidence" | "first-reply" } | null;
  advice: string;
  betterReply: string | null;
};

type ReportGrade = {
  goals: string[];
  overallScore: number;
  passed: boolean;
  graderVersion: string;
  rubricVersions: Record<string, number>;
  criticalFailures: string[];
  criteria: ReportCriterion[];
  topFixes: TopFix[];
  comparison: { first: number; best: number; latest: number; attempts: number } | null;
  /** The language model's second opinion: who gave it, or why there is none. */
  opinion?: { model: string | null; note: string | null } | null;
};

const RUBRIC_TITLES: Record<string, string> = {
  empathy: "Empathy",
  resolution: "Resolution",
  communication: "Communication",
  efficiency: "Efficiency",
  critical: "Critical",
};

function LevelCell({ criterion }: { criterion: ReportCriterion }) {
  if (!criterion.applicable) return <span className="muted">N/A</span>;
  if (!criterion.overridden) {
    return (
      <>
        <strong>{criterion.label}</strong>{" "}
        <span className="muted">
          ({criterion.level}/{criterion.maxLevel})
        </span>
        {criterion.provisional ? (
          <>
            {" "}
            <Badge tone="warning">Provisional</Badge>
          </>
        ) : null}
      </>
    );
  }
  return (
    <span className="level-change">
      <span className="muted">Automatic:</span> {criterion.label} ({criterion.level}/{criterion.maxLevel}) <span aria-hidden="true">→</span>{" "}
      <span className="visually-hidden">changed in review to </span>
      <strong>
        {criterion.finalLabel} ({criterion.finalLevel}/{criterion.maxLevel})
      </strong>{" "}
      <span className="badge">Reviewed</span>
    </span>
  );
}

/** The language model's level beside the automatic one, with the words it rests on. */
function OpinionLine({ criterion }: { criterion: ReportCriterion }) {
  if (!criterion.opinion) return null;
  return (
    <p className="muted criterion-opinion">
      Second opinion: {criterion.opinion.label} ({criterion.opinion.level}/{criterion.maxLevel}) —{" "}
      <a href={`#turn-${criterion.opinion.turn}`}>“{criterion.opinion.quote}”</a>
    </p>
  );
}

/** Says whose second opinion the report shows, or why there is none; the automatic grade is the one that counts. */
function OpinionSummary({ opinion }: { opinion: ReportGrade["opinion"] }) {
  if (!opinion) return null;
  return (
    <div className="grade-report__opinion">
      {opinion.model ? (
        <p className="muted">
          Second opinion by {opinion.model}, shown under each level it gave. It does not change the score; it is measured in calibration
          like any rater.
        </p>
      ) : null}
      {opinion.note ? <p className="muted">{opinion.note}</p> : null}
    </div>
  );
}

function TopFixes({ fixes, action }: { fixes: TopFix[]; action?: (criterionId: string) => ReactNode }) {
  if (fixes.length === 0) {
    return <p className="top-fixes__none">Every criterion reached its top level. Nothing to fix: keep doing what you did.</p>;
  }
  return (
    <ol className="top-fixes">
      {fixes.map((fix) => (
        <li key={fix.criterionId} className="top-fix" aria-labelledby={`fix-${fix.criterionId}`}>
          <h4 id={`fix-${fix.criterionId}`} className="top-fix__title">
            {fix.title} <span className="top-fix__level">{fix.critical ? "Critical failure" : fix.label}</span>
          </h4>
          {fix.quote ? (
            <figure className="top-fix__quote">
              <figcaption className="muted">{fix.quote.source === "evidence" ? "What you wrote" : "Your first reply"}</figcaption>
              <blockquote>
                <a href={`#turn-${fix.quote.turn}`}>“{fix.quote.text}”</a>
              </blockquote>
            </figure>
          ) : null}
          <p className="top-fix__advice">
            <strong>Next time:</strong> {fix.advice}
          </p>
          {fix.betterReply ? (
            <div className="better-reply">
              <p className="better-reply__label">A better reply</p>
              <p className="better-reply__text">{fix.betterReply}</p>
            </div>
          ) : null}
          {action?.(fix.criterionId)}
        </li>
      ))}
    </ol>
  );
}

function StrengthCell({ criterion }: { criterion: ReportCriterion }) {
  if (!criterion.applicable) return null;
  return criterion.strength ? (
    <span className="criterion-tone criterion-tone--strength">
      <span aria-hidden="true">✓</span> Strength
    </span>
  ) : (
    <span className="criterion-tone criterion-tone--fault">
      <span aria-hidden="true">!</span> To improve
    </span>
  );
}

/** Says how the transcript's highlights read, in words and symbols as well as colour. */
export function HighlightLegend() {
  return (
    <p className="highlight-legend">
      <span className="muted">Highlights in the conversation:</span>{" "}
      <mark className="evidence-mark evidence-mark--strength">
        <span aria-hidden="true">✓ </span>a strength
      </mark>{" "}
      <mark className="evidence-mark evidence-mark--fault">
        <span aria-hidden="true">! </span>something to improve
      </mark>
    </p>
  );
}

/**
 * The grade as coaching: the two or three fixes that matter most, then every criterion with its
 * evidence folded below. `review` adds a full-width row under a criterion (override reason,
 * disputes, review forms) when it returns something; `fixAction` adds a control to a top fix.
 */
export function GradeReport({
  grade,
  outcome,
  retryTo,
  title = "Your grade",
  review,
  fixAction,
  rubricOpen = false,
}: {
  grade: ReportGrade;
  outcome: string;
  retryTo: string | null;
  title?: string;
  review?: (criterion: ReportCriterion) => ReactNode;
  fixAction?: (criterionId: string) => ReactNode;
  /** Shows every criterion unfolded: for reviewers, whose tools are on the rows. */
  rubricOpen?: boolean;
}) {
  const [searchParams] = useSearchParams();
  // Disputing a criterion opens the rubric where its form is.
  const open = rubricOpen || searchParams.has("dispute");
  const rubrics = [...new Set(grade.criteria.map((criterion) => criterion.rubricId))];
  const overrides = grade.criteria.filter((criterion) => criterion.overridden).length;
  const strengths = grade.criteria.filter((criterion) => criterion.strength).length;
  return (
    <section id="report" className="card grade-report" aria-labelledby="report-title">
      <h2 id="report-title">{title}</h2>
      <div className="grade-report__summary">
        <p className="stat">{grade.overallScore}</p>
        <div>
          <p>
            {grade.passed ? <Badge tone="success">Passed</Badge> : <Badge tone="danger">Not passed</Badge>} · {outcome}
          </p>
          {grade.comparison ? (
            <p className="muted">
              First {grade.comparison.first} → best {grade.comparison.best} → latest {grade.comparison.latest} over{" "}
              {grade.comparison.attempts} {grade.comparison.attempts === 1 ? "graded attempt" : "graded attempts"}
            </p>
          ) : null}
          {overrides > 0 ? (
            <p className="muted">
              {overrides === 1 ? "One level was" : `${overrides} levels were`} changed in review; the score and the result use the final
              levels.
            </p>
          ) : null}
        </div>
      </div>
      {grade.criticalFailures.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>Critical failure:</strong> {grade.criticalFailures.join(", ")}. A critical failure fails the attempt whatever the score.
          </p>
        </div>
      ) : null}
      <section className="grade-report__fixes" aria-labelledby="fixes-title">
        <h3 id="fixes-title">Fix these first</h3>
        <TopFixes fixes={grade.topFixes} action={fixAction} />
      </section>
      <details className="grade-report__goals">
        <summary>What resolving this case needed</summary>
        <ul>
          {grade.goals.map((goal) => (
            <li key={goal}>{goal}</li>
          ))}
        </ul>
      </details>
      {grade.criteria.some((criterion) => criterion.provisional) ? (
        <Alert tone="warning">
          Levels marked Provisional are on criteria where the automatic grader doesn't yet agree well enough with people. They count towards
          career readiness once a lead has reviewed this conversation.
        </Alert>
      ) : null}
      <OpinionSummary opinion={grade.opinion} />
      <details className="grade-report__all" open={open || undefined}>
        <summary>
          Every criterion{" "}
          <span className="muted">
            ({grade.criteria.length} criteria, {strengths} {strengths === 1 ? "strength" : "strengths"})
          </span>
        </summary>
        {rubrics.map((rubricId) => (
          <div key={rubricId} className="grade-report__rubric">
            <h3>{RUBRIC_TITLES[rubricId] ?? rubricId}</h3>
            <DataTable
              caption={`${RUBRIC_TITLES[rubricId] ?? rubricId} criteria`}
              columns={["Criterion", "Level", "Evidence", "Next time"]}
            >
              {grade.criteria
                .filter((criterion) => criterion.rubricId === rubricId)
                .map((criterion) => {
                  const extra = review?.(criterion);
                  const tone = criterion.applicable ? (criterion.strength ? " criterion-row--strength" : " criterion-row--fault") : "";
                  return (
                    <Fragment key={criterion.id}>
                      <tr id={`criterion-${criterion.id}`} className={`criterion-row${tone}${extra ? " criterion-row--with-review" : ""}`}>
                        <th scope="row">{criterion.title}</th>
                        <td>
                          <LevelCell criterion={criterion} /> <StrengthCell criterion={criterion} />
                          <OpinionLine criterion={criterion} />
                        </td>
                        <td>
                          {criterion.evidence.length === 0 ? (
                            <span className="muted">—</span>
                          ) : (
                            <ul className="evidence">
                              {criterion.evidence.slice(0, 3).map((evidence) => (
                                <li key={`${evidence.turn}-${evidence.span[0]}`}>
                                  <a href={`#turn-${evidence.turn}`}>“{evidence.text}”</a>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>{criterion.suggestion}</td>
                      </tr>
                      {extra ? (
                        <tr className="criterion-review">
                          <td colSpan={4}>{extra}</td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
            </DataTable>
          </div>
        ))}
      </details>
      <p className="muted grade-report__versions">
        Grader {grade.graderVersion} · rubrics{" "}
        {Object.entries(grade.rubricVersions)
          .map(([id, version]) => `${id} v${version}`)
          .join(", ")}
      </p>
      {retryTo ? <RetryForm scenarioTo={retryTo} /> : null}
    </section>
  );
}

/** Starts a new attempt on the scenario's own page, as its "Start" button does. */
function RetryForm({ scenarioTo }: { scenarioTo: string }) {
  const pending = useIsPending({ intent: "start", formAction: scenarioTo });
  return (
    <Form method="post" action={scenarioTo} className="row">
      <input type="hidden" name="intent" value="start" />
      <Button type="submit" pending={pending}>
        Try this scenario again
      </Button>
      <Link to="/practice">Back to Practice</Link>
    </Form>
  );
}
