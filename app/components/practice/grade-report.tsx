import { Form, Link, useSearchParams } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { translateMessage } from "~/i18n/message.ts";
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

const RUBRIC_TITLES: Record<string, `practice:${string}`> = {
  empathy: "practice:rubric.empathy",
  resolution: "practice:rubric.resolution",
  communication: "practice:rubric.communication",
  efficiency: "practice:rubric.efficiency",
  critical: "practice:rubric.critical",
};

function LevelCell({ criterion }: { criterion: ReportCriterion }) {
  const { t } = useTranslation();
  if (!criterion.applicable) return <span className="muted">{t("practice:report.notApplicable")}</span>;
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
            <Badge tone="warning">{t("practice:report.provisional")}</Badge>
          </>
        ) : null}
      </>
    );
  }
  return (
    <span className="level-change">
      <span className="muted">{t("practice:report.automatic")}</span> {criterion.label} ({criterion.level}/{criterion.maxLevel}){" "}
      <span aria-hidden="true">→</span> <span className="visually-hidden">{t("practice:report.changedTo")}</span>
      <strong>
        {translateMessage(t, criterion.finalLabel)} ({criterion.finalLevel}/{criterion.maxLevel})
      </strong>{" "}
      <span className="badge">{t("practice:report.reviewed")}</span>
    </span>
  );
}

/** The language model's level beside the automatic one, with the words it rests on. */
function OpinionLine({ criterion }: { criterion: ReportCriterion }) {
  const { t } = useTranslation();
  if (!criterion.opinion) return null;
  return (
    <p className="muted criterion-opinion">
      {t("practice:report.secondOpinion", {
        label: translateMessage(t, criterion.opinion.label),
        level: criterion.opinion.level,
        max: criterion.maxLevel,
      })}{" "}
      <a href={`#turn-${criterion.opinion.turn}`}>{t("practice:report.quote", { text: criterion.opinion.quote })}</a>
    </p>
  );
}

/** Says whose second opinion the report shows, or why there is none; the automatic grade is the one that counts. */
function OpinionSummary({ opinion }: { opinion: ReportGrade["opinion"] }) {
  const { t } = useTranslation();
  if (!opinion) return null;
  return (
    <div className="grade-report__opinion">
      {opinion.model ? <p className="muted">{t("practice:report.opinionBy", { model: opinion.model })}</p> : null}
      {opinion.note ? <p className="muted">{translateMessage(t, opinion.note)}</p> : null}
    </div>
  );
}

function TopFixes({ fixes, action }: { fixes: TopFix[]; action?: (criterionId: string) => ReactNode }) {
  const { t } = useTranslation();
  if (fixes.length === 0) {
    return <p className="top-fixes__none">{t("practice:report.noFixes")}</p>;
  }
  return (
    <ol className="top-fixes">
      {fixes.map((fix) => (
        <li key={fix.criterionId} className="top-fix" aria-labelledby={`fix-${fix.criterionId}`}>
          <h4 id={`fix-${fix.criterionId}`} className="top-fix__title">
            {fix.title}{" "}
            <span className="top-fix__level">{fix.critical ? t("practice:report.criticalFailure") : translateMessage(t, fix.label)}</span>
          </h4>
          {fix.quote ? (
            <figure className="top-fix__quote">
              <figcaption className="muted">
                {fix.quote.source === "evidence" ? t("practice:report.whatYouWrote") : t("practice:report.yourFirstReply")}
              </figcaption>
              <blockquote>
                <a href={`#turn-${fix.quote.turn}`}>{t("practice:report.quote", { text: fix.quote.text })}</a>
              </blockquote>
            </figure>
          ) : null}
          <p className="top-fix__advice">
            <strong>{t("practice:report.nextTimeLabel")}</strong> {fix.advice}
          </p>
          {fix.betterReply ? (
            <div className="better-reply">
              <p className="better-reply__label">{t("practice:report.betterReply")}</p>
              <p className="better-reply__text">{fix.betterReply}</p>
            </div>
          ) : null}
          {action?.(fix.criterionId)}
        </li>
      ))}
    </ol>
  );
}

/** The row's modifier class: a strength, something to improve, or neither when the criterion didn't apply. */
function rowTone(criterion: ReportCriterion): string {
  if (!criterion.applicable) return "";
  return criterion.strength ? " criterion-row--strength" : " criterion-row--fault";
}

function StrengthCell({ criterion }: { criterion: ReportCriterion }) {
  const { t } = useTranslation();
  if (!criterion.applicable) return null;
  return criterion.strength ? (
    <span className="criterion-tone criterion-tone--strength">
      <span aria-hidden="true">✓</span> {t("practice:report.strength")}
    </span>
  ) : (
    <span className="criterion-tone criterion-tone--fault">
      <span aria-hidden="true">!</span> {t("practice:report.toImprove")}
    </span>
  );
}

/** Says how the transcript's highlights read, in words and symbols as well as colour. */
export function HighlightLegend() {
  const { t } = useTranslation();
  return (
    <p className="highlight-legend">
      <span className="muted">{t("practice:report.highlights")}</span>{" "}
      <mark className="evidence-mark evidence-mark--strength">
        <span aria-hidden="true">✓ </span>
        {t("practice:report.aStrength")}
      </mark>{" "}
      <mark className="evidence-mark evidence-mark--fault">
        <span aria-hidden="true">! </span>
        {t("practice:report.somethingToImprove")}
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
  title,
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
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  // Disputing a criterion opens the rubric where its form is.
  const open = rubricOpen || searchParams.has("dispute");
  const rubrics = [...new Set(grade.criteria.map((criterion) => criterion.rubricId))];
  const overrides = grade.criteria.filter((criterion) => criterion.overridden).length;
  const strengths = grade.criteria.filter((criterion) => criterion.strength).length;
  return (
    <section id="report" className="card grade-report" aria-labelledby="report-title">
      <h2 id="report-title">{title ?? t("practice:report.title")}</h2>
      <div className="grade-report__summary">
        <p className="stat">{grade.overallScore}</p>
        <div>
          <p>
            {grade.passed ? (
              <Badge tone="success">{t("practice:report.passed")}</Badge>
            ) : (
              <Badge tone="danger">{t("practice:report.notPassed")}</Badge>
            )}{" "}
            · {translateMessage(t, outcome)}
          </p>
          {grade.comparison ? (
            <p className="muted">{t("practice:report.comparison", { ...grade.comparison, count: grade.comparison.attempts })}</p>
          ) : null}
          {overrides > 0 ? <p className="muted">{t("practice:report.overrides", { count: overrides })}</p> : null}
        </div>
      </div>
      {grade.criticalFailures.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>
            <Trans
              i18nKey="practice:report.criticalFailures"
              values={{ criteria: grade.criticalFailures.join(t("practice:report.listSeparator")) }}
              components={{ strong: <strong /> }}
            />
          </p>
        </div>
      ) : null}
      <section className="grade-report__fixes" aria-labelledby="fixes-title">
        <h3 id="fixes-title">{t("practice:report.fixesTitle")}</h3>
        <TopFixes fixes={grade.topFixes} action={fixAction} />
      </section>
      {grade.goals.length > 0 ? (
        <details className="grade-report__goals">
          <summary>{t("practice:report.goals")}</summary>
          <ul>
            {grade.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {grade.criteria.some((criterion) => criterion.provisional) ? (
        <Alert tone="warning">{t("practice:report.provisionalNote")}</Alert>
      ) : null}
      <OpinionSummary opinion={grade.opinion} />
      <details className="grade-report__all" open={open || undefined}>
        <summary>
          {t("practice:report.everyCriterion")}{" "}
          <span className="muted">{t("practice:report.criteriaCount", { criteria: grade.criteria.length, count: strengths })}</span>
        </summary>
        {rubrics.map((rubricId) => (
          <div key={rubricId} className="grade-report__rubric">
            <h3>{RUBRIC_TITLES[rubricId] ? t(RUBRIC_TITLES[rubricId]) : rubricId}</h3>
            <DataTable
              caption={t("practice:report.rubricCaption", { rubric: RUBRIC_TITLES[rubricId] ? t(RUBRIC_TITLES[rubricId]) : rubricId })}
              columns={[
                t("practice:report.column.criterion"),
                t("practice:report.column.level"),
                t("practice:report.column.evidence"),
                t("practice:report.column.nextTime"),
              ]}
            >
              {grade.criteria
                .filter((criterion) => criterion.rubricId === rubricId)
                .map((criterion) => {
                  const extra = review?.(criterion);
                  const tone = rowTone(criterion);
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
                                  <a href={`#turn-${evidence.turn}`}>{t("practice:report.quote", { text: evidence.text })}</a>
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
        {t("practice:report.versions", {
          grader: grade.graderVersion,
          rubrics: Object.entries(grade.rubricVersions)
            .map(([id, version]) => `${id} v${version}`)
            .join(", "),
        })}
      </p>
      {retryTo ? <RetryForm scenarioTo={retryTo} /> : null}
    </section>
  );
}

/** Starts a new attempt on the scenario's own page, as its "Start" button does. */
function RetryForm({ scenarioTo }: { scenarioTo: string }) {
  const { t } = useTranslation();
  const pending = useIsPending({ intent: "start", formAction: scenarioTo });
  return (
    <Form method="post" action={scenarioTo} className="row">
      <input type="hidden" name="intent" value="start" />
      <Button type="submit" pending={pending}>
        {t("practice:report.tryAgain")}
      </Button>
      <Link to="/practice">{t("practice:report.backToPractice")}</Link>
    </Form>
  );
}
