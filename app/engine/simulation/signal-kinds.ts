// Which signals earn credit and which say a message is about the customer's case: shared by the
// English and the Chinese analysers, so both languages are graded by the same rules.
import { EMPATHY_MECHANISMS } from "./empathy-model.ts";
import type { SignalKind } from "./signals.ts";

// What an agent earns credit for; a repeated sentence earns none of it again.
// Harm (rudeness, secrets, promises, jargon) counts every time it is said.
export const CREDIT: ReadonlySet<SignalKind> = new Set([
  "emotional-reaction",
  "interpretation",
  "exploration",
  "apology",
  "ownership",
  "asks-fact",
  "offers-resolution",
  "sets-expectations",
  "checks-satisfaction",
  "closes",
  "escalates",
  "personalises",
]);

export const EMPATHY: ReadonlySet<SignalKind> = new Set(EMPATHY_MECHANISMS);

// What only a message to this customer about their problem does; empathy and "sorry" alone can be about
// anything ("so sorry your cat is sick").
export const ON_TOPIC: ReadonlySet<SignalKind> = new Set([
  "ownership",
  "asks-fact",
  "offers-resolution",
  "sets-expectations",
  "checks-satisfaction",
  "closes",
  "escalates",
  "personalises",
  "asks-secret",
  "rudeness",
  "blame",
  "dismissive",
  "asks-unknown",
]);
