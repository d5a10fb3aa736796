import type { SubmissionResult } from "@conform-to/react";

/**
 * What every form action answers when it refuses a submission (status 400): the intent
 * that was submitted, so the page knows which of its forms the errors belong to, and
 * Conform's result, whose "" entry holds errors about the whole form.
 */
export type FormReply = { intent: string; result: SubmissionResult<string[]> };

export function isFormReply(value: unknown): value is FormReply {
  return typeof value === "object" && value !== null && "intent" in value && "result" in value;
}
