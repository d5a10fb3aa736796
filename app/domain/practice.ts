// Practice conversations' vocabulary: how a conversation ends, what each status is called, and the reply field
// the practice pages check the same way in the browser and on the server.
import { z } from "zod";

/** How a conversation can end; stored with the simulated customer's state. */
export const OUTCOMES = ["resolved", "escalated", "abandoned", "ended"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An attempt is active until the conversation ends with one of the outcomes. */
export const ATTEMPT_STATUSES = ["active", ...OUTCOMES] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
  active: "In progress",
  resolved: "Resolved — the customer is satisfied",
  escalated: "Escalated",
  abandoned: "The customer gave up",
  ended: "Ended by you",
};

export const MAX_REPLY_LENGTH = 4000;

/** A reply to the customer, whether sent for real or tried out in a what-if replay. */
export const replyTextField = z
  .string({ required_error: "Write a reply before sending." })
  .trim()
  .min(1, "Write a reply before sending.")
  .max(MAX_REPLY_LENGTH, `Replies can be at most ${MAX_REPLY_LENGTH.toLocaleString("en")} characters.`);
