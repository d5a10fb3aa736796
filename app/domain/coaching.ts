// Coaching's vocabulary: assignment statuses and kinds, the assignments board's sorts, the review queue's
// views, dispute statuses, an assignment's pass criteria and the limits of a 1:1's fields.

import { z } from "zod";
import { message } from "~/i18n/message.ts";

const WHOLE_SCORE = message("assignments:validation.wholeScore");

/** A lead's bar on an assignment, beyond the content's own pass mark: a minimum score and minimum levels per criterion. */
export const PassCriteriaFields = {
  minScore: z.number({ invalid_type_error: WHOLE_SCORE }).int(WHOLE_SCORE).min(1, WHOLE_SCORE).max(100, WHOLE_SCORE).optional(),
  minLevels: z
    .array(
      z.object({
        criterionId: z.string().max(100),
        level: z
          .number({ invalid_type_error: message("assignments:validation.chooseLevel") })
          .int()
          .min(0)
          .max(4)
          .optional(),
      }),
    )
    .max(50)
    .default([]),
};

/** Most urgent first: the board's status sort follows this order. */
export const ASSIGNMENT_STATUSES = ["past-due", "not-passed", "not-started", "in-progress", "completed"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Catalog keys of each status's name. */
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, `assignments:${string}`> = {
  "not-started": "assignments:status.not-started",
  "in-progress": "assignments:status.in-progress",
  completed: "assignments:status.completed",
  "past-due": "assignments:status.past-due",
  "not-passed": "assignments:status.not-passed",
};

export const ASSIGNMENT_KINDS = ["module", "scenario"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** Catalog keys of each kind's name. */
export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, `assignments:${string}`> = {
  module: "assignments:kind.module",
  scenario: "assignments:kind.scenario",
};

export const BOARD_SORTS = ["due", "agent", "status"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Catalog keys of each sort's name. */
export const BOARD_SORT_LABELS: Record<BoardSort, `assignments:${string}`> = {
  due: "assignments:sort.due",
  agent: "assignments:sort.agent",
  status: "assignments:sort.status",
};

export const REVIEW_QUEUE_VIEWS = ["needs-review", "sample", "provisional", "below-pass", "disputed", "all"] as const;
export type ReviewQueueView = (typeof REVIEW_QUEUE_VIEWS)[number];

/** Catalog keys of each view's name. */
export const REVIEW_QUEUE_VIEW_LABELS: Record<ReviewQueueView, `coaching:${string}`> = {
  "needs-review": "coaching:reviews.view.needs-review",
  sample: "coaching:reviews.view.sample",
  provisional: "coaching:reviews.view.provisional",
  "below-pass": "coaching:reviews.view.below-pass",
  disputed: "coaching:reviews.view.disputed",
  all: "coaching:reviews.view.all",
};

/** An agent's dispute of a criterion's level stays open until their lead accepts or rejects it. */
export const DISPUTE_STATUSES = ["open", "accepted", "rejected"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Catalog keys of each dispute status's name. */
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, `coaching:${string}`> = {
  open: "coaching:dispute.open",
  accepted: "coaching:dispute.accepted",
  rejected: "coaching:dispute.rejected",
};

// The fields of a 1:1.
export const MIN_FOCUS = 1;
export const MAX_FOCUS = 4;
export const ACTION_ITEM_MIN = 3;
export const ACTION_ITEM_MAX = 300;
export const NOTES_MAX = 5000;

// What an assignment's pass criteria ask, as a message for the agent: "score 80 or more and at least level 1 of 2
// in Emotional reactions".
export type PassBar = { minScore: number | null; minLevels: { title: string; level: number; maxLevel: number }[] };

export function describePassBar(bar: PassBar): string | null {
  const parts = [
    ...(bar.minScore === null ? [] : [message("assignments:passBar.score", { score: bar.minScore })]),
    ...bar.minLevels.map((entry) =>
      message("assignments:passBar.level", { level: entry.level, max: entry.maxLevel, criterion: entry.title }),
    ),
  ];
  if (parts.length <= 1) return parts[0] ?? null;
  // "a, b and c": each join is its own message, so every language words the list its own way.
  const list = parts.slice(1, -1).reduce((joined, part) => message("assignments:passBar.comma", { list: joined, part }), parts[0]);
  return message("assignments:passBar.and", { list, last: parts[parts.length - 1] });
}

/** What an assignment's note to the agent may hold. */
export const ASSIGNMENT_NOTE_MAX = 500;

/**
 * What the agent's own card calls a scenario assignment's status: it is judged against the assignment's bar,
 * which may be higher than the scenario's own pass mark, so "passed" alone would mislead.
 */
export const OWN_SCENARIO_STATUS_LABELS: Record<AssignmentStatus, `assignments:${string}`> = {
  "not-started": "assignments:status.not-started",
  "in-progress": "assignments:status.in-progress",
  completed: "assignments:ownStatus.completed",
  "past-due": "assignments:status.past-due",
  "not-passed": "assignments:ownStatus.not-passed",
};
