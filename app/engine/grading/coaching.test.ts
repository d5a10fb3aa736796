import { describe, expect, test } from "vitest";
import type { Scenario } from "~/content/practice-schemas.ts";
import { betterReply, fixPriority, isStrength, rankFixes, scenarioNeutralAdvice, type RankableCriterion } from "./coaching.ts";

const criterion = (id: string, level: number, weight: number, extra: Partial<RankableCriterion> = {}): RankableCriterion => ({
  id,
  applicable: true,
  critical: false,
  level,
  maxLevel: 2,
  weight,
  ...extra,
});

describe("rankFixes", () => {
  test("puts the biggest weighted shortfall first and leaves out criteria at their top level", () => {
    const ranked = rankFixes([
      criterion("clarity", 1, 1),
      criterion("correct-fix", 0, 2),
      criterion("empathy", 2, 3),
      criterion("expectations", 0, 1),
    ]);
    expect(ranked.map((entry) => entry.id)).toEqual(["correct-fix", "expectations", "clarity"]);
  });

  test("a failed critical criterion outranks every scored one, and a passed one never appears", () => {
    const ranked = rankFixes([
      criterion("correct-fix", 0, 2),
      criterion("no-rudeness", 0, 0, { critical: true }),
      criterion("protects-secrets", 2, 0, { critical: true }),
    ]);
    expect(ranked.map((entry) => entry.id)).toEqual(["no-rudeness", "correct-fix"]);
  });

  test("skips criteria that did not apply and stops at the limit", () => {
    const ranked = rankFixes(
      [criterion("a", 0, 1), criterion("b", 0, 1, { applicable: false }), criterion("c", 0, 1), criterion("d", 0, 1), criterion("e", 0, 1)],
      2,
    );
    expect(ranked.map((entry) => entry.id)).toEqual(["a", "c"]);
  });

  test("on equal priority the heavier criterion goes first, then rubric order", () => {
    // 0/2 at weight 1 and 1/2 at weight 2 are both a shortfall of 1.
    const ranked = rankFixes([criterion("light", 0, 1), criterion("first-heavy", 1, 2), criterion("second-heavy", 1, 2)]);
    expect(ranked.map((entry) => entry.id)).toEqual(["first-heavy", "second-heavy", "light"]);
  });

  test("an unweighted criterion has nothing to gain", () => {
    expect(fixPriority(criterion("tone", 0, 0))).toBe(0);
  });
});

describe("isStrength", () => {
  test("only the top level of an applicable criterion is a strength", () => {
    expect(isStrength(criterion("a", 2, 1))).toBe(true);
    expect(isStrength(criterion("a", 1, 1))).toBe(false);
    expect(isStrength(criterion("a", 2, 1, { applicable: false }))).toBe(false);
  });
});

describe("scenarioNeutralAdvice", () => {
  test("drops a quoted example written about another case and keeps the advice", () => {
    expect(
      scenarioNeutralAdvice(
        "Tie your concern to their situation — name what went wrong for them (\"I'm sorry the gift won't make Saturday\") instead of a stock apology.",
      ),
    ).toBe("Tie your concern to their situation — name what went wrong for them instead of a stock apology.");
    expect(scenarioNeutralAdvice('Say what happens next and when ("You\'ll get a tracking email within two hours").')).toBe(
      "Say what happens next and when.",
    );
  });

  test("keeps generic examples that are not quotes", () => {
    const advice = "Before offering a fix, ask for what you need to carry it out (for example the order number or the error shown).";
    expect(scenarioNeutralAdvice(advice)).toBe(advice);
  });
});

describe("betterReply", () => {
  const scenario = {
    channel: "email",
    persona: { name: "Owen Gallagher" },
    facts: [
      { description: "The email address on his account", required: true },
      { description: "The date and amount of both charges", required: true },
      { description: "Which plan he is on", required: false },
    ],
    policy: { allowed: [{ description: "Refund the duplicate charge to the original payment method", resolves: true }] },
  } as unknown as Scenario;

  test("asks for the scenario's required facts, spoken to the customer", () => {
    expect(betterReply("resolution.gathered-information", scenario)).toBe(
      "So I can sort this out in one go, could you send me the email address on your account and the date and amount of both charges?",
    );
  });

  test("offers the scenario's resolving fix and uses the customer's first name", () => {
    expect(betterReply("resolution.correct-fix", scenario)).toBe(
      "Here's what I can do: refund the duplicate charge to the original payment method.",
    );
    expect(betterReply("resolution.confirmed-satisfaction", scenario)).toContain("Owen");
  });

  test("writes an email greeting and sign-off for tone on the email channel", () => {
    expect(betterReply("communication.tone-fit", scenario)).toMatch(/^Hi Owen,[\s\S]*Kind regards$/);
  });

  test("has no sample where one would not help", () => {
    expect(betterReply("efficiency.reply-time", scenario)).toBeNull();
  });
});
