import { describe, expect, test } from "vitest";
import type { CareerAttempt } from "./evaluate.ts";
import { gapOf, measureCompetencies, strengthOf, suggestedFocus, suggestedStrengths } from "./measured.ts";

function attempt(id: string, day: number, levels: Record<string, number | null>, overrides: Record<string, number> = {}): CareerAttempt {
  return {
    id,
    scenarioSlug: "late-delivery",
    difficulty: "starter",
    passed: true,
    startedAt: new Date(Date.UTC(2026, 0, day)),
    criteria: Object.entries(levels).map(([competency, level]) => ({
      competency,
      level: level ?? 0,
      overrideLevel: overrides[competency] ?? null,
      maxLevel: 2,
      applicable: level !== null,
    })),
  };
}

describe("measureCompetencies", () => {
  const attempts = [
    attempt("a1", 1, { empathy: 0, resolution: 2 }),
    attempt("a2", 2, { empathy: 1, resolution: 2 }),
    attempt("a3", 3, { empathy: 2, resolution: null }, { empathy: 1 }),
  ];

  test("averages the latest attempts, reviewed levels first, and counts what it used", () => {
    const measured = measureCompetencies(attempts, ["empathy", "resolution", "efficiency"], 2);
    expect(measured).toEqual([
      { key: "empathy", average: 1, attempts: 2 },
      { key: "resolution", average: 2, attempts: 2 },
      { key: "efficiency", average: null, attempts: 0 },
    ]);
  });

  test("suggests strengths at 1.5 or more, strongest first, and focus below it, weakest first", () => {
    const measured = [
      { key: "empathy", average: 0.4, attempts: 5 },
      { key: "resolution", average: 1.9, attempts: 5 },
      { key: "communication", average: 1.5, attempts: 5 },
      { key: "efficiency", average: 1.2, attempts: 5 },
      { key: "omnichannel", average: null, attempts: 0 },
    ];
    expect(suggestedStrengths(measured)).toEqual(["resolution", "communication"]);
    expect(suggestedFocus(measured)).toEqual(["empathy", "efficiency"]);
    expect(suggestedFocus(measured, 1)).toEqual(["empathy"]);
  });

  test("turns an average into a gap and a strength on 0..1, unmeasured as a full gap and no strength", () => {
    expect(gapOf({ key: "empathy", average: 0.5, attempts: 3 })).toBe(0.75);
    expect(strengthOf({ key: "empathy", average: 1.5, attempts: 3 })).toBe(0.75);
    expect(gapOf(undefined)).toBe(1);
    expect(strengthOf({ key: "empathy", average: null, attempts: 0 })).toBe(0);
  });
});
