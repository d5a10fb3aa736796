import { describe, expect, test } from "vitest";
import {
  chooseAutoPractice,
  repeatedFailures,
  type AttemptCriterion,
  type EarlierAutoAssignment,
  type GradedAttemptForRule,
} from "./auto-practice.ts";

const DAY = 86_400_000;
const START = new Date("2025-04-01T09:00:00Z").getTime();
const day = (n: number) => new Date(START + n * DAY);

const EXPLORATION = "empathy.exploration";
const JARGON = "communication.no-jargon";

function c(criterionId: string, level: number, extra: Partial<AttemptCriterion> = {}): AttemptCriterion {
  const competency = criterionId.startsWith("empathy.")
    ? "empathy"
    : criterionId.startsWith("communication.")
      ? "communication"
      : "de-escalation";
  return { criterionId, competency, applicable: true, level, overrideLevel: null, ...extra };
}
function attempt(n: number, criteria: AttemptCriterion[], scenarioSlug = "late-delivery"): GradedAttemptForRule {
  return { scenarioSlug, startedAt: day(n), criteria };
}
/** n attempts in a row with exploration at `level`. */
function run(levels: number[], firstDay = 0, scenarioSlug = "late-delivery") {
  return levels.map((level, index) => attempt(firstDay + index, [c(EXPLORATION, level), c(JARGON, 2)], scenarioSlug));
}

const scenarios = [
  { slug: "late-delivery", competencies: ["empathy", "resolution"] },
  { slug: "charged-twice", competencies: ["resolution", "empathy", "efficiency"] },
  { slug: "bug-escalation", competencies: ["resolution", "collaboration"] },
];
const modules = [
  { slug: "plain-language", competencies: ["communication"] },
  { slug: "listening", competencies: ["empathy", "communication"] },
];

describe("repeatedFailures", () => {
  test("triggers after N consecutive failures and not after N-1", () => {
    expect(repeatedFailures(run([0, 0]), 3)).toEqual([]);
    expect(repeatedFailures(run([0, 0, 0]), 3)).toEqual([
      { criterionId: EXPLORATION, competency: "empathy", lastScenarioSlug: "late-delivery" },
    ]);
  });

  test("a success in between breaks the run; only the latest N count", () => {
    expect(repeatedFailures(run([0, 0, 1, 0, 0]), 3)).toEqual([]);
    expect(repeatedFailures(run([2, 1, 0, 0, 0]), 3).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
    expect(repeatedFailures(run([0, 0, 0, 1]), 3)).toEqual([]);
  });

  test("level 1 (weak) is not a failure", () => {
    expect(repeatedFailures(run([1, 1, 1]), 3)).toEqual([]);
  });

  test("attempts where the criterion did not apply are skipped, not counted", () => {
    const attempts = [
      attempt(0, [c(EXPLORATION, 0)]),
      attempt(1, [c(EXPLORATION, 2, { applicable: false })]),
      attempt(2, [c(EXPLORATION, 0)]),
      attempt(3, []),
      attempt(4, [c(EXPLORATION, 0)]),
    ];
    expect(repeatedFailures(attempts, 3).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
  });

  test("overrides decide: raised above 0 breaks the run, lowered to 0 makes one", () => {
    const raised = run([0, 0, 0]);
    raised[1].criteria[0] = c(EXPLORATION, 0, { overrideLevel: 1 });
    expect(repeatedFailures(raised, 3)).toEqual([]);
    const lowered = run([0, 1, 0]);
    lowered[1].criteria[0] = c(EXPLORATION, 1, { overrideLevel: 0 });
    expect(repeatedFailures(lowered, 3).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
  });

  test("critical criteria fail at level 0 too", () => {
    const attempts = [0, 1, 2].map((n) => attempt(n, [c("critical.no-rudeness", 0)]));
    expect(repeatedFailures(attempts, 3)).toEqual([
      { criterionId: "critical.no-rudeness", competency: "de-escalation", lastScenarioSlug: "late-delivery" },
    ]);
  });

  test("sorts attempts by start time whatever order they come in", () => {
    const attempts = [...run([0, 0, 0], 0), attempt(-1, [c(EXPLORATION, 2)])].reverse();
    expect(repeatedFailures(attempts, 3).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
  });

  test("the threshold is configurable per team", () => {
    expect(repeatedFailures(run([0, 0]), 2).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
    expect(repeatedFailures(run([0, 0, 0, 0]), 5)).toEqual([]);
  });
});

describe("once per run of failures", () => {
  const earlier = (overrides: Partial<EarlierAutoAssignment> = {}): EarlierAutoAssignment => ({
    triggerCriterion: EXPLORATION,
    kind: "scenario",
    contentSlug: "charged-twice",
    createdAt: new Date(day(2).getTime() + 1000),
    open: true,
    ...overrides,
  });

  test("nothing new while an automatic assignment for the criterion is open", () => {
    expect(repeatedFailures(run([0, 0, 0, 0, 0, 0]), 3, [earlier()])).toEqual([]);
  });

  test("after one closes, only attempts started after it count", () => {
    const closed = earlier({ open: false });
    expect(repeatedFailures(run([0, 0, 0, 0, 0]), 3, [closed])).toEqual([]);
    expect(repeatedFailures(run([0, 0, 0, 0, 0, 0]), 3, [closed]).map((failure) => failure.criterionId)).toEqual([EXPLORATION]);
  });

  test("an assignment for another criterion does not block this one", () => {
    expect(repeatedFailures(run([0, 0, 0]), 3, [earlier({ triggerCriterion: JARGON })]).map((failure) => failure.criterionId)).toEqual([
      EXPLORATION,
    ]);
  });
});

describe("chooseAutoPractice", () => {
  test("prefers a scenario on the competency other than the one just failed", () => {
    expect(chooseAutoPractice({ attempts: run([0, 0, 0]), scenarios, modules })).toEqual({
      triggerCriterion: EXPLORATION,
      competency: "empathy",
      kind: "scenario",
      contentSlug: "charged-twice",
      failures: 3,
    });
  });

  test("falls back to the failed scenario when it is the only one on the competency", () => {
    const pick = chooseAutoPractice({ attempts: run([0, 0, 0]), scenarios: [scenarios[0], scenarios[2]], modules });
    expect(pick?.contentSlug).toBe("late-delivery");
  });

  test("falls back to a module when no scenario exercises the competency", () => {
    const attempts = [0, 1, 2].map((n) => attempt(n, [c(JARGON, 0)]));
    expect(chooseAutoPractice({ attempts, scenarios, modules })).toEqual({
      triggerCriterion: JARGON,
      competency: "communication",
      kind: "module",
      contentSlug: "plain-language",
      failures: 3,
    });
  });

  test("nothing when no content covers the competency", () => {
    const attempts = [0, 1, 2].map((n) => attempt(n, [c("critical.no-rudeness", 0)]));
    expect(chooseAutoPractice({ attempts, scenarios, modules })).toBeNull();
  });

  test("one assignment per run: the first triggered criterion in rubric order", () => {
    const attempts = [0, 1, 2].map((n) => attempt(n, [c(EXPLORATION, 0), c(JARGON, 0)]));
    expect(chooseAutoPractice({ attempts, scenarios, modules })).toMatchObject({
      triggerCriterion: EXPLORATION,
      contentSlug: "charged-twice",
    });
  });

  test("the next run moves on to the next criterion while the first is open", () => {
    const attempts = [0, 1, 2, 3].map((n) => attempt(n, [c(EXPLORATION, 0), c(JARGON, 0)]));
    const open: EarlierAutoAssignment = {
      triggerCriterion: EXPLORATION,
      kind: "scenario",
      contentSlug: "charged-twice",
      createdAt: day(2.5),
      open: true,
    };
    expect(chooseAutoPractice({ attempts, scenarios, modules, earlier: [open] })).toMatchObject({
      triggerCriterion: JARGON,
      contentSlug: "plain-language",
    });
  });

  test("skips content already open as an automatic assignment for another criterion", () => {
    const attempts = [0, 1, 2].map((n) => attempt(n, [c("empathy.interpretation", 0)]));
    const open: EarlierAutoAssignment = {
      triggerCriterion: EXPLORATION,
      kind: "scenario",
      contentSlug: "charged-twice",
      createdAt: day(-10),
      open: true,
    };
    expect(chooseAutoPractice({ attempts, scenarios, modules, earlier: [open] })).toBeNull();
  });

  test("uses the team's threshold", () => {
    expect(chooseAutoPractice({ attempts: run([0, 0]), threshold: 2, scenarios, modules })).not.toBeNull();
    expect(chooseAutoPractice({ attempts: run([0, 0]), threshold: 3, scenarios, modules })).toBeNull();
  });
});
