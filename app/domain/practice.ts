// Practice conversations' vocabulary: how a conversation ends, what each status is called, and the reply field
// the practice pages check the same way in the browser and on the server.
import { z } from "zod";
import { CHANNELS, type Channel, type Difficulty } from "~/content/practice-schemas.ts";
import type { ImportSystem } from "~/engine/imports/types.ts";
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

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

export const IMPORT_SYSTEM_LABEL_KEYS: Record<ImportSystem, `practice:${string}`> = {
  frontline: "practice:real.system.frontline",
  csv: "practice:real.system.csv",
  zendesk: "practice:real.system.zendesk",
  intercom: "practice:real.system.intercom",
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

/** Where a graded conversation came from: practice with a simulated customer, or a real helpdesk ticket. */
export const CONVERSATION_SOURCES = ["practice", "real"] as const;
export type ConversationSource = (typeof CONVERSATION_SOURCES)[number];

export const CONVERSATION_SOURCE_LABELS: Record<ConversationSource, `practice:${string}`> = {
  practice: "practice:source.practice",
  real: "practice:source.real",
};

/** Practice conversations only, for the pages about practising. */
export const PRACTICE_ONLY = { source: "practice" } as const satisfies { source: ConversationSource };
