// Coaching's vocabulary: assignment statuses and kinds, the assignments board's sorts, the review queue's
// views, dispute statuses, and the limits of a 1:1's fields.

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

export const REVIEW_QUEUE_VIEWS = ["needs-review", "below-pass", "disputed", "all"] as const;
export type ReviewQueueView = (typeof REVIEW_QUEUE_VIEWS)[number];

export const REVIEW_QUEUE_VIEW_LABELS: Record<ReviewQueueView, string> = {
  "needs-review": "Needs review",
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
