import { describe, expect, test } from "vitest";
import { nextSkill, scoreTrend, SLIP_POINTS, standing, weekBounds, type CriterionResult } from "./dashboard-signals.ts";

const at = (...scores: number[]) => scores.map((score) => ({ score, passScore: 70 }));

describe("standing", () => {
  test("nothing graded has no standing", () => {
    expect(standing([])).toBeNull();
  });

  test("a recent average under the pass mark is below pass", () => {
    expect(standing(at(60, 65, 70, 72, 68))).toEqual({ kind: "below-pass", recentAverage: 67, passScore: 70 });
  });

  test("the pass mark is the average of the recent scenarios' own marks", () => {
    const attempts = [
      { score: 78, passScore: 80 },
      { score: 78, passScore: 80 },
    ];
    expect(standing(attempts)).toMatchObject({ kind: "below-pass", passScore: 80 });
  });

  test("a drop of the threshold against the earlier average is slipping, even above pass", () => {
    const recent = at(80, 80, 80, 80, 80);
    const earlier = at(88, 88, 88);
    expect(standing([...recent, ...earlier])).toEqual({ kind: "slipping", recentAverage: 80, earlierAverage: 88, drop: SLIP_POINTS });
  });

  test("a smaller drop is steady", () => {
    expect(standing([...at(80, 80, 80, 80, 80), ...at(87, 87)])).toEqual({ kind: "steady", recentAverage: 80 });
  });

  test("a single earlier conversation is not enough to call a drop", () => {
    expect(standing([...at(75, 75, 75, 75, 75), ...at(95)])).toEqual({ kind: "steady", recentAverage: 75 });
  });

  test("only the five conversations before the recent five form the earlier average", () => {
    const attempts = [...at(80, 80, 80, 80, 80), ...at(84, 84, 84, 84, 84), ...at(100, 100, 100)];
    expect(standing(attempts)).toEqual({ kind: "steady", recentAverage: 80 });
  });
});

describe("scoreTrend", () => {
  test("needs two scores", () => {
    expect(scoreTrend([70])).toBeNull();
  });

  test("measures from the oldest to the newest", () => {
    expect(scoreTrend([60, 90, 66])).toEqual({ direction: "up", points: 6, over: 3 });
    expect(scoreTrend([80, 70])).toEqual({ direction: "down", points: 10, over: 2 });
    expect(scoreTrend([75, 60, 75])).toEqual({ direction: "flat", points: 0, over: 3 });
  });
});

describe("nextSkill", () => {
  const criterion = (competency: string, level: number, maxLevel = 2, overrideLevel: number | null = null): CriterionResult => ({
    competency,
    level,
    maxLevel,
    overrideLevel,
  });
  const scenarios = [
    { slug: "easy-refund", competencies: ["resolution"] },
    { slug: "angry-caller", competencies: ["empathy", "de-escalation"] },
    { slug: "hard-empathy", competencies: ["empathy"] },
  ];

  test("nothing graded suggests nothing", () => {
    expect(nextSkill([], scenarios)).toBeNull();
  });

  test("picks the competency with the lowest share of levels and the first scenario practising it", () => {
    const criteria = [criterion("resolution", 2), criterion("resolution", 1), criterion("empathy", 1), criterion("empathy", 0)];
    expect(nextSkill(criteria, scenarios)).toEqual({ competency: "empathy", percent: 25, scenarioSlug: "angry-caller" });
  });

  test("a lead's override counts instead of the grader's level", () => {
    const criteria = [criterion("resolution", 1), criterion("empathy", 0, 2, 2)];
    expect(nextSkill(criteria, scenarios)?.competency).toBe("resolution");
  });

  test("ties go to the first key, and a skill no scenario practises has no link", () => {
    expect(nextSkill([criterion("zeta", 1), criterion("alpha", 1)], scenarios)).toEqual({
      competency: "alpha",
      percent: 50,
      scenarioSlug: null,
    });
  });
});

describe("weekBounds", () => {
  test("runs Monday to Monday on the zone's calendar", () => {
    // Sunday 7 Dec 2025, 23:30 in Madrid is still that Sunday there, though Monday in UTC+2 zones.
    const now = new Date("2025-12-07T22:30:00Z");
    expect(weekBounds(now, "Europe/Madrid")).toEqual({
      start: new Date("2025-11-30T23:00:00Z"),
      end: new Date("2025-12-07T23:00:00Z"),
    });
    expect(weekBounds(now, "Asia/Tokyo")).toEqual({
      start: new Date("2025-12-07T15:00:00Z"),
      end: new Date("2025-12-14T15:00:00Z"),
    });
  });
});
