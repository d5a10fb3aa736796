import { Form, Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useIsPending } from "../forms/use-is-pending.ts";
import { Button } from "../ui/button.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { Badge } from "../ui/layout.tsx";

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
  evidence: { turn: number; span: [number, number]; text: string }[];
  suggestion: string;
};

type ReportGrade = {
  goals: string[];
  overallScore: number;
  passed: boolean;
  graderVersion: string;
  rubricVersions: Record<string, number>;
  criticalFailures: string[];
  criteria: ReportCriterion[];
  comparison: { first: number; best: number; latest: number; attempts: number } | null;
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

/**
 * The grade with its evidence. `review` adds a full-width row under a
 * criterion (override reason, disputes, review forms) when it returns something.
 */
export function GradeReport({
  grade,
  outcome,
  retryTo,
  title = "Your grade",
  review,
}: {
  grade: ReportGrade;
  outcome: string;
  retryTo: string | null;
  title?: string;
  review?: (criterion: ReportCriterion) => ReactNode;
}) {
  const rubrics = [...new Set(grade.criteria.map((criterion) => criterion.rubricId))];
  const overrides = grade.criteria.filter((criterion) => criterion.overridden).length;
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
      <details className="grade-report__goals">
        <summary>What resolving this case needed</summary>
        <ul>
          {grade.goals.map((goal) => (
            <li key={goal}>{goal}</li>
          ))}
        </ul>
      </details>
      {rubrics.map((rubricId) => (
        <div key={rubricId} className="grade-report__rubric">
          <h3>{RUBRIC_TITLES[rubricId] ?? rubricId}</h3>
          <DataTable caption={`${RUBRIC_TITLES[rubricId] ?? rubricId} criteria`} columns={["Criterion", "Level", "Evidence", "Next time"]}>
            {grade.criteria
              .filter((criterion) => criterion.rubricId === rubricId)
              .map((criterion) => {
                const extra = review?.(criterion);
                return (
                  <Fragment key={criterion.id}>
                    <tr id={`criterion-${criterion.id}`} className={extra ? "criterion-row criterion-row--with-review" : "criterion-row"}>
                      <th scope="row">{criterion.title}</th>
                      <td>
                        <LevelCell criterion={criterion} />
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
