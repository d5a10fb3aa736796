// Re-scoring a stored grade after a reviewer's override: it must agree with the
// grader when nothing is overridden, and follow the final levels when something is.
import { describe, expect, test } from "vitest";
import type { Rubric, RubricCriterion } from "~/content/practice-schemas.ts";
import { analyseTranscript, gradeTurns, type Grade } from "../grading/grade.ts";
import { finalLevel, levelChoices, rescoreGrade, type ReviewedCriterion } from "./review-score.ts";

const levels = (...entries: [number, string][]): RubricCriterion["levels"] =>
  entries.map(([level, label]) => ({ level, label, description: `${label} (description)`, suggestion: `${label}: do this next` }));

function criterion(id: string, weight: number, extra: Partial<RubricCriterion> = {}): RubricCriterion {
  return {
    id,
    title: `Title of ${id}`,
    competency: id.split(".")[0],
    weight,
    critical: false,
    levels: levels([0, "None"], [1, "Weak"], [2, "Strong"]),
    ...extra,
  };
}

const EMPATHY: Rubric = {
  id: "empathy",
  title: "Empathy",
  version: 1,
  criteria: [criterion("empathy.emotional-reaction", 3), criterion("empathy.interpretation", 2), criterion("empathy.exploration", 1)],
};
const CRITICAL: Rubric = {
  id: "critical",
  title: "Critical",
  version: 1,
  criteria: [criterion("critical.no-rudeness", 4, { critical: true, levels: levels([0, "Failed"], [2, "Passed"]) })],
};

/** The stored rows of a grade, as the review model reads them back (no overrides yet). */
const stored = (grade: Grade): ReviewedCriterion[] =>
  grade.criteria.map((row) => ({
    criterionId: row.id,
    weight: row.weight,
    critical: row.critical,
    applicable: row.applicable,
    level: row.level,
    maxLevel: row.maxLevel,
    overrideLevel: null,
  }));

const row = (criterionId: string, weight: number, level: number, extra: Partial<ReviewedCriterion> = {}): ReviewedCriterion => ({
  criterionId,
  weight,
  critical: false,
  applicable: true,
  level,
  maxLevel: 2,
  overrideLevel: null,
  ...extra,
});

describe("without overrides", () => {
  const transcripts = [
    [
      "The kitchen I ordered arrived broken.",
      "I'm so sorry the kitchen arrived broken right before the party. Can you tell me more about what happened?",
    ],
    ["The kitchen I ordered arrived broken.", "Send the order number."],
    ["The kitchen I ordered arrived broken.", "Whatever. That's not my problem, read the manual."],
  ];

  test.each(transcripts.flatMap((messages) => ["resolved", "ended", "abandoned"].map((outcome) => [messages, outcome] as const)))(
    "agrees with the grader (%j, %s)",
    (messages, outcome) => {
      const turns = analyseTranscript(
        messages.map((text, index) => ({ from: index % 2 === 0 ? ("customer" as const) : ("agent" as const), text })),
      );
      const grade = gradeTurns(turns, [EMPATHY, CRITICAL], { outcome, passScore: 60 });
      expect(rescoreGrade(stored(grade), { passScore: 60, outcome })).toEqual({
        overallScore: grade.overallScore,
        passed: grade.passed,
        criticalFailures: grade.criticalFailures,
      });
    },
  );
});

describe("with overrides", () => {
  test("the final level replaces the automatic one in the weighted score", () => {
    const criteria = [row("empathy.emotional-reaction", 3, 2), row("empathy.exploration", 1, 1)];
    // (3 × 1 + 1 × 0.5) / 4 = 0.875 → 88
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" }).overallScore).toBe(88);
    criteria[0].overrideLevel = 0;
    // (3 × 0 + 1 × 0.5) / 4 = 0.125 → 13
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toEqual({
      overallScore: 13,
      passed: false,
      criticalFailures: [],
    });
    criteria[0].overrideLevel = 2;
    criteria[1].overrideLevel = 2;
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toEqual({
      overallScore: 100,
      passed: true,
      criticalFailures: [],
    });
  });

  test("an override lifting a criterion over the pass mark passes the attempt", () => {
    const criteria = [row("resolution.correct-fix", 2, 1), row("resolution.expectations", 2, 1)];
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toMatchObject({ overallScore: 50, passed: false });
    criteria[0].overrideLevel = 2;
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toMatchObject({ overallScore: 75, passed: true });
  });

  test("overriding a critical failure to a pass clears it, and the other way round fails the attempt", () => {
    const rudeness = row("critical.no-rudeness", 0, 0, { critical: true });
    const criteria = [row("empathy.emotional-reaction", 1, 2), rudeness];
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toEqual({
      overallScore: 100,
      passed: false,
      criticalFailures: ["critical.no-rudeness"],
    });
    rudeness.overrideLevel = 2;
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" })).toEqual({
      overallScore: 100,
      passed: true,
      criticalFailures: [],
    });
    rudeness.level = 2;
    rudeness.overrideLevel = 0;
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "resolved" }).criticalFailures).toEqual(["critical.no-rudeness"]);
  });

  test("critical, zero-weight and not-applicable criteria never count, whatever their override", () => {
    const criteria = [
      row("empathy.emotional-reaction", 1, 1),
      row("critical.no-rudeness", 4, 2, { critical: true, overrideLevel: 2 }),
      row("communication.tone", 0, 0, { overrideLevel: 2 }),
      row("efficiency.reply-time", 5, 0, { applicable: false, overrideLevel: 2 }),
    ];
    expect(rescoreGrade(criteria, { passScore: 50, outcome: "resolved" })).toEqual({
      overallScore: 50,
      passed: true,
      criticalFailures: [],
    });
  });

  test("uses the weights stored with the grade, including fractional ones", () => {
    const criteria = [row("a.one", 1.5, 2, { overrideLevel: 1 }), row("a.two", 0.5, 0, { overrideLevel: 2, maxLevel: 4 })];
    // (1.5 × 0.5 + 0.5 × 0.5) / 2 = 0.5
    expect(rescoreGrade(criteria, { passScore: 50, outcome: "escalated" })).toEqual({
      overallScore: 50,
      passed: true,
      criticalFailures: [],
    });
  });

  test("a customer who gave up still fails the attempt", () => {
    const criteria = [row("empathy.emotional-reaction", 1, 0, { overrideLevel: 2 })];
    expect(rescoreGrade(criteria, { passScore: 70, outcome: "abandoned" })).toEqual({
      overallScore: 100,
      passed: false,
      criticalFailures: [],
    });
  });

  test("with nothing to score, the score is 0", () => {
    expect(rescoreGrade([row("critical.no-rudeness", 0, 2, { critical: true })], { passScore: 0, outcome: "resolved" })).toEqual({
      overallScore: 0,
      passed: true,
      criticalFailures: [],
    });
  });
});

describe("finalLevel", () => {
  test("is the override when there is one, even an override to 0", () => {
    expect(finalLevel({ level: 1, overrideLevel: null })).toBe(1);
    expect(finalLevel({ level: 1, overrideLevel: 2 })).toBe(2);
    expect(finalLevel({ level: 2, overrideLevel: 0 })).toBe(0);
  });
});

describe("levelChoices", () => {
  test("are the rubric's levels with their labels, lowest first", () => {
    expect(levelChoices({ criterionId: "empathy.exploration", maxLevel: 2 }, [CRITICAL, EMPATHY])).toEqual([
      { level: 0, label: "None" },
      { level: 1, label: "Weak" },
      { level: 2, label: "Strong" },
    ]);
  });

  test("skip levels the rubric does not define", () => {
    expect(levelChoices({ criterionId: "critical.no-rudeness", maxLevel: 2 }, [EMPATHY, CRITICAL]).map((choice) => choice.level)).toEqual([
      0, 2,
    ]);
  });

  test("stop at the maximum stored with the grade", () => {
    expect(levelChoices({ criterionId: "empathy.exploration", maxLevel: 1 }, [EMPATHY]).map((choice) => choice.level)).toEqual([0, 1]);
  });

  test("fall back to every level up to the maximum when the rubric no longer has the criterion", () => {
    expect(levelChoices({ criterionId: "retired.criterion", maxLevel: 3 }, [EMPATHY])).toEqual([
      { level: 0, label: "Level 0" },
      { level: 1, label: "Level 1" },
      { level: 2, label: "Level 2" },
      { level: 3, label: "Level 3" },
    ]);
  });
});
