import type { Rubric } from "~/content/practice-schemas.ts";

/** One stored criterion result as a review sees it: the automatic level and a reviewer's override, if any. */
export type ReviewedCriterion = {
  criterionId: string;
  weight: number;
  critical: boolean;
  applicable: boolean;
  level: number;
  maxLevel: number;
  overrideLevel: number | null;
};

export type LevelChoice = { level: number; label: string };

/** The level that counts: a reviewer's override wins over the grader's level, which stays on record. */
export function finalLevel(criterion: Pick<ReviewedCriterion, "level" | "overrideLevel">): number {
  return criterion.overrideLevel ?? criterion.level;
}

/**
 * Re-scores a stored grade from its final levels with the grader's rule
 * (engine/grading/grade.ts): the weighted share of levels reached over
 * applicable, non-critical criteria; a critical criterion at 0 or a customer who
 * gave up fails the attempt. The weights are the ones stored with the grade, so a
 * rubric edited since then does not change an old attempt's score.
 */
export function rescoreGrade(criteria: ReviewedCriterion[], { passScore, outcome }: { passScore: number; outcome: string }) {
  const scored = criteria.filter((criterion) => criterion.applicable && !criterion.critical && criterion.weight > 0);
  const totalWeight = scored.reduce((sum, criterion) => sum + criterion.weight, 0);
  const weighted = scored.reduce((sum, criterion) => sum + criterion.weight * (finalLevel(criterion) / criterion.maxLevel), 0);
  const overallScore = totalWeight === 0 ? 0 : Math.round((weighted / totalWeight) * 100);
  const criticalFailures = criteria
    .filter((criterion) => criterion.critical && criterion.applicable && finalLevel(criterion) === 0)
    .map((criterion) => criterion.criterionId);
  return {
    overallScore,
    passed: overallScore >= passScore && criticalFailures.length === 0 && outcome !== "abandoned",
    criticalFailures,
  };
}

/**
 * The levels a reviewer may give a criterion: the rubric's own levels up to the
 * stored maximum (critical criteria skip 1, for instance). A criterion whose
 * rubric no longer defines it falls back to every whole level up to its maximum.
 */
export function levelChoices(criterion: { criterionId: string; maxLevel: number }, rubrics: Rubric[]): LevelChoice[] {
  const definition = rubrics.flatMap((rubric) => rubric.criteria).find((candidate) => candidate.id === criterion.criterionId);
  if (!definition) return Array.from({ length: criterion.maxLevel + 1 }, (_, level) => ({ level, label: `Level ${level}` }));
  return definition.levels
    .filter((candidate) => candidate.level <= criterion.maxLevel)
    .map((candidate) => ({ level: candidate.level, label: candidate.label }))
    .sort((a, b) => a.level - b.level);
}
