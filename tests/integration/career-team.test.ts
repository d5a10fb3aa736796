// The team readiness table through its route: who is in it for a lead and an admin, the
// percent and badge per next level (the same figures as each person's own page), pending
// nominations, the order, and the number of SQL statements for a lead of fifty agents
// with thousands of graded conversations.
import { beforeAll, describe, expect, test, vi } from "vitest";

// The app's own client is swapped for one that counts SQL statements before any module opens it.
const statements = vi.hoisted(() => ({ sql: [] as string[] }));

vi.mock("~/utils/db.server.ts", async (importOriginal) =>
  (await import("./counting-database.ts")).countingDatabase(importOriginal, statements.sql),
);

import { getCareerContent } from "~/content/career.server.ts";
import { nominate } from "~/models/nomination.server.ts";
import * as personPage from "~/routes/career+/people.$userId.tsx";
import * as teamPage from "~/routes/career+/team.tsx";
import { seedCoachingTeam } from "../../scripts/lib/coaching-team.ts";
import { createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";
import { completeModules, gradedAttempt, JUSTIFICATION } from "./career-fixtures.ts";
import { callRoute, get, sessionCookieFor } from "./request.ts";

type TeamData = Awaited<ReturnType<typeof teamPage.loader>>;
type PersonData = Awaited<ReturnType<typeof personPage.loader>>;

const STATEMENT_LIMIT = 10;

let fx: {
  teamId: string;
  otherTeamId: string;
  cookies: { lead: string; otherLead: string; admin: string; agent: string };
  ids: { ready: string; close: string; nominated: string; starting: string; leaver: string; outsider: string; otherLead: string };
};

beforeAll(async () => {
  const { ladder } = await getCareerContent();
  const onboarding = ladder.levels["agent-2"].requirements.flatMap((requirement) =>
    requirement.kind === "modules" ? requirement.slugs : [],
  );
  const mine = await createTeamWithLead({ memberCount: 0 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  const member = (overrides: Parameters<typeof createUser>[0]) =>
    createUser({ teamId: mine.team.id, hireDate: new Date(Date.now() - 400 * DAY_MS), ...overrides });

  // Everything Agent II asks for: onboarding, empathy and resolution over 5 attempts, two starter scenarios passed, 3 months.
  const ready = await member({ name: "Ready Rosa", level: "agent-1" });
  await completeModules(ready.id, onboarding);
  for (const [n, scenarioSlug] of [
    "late-delivery",
    "confused-first-timer",
    "late-delivery",
    "confused-first-timer",
    "late-delivery",
  ].entries()) {
    await gradedAttempt(ready.id, { scenarioSlug, levels: { empathy: 2, resolution: 2 }, daysAgo: n + 1 });
  }
  // The same, but only one starter scenario passed: 4.5 of 5 requirements.
  const close = await member({ name: "Close Carl", level: "agent-1" });
  await completeModules(close.id, onboarding);
  for (let n = 0; n < 5; n++) await gradedAttempt(close.id, { levels: { empathy: 1, resolution: 1 }, daysAgo: n + 1 });
  const nominated = await member({ name: "Nominated Nia", level: "agent-2" });
  await nominate(mine.lead, {
    agentId: nominated.id,
    level: "senior-agent",
    justification: JUSTIFICATION,
    allowedLevels: ["senior-agent"],
  });
  const starting = await member({ name: "Starting Sam", level: "agent-1", hireDate: new Date() });
  const leaver = await member({ name: "Left Lee", level: "agent-1", deactivatedAt: new Date() });
  const admin = await createUser({ role: "admin" });

  fx = {
    teamId: mine.team.id,
    otherTeamId: theirs.team.id,
    cookies: {
      lead: await sessionCookieFor(mine.lead.id),
      otherLead: await sessionCookieFor(theirs.lead.id),
      admin: await sessionCookieFor(admin.id),
      agent: await sessionCookieFor(ready.id),
    },
    ids: {
      ready: ready.id,
      close: close.id,
      nominated: nominated.id,
      starting: starting.id,
      leaver: leaver.id,
      outsider: theirs.members[0].id,
      otherLead: theirs.lead.id,
    },
  };
});

const openTeam = (cookie: string, query = "") => callRoute<TeamData>(teamPage.loader, { request: get(`/career/team${query}`, cookie) });

describe("the readiness table", () => {
  test("a lead sees their team's active agents, most ready first, with a badge per next level", async () => {
    const page = (await openTeam(fx.cookies.lead)).body!;
    expect(page.isAdmin).toBe(false);
    expect(page.showTeam).toBe(false);
    expect(page.rows.map((row) => row.id)).toEqual([fx.ids.ready, fx.ids.close, fx.ids.nominated, fx.ids.starting]);

    const [ready, close, nominated, starting] = page.rows;
    expect(ready).toMatchObject({ name: "Ready Rosa", level: "common:level.agent-1", highestPercent: 100, pending: null });
    expect(ready.next.map((level) => [level.key, level.percentReady, level.readiness])).toEqual([
      ["agent-2", 100, "ready"],
      ["team-lead", expect.any(Number), null],
    ]);
    expect(ready.next[1].via).toEqual(["common:level.agent-2", "common:level.senior-agent"]);
    expect(close.next[0]).toMatchObject({ key: "agent-2", percentReady: 90, readiness: "close" });
    expect(nominated.pending).toMatchObject({ level: "common:level.senior-agent" });
    expect(nominated.next[0]).toMatchObject({ key: "senior-agent", readiness: null });
    expect(starting.highestPercent).toBe(0);
  });

  test("each percent matches the person's own career page", async () => {
    const page = (await openTeam(fx.cookies.lead)).body!;
    for (const row of page.rows) {
      const person = (
        await callRoute<PersonData>(personPage.loader, {
          request: get(`/career/people/${row.id}`, fx.cookies.lead),
          params: { userId: row.id },
        })
      ).body!;
      expect(row.next.map((level) => level.percentReady)).toEqual(person.readiness.next.map((level) => level.percentReady));
    }
  });

  test("an admin sees every active agent and lead, with a team filter; unknown teams are a 404", async () => {
    const everyone = (await openTeam(fx.cookies.admin)).body!;
    const ids = everyone.rows.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([fx.ids.ready, fx.ids.outsider, fx.ids.otherLead]));
    expect(ids).not.toContain(fx.ids.leaver);
    expect(everyone.showTeam).toBe(true);
    expect(everyone.teams.map((team) => team.value)).toEqual(expect.arrayContaining([fx.teamId, fx.otherTeamId]));

    const filtered = (await openTeam(fx.cookies.admin, `?team=${fx.otherTeamId}`)).body!;
    expect(filtered.rows.map((row) => row.id)).toEqual([fx.ids.outsider]);
    expect((await openTeam(fx.cookies.admin, "?team=no-such-team")).status).toBe(404);
  });

  test("a lead may narrow to a team they lead, and gets a 404 for anyone else's", async () => {
    expect((await openTeam(fx.cookies.lead, `?team=${fx.teamId}`)).body!.rows).toHaveLength(4);
    expect((await openTeam(fx.cookies.lead, `?team=${fx.otherTeamId}`)).status).toBe(404);
    expect((await openTeam(fx.cookies.otherLead)).body!.rows.map((row) => row.id)).toEqual([fx.ids.outsider]);
  });

  test("agents get a 403; a lead without a team sees the empty state", async () => {
    expect((await openTeam(fx.cookies.agent)).status).toBe(403);
    const loneLead = await createUser({ role: "lead" });
    expect((await openTeam(await sessionCookieFor(loneLead.id))).body!.rows).toEqual([]);
  });

  test(`at most ${STATEMENT_LIMIT} SQL statements for a lead of 50 agents with 5,000 graded attempts`, async () => {
    const small = await measure(fx.cookies.lead);
    const { leadId } = await seedCoachingTeam({ agents: 50, gradedAttempts: 5000, prefix: "career" });
    const big = await measure(await sessionCookieFor(leadId));
    expect(big.rows).toBe(50);
    expect(small.count, "the counter sees the statements").toBeGreaterThan(0);
    expect(big.count, big.sql.join("\n")).toBeLessThanOrEqual(STATEMENT_LIMIT);
    expect(big.count).toBe(small.count);
  }, 120_000);

  async function measure(cookie: string) {
    statements.sql.length = 0;
    const result = await openTeam(cookie);
    expect(result.status).toBe(200);
    return { count: statements.sql.length, sql: [...statements.sql], rows: result.body!.rows.length };
  }
});
