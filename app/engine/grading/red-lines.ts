// The organisation's red lines: phrases an agent must never send. Practice and real-conversation grading
// read them as the harm they are, and the reply box warns before one is sent. Pure and free of the
// language layer, so the browser runs the same check as the grader.
import type { SignalKind } from "../simulation/signals.ts";

export const RED_LINE_KINDS = ["blame", "forbidden-promise", "banned-wording"] as const;
export type RedLineKind = (typeof RED_LINE_KINDS)[number];

/** The rule a red line breaks: blaming the customer is rude, a forbidden promise is false, banned wording is negative. */
export const RED_LINE_SIGNAL: Record<RedLineKind, SignalKind> = {
  blame: "rudeness",
  "forbidden-promise": "false-promise",
  "banned-wording": "negative-language",
};

export type RedLine = {
  id: string;
  phrase: string;
  kind: RedLineKind;
  reason: string;
  /** The phrase as it may be written: itself, and for Chinese in both scripts; lower case. */
  variants: string[];
};

export type RedLineHit = { redLine: RedLine; start: number; end: number };

// Typographic apostrophes and quotes read as the plain ones, keeping every offset.
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');

const WORD = /[\p{L}\p{N}]/u;
const LATIN = /\p{Script=Latin}|\p{N}/u;

/** A Latin word must stand alone ("idiot" is not in "idiotproof"); Chinese has no spaces to stand between. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const leftOk = !LATIN.test(text[start]) || before === undefined || !WORD.test(before);
  const rightOk = !LATIN.test(text[end - 1]) || after === undefined || !WORD.test(after);
  return leftOk && rightOk;
}

/** Every red line the text sends, in order of where it starts; each place is reported once. */
export function findRedLines(text: string, redLines: readonly RedLine[]): RedLineHit[] {
  if (redLines.length === 0) return [];
  const lower = normalise(text);
  const hits: RedLineHit[] = [];
  for (const redLine of redLines) {
    for (const variant of new Set(redLine.variants.map(normalise))) {
      if (variant.trim() === "") continue;
      for (let at = lower.indexOf(variant); at !== -1; at = lower.indexOf(variant, at + 1)) {
        const end = at + variant.length;
        if (standsAlone(lower, at, end) && !hits.some((hit) => hit.start < end && at < hit.end)) hits.push({ redLine, start: at, end });
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
