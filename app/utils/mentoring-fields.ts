import { z } from "zod";

// Choices the mentoring pages offer in the browser as well as on the server.
export const MENTOR_CAPACITY_MIN = 1;
export const MENTOR_CAPACITY_MAX = 5;

export const PAIRING_STATUSES = ["proposed", "active", "declined", "ended"] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  proposed: "Proposed",
  active: "Active",
  declined: "Declined",
  ended: "Ended",
};

/** Pairings that take one of a mentor's places. */
export const OPEN_PAIRING_STATUSES = ["proposed", "active"] as const satisfies readonly PairingStatus[];

export const PAIRING_SOURCES = ["request", "pool"] as const;
export type PairingSource = (typeof PAIRING_SOURCES)[number];

export const FIT_CHECKS = ["good", "deciding", "not-a-fit"] as const;
export type FitCheck = (typeof FIT_CHECKS)[number];
export const FitCheckSchema = z.enum(FIT_CHECKS, { errorMap: () => ({ message: "Choose how the pairing feels so far" }) });

export const FIT_CHECK_LABELS: Record<FitCheck, string> = {
  good: "A good fit",
  deciding: "Still deciding",
  "not-a-fit": "Not a fit",
};

export const MEETING_RATINGS = [1, 2, 3, 4] as const;

export const MEETING_RATING_LABELS: Record<(typeof MEETING_RATINGS)[number], string> = {
  1: "1 — not useful",
  2: "2 — somewhat useful",
  3: "3 — useful",
  4: "4 — very useful",
};
