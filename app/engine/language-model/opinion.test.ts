import { describe, expect, test } from "vitest";
import type { TranscriptLine } from "./decision.ts";
import { clampLevel, findQuote, readSecondOpinion } from "./opinion.ts";

const transcript: TranscriptLine[] = [
  { speaker: "customer", text: "Hi, my daughter's present arrived broken." },
  { speaker: "agent", text: "I'm so sorry the  play kitchen arrived broken,\nright before the party. Could you send your order number?" },
  { speaker: "customer", text: "It's order 48213, placed on the 3rd." },
  { speaker: "agent", text: "Thank you. I’ll send a replacement by express shipping today." },
];
const criteria = [
  { id: "empathy.emotional-reaction", levels: [0, 1, 2] },
  { id: "resolution.offered-fix", levels: [0, 2] },
  { id: "critical.rudeness", levels: [0, 1] },
];
const answer = (items: unknown[]) => JSON.stringify({ criteria: items });

describe("findQuote", () => {
  test("finds a quote ignoring case, runs of whitespace and curly apostrophes, and returns the transcript's own words", () => {
    expect(findQuote(transcript[1].text, "so sorry the play kitchen arrived broken, right before")).toBe(
      "so sorry the  play kitchen arrived broken,\nright before",
    );
    expect(findQuote(transcript[3].text, "I'll send a replacement")).toBe("I’ll send a replacement");
    expect(findQuote(transcript[3].text, "“Thank you.”")).toBe("Thank you.");
  });

  test("finds nothing for words not said, or too short to point at anything", () => {
    expect(findQuote(transcript[3].text, "I'll send a refund")).toBeNull();
    expect(findQuote(transcript[3].text, "you")).toBeNull();
    expect(findQuote(transcript[3].text, "  ")).toBeNull();
  });
});

describe("clampLevel", () => {
  test.each([
    [5, [0, 1, 2], 2],
    [-1, [0, 1, 2], 0],
    [1, [0, 2], 0],
    [1.6, [0, 1, 2], 2],
    [1, [2, 0, 1], 1],
  ])("brings %d within %j as %d", (level, levels, expected) => {
    expect(clampLevel(level, levels)).toBe(expected);
  });
});

describe("readSecondOpinion", () => {
  test("keeps answers whose quotes are in the named turn, clamped to the rubric's levels", () => {
    const result = readSecondOpinion(
      answer([
        { id: "empathy.emotional-reaction", level: 2, turn: 1, quote: "I'm so sorry the play kitchen arrived broken" },
        { id: "resolution.offered-fix", level: 1, turn: 3, quote: "send a replacement by express shipping" },
        { id: "critical.rudeness", level: 7, turn: 1, quote: "Could you send your order number?" },
      ]),
      criteria,
      transcript,
    );
    expect(result).toEqual({
      ok: true,
      criteria: [
        { id: "empathy.emotional-reaction", level: 2, turn: 1, quote: "I'm so sorry the  play kitchen arrived broken" },
        { id: "resolution.offered-fix", level: 0, turn: 3, quote: "send a replacement by express shipping" },
        { id: "critical.rudeness", level: 1, turn: 1, quote: "Could you send your order number?" },
      ],
      discarded: [],
    });
  });

  test("points a quote found in another turn at that turn, and discards one found nowhere", () => {
    const result = readSecondOpinion(
      answer([
        { id: "empathy.emotional-reaction", level: 1, turn: 0, quote: "right before the party" },
        { id: "resolution.offered-fix", level: 2, turn: 3, quote: "I will refund you in full" },
        { id: "critical.rudeness", level: 1, quote: "Thank you." },
      ]),
      criteria,
      transcript,
    );
    expect(result).toEqual({
      ok: true,
      criteria: [
        { id: "empathy.emotional-reaction", level: 1, turn: 1, quote: "right before the party" },
        { id: "critical.rudeness", level: 1, turn: 3, quote: "Thank you." },
      ],
      discarded: [{ id: "resolution.offered-fix", reason: "quote-not-found" }],
    });
  });

  test("discards unknown criteria, repeats and malformed items, keeping the rest", () => {
    const result = readSecondOpinion(
      answer([
        { id: "empathy.invented", level: 2, turn: 1, quote: "so sorry" },
        { id: "critical.rudeness", level: 1, turn: 3, quote: "Thank you." },
        { id: "critical.rudeness", level: 0, turn: 3, quote: "Thank you." },
        { id: "empathy.emotional-reaction", level: "strong", turn: 1, quote: "so sorry" },
        { id: "resolution.offered-fix", level: 2, turn: 3, quote: "" },
        null,
      ]),
      criteria,
      transcript,
    );
    expect(result.ok && result.criteria.map((criterion) => criterion.id)).toEqual(["critical.rudeness"]);
    expect(result.ok && result.discarded).toEqual([
      { id: "empathy.invented", reason: "unknown-criterion" },
      { id: "critical.rudeness", reason: "repeated" },
      { id: "empathy.emotional-reaction", reason: "malformed" },
      { id: "resolution.offered-fix", reason: "quote-not-found" },
      { id: "?", reason: "malformed" },
    ]);
  });

  test("reads JSON wrapped in a Markdown fence or a sentence", () => {
    const body = answer([{ id: "critical.rudeness", level: 1, turn: 3, quote: "Thank you." }]);
    for (const text of ["```json\n" + body + "\n```", `Here is my grading: ${body} Hope this helps.`]) {
      const result = readSecondOpinion(text, criteria, transcript);
      expect(result.ok && result.criteria).toHaveLength(1);
    }
  });

  test.each([
    ["I think the agent did well overall.", "not-json"],
    ["{criteria: [oops}", "not-json"],
    ['{"levels": []}', "wrong-shape"],
    ['{"criteria": "all good"}', "wrong-shape"],
  ])("refuses %j as %s", (text, reason) => {
    expect(readSecondOpinion(text, criteria, transcript)).toEqual({ ok: false, reason });
  });
});
