import { describe, expect, test } from "vitest";
import type { ModuleRef } from "~/engine/learning/progress.ts";
import { inEnglish } from "../../../tests/support/english.ts";
import {
  agentTable,
  BENCHMARK_HOURS_PER_YEAR,
  buildInsights,
  countAssignments,
  practiceTallies,
  scenarioLift,
  toCsv,
  trainingTime,
  trainingWindowStart,
  trendStart,
  weeklyTrend,
  weekStart,
  type GradedDay,
  type InsightAgent,
  type InsightProgress,
  type InsightsInput,
  type ScenarioRecord,
} from "./insights.ts";

const DAY = 86_400_000;
// A Wednesday.
const NOW = new Date("2025-06-11T15:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const onboarding: ModuleRef[] = [
  { slug: "welcome", version: 1, track: "onboarding", order: 1, prerequisites: [] },
  { slug: "tools", version: 2, track: "onboarding", order: 2, prerequisites: ["welcome"] },
];

function agent(id: string, hiredDaysAgo = 800, name = id): InsightAgent {
  return { id, name, teamName: "Orders", hireDate: daysAgo(hiredDaysAgo) };
}
function done(userId: string, moduleSlug: string, { version = 1, seconds = 0, at = daysAgo(10) } = {}): InsightProgress {
  return { userId, moduleSlug, moduleVersion: version, completedAt: at, reachedEndAt: at, timeSpentSeconds: seconds, updatedAt: at };
}
/** One agent's graded attempts at one scenario, oldest first, as the scenario rollup holds them. */
function record(userId: string, scenarioSlug: string, scores: number[]): ScenarioRecord {
  return {
    userId,
    scenarioSlug,
    graded: scores.length,
    scoreTotal: scores.reduce((sum, score) => sum + score, 0),
    firstScore: scores[0],
    bestScore: Math.max(...scores),
    latestScore: scores[scores.length - 1],
  };
}
/** The team's grades on the UTC day `days` days before NOW. */
function gradedDay(scores: number[], days: number): GradedDay {
  return {
    day: daysAgo(days).toISOString().slice(0, 10),
    graded: scores.length,
    scoreTotal: scores.reduce((sum, score) => sum + score, 0),
  };
}

function input(overrides: Partial<InsightsInput> = {}): InsightsInput {
  return {
    now: NOW,
    agents: [],
    onboarding,
    progress: [],
    scenarios: [],
    days: [],
    practice: [],
    competencies: [],
    evidence: [],
    assignments: [],
    competencyOrder: ["empathy", "resolution", "efficiency"],
    ...overrides,
  };
}

describe("buildInsights", () => {
  test("onboarding: share of agents who finished every module, and the average percent", () => {
    const insights = buildInsights(
      input({
        agents: [agent("a"), agent("b"), agent("c"), agent("d")],
        // a: both (tools in an older version counts); b: half; c: none; d: both.
        progress: [
          done("a", "welcome"),
          done("a", "tools", { version: 1 }),
          done("b", "welcome"),
          done("d", "welcome"),
          done("d", "tools", { version: 2 }),
        ],
      }),
    );
    expect(insights.onboarding).toEqual({ completedAll: 2, completedShare: 50, averagePercent: 63 });
    expect(insights.agents.map((row) => [row.id, row.onboardingPercent, row.onboardingComplete])).toEqual([
      ["a", 100, true],
      ["b", 50, false],
      ["c", 0, false],
      ["d", 100, true],
    ]);
  });

  test("assignments: completed against total, and how many are past due", () => {
    const insights = buildInsights(
      input({
        agents: [agent("a"), agent("b")],
        assignments: [
          { userId: "a", status: "completed" },
          { userId: "a", status: "past-due" },
          { userId: "b", status: "past-due" },
          { userId: "b", status: "in-progress" },
          { userId: "b", status: "completed" },
        ],
      }),
    );
    expect(insights.assignments).toEqual({ total: 5, completed: 2, overdue: 2 });
    expect(insights.agents.find((row) => row.id === "b")!.assignments).toEqual({ total: 3, completed: 1, overdue: 1 });
  });

  test("competencies: per agent on 0–100, team average pooled over results, catalog order, only those with evidence", () => {
    const insights = buildInsights(
      input({
        agents: [agent("a"), agent("b")],
        competencies: [
          { userId: "a", competency: "resolution", total: 3, count: 4 },
          { userId: "b", competency: "resolution", total: 1, count: 4 },
          { userId: "a", competency: "empathy", total: 1.5, count: 3 },
          { userId: "b", competency: "de-escalation", total: 1, count: 1 },
        ],
      }),
    );
    expect(insights.competencyKeys).toEqual(["empathy", "resolution", "de-escalation"]);
    expect(insights.agents[0].competencies).toEqual({ empathy: 50, resolution: 75, "de-escalation": null });
    expect(insights.agents[1].competencies).toEqual({ empathy: null, resolution: 25, "de-escalation": 100 });
    expect(insights.competencyAverages).toEqual({ empathy: 50, resolution: 50, "de-escalation": 100 });
  });

  test("evidence by source: each competency's practice and real conversations with their averages, and how many a person reviewed", () => {
    const tally = (
      userId: string,
      competency: string,
      source: "practice" | "real",
      reviewed: boolean,
      total: number,
      count: number,
      conversations: number,
    ) => ({
      userId,
      competency,
      source,
      reviewed,
      total,
      count,
      conversations,
    });
    const evidence = [
      tally("a", "resolution", "practice", false, 3, 4, 2),
      tally("a", "resolution", "practice", true, 1, 4, 1),
      tally("b", "resolution", "real", false, 1, 2, 1),
      tally("b", "resolution", "real", true, 2, 2, 1),
      tally("a", "de-escalation", "real", false, 0.5, 1, 1),
    ];
    const insights = buildInsights(input({ agents: [agent("a"), agent("b")], evidence, competencies: practiceTallies(evidence) }));
    expect(insights.evidence).toEqual([
      { competency: "resolution", practice: { conversations: 3, average: 50 }, real: { conversations: 2, average: 75 }, reviewed: 2 },
      { competency: "de-escalation", practice: { conversations: 0, average: null }, real: { conversations: 1, average: 50 }, reviewed: 0 },
    ]);
    // The skills matrix stays on practice: reviewed and unreviewed practice pooled, real left out.
    expect(insights.competencyKeys).toEqual(["resolution"]);
    expect(insights.agents[0].competencies).toEqual({ resolution: 50 });
  });

  test("per agent attempts and average score count graded attempts only", () => {
    const insights = buildInsights(
      input({
        agents: [agent("a")],
        scenarios: [record("a", "s", [60, 81])],
        days: [gradedDay([60], 3), gradedDay([81], 2)],
        practice: [{ userId: "a", practiceMs: 60_000 }],
      }),
    );
    expect(insights.agents[0]).toMatchObject({ gradedAttempts: 2, averageScore: 71 });
    expect(insights.recentAverageScore).toBe(71);
  });

  test("an empty team gives zeros and nulls, not errors", () => {
    const insights = buildInsights(input());
    expect(insights.agentCount).toBe(0);
    expect(insights.onboarding).toEqual({ completedAll: 0, completedShare: 0, averagePercent: 0 });
    expect(insights.recentAverageScore).toBeNull();
    expect(insights.trend).toHaveLength(12);
    expect(insights.training.averageHoursPerYear).toBe(0);
  });
});

describe("weeklyTrend", () => {
  test("weeks start on Monday UTC", () => {
    expect(weekStart(NOW).toISOString()).toBe("2025-06-09T00:00:00.000Z");
    expect(weekStart(new Date("2025-06-08T23:59:00Z")).toISOString()).toBe("2025-06-02T00:00:00.000Z");
  });

  test("twelve weeks ending this week, averaging each week and leaving empty weeks null", () => {
    const trend = weeklyTrend(
      [gradedDay([50], 0), gradedDay([71], 1), gradedDay([40], 7 * 11 + 2), gradedDay([99], 7 * 13), gradedDay([90], -3)],
      NOW,
    );
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual({ weekStart: "2025-03-24", average: 40, attempts: 1 });
    expect(trend[11]).toEqual({ weekStart: "2025-06-09", average: 61, attempts: 2 });
    expect(trend.slice(1, 11).every((point) => point.average === null && point.attempts === 0)).toBe(true);
  });
});

describe("scenarioLift", () => {
  test("averages each agent's first, best and latest per scenario", () => {
    const lift = scenarioLift([
      record("a", "late-delivery", [50, 90, 70]),
      record("b", "late-delivery", [60, 80]),
      record("a", "charged-twice", [40]),
    ]);
    expect(lift).toEqual([
      { scenarioSlug: "late-delivery", agents: 2, repeaters: 2, first: 55, best: 85, latest: 75, lift: 20 },
      { scenarioSlug: "charged-twice", agents: 1, repeaters: 0, first: 40, best: 40, latest: 40, lift: 0 },
    ]);
  });
});

describe("trainingWindowStart and trendStart", () => {
  test("training time counts from a year ago, or from the hire date within the year", () => {
    expect(trainingWindowStart(daysAgo(900), NOW)).toEqual(daysAgo(365));
    expect(trainingWindowStart(daysAgo(73), NOW)).toEqual(daysAgo(73));
  });

  test("the trend starts on the Monday eleven weeks before this week's", () => {
    expect(trendStart(NOW).toISOString()).toBe("2025-03-24T00:00:00.000Z");
  });
});

describe("trainingTime", () => {
  test("counts the last year for long-serving people", () => {
    const time = trainingTime(
      agent("a", 900),
      [done("a", "welcome", { seconds: 5 * 3600, at: daysAgo(100) }), done("a", "tools", { seconds: 9 * 3600, at: daysAgo(400) })],
      3 * 3_600_000,
      NOW,
    );
    expect(time).toEqual({ moduleHours: 5, practiceHours: 3, annualisedOverDays: 365, hoursPerYear: 8 });
  });

  test("scales a shorter tenure up to a year", () => {
    const time = trainingTime(agent("a", 73), [done("a", "welcome", { seconds: 4 * 3600, at: daysAgo(60) })], 3_600_000, NOW);
    expect(time).toEqual({ moduleHours: 4, practiceHours: 1, annualisedOverDays: 73, hoursPerYear: 25 });
  });

  test("counts a brand-new hire's days as at least a month", () => {
    const time = trainingTime(agent("a", 3), [done("a", "welcome", { seconds: 2 * 3600, at: daysAgo(1) })], 0, NOW);
    expect(time.annualisedOverDays).toBe(30);
    expect(time.hoursPerYear).toBe(24.3);
  });

  test("the benchmark is 3.7 days of 7.5 hours", () => {
    expect(BENCHMARK_HOURS_PER_YEAR).toBeCloseTo(27.75);
    const insights = buildInsights(
      input({
        agents: [agent("a"), agent("b")],
        progress: [done("a", "welcome", { seconds: 30 * 3600 }), done("b", "welcome", { seconds: 10 * 3600 })],
      }),
    );
    expect(insights.training).toEqual({ benchmarkHours: 27.75, averageHoursPerYear: 20, atBenchmark: 1 });
  });
});

describe("countAssignments", () => {
  test("counts completed and past due", () => {
    expect(countAssignments(["completed", "not-started", "past-due", "not-passed", "completed"])).toEqual({
      total: 5,
      completed: 2,
      overdue: 1,
    });
  });
});

describe("agentTable and toCsv", () => {
  const insights = buildInsights(
    input({
      agents: [agent("a", 800, 'Ana "Nan" Silva, Jr.'), agent("b", 800, "=HYPERLINK(evil)")],
      competencies: [{ userId: "a", competency: "empathy", total: 1, count: 2 }],
      scenarios: [record("a", "s", [64])],
    }),
  );
  // The table's headings and yes/no cells are catalog messages; the page and the CSV word them in the reader's language.
  const keyed = agentTable(insights, { empathy: "Empathy" });
  const table = {
    ...keyed,
    columns: keyed.columns.map((column) => inEnglish(column)!),
    rows: keyed.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => (typeof cell === "string" ? inEnglish(cell) : cell)) })),
  };

  test("one row per agent with the same columns as the header", () => {
    expect(table.columns).toContain("Empathy (0–100)");
    expect(table.rows).toHaveLength(2);
    for (const row of table.rows) expect(row.cells).toHaveLength(table.columns.length);
    const [formula, ana] = table.rows;
    expect(ana.cells.slice(0, 4)).toEqual(['Ana "Nan" Silva, Jr.', "Orders", 0, "No"]);
    expect(formula.cells[table.columns.indexOf("Empathy (0–100)")]).toBeNull();
  });

  test("quotes, doubles quotes, neutralises formulas and ends lines with CRLF", () => {
    const csv = toCsv(table);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[2].startsWith('"Ana ""Nan"" Silva, Jr.",Orders,0,No,0,0,0,1,64,50,')).toBe(true);
    expect(lines[1].startsWith("'=HYPERLINK(evil),Orders,")).toBe(true);
    expect(lines[1]).toContain(",,"); // no evidence is an empty field
  });
});
