import { Form, Link } from "@remix-run/react";
import { Button } from "../ui/button.tsx";
import { Badge } from "../ui/layout.tsx";

export type ReportCriterion = {
  id: string;
  rubricId: string;
  title: string;
  label: string;
  level: number;
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

export function GradeReport({ grade, outcome, retryTo }: { grade: ReportGrade; outcome: string; retryTo: string | null }) {
  const rubrics = [...new Set(grade.criteria.map((criterion) => criterion.rubricId))];
  return (
    <section id="report" className="card grade-report" aria-labelledby="report-title">
      <h2 id="report-title">Your grade</h2>
      <div className="grade-report__summary">
        <p className="stat">{grade.overallScore}</p>
        <div>
          <p>
            {grade.passed ? <Badge tone="success">Passed</Badge> : <Badge tone="danger">Not passed</Badge>} · {outcome}
          </p>
          {grade.comparison ? (
            <p className="muted">
              First {grade.comparison.first} → best {grade.comparison.best} → latest {grade.comparison.latest} over {grade.comparison.attempts}{" "}
              {grade.comparison.attempts === 1 ? "graded attempt" : "graded attempts"}
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
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{RUBRIC_TITLES[rubricId] ?? rubricId} criteria</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Level</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Next time</th>
                </tr>
              </thead>
              <tbody>
                {grade.criteria
                  .filter((criterion) => criterion.rubricId === rubricId)
                  .map((criterion) => (
                    <tr key={criterion.id}>
                      <th scope="row">{criterion.title}</th>
                      <td>
                        {criterion.applicable ? (
                          <>
                            <strong>{criterion.label}</strong> <span className="muted">({criterion.level}/{criterion.maxLevel})</span>
                          </>
                        ) : (
                          <span className="muted">N/A</span>
                        )}
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
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
      <p className="muted grade-report__versions">
        Grader {grade.graderVersion} · rubrics {Object.entries(grade.rubricVersions).map(([id, version]) => `${id} v${version}`).join(", ")}
      </p>
      {retryTo ? (
        <Form method="post" action={retryTo} className="row">
          <Button type="submit">Try this scenario again</Button>
          <Link to="/practice">Back to Practice</Link>
        </Form>
      ) : null}
    </section>
  );
}
