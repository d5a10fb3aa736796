// The career pages' choices and limits: check-in ratings, nominations and the notes that go with them,
// offered in the browser and checked again on the server.
import { z } from "zod";
import { message } from "~/i18n/message.ts";

export const CHECK_IN_RATINGS = ["working-towards", "meeting", "exceeding"] as const;
export type CheckInRating = (typeof CHECK_IN_RATINGS)[number];
export const CheckInRatingSchema = z.enum(CHECK_IN_RATINGS, {
  errorMap: () => ({ message: message("career:checkIn.errors.chooseRating") }),
});

/** Catalog keys of each rating's name. */
export const CHECK_IN_RATING_LABELS = {
  "working-towards": "career:checkIn.rating.working-towards",
  meeting: "career:checkIn.rating.meeting",
  exceeding: "career:checkIn.rating.exceeding",
} as const satisfies Record<CheckInRating, `career:${string}`>;

/** Who wrote a check-in: the person about themselves, or their lead. */
export const CHECK_IN_PERSPECTIVES = ["self", "lead"] as const;
export type CheckInPerspective = (typeof CHECK_IN_PERSPECTIVES)[number];

export const NOMINATION_STATUSES = ["pending", "approved", "declined"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Catalog keys of each status's name. */
export const NOMINATION_STATUS_LABELS = {
  pending: "career:nomination.status.pending",
  approved: "career:nomination.status.approved",
  declined: "career:nomination.status.declined",
} as const satisfies Record<NominationStatus, `career:${string}`>;

export const CHECK_IN_NOTE_MAX = 1000;
export const JUSTIFICATION_MIN = 30;
export const JUSTIFICATION_MAX = 2000;
export const DECISION_NOTE_MAX = 1000;
