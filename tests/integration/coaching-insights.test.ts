// Team insights through their routes: the figures on a small team whose every
// number is worked out by hand, the CSV against the page's table, who may see
// what, and the number of SQL statements the page runs for a lead of fifty
// agents with 5,000 graded conversations.
import { beforeAll, describe, expect, test, vi } from "vitest";

// The app's own client is swapped for one that counts SQL statements before any module opens it.
const statements = vi.hoisted(() => ({ sql: [] as string[] }));

vi.mock("~/utils/db.server.ts", async (importOriginal) =>
  (await import("./counting-database.ts")).countingDatabase(importOriginal, statements.sql),
);

import { getCatalog } from "~/content/modules.server.ts";
import { refreshPersonRollups } from "~/models/evidence-rollup.server.ts";
import { loadTeamInsights } from "~/models/insights.server.ts";
import * as insightsPage from "~/routes/coaching+/insights.tsx";
import * as csvRoute from "~/routes/coaching+/insights[.csv].tsx";
import { prisma } from "~/utils/db.server.ts";
import { seedCoachingTeam } from "../../scripts/lib/coaching-team.ts";
import { createTeamWithLead, createUser, DAY_MS, gradeRecord } from "../factories/index.ts";
import { callRoute, get, sessionCookieFor } from "./request.ts";

type PageData = Awaited<ReturnType<typeof insightsPage.loader>>;

const STATEMENT_LIMIT = 10;
const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY_MS);

/** RFC 4180 parsing, enough for the export: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  return rows;
}

type Criterion = { competency: string; level: number; maxLevel: number; applicable?: boolean; overrideLevel?: number };

let criterionSequence = 0;
async function graded(
  userId: string,
  {
    score,
    daysAgo,
    replies,
    criteria,
    scenarioSlug = "late-delivery",
    source = "practice",
    reviewed = false,
  }: {
    score: number;
    daysAgo: number;
    replies: number[];
    criteria: Criterion[];
    scenarioSlug?: string;
    source?: "practice" | "real";
    reviewed?: boolean;
  },
) {
  const endedAt = ago(daysAgo);
  const startedAt = new Date(endedAt.getTime() - 600_000);
  await prisma.practiceAttempt.create({
    data: {
      userId,
      scenarioSlug,
      scenarioVersion: 1,
      source,
      reviewedAt: reviewed ? endedAt : null,
      seed: 1,
      status: "resolved",
      customerState: "{}",
      startedAt,
      endedAt,
      turns: {
        create: [
          { index: 0, speaker: "customer", text: "Hello", createdAt: startedAt },
          ...replies.flatMap((replyMs, n) => [
            { index: n * 2 + 1, speaker: "agent", text: "Reply", replyMs, createdAt: startedAt },
            { index: n * 2 + 2, speaker: "customer", text: "Answer", createdAt: startedAt },
          ]),
        ],
      },
      grade: {
        create: gradeRecord({
          score,
          createdAt: endedAt,
          criteria: criteria.map((criterion) => ({ criterionId: `test.criterion-${++criterionSequence}`, ...criterion })),
        }),
      },
    },
  });
  // Written around the models, so the person's rollups are refreshed as a grade's transaction would.
  await prisma.$transaction((tx) => refreshPersonRollups(tx, userId));
}

type Fixture = {
  team: Awaited<ReturnType<typeof createTeamWithLead>>;
  onboardingCount: number;
  cookies: { lead: string; agent: string; otherLead: string; admin: string };
  otherTeamId: string;
  names: { a: string; b: string; c: string };
};
let fx: Fixture;

beforeAll(async () => {
  const { modules } = await getCatalog();
  const onboarding = modules.filter((module) => module.frontmatter.track === "onboarding");
  const ongoing = modules.find((module) => module.frontmatter.track === "ongoing")!;
  const team = await createTeamWithLead({ memberCount: 0 });
  const [a, b, c] = [
    await createUser({ name: "Ana Alves", teamId: team.team.id, hireDate: ago(800) }),
    await createUser({ name: 'Ben "Benny" Brown, Jr.', teamId: team.team.id, hireDate: ago(73) }),
    await createUser({ name: "Cleo Costa", teamId: team.team.id, hireDate: ago(400) }),
  ];
  const other = await createTeamWithLead({ memberCount: 1 });
  const admin = await createUser({ role: "admin" });

  // Onboarding: Ana finished it (half an hour a module), Ben one module (an hour), Cleo nothing.
  const completed = (userId: string, slug: string, version: number, seconds: number) =>
    prisma.moduleProgress.create({
      data: { userId, moduleSlug: slug, moduleVersion: version, reachedEndAt: ago(5), completedAt: ago(5), timeSpentSeconds: seconds },
    });
  for (const module of onboarding) await completed(a.id, module.slug, module.frontmatter.version, 1800);
  await completed(b.id, onboarding[0].slug, onboarding[0].frontmatter.version, 3600);

  // Assignments: Ana's module done after it was assigned and her scenario passed (80 ≥ 70);
  // Ben's scenario past due; Cleo's module not started.
  await prisma.assignment.createMany({
    data: [
      { kind: "module", contentSlug: onboarding[1].slug, userId: a.id, createdAt: ago(10), dueAt: ago(-5) },
      { kind: "scenario", contentSlug: "late-delivery", userId: a.id, createdAt: ago(4), dueAt: ago(-3), minScore: 70 },
      { kind: "scenario", contentSlug: "charged-twice", userId: b.id, createdAt: ago(20), dueAt: ago(3), minScore: 70 },
      { kind: "module", contentSlug: ongoing.slug, userId: c.id, createdAt: ago(2), dueAt: ago(-12) },
    ],
  });

  // Practice. Ana: 60 then 80 on one scenario; Ben: 50. A reply left open 15 minutes counts as 10.
  await graded(a.id, {
    score: 60,
    daysAgo: 8,
    replies: [120_000, 900_000],
    criteria: [
      { competency: "empathy", level: 1, maxLevel: 2 },
      { competency: "empathy", level: 2, maxLevel: 2, overrideLevel: 0 },
      { competency: "efficiency", level: 0, maxLevel: 2, applicable: false },
    ],
  });
  await graded(a.id, {
    score: 80,
    daysAgo: 1,
    replies: [60_000],
    criteria: [
      { competency: "empathy", level: 2, maxLevel: 2 },
      { competency: "resolution", level: 3, maxLevel: 4 },
    ],
  });
  await graded(b.id, {
    score: 50,
    daysAgo: 3,
    replies: [30_000],
    criteria: [
      { competency: "empathy", level: 0, maxLevel: 2 },
      { competency: "resolution", level: 4, maxLevel: 4 },
    ],
  });

  // A real conversation of Cleo's, reviewed by a person: evidence by source, never practice figures.
  await graded(c.id, {
    score: 40,
    daysAgo: 2,
    replies: [45_000],
    scenarioSlug: "",
    source: "real",
    reviewed: true,
    criteria: [
      { competency: "empathy", level: 1, maxLevel: 2 },
      { competency: "resolution", level: 2, maxLevel: 4 },
    ],
  });

  fx = {
    team,
    onboardingCount: onboarding.length,
    cookies: {
      lead: await sessionCookieFor(team.lead.id),
      agent: await sessionCookieFor(a.id),
      otherLead: await sessionCookieFor(other.lead.id),
      admin: await sessionCookieFor(admin.id),
    },
    otherTeamId: other.team.id,
    names: { a: a.name, b: b.name, c: c.name },
  };
});

function openInsights(cookie: string, query = "") {
  return callRoute<PageData>(insightsPage.loader, { request: get(`/coaching/insights${query}`, cookie) });
}

describe("team insights on a small known team", () => {
  test("every figure matches the hand-worked numbers", async () => {
    const result = await openInsights(fx.cookies.lead);
    expect(result.status).toBe(200);
    const page = result.body!;
    expect(page.scopeName).toBe(fx.team.team.name);
    expect(page.summary.agents).toBe(3);
    const benOnboarding = Math.round(100 / fx.onboardingCount);
    expect(page.summary.onboarding).toEqual({
      completedAll: 1,
      completedShare: 33,
      averagePercent: Math.round((100 + benOnboarding + 0) / 3),
    });
    expect(page.summary.assignments).toEqual({ total: 4, completed: 2, overdue: 1 });
    expect(page.summary.recentAverageScore).toBe(63);

    // Empathy: Ana (0.5 + 0 overridden + 1) / 3, Ben 0; team pooled 1.5 / 4. Efficiency never applied.
    expect(page.heatmap.columns.map((column) => column.label)).toEqual(["Empathy", "Resolution"]);
    expect(page.heatmap.average.values).toEqual([38, 88]);
    const rows = Object.fromEntries(page.heatmap.rows.map((row) => [row.label, row.values]));
    expect(rows).toEqual({ [fx.names.a]: [50, 75], [fx.names.b]: [0, 100], [fx.names.c]: [null, null] });
    // Evidence by source: three practice conversations touch empathy and two resolution; Cleo's one real
    // conversation, reviewed by a person, touches both.
    expect(page.evidence).toEqual([
      expect.objectContaining({
        label: "Empathy",
        practice: { conversations: 3, average: 38 },
        real: { conversations: 1, average: 50 },
        reviewed: 1,
      }),
      expect.objectContaining({
        label: "Resolution",
        practice: { conversations: 2, average: 88 },
        real: { conversations: 1, average: 50 },
        reviewed: 1,
      }),
    ]);

    expect(page.trend).toHaveLength(12);
    expect(page.trend.reduce((sum, point) => sum + (point.value === null ? 0 : 1), 0)).toBeGreaterThanOrEqual(1);
    expect(page.trend.map((point) => point.note).filter((note) => note !== "0 graded attempts")).not.toHaveLength(0);

    expect(page.lift).toEqual([
      { scenarioSlug: "late-delivery", title: "Parcel two days late", agents: 2, repeaters: 1, first: 55, best: 65, latest: 65, lift: 10 },
    ]);

    // Ana: half an hour per onboarding module + 2 + 10 (capped) + 1 minutes of replies, over a full year.
    const hours = Object.fromEntries(page.hours.map((row) => [row.name, row]));
    expect(hours[fx.names.a]).toMatchObject({
      annualisedOverDays: 365,
      hoursPerYear: Math.round((fx.onboardingCount * 0.5 + 13 / 60) * 10) / 10,
    });
    // Ben: an hour of reading and half a minute of practice in 73 days, scaled to a year.
    expect(hours[fx.names.b]).toMatchObject({ annualisedOverDays: 73, moduleHours: 1, hoursPerYear: 5 });
    expect(hours[fx.names.c].hoursPerYear).toBe(0);
    expect(page.summary.training.benchmarkHours).toBe(27.75);
  });

  test("the CSV has exactly the table's header and rows, quoted properly, as an attachment", async () => {
    const page = (await openInsights(fx.cookies.lead)).body!;
    const result = await callRoute<string>(csvRoute.loader, { request: get("/coaching/insights.csv", fx.cookies.lead) });
    expect(result.status).toBe(200);
    expect(result.headers!.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers!.get("Content-Disposition")).toMatch(/^attachment; filename="team-insights-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = String(result.body).replace(/^\uFEFF/, "");
    expect(text).toContain('"Ben ""Benny"" Brown, Jr."');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(page.table.columns);
    expect(rows).toEqual(page.table.rows.map((row) => row.cells.map((cell) => (cell === null ? "" : String(cell)))));
    expect(rows).toHaveLength(3);
  });
});

describe("training time over the year", () => {
  test("counts practice started from the window's first minute, read from the rollups and that day's conversations", async () => {
    const { team, members } = await createTeamWithLead({ memberCount: 1 });
    const [agent] = members;
    await prisma.user.update({ where: { id: agent.id }, data: { hireDate: ago(800) } });
    const windowStart = now - 365 * DAY_MS;
    // `graded` takes when a conversation ended; each started ten minutes earlier.
    const startingAt = (start: number) => (now - (start + 600_000)) / DAY_MS;
    const tenMinuteReplies = (count: number) => Array.from({ length: count }, () => 600_000);
    const criteria = [{ competency: "empathy", level: 1, maxLevel: 2 }];
    // Started a minute before the window, on its first day: not counted.
    await graded(agent.id, { score: 50, daysAgo: startingAt(windowStart - 60_000), replies: tenMinuteReplies(6), criteria });
    // Started a minute into the window, the same day: counted (30 minutes).
    await graded(agent.id, { score: 50, daysAgo: startingAt(windowStart + 60_000), replies: tenMinuteReplies(3), criteria });
    // Started 400 days ago: not counted.
    await graded(agent.id, { score: 50, daysAgo: 400, replies: tenMinuteReplies(6), criteria });
    // Started ten days ago: counted (an hour).
    await graded(agent.id, { score: 50, daysAgo: 10, replies: tenMinuteReplies(6), criteria });

    const content = { onboarding: [], competencyOrder: ["empathy"], passScores: new Map<string, number>() };
    const insights = await loadTeamInsights([team], content, new Date(now));
    expect(insights.agents[0].training).toMatchObject({ practiceHours: 1.5, annualisedOverDays: 365 });
    expect(insights.agents[0].gradedAttempts).toBe(4);
  });
});

describe("who sees which insights", () => {
  test("agents get a 403 on the page and the CSV", async () => {
    expect((await openInsights(fx.cookies.agent)).status).toBe(403);
    expect((await callRoute(csvRoute.loader, { request: get("/coaching/insights.csv", fx.cookies.agent) })).status).toBe(403);
  });

  test("a lead sees only their teams: another team is a 404", async () => {
    const other = await openInsights(fx.cookies.otherLead);
    expect(other.body!.summary.agents).toBe(1);
    expect((await openInsights(fx.cookies.lead, `?team=${fx.otherTeamId}`)).status).toBe(404);
    expect(
      (await callRoute(csvRoute.loader, { request: get(`/coaching/insights.csv?team=${fx.otherTeamId}`, fx.cookies.lead) })).status,
    ).toBe(404);
  });

  test("a lead without a team gets an empty page, not an error", async () => {
    const lead = await createUser({ role: "lead" });
    const result = await openInsights(await sessionCookieFor(lead.id));
    expect(result.status).toBe(200);
    expect(result.body!.teams).toEqual([]);
    expect(result.body!.summary.agents).toBe(0);
  });

  test("an admin sees every team and can filter to one", async () => {
    const all = await openInsights(fx.cookies.admin);
    expect(all.body!.teams.map((team) => team.value)).toEqual(expect.arrayContaining([fx.team.team.id, fx.otherTeamId]));
    expect(all.body!.summary.agents).toBeGreaterThanOrEqual(4);
    const one = await openInsights(fx.cookies.admin, `?team=${fx.team.team.id}`);
    expect(one.body!.summary.agents).toBe(3);
    expect(one.body!.csvHref).toBe(`/coaching/insights.csv?team=${fx.team.team.id}`);
  });
});

describe("the page's cost does not grow with the team", () => {
  test(`at most ${STATEMENT_LIMIT} SQL statements for a lead of 50 agents with 5,000 graded attempts`, async () => {
    const small = await measure(fx.cookies.lead);

    const { leadId, agentIds } = await seedCoachingTeam({
      prefix: "big",
      teamName: "Big Team",
      leadEmail: "big.lead@example.test",
      agentEmail: (n) => `big.agent${n}@example.test`,
    });
    expect(agentIds).toHaveLength(50);
    expect(await prisma.practiceGrade.count({ where: { attempt: { userId: { in: agentIds } } } })).toBe(5000);

    const big = await measure(await sessionCookieFor(leadId));
    expect(big.page.summary.agents).toBe(50);
    expect(big.page.heatmap.rows).toHaveLength(50);
    expect(big.page.table.rows.reduce((sum, row) => sum + Number(row.cells[7]), 0)).toBe(5000);
    expect(big.count, big.sql.join("\n")).toBeLessThanOrEqual(STATEMENT_LIMIT);
    expect(big.count).toBe(small.count);
  }, 120_000);

  async function measure(cookie: string) {
    statements.sql.length = 0;
    const result = await openInsights(cookie);
    expect(result.status).toBe(200);
    return { count: statements.sql.length, sql: [...statements.sql], page: result.body! };
  }
});
