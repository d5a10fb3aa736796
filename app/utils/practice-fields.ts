// Form fields shared by the practice pages: a reply to the customer, whether
// sent for real or tried out in a what-if replay.
import { z } from "zod";

export const MAX_REPLY_LENGTH = 4000;

export const replyTextField = z
  .string({ required_error: "Write a reply before sending." })
  .trim()
  .min(1, "Write a reply before sending.")
  .max(MAX_REPLY_LENGTH, `Replies can be at most ${MAX_REPLY_LENGTH.toLocaleString("en")} characters.`);

/** How a conversation ended, in words. */
export const OUTCOME_TEXT: Record<string, string> = {
  active: "In progress",
  resolved: "Resolved — the customer is satisfied",
  escalated: "Escalated",
  abandoned: "The customer gave up",
  ended: "Ended by you",
};
