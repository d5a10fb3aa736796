// The short notes people read when the organisation's language model was configured but its
// answer was not used: beside a customer reply that fell back to the authored words, and in the
// grade report when there is no second opinion.
import type { GuardRejection } from "./guard.ts";

export type ModelFailure = "timeout" | "rate-limited" | "server-error" | "refused" | "unreachable" | "bad-response";

const FAILURE_WORDS: Record<ModelFailure, string> = {
  timeout: "timed out",
  "rate-limited": "was busy (rate limited)",
  "server-error": "returned an error",
  refused: "refused the request",
  unreachable: "could not be reached",
  "bad-response": "sent an answer that could not be read",
};

const GUARD_WORDS: Record<GuardRejection, string> = {
  empty: "was empty",
  "too-long": "was too long",
  "out-of-character": "stepped out of the customer's role",
  "discloses-fact": "gave away a detail the customer hadn't been asked for",
  "invents-detail": "added a detail nobody had said",
  accepts: "accepted something the customer had not agreed to",
};

const MODEL = "The organisation's language model";

/** Why the authored reply was used for a customer turn. */
export function wordingFallbackNote(why: { failure: ModelFailure } | { rejected: GuardRejection }): string {
  if ("failure" in why) return `${MODEL} ${FAILURE_WORDS[why.failure]}; the authored reply was used.`;
  return `${MODEL}'s wording ${GUARD_WORDS[why.rejected]}; the authored reply was used.`;
}

/** Why a grade has no second opinion, or only part of one. */
export function opinionNote(why: { failure: ModelFailure } | { unreadable: true } | { discarded: number; kept: number }): string {
  if ("failure" in why) return `${MODEL} ${FAILURE_WORDS[why.failure]}, so there is no second opinion.`;
  if ("unreadable" in why) return `${MODEL} answered, but not in the form asked for, so there is no second opinion.`;
  const answers = why.discarded === 1 ? "One answer was" : `${why.discarded} answers were`;
  const because = `because ${why.discarded === 1 ? "its quote was" : "their quotes were"} not found in the conversation or could not be read`;
  if (why.kept === 0) return `${answers} left out ${because}, so there is no second opinion.`;
  return `${answers} left out ${because}.`;
}
