// gradeTurns on a tiny, hand-made rubric set, so every number can be checked by hand.
import { describe, expect, test } from "vitest";
import type { Rubric, RubricCriterion } from "~/content/practice-schemas.ts";
import type { Signal, SignalKind } from "../simulation/signals.ts";
import type { AnalysedTurn, ScenarioFacts } from "./criteria.ts";
import { analyseTranscript, GRADER_VERSION, gradeTurns } from "./grade.ts";

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
  version: 3,
  criteria: [criterion("empathy.emotional-reaction", 3), criterion("empathy.exploration", 1)],
};
const EFFICIENCY: Rubric = {
  id: "efficiency",
  title: "Efficiency",
  version: 2,
  criteria: [
    criterion("efficiency.reply-time", 5, { notApplicable: "Reply times were not recorded here." }),
    criterion("efficiency.turns", 2),
  ],
};
const CRITICAL: Rubric = {
  id: "critical",
  title: "Critical",
  version: 7,
  // A non-zero weight, to show critical criteria never count towards the score.
  criteria: [criterion("critical.no-rudeness", 4, { critical: true, levels: levels([0, "Failed"], [2, "Passed"]) })],
};

const SCENARIO: ScenarioFacts = {
  channel: "chat",
  requiredFacts: [],
  resolvingOffers: [],
  forbiddenOffers: [],
  escalationAllowed: false,
  policyKnown: true,
  par: { turns: 5, replySeconds: 90 },
};

/** A signal over the first occurrence of `text` in `message`. */
function signal(message: string, kind: SignalKind, text: string, strength?: Signal["strength"]): Signal {
  const start = message.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in "${message}"`);
  return { kind, span: [start, start + text.length], text, ...(strength ? { strength } : {}) };
}

const STRONG_REACTION = "I'm so sorry the kitchen arrived broken.";
const WEAK_QUESTION = "Can you tell me more?";

/** Customer, agent (strong reaction), customer, agent (weak exploration, optional rudeness). */
function turns({ rude = false, ms }: { rude?: boolean; ms?: number } = {}): AnalysedTurn[] {
  const second = rude ? `${WEAK_QUESTION} Whatever.` : WEAK_QUESTION;
  return [
    { from: "customer", text: "The kitchen arrived broken.", index: 0, signals: [] },
    {
      from: "agent",
      text: STRONG_REACTION,
      index: 1,
      ms,
      signals: [signal(STRONG_REACTION, "emotional-reaction", STRONG_REACTION, "strong")],
    },
    { from: "customer", text: "It's for a party.", index: 2, signals: [] },
    {
      from: "agent",
      text: second,
      index: 3,
      ms,
      signals: [signal(second, "exploration", WEAK_QUESTION, "weak"), ...(rude ? [signal(second, "rudeness", "Whatever")] : [])],
    },
  ];
}

const find = (grade: ReturnType<typeof gradeTurns>, id: string) => grade.criteria.find((candidate) => candidate.id === id)!;

describe("score", () => {
  test("is the weighted share of levels reached, rounded", () => {
    const grade = gradeTurns(turns(), [EMPATHY]);
    expect(find(grade, "empathy.emotional-reaction")).toMatchObject({ level: 2, maxLevel: 2, score: 1, weight: 3 });
    expect(find(grade, "empathy.exploration")).toMatchObject({ level: 1, maxLevel: 2, score: 0.5, weight: 1 });
    // (3 × 1 + 1 × 0.5) / (3 + 1) = 0.875 → 88
    expect(grade.overallScore).toBe(88);
    expect(grade.passed).toBe(true);
  });

  test("the pass mark is configurable", () => {
    expect(gradeTurns(turns(), [EMPATHY], { passScore: 88 }).passed).toBe(true);
    expect(gradeTurns(turns(), [EMPATHY], { passScore: 89 }).passed).toBe(false);
  });

  test("a level above the criterion's highest level is capped", () => {
    const capped: Rubric = {
      ...EMPATHY,
      criteria: [criterion("empathy.emotional-reaction", 1, { levels: levels([0, "No"], [1, "Yes"]) })],
    };
    const grade = gradeTurns(turns(), [capped]);
    expect(find(grade, "empathy.emotional-reaction")).toMatchObject({ level: 1, maxLevel: 1, score: 1, label: "Yes" });
    expect(grade.overallScore).toBe(100);
  });

  test("zero-weight criteria do not count", () => {
    const weightless: Rubric = { ...EMPATHY, criteria: [criterion("empathy.emotional-reaction", 0), criterion("empathy.exploration", 1)] };
    expect(gradeTurns(turns(), [weightless]).overallScore).toBe(50);
  });

  test("with nothing to score, the score is 0 and the attempt fails", () => {
    const grade = gradeTurns(turns(), [CRITICAL]);
    expect(grade.overallScore).toBe(0);
    expect(grade.passed).toBe(false);
  });
});

describe("critical criteria", () => {
  test("pass without the signal and never count towards the score", () => {
    const grade = gradeTurns(turns(), [EMPATHY, CRITICAL]);
    expect(find(grade, "critical.no-rudeness")).toMatchObject({ level: 2, label: "Passed", critical: true });
    expect(grade.criticalFailures).toEqual([]);
    expect(grade.overallScore).toBe(88);
    expect(grade.passed).toBe(true);
  });

  test("a critical failure fails the attempt whatever the score", () => {
    const grade = gradeTurns(turns({ rude: true }), [EMPATHY, CRITICAL]);
    expect(grade.overallScore).toBe(88);
    expect(grade.criticalFailures).toEqual(["critical.no-rudeness"]);
    expect(find(grade, "critical.no-rudeness")).toMatchObject({ level: 0, label: "Failed", suggestion: "Failed: do this next" });
    expect(grade.passed).toBe(false);
  });
});

describe("outcome", () => {
  test("a customer who abandoned fails the attempt whatever the score", () => {
    const grade = gradeTurns(turns(), [EMPATHY], { outcome: "abandoned" });
    expect(grade.overallScore).toBe(88);
    expect(grade.passed).toBe(false);
  });

  test("other outcomes pass on the score", () => {
    for (const outcome of ["resolved", "escalated", "ended"])
      expect(gradeTurns(turns(), [EMPATHY], { outcome }).passed, outcome).toBe(true);
  });
});

describe("criteria that do not apply", () => {
  test("reply time without recorded times is N/A and left out of the score", () => {
    const grade = gradeTurns(turns(), [EMPATHY, EFFICIENCY], { scenario: SCENARIO });
    const replyTime = find(grade, "efficiency.reply-time");
    expect(replyTime).toMatchObject({
      applicable: false,
      label: "N/A",
      score: 0,
      suggestion: "Reply times were not recorded here.",
      evidence: [],
    });
    // efficiency.turns applies: 2 agent turns against par 5 → level 2.
    expect(find(grade, "efficiency.turns")).toMatchObject({ applicable: true, level: 2 });
    // (3 × 1 + 1 × 0.5 + 2 × 1) / (3 + 1 + 2) = 5.5 / 6 → 92; with reply time at 0 it would be 5.5 / 11 → 50.
    expect(grade.overallScore).toBe(92);
  });

  test("with recorded times, reply time applies and counts", () => {
    // 200 s against par 90 s is more than twice par: level 0.
    const grade = gradeTurns(turns({ ms: 200_000 }), [EMPATHY, EFFICIENCY], { scenario: SCENARIO });
    expect(find(grade, "efficiency.reply-time")).toMatchObject({ applicable: true, level: 0, label: "None" });
    expect(grade.overallScore).toBe(50);
  });

  test("without a scenario, scenario criteria are N/A with the default wording", () => {
    const grade = gradeTurns(turns({ ms: 1000 }), [EFFICIENCY]);
    expect(find(grade, "efficiency.turns")).toMatchObject({ applicable: false, label: "N/A", suggestion: "Not applicable here." });
    expect(find(grade, "efficiency.reply-time")).toMatchObject({ applicable: false, label: "N/A" });
    expect(grade.overallScore).toBe(0);
  });
});

describe("labels and suggestions", () => {
  test("come from the level achieved", () => {
    const grade = gradeTurns(turns(), [EMPATHY]);
    expect(find(grade, "empathy.emotional-reaction")).toMatchObject({ label: "Strong", suggestion: "Strong: do this next" });
    expect(find(grade, "empathy.exploration")).toMatchObject({ label: "Weak", suggestion: "Weak: do this next" });
  });

  test("a criterion with no signal gets level 0's label and suggestion", () => {
    const quiet: AnalysedTurn[] = [
      { from: "customer", text: "Hello?", index: 0, signals: [] },
      { from: "agent", text: "Hello.", index: 1, signals: [] },
    ];
    const grade = gradeTurns(quiet, [EMPATHY]);
    expect(find(grade, "empathy.exploration")).toMatchObject({ level: 0, label: "None", suggestion: "None: do this next", evidence: [] });
    expect(grade.overallScore).toBe(0);
  });

  test("carry the rubric's title, competency, weight and rubric id", () => {
    expect(find(gradeTurns(turns(), [EMPATHY]), "empathy.exploration")).toMatchObject({
      rubricId: "empathy",
      title: "Title of empathy.exploration",
      competency: "empathy",
      weight: 1,
      critical: false,
    });
  });
});

describe("what a grade records", () => {
  test("the grader version and each rubric's version", () => {
    const grade = gradeTurns(turns(), [EMPATHY, EFFICIENCY, CRITICAL]);
    expect(grade.graderVersion).toBe(GRADER_VERSION);
    expect(grade.graderVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(grade.rubricVersions).toEqual({ empathy: 3, efficiency: 2, critical: 7 });
    expect(grade.criteria.map((candidate) => candidate.id)).toEqual([
      "empathy.emotional-reaction",
      "empathy.exploration",
      "efficiency.reply-time",
      "efficiency.turns",
      "critical.no-rudeness",
    ]);
  });

  test("evidence points at the agent turn and the span of the words", () => {
    const transcript = [
      { from: "customer" as const, text: "My daughter's play kitchen arrived broken and the party is on Saturday." },
      { from: "agent" as const, text: "Hi there. I'm so sorry your daughter's play kitchen arrived broken." },
      { from: "customer" as const, text: "Thanks. What now?" },
      { from: "agent" as const, text: "Thanks for waiting. Can you tell me more?" },
      { from: "customer" as const, text: "I already told you." },
      { from: "agent" as const, text: "Whatever." },
    ];
    const grade = gradeTurns(analyseTranscript(transcript), [EMPATHY, CRITICAL]);
    const reaction = find(grade, "empathy.emotional-reaction");
    expect(reaction.level).toBe(2);
    expect(reaction.evidence).toEqual([{ turn: 1, span: [10, 67], text: "I'm so sorry your daughter's play kitchen arrived broken." }]);
    const exploration = find(grade, "empathy.exploration");
    expect(exploration.evidence).toEqual([{ turn: 3, span: [20, 41], text: "Can you tell me more?" }]);
    const rudeness = find(grade, "critical.no-rudeness");
    expect(rudeness.evidence).toEqual([{ turn: 5, span: [0, 8], text: "Whatever" }]);
    for (const item of [...reaction.evidence, ...exploration.evidence, ...rudeness.evidence]) {
      expect(transcript[item.turn].from).toBe("agent");
      expect(transcript[item.turn].text.slice(item.span[0], item.span[1])).toBe(item.text);
    }
  });
});
