// The status of one assignment, decided from the assignment and what its
// assignee has done since it was created. Pure: the model loads, this decides.
//
// Decisions:
// - Only activity at or after the assignment's creation counts. A module
//   finished last year does not complete this year's assignment (the model
//   skips people who already completed a module's current version, because a
//   progress row cannot be completed twice); a scenario must be passed again.
// - A scenario counts as passed when a graded attempt reaches the minimum
//   score, every minimum criterion level (a lead's override replaces the
//   automatic level) and has no failed critical criterion. A criterion that
//   did not apply in the attempt does not meet a minimum: there is no evidence.
// - Precedence: completed, then past due, then not passed, then in progress,
//   then not started. A failed attempt outranks an attempt still open, because
//   a conversation left open would otherwise hide the failure for ever.
import type { AssignmentKind, AssignmentStatus } from "~/domain/coaching.ts";

export type AssignmentFacts = {
  kind: AssignmentKind;
  contentSlug: string;
  createdAt: Date;
  dueAt: Date;
  /** Scenarios: overall score needed; null falls back to the scenario's pass score. */
  minScore: number | null;
  /** Scenarios: criterion id → lowest acceptable final level. */
  minLevels: Record<string, number>;
};

export type ProgressActivity = { moduleSlug: string; completedAt: Date | null; updatedAt: Date };

export type GradedCriterion = { criterionId: string; critical: boolean; applicable: boolean; level: number; overrideLevel: number | null };

export type AttemptActivity = {
  scenarioSlug: string;
  startedAt: Date;
  /** Null while the conversation is still going (or was never graded). */
  grade: { overallScore: number; criteria: GradedCriterion[] } | null;
};

export type AssigneeActivity = { progress: ProgressActivity[]; attempts: AttemptActivity[] };

export const DUE_SOON_DAYS = 2;
const DAY_MS = 86_400_000;

/** The level that counts: a lead's override when there is one. */
export function finalLevel(criterion: { level: number; overrideLevel: number | null }): number {
  return criterion.overrideLevel ?? criterion.level;
}

/** Whether one graded attempt satisfies a scenario assignment's pass criteria. */
export function meetsCriteria(
  grade: NonNullable<AttemptActivity["grade"]>,
  { minScore, minLevels }: { minScore: number; minLevels: Record<string, number> },
): boolean {
  if (grade.overallScore < minScore) return false;
  if (grade.criteria.some((criterion) => criterion.critical && criterion.applicable && finalLevel(criterion) === 0)) return false;
  return Object.entries(minLevels).every(([criterionId, minimum]) => {
    const criterion = grade.criteria.find((candidate) => candidate.criterionId === criterionId);
    return criterion !== undefined && criterion.applicable && finalLevel(criterion) >= minimum;
  });
}

export function assignmentStatus(
  assignment: AssignmentFacts,
  activity: AssigneeActivity,
  { now, passScore = 70 }: { now: Date; passScore?: number },
): AssignmentStatus {
  const since = assignment.createdAt.getTime();
  let completed = false;
  let notPassed = false;
  let started = false;

  if (assignment.kind === "module") {
    const rows = activity.progress.filter((row) => row.moduleSlug === assignment.contentSlug);
    completed = rows.some((row) => row.completedAt !== null && row.completedAt.getTime() >= since);
    // An unfinished row counts even if it was opened before the assignment: the person is part-way through.
    started = rows.some((row) => row.completedAt === null || row.updatedAt.getTime() >= since);
  } else {
    const criteria = { minScore: assignment.minScore ?? passScore, minLevels: assignment.minLevels };
    const attempts = activity.attempts.filter(
      (attempt) => attempt.scenarioSlug === assignment.contentSlug && attempt.startedAt.getTime() >= since,
    );
    const graded = attempts.filter((attempt) => attempt.grade !== null);
    completed = graded.some((attempt) => meetsCriteria(attempt.grade!, criteria));
    notPassed = graded.length > 0;
    started = attempts.length > 0;
  }

  if (completed) return "completed";
  if (assignment.dueAt.getTime() < now.getTime()) return "past-due";
  if (notPassed) return "not-passed";
  if (started) return "in-progress";
  return "not-started";
}

/** Open (not completed, not yet past due) and due within the next two days. */
export function isDueSoon(dueAt: Date, status: AssignmentStatus, now: Date): boolean {
  if (status === "completed" || status === "past-due") return false;
  const left = dueAt.getTime() - now.getTime();
  return left >= 0 && left <= DUE_SOON_DAYS * DAY_MS;
}
