// Reading the language model's second opinion. The model's answer is untrusted text: it must be the
// JSON asked for, each level is brought within the rubric's levels, and an answer whose quote is not
// in the transcript is discarded, so every opinion shown rests on words that were actually said.
import { z } from "zod";
import type { TranscriptLine } from "./decision.ts";

export type OpinionLevel = { id: string; level: number; turn: number; quote: string };

export type OpinionDiscard = { id: string; reason: "unknown-criterion" | "repeated" | "malformed" | "quote-not-found" };

export type SecondOpinion =
  { ok: true; criteria: OpinionLevel[]; discarded: OpinionDiscard[] } | { ok: false; reason: "not-json" | "wrong-shape" };

const AnswerSchema = z.object({ criteria: z.array(z.unknown()) });

const ItemSchema = z.object({
  id: z.string(),
  level: z.number().finite(),
  turn: z.number().int().nullish(),
  quote: z.string(),
});

/** Too short to point at anything: "I", "ok". */
const MIN_QUOTE_CHARACTERS = 4;

/** The JSON object in an answer, allowing for a Markdown fence or a stray sentence around it. */
function jsonIn(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/** The nearest of the criterion's levels; halfway rounds down, as the grader would rather under-claim. */
export function clampLevel(level: number, levels: number[]): number {
  const sorted = [...levels].sort((a, b) => a - b);
  return sorted.reduce((best, candidate) => (Math.abs(candidate - level) < Math.abs(best - level) ? candidate : best), sorted[0]);
}

/**
 * Text compared ignoring case, runs of whitespace and curly quotes, with a map from each compared
 * character back to the original, so a quote found this way can be returned as the transcript has it.
 */
function comparable(text: string): { text: string; at: number[] } {
  let out = "";
  const at: number[] = [];
  let space = false;
  for (let index = 0; index < text.length; index++) {
    let char = text[index];
    if (/\s/.test(char)) {
      if (space || out.length === 0) continue;
      space = true;
      char = " ";
    } else {
      space = false;
      char = char.replace(/[\u2018\u2019\u02bc]/, "'").replace(/[\u201c\u201d]/, '"');
      char = char.toLowerCase();
    }
    out += char;
    at.push(index);
  }
  if (out.endsWith(" ")) {
    out = out.slice(0, -1);
    at.pop();
  }
  return { text: out, at };
}

/** The quote as the turn has it, or null when the turn does not contain it. */
export function findQuote(turnText: string, quote: string): string | null {
  const needle = comparable(quote.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, "")).text;
  if (needle.replace(/[^\p{L}\p{N}]/gu, "").length < MIN_QUOTE_CHARACTERS) return null;
  const haystack = comparable(turnText);
  const found = haystack.text.indexOf(needle);
  if (found < 0) return null;
  return turnText.slice(haystack.at[found], haystack.at[found + needle.length - 1] + 1);
}

/**
 * The model's answer checked against the rubric and the transcript. A quote found in the turn the
 * model named is kept there; one found elsewhere in the transcript points to the first turn that has
 * it; one found nowhere discards that criterion's answer.
 */
export function readSecondOpinion(
  answer: string,
  criteria: { id: string; levels: number[] }[],
  transcript: TranscriptLine[],
): SecondOpinion {
  const json = jsonIn(answer);
  if (json === undefined) return { ok: false, reason: "not-json" };
  const parsed = AnswerSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "wrong-shape" };
  const levels = new Map(criteria.map((criterion) => [criterion.id, criterion.levels]));
  const kept: OpinionLevel[] = [];
  const discarded: OpinionDiscard[] = [];
  for (const raw of parsed.data.criteria) {
    const item = ItemSchema.safeParse(raw);
    const id = item.success ? item.data.id : String((raw as { id?: unknown } | null)?.id ?? "?");
    if (!item.success) {
      discarded.push({ id, reason: "malformed" });
      continue;
    }
    const allowed = levels.get(id);
    if (!allowed || allowed.length === 0) {
      discarded.push({ id, reason: "unknown-criterion" });
      continue;
    }
    if (kept.some((criterion) => criterion.id === id)) {
      discarded.push({ id, reason: "repeated" });
      continue;
    }
    const named = item.data.turn ?? -1;
    const inNamed = transcript[named] ? findQuote(transcript[named].text, item.data.quote) : null;
    let turn = named;
    let quote = inNamed;
    if (quote === null) {
      turn = transcript.findIndex((line) => findQuote(line.text, item.data.quote) !== null);
      quote = turn >= 0 ? findQuote(transcript[turn].text, item.data.quote) : null;
    }
    if (quote === null) {
      discarded.push({ id, reason: "quote-not-found" });
      continue;
    }
    kept.push({ id, level: clampLevel(item.data.level, allowed), turn, quote });
  }
  return { ok: true, criteria: kept, discarded };
}
