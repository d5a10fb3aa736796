// The career pages' choices and limits: check-in ratings, nominations and the notes that go with them,
// offered in the browser and checked again on the server.
import { z } from "zod";

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

/** Who wrote a check-in: the person about themselves, or their lead. */
export const CHECK_IN_PERSPECTIVES = ["self", "lead"] as const;
export type CheckInPerspective = (typeof CHECK_IN_PERSPECTIVES)[number];

export const NOMINATION_STATUSES = ["pending", "approved", "declined"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  pending: "Waiting for a decision",
  approved: "Approved",
  declined: "Declined",
};

export const CHECK_IN_NOTE_MAX = 1000;
export const JUSTIFICATION_MIN = 30;
export const JUSTIFICATION_MAX = 2000;
export const DECISION_NOTE_MAX = 1000;
