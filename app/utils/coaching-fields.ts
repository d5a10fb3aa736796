// Choices the coaching pages offer in the browser as well as on the server.
export const BOARD_SORTS = ["due", "agent", "status"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const REVIEW_QUEUE_VIEWS = ["needs-review", "below-pass", "disputed", "all"] as const;
export type ReviewQueueView = (typeof REVIEW_QUEUE_VIEWS)[number];
