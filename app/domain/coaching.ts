// Coaching's vocabulary: assignment statuses and kinds, the assignments board's sorts, the review queue's
// views, dispute statuses, an assignment's pass criteria and the limits of a 1:1's fields.

import { z } from "zod";

const WHOLE_SCORE = "Enter a whole number from 1 to 100";

/** A lead's bar on an assignment, beyond the content's own pass mark: a minimum score and minimum levels per criterion. */
export const PassCriteriaFields = {
  minScore: z.number({ invalid_type_error: WHOLE_SCORE }).int(WHOLE_SCORE).min(1, WHOLE_SCORE).max(100, WHOLE_SCORE).optional(),
  minLevels: z
    .array(
      z.object({
        criterionId: z.string().max(100),
        level: z.number({ invalid_type_error: "Choose a level" }).int().min(0).max(4).optional(),
      }),
    )
    .max(50)
    .default([]),
};

/** Most urgent first: the board's status sort follows this order. */
export const ASSIGNMENT_STATUSES = ["past-due", "not-passed", "not-started", "in-progress", "completed"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
  "past-due": "Past due",
  "not-passed": "Not passed",
};

export const ASSIGNMENT_KINDS = ["module", "scenario"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, string> = { module: "Module", scenario: "Practice scenario" };

export const BOARD_SORTS = ["due", "agent", "status"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const BOARD_SORT_LABELS: Record<BoardSort, string> = { due: "Due date", agent: "Agent", status: "Status" };

export const REVIEW_QUEUE_VIEWS = ["needs-review", "provisional", "below-pass", "disputed", "all"] as const;
export type ReviewQueueView = (typeof REVIEW_QUEUE_VIEWS)[number];

export const REVIEW_QUEUE_VIEW_LABELS: Record<ReviewQueueView, string> = {
  "needs-review": "Needs review",
  provisional: "Provisional grades",
  "below-pass": "Not passed",
  disputed: "Open disputes",
  all: "All graded conversations",
};

/** An agent's dispute of a criterion's level stays open until their lead accepts or rejects it. */
export const DISPUTE_STATUSES = ["open", "accepted", "rejected"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: "Waiting for an answer",
  accepted: "Accepted",
  rejected: "Not accepted",
};

// The fields of a 1:1.
export const MIN_FOCUS = 1;
export const MAX_FOCUS = 4;
export const ACTION_ITEM_MIN = 3;
export const ACTION_ITEM_MAX = 300;
export const NOTES_MAX = 5000;

// What an assignment's pass criteria ask, in words for the agent: "score 80 or more and at least level 1 of 2
// in Emotional reactions".
export type PassBar = { minScore: number | null; minLevels: { title: string; level: number; maxLevel: number }[] };

export function describePassBar(bar: PassBar): string | null {
  const parts = [
    ...(bar.minScore === null ? [] : [`score ${bar.minScore} or more`]),
    ...bar.minLevels.map((entry) => `at least level ${entry.level} of ${entry.maxLevel} in ${entry.title}`),
  ];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** What an assignment's note to the agent may hold. */
export const ASSIGNMENT_NOTE_MAX = 500;

/**
 * What the agent's own card calls a scenario assignment's status: it is judged against the assignment's bar,
 * which may be higher than the scenario's own pass mark, so "passed" alone would mislead.
 */
export const OWN_SCENARIO_STATUS_LABELS: Record<AssignmentStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Bar met",
  "past-due": "Past due",
  "not-passed": "Below the bar: try again",
};
