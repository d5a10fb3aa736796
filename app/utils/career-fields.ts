import { z } from "zod";

// Choices the career pages offer in the browser as well as on the server.
export const CHECK_IN_RATINGS = ["working-towards", "meeting", "exceeding"] as const;
export type CheckInRating = (typeof CHECK_IN_RATINGS)[number];
export const CheckInRatingSchema = z.enum(CHECK_IN_RATINGS, {
  errorMap: () => ({ message: "Choose working towards, meeting or exceeding" }),
});

export const CHECK_IN_RATING_LABELS: Record<CheckInRating, string> = {
  "working-towards": "Working towards",
  meeting: "Meeting",
  exceeding: "Exceeding",
};

export const CHECK_IN_PERSPECTIVES = ["self", "lead"] as const;
export type CheckInPerspective = (typeof CHECK_IN_PERSPECTIVES)[number];

export const NOMINATION_STATUSES = ["pending", "approved", "declined"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  pending: "Waiting for a decision",
  approved: "Approved",
  declined: "Declined",
};

/** A person counts as close to a level from this percent ready. */
export const CLOSE_TO_READY_PERCENT = 75;

export type Readiness = "ready" | "close" | null;

/** Ready at 100%, close from CLOSE_TO_READY_PERCENT; anything less is not worth a badge. */
export function readinessOf(percentReady: number): Readiness {
  if (percentReady >= 100) return "ready";
  return percentReady >= CLOSE_TO_READY_PERCENT ? "close" : null;
}

export const CHECK_IN_NOTE_MAX = 1000;
export const JUSTIFICATION_MIN = 30;
export const JUSTIFICATION_MAX = 2000;
export const DECISION_NOTE_MAX = 1000;
