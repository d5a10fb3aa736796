// Calibration's vocabulary: the limits of a session, how its sample is chosen, and the grader-trust defaults.

/** A sample small enough to score in one sitting, large enough for the figures to mean something. */
export const SAMPLE_MIN = 2;
export const SAMPLE_MAX = 30;
export const SAMPLE_DEFAULT = 10;
export const RATERS_MIN = 2;
export const RATERS_MAX = 30;
export const TITLE_MIN = 3;
export const TITLE_MAX = 80;
export const COMMENT_MAX = 500;
/** How far back the "choose conversations" list and the random draw look. */
export const CANDIDATE_LIMIT = 60;

export const SAMPLE_MODES = ["random", "chosen"] as const;
export type SampleMode = (typeof SAMPLE_MODES)[number];

/** Grader agreement is measured over this window of benchmarks and overrides. */
export const AGREEMENT_WINDOW_DAYS = 90;
/** The trend splits the window into this many equal parts. */
export const TREND_WINDOWS = 3;
export const DEFAULT_MIN_KAPPA = 0.4;
export const DEFAULT_MIN_JUDGED = 20;

/** What a score form sends for "not applicable". */
export const NOT_APPLICABLE = "na";

export const CALIBRATION_STATUSES = ["open", "closed"] as const;
export type CalibrationStatus = (typeof CALIBRATION_STATUSES)[number];
