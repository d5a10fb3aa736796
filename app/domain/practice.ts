// Practice conversations' vocabulary: how a conversation ends, what each status is called, and the reply field
// the practice pages check the same way in the browser and on the server.
import { z } from "zod";
import type { Channel, Difficulty } from "~/content/practice-schemas.ts";
import { message } from "~/i18n/message.ts";

/** How a conversation can end; stored with the simulated customer's state. */
export const OUTCOMES = ["resolved", "escalated", "abandoned", "ended"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An attempt is active until the conversation ends with one of the outcomes. */
export const ATTEMPT_STATUSES = ["active", ...OUTCOMES] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, `practice:${string}`> = {
  active: "practice:status.active",
  resolved: "practice:status.resolved",
  escalated: "practice:status.escalated",
  abandoned: "practice:status.abandoned",
  ended: "practice:status.ended",
};

export const CHANNEL_LABEL_KEYS: Record<Channel, `practice:${string}`> = {
  chat: "practice:channel.chat",
  email: "practice:channel.email",
  phone: "practice:channel.phone",
  social: "practice:channel.social",
};

export const DIFFICULTY_LABEL_KEYS: Record<Difficulty, `practice:${string}`> = {
  starter: "practice:difficulty.starter",
  intermediate: "practice:difficulty.intermediate",
  advanced: "practice:difficulty.advanced",
};

export const MAX_REPLY_LENGTH = 4000;

/** A reply to the customer, whether sent for real or tried out in a what-if replay. */
export const replyTextField = z
  .string({ required_error: message("practice:reply.required") })
  .trim()
  .min(1, message("practice:reply.required"))
  .max(MAX_REPLY_LENGTH, message("practice:reply.tooLong", { max: MAX_REPLY_LENGTH }));
