// What the home dashboards single out: who is below the pass mark or slipping, the skill to
// practise next, which way recent scores are heading, and the week a 1:1 falls in. Pure: no I/O.
import { localDate, zonedDateTimeToUtc } from "./sessions.ts";

/** Graded conversations that make up "recent" work, newest first. */
export const RECENT_ATTEMPTS = 5;
/** How many conversations before those form the earlier average a drop is measured against. */
export const EARLIER_ATTEMPTS = 5;
/** Fewest earlier conversations that make a drop meaningful rather than noise. */
export const MIN_EARLIER_ATTEMPTS = 2;
/** A fall of this many points or more between the earlier and the recent average is slipping. */
export const SLIP_POINTS = 8;

export type ScoredAttempt = { score: number; passScore: number };

export type Standing =
  | { kind: "below-pass"; recentAverage: number; passScore: number }
  | { kind: "slipping"; recentAverage: number; earlierAverage: number; drop: number }
  | { kind: "steady"; recentAverage: number };

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Where a person stands on their graded practice, newest first. Below pass: the average of the
 * recent conversations is under the average pass mark of those scenarios. Slipping: at or above
 * it, but at least SLIP_POINTS lower than the average of the conversations before. Null when
 * there is nothing graded.
 */
export function standing(attempts: ScoredAttempt[]): Standing | null {
  const recent = attempts.slice(0, RECENT_ATTEMPTS);
  if (recent.length === 0) return null;
  const recentAverage = Math.round(mean(recent.map((attempt) => attempt.score)));
  const passScore = Math.round(mean(recent.map((attempt) => attempt.passScore)));
  if (recentAverage < passScore) return { kind: "below-pass", recentAverage, passScore };
  const earlier = attempts.slice(RECENT_ATTEMPTS, RECENT_ATTEMPTS + EARLIER_ATTEMPTS);
  if (earlier.length >= MIN_EARLIER_ATTEMPTS) {
    const earlierAverage = Math.round(mean(earlier.map((attempt) => attempt.score)));
    const drop = earlierAverage - recentAverage;
    if (drop >= SLIP_POINTS) return { kind: "slipping", recentAverage, earlierAverage, drop };
  }
  return { kind: "steady", recentAverage };
}

export type Trend = { direction: "up" | "down" | "flat"; points: number; over: number };

/** The change from the oldest to the newest of the scores given (oldest first); null under two scores. */
export function scoreTrend(scoresOldestFirst: number[]): Trend | null {
  if (scoresOldestFirst.length < 2) return null;
  const change = scoresOldestFirst[scoresOldestFirst.length - 1] - scoresOldestFirst[0];
  return {
    direction: change > 0 ? "up" : change < 0 ? "down" : "flat",
    points: Math.abs(change),
    over: scoresOldestFirst.length,
  };
}

export type CriterionResult = { competency: string; level: number; overrideLevel: number | null; maxLevel: number };
export type PracticeOption = { slug: string; competencies: string[] };
export type NextSkill = { competency: string; percent: number; scenarioSlug: string | null };

/**
 * The competency to practise next: the one with the lowest share of the available levels across
 * the criteria given (a lead's override counts over the grader's level), ties broken by key so the
 * answer is stable; with the first scenario (in the order given, easiest first) that practises it.
 */
export function nextSkill(criteria: CriterionResult[], scenarios: PracticeOption[]): NextSkill | null {
  const totals = new Map<string, { earned: number; possible: number }>();
  for (const criterion of criteria) {
    if (criterion.maxLevel <= 0) continue;
    const entry = totals.get(criterion.competency) ?? { earned: 0, possible: 0 };
    entry.earned += criterion.overrideLevel ?? criterion.level;
    entry.possible += criterion.maxLevel;
    totals.set(criterion.competency, entry);
  }
  const ranked = [...totals.entries()]
    .map(([competency, { earned, possible }]) => ({ competency, share: earned / possible }))
    .sort((a, b) => a.share - b.share || a.competency.localeCompare(b.competency));
  const weakest = ranked[0];
  if (!weakest) return null;
  const scenario = scenarios.find((option) => option.competencies.includes(weakest.competency));
  return { competency: weakest.competency, percent: Math.round(weakest.share * 100), scenarioSlug: scenario?.slug ?? null };
}

/** Monday 00:00 to the next Monday 00:00 of the week `now` falls in, on the zone's calendar. */
export function weekBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const today = localDate(now, timeZone);
  const noon = new Date(`${today}T12:00:00Z`);
  const sinceMonday = (noon.getUTCDay() + 6) % 7;
  const day = (offset: number) => new Date(noon.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    start: zonedDateTimeToUtc(`${day(-sinceMonday)}T00:00`, timeZone)!,
    end: zonedDateTimeToUtc(`${day(7 - sinceMonday)}T00:00`, timeZone)!,
  };
}
