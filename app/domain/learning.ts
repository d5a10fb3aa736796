// Where a person stands with a learning module, as the catalogue and progress pages name it.
export const MODULE_STATUSES = ["locked", "new", "in-progress", "completed", "updated"] as const;
export type ModuleStatusKind = (typeof MODULE_STATUSES)[number];

/** Catalog keys of the status names. */
export const MODULE_STATUS_LABELS: Record<ModuleStatusKind, `learn:moduleStatus.${ModuleStatusKind}`> = {
  completed: "learn:moduleStatus.completed",
  "in-progress": "learn:moduleStatus.in-progress",
  updated: "learn:moduleStatus.updated",
  new: "learn:moduleStatus.new",
  locked: "learn:moduleStatus.locked",
};

/**
 * Failed tries at a knowledge check after which its answers and explanations are shown even though
 * it isn't passed: until then a retake is a test of what was learnt, not of memory for a key.
 */
export const QUIZ_TRIES_BEFORE_ANSWERS = 3;

/** Why a question was marked wrong, told without giving its answer away. */
export const QUIZ_HINT_KINDS = ["not-best", "extra-choice", "missing-choice"] as const;
export type QuizHintKind = (typeof QUIZ_HINT_KINDS)[number];

/** The catalog key of a hint. */
export const quizHintKey = (kind: QuizHintKind) => `learn:quiz.hint.${kind}` as const;
