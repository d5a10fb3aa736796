import { competencyAverage, type CareerAttempt } from "./evaluate.ts";

/**
 * A person's measured competencies from graded practice (reviewed levels first), the same
 * averages the career ladder uses. Pure. Averages are on the 0–2 rubric scale.
 */
export type MeasuredCompetency = { key: string; average: number | null; attempts: number };

/** How many of the latest graded attempts that assessed a competency make up its measure. */
export const MEASURED_OVER_LAST = 5;

/** A measured average at or above this is a strength worth offering as a mentor. */
export const STRENGTH_AVERAGE = 1.5;

export function measureCompetencies(
  attempts: CareerAttempt[],
  keys: readonly string[],
  overLast = MEASURED_OVER_LAST,
): MeasuredCompetency[] {
  return keys.map((key) => {
    const { average, used } = competencyAverage(attempts, key, overLast);
    return { key, average, attempts: used.length };
  });
}

/** Measured strengths, strongest first (ties in the given order). */
export function suggestedStrengths(measured: MeasuredCompetency[], limit = 3): string[] {
  return measured
    .filter((entry) => entry.average !== null && entry.average >= STRENGTH_AVERAGE)
    .sort((a, b) => b.average! - a.average!)
    .slice(0, limit)
    .map((entry) => entry.key);
}

/** Weakest measured competencies, weakest first; unmeasured ones are not guessed at. */
export function suggestedFocus(measured: MeasuredCompetency[], limit = 3): string[] {
  return measured
    .filter((entry) => entry.average !== null && entry.average < STRENGTH_AVERAGE)
    .sort((a, b) => a.average! - b.average!)
    .slice(0, limit)
    .map((entry) => entry.key);
}

/** 0 (no gap) .. 1 (nothing measured above zero): how far below the top of the scale. */
export function gapOf(entry: MeasuredCompetency | undefined): number {
  return entry?.average == null ? 1 : Math.max(0, Math.min(1, 1 - entry.average / 2));
}

/** 0..1: the measured level as a share of the top of the scale; unmeasured is 0. */
export function strengthOf(entry: MeasuredCompetency | undefined): number {
  return entry?.average == null ? 0 : Math.max(0, Math.min(1, entry.average / 2));
}
