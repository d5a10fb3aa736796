// Every admin route × every role × loader and action, plus guessed ids, the
// coaching and home pages, and the people-scope rule as the models apply it.
import { beforeAll, describe, expect, test } from "vitest";
import { peopleScope } from "~/engine/access/people.ts";
import { listPeople } from "~/models/user.server.ts";
import * as home from "~/routes/_index.tsx";
import * as adminHome from "~/routes/admin+/_index.tsx";
import * as audit from "~/routes/admin+/audit.tsx";
import * as conversationSettings from "~/routes/admin+/conversations.tsx";
import * as person from "~/routes/admin+/people.$userId.tsx";
import * as personalData from "~/routes/admin+/people.$userId_.personal-data.ts";
import * as people from "~/routes/admin+/people._index.tsx";
import * as newPerson from "~/routes/admin+/people.new.tsx";
import * as team from "~/routes/admin+/teams.$teamId.tsx";
import * as teams from "~/routes/admin+/teams._index.tsx";
import * as coaching from "~/routes/coaching+/_index.tsx";
import { getOptionalUser, toViewer } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { Role } from "../../app/domain/people.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { callRoute, get, loginRedirectTarget, post, sessionCookieFor, type RouteOutcome } from "./request.ts";

type RouteModule = {
  loader: Parameters<typeof callRoute>[0];
  action?: Parameters<typeof callRoute>[0];
};

type Fixture = {
  cookies: Record<Role, string>;
  ids: Record<Role, string>;
  agentTeam: Awaited<ReturnType<typeof createTeamWithLead>>;
  otherTeam: Awaited<ReturnType<typeof createTeamWithLead>>;
  target: { userId: string; teamId: string };
};

let fx: Fixture;

beforeAll(async () => {
  const admin = await createUser({ role: "admin", name: "Ada Admin" });
  const agentTeam = await createTeamWithLead({ memberCount: 3 });
  const otherTeam = await createTeamWithLead({ memberCount: 2 });
  await prisma.user.update({ where: { id: agentTeam.lead.id }, data: { name: "Lena Lead" } });
  await prisma.user.update({ where: { id: agentTeam.members[0].id }, data: { name: "Aaron Agent" } });
  const agent = agentTeam.members[0];
  const lead = agentTeam.lead;
  fx = {
    cookies: {
      agent: await sessionCookieFor(agent.id),
      lead: await sessionCookieFor(lead.id),
      admin: await sessionCookieFor(admin.id),
    },
    ids: { agent: agent.id, lead: lead.id, admin: admin.id },
    agentTeam,
    otherTeam,
    // Routes with an id act on people/teams the agent and lead have no business with.
    target: { userId: otherTeam.members[0].id, teamId: otherTeam.team.id },
  };
});

type RouteCase = {
  name: string;
  module: RouteModule;
  path: () => string;
  params: () => Record<string, string>;
  /** What an admin gets for an empty POST (actions only). */
  adminActionStatus?: number;
};

const ROUTES: RouteCase[] = [
  { name: "admin+/_index", module: adminHome, path: () => "/admin", params: () => ({}) },
  { name: "admin+/people._index", module: people, path: () => "/admin/people", params: () => ({}) },
  { name: "admin+/people.new", module: newPerson, path: () => "/admin/people/new", params: () => ({}), adminActionStatus: 400 },
  {
    name: "admin+/people.$userId",
    module: person,
    path: () => `/admin/people/${fx.target.userId}`,
    params: () => ({ userId: fx.target.userId }),
    adminActionStatus: 400,
  },
  {
    name: "admin+/people.$userId_.personal-data",
    module: personalData,
    path: () => `/admin/people/${fx.target.userId}/personal-data`,
    params: () => ({ userId: fx.target.userId }),
  },
  { name: "admin+/teams._index", module: teams, path: () => "/admin/teams", params: () => ({}), adminActionStatus: 400 },
  {
    name: "admin+/teams.$teamId",
    module: team,
    path: () => `/admin/teams/${fx.target.teamId}`,
    params: () => ({ teamId: fx.target.teamId }),
    adminActionStatus: 400,
  },
  { name: "admin+/audit", module: audit, path: () => "/admin/audit", params: () => ({}) },
  {
    name: "admin+/conversations",
    module: conversationSettings,
    path: () => "/admin/conversations",
    params: () => ({}),
    adminActionStatus: 400,
  },
];

type Kind = "loader" | "action";
const CASES: Array<[string, Kind, RouteCase]> = ROUTES.flatMap((route) => {
  const kinds: Kind[] = route.module.action ? ["loader", "action"] : ["loader"];
  return kinds.map((kind) => [`${route.name} ${kind}`, kind, route] as [string, Kind, RouteCase]);
});

function run(route: RouteCase, kind: Kind, cookie?: string): Promise<RouteOutcome> {
  const fn = kind === "loader" ? route.module.loader : route.module.action!;
  const request = kind === "loader" ? get(route.path(), cookie) : post(route.path(), {}, cookie);
  return callRoute(fn, { request, params: route.params() });
}

test("the matrix covers every admin route module and every action they export", () => {
  expect(ROUTES).toHaveLength(9);
  expect(CASES.filter(([, kind]) => kind === "action").map(([name]) => name)).toEqual([
    "admin+/people.new action",
    "admin+/people.$userId action",
    "admin+/teams._index action",
    "admin+/teams.$teamId action",
    "admin+/conversations action",
  ]);
});

describe.each(CASES)("%s", (_name, kind, route) => {
  test("anonymous visitors are sent to /login, remembering where they were going", async () => {
    const outcome = await run(route, kind);
    expect(outcome.status).toBe(302);
    expect(loginRedirectTarget(outcome.location)).toEqual({ pathname: "/login", redirectTo: route.path() });
  });

  test.each(["agent", "lead"] as const)("%s gets 403", async (role) => {
    const outcome = await run(route, kind, fx.cookies[role]);
    expect(outcome.status).toBe(403);
    expect(outcome.body).toMatchObject({ message: expect.any(String) });
  });

  test("admin is let in", async () => {
    const outcome = await run(route, kind, fx.cookies.admin);
    expect(outcome.status).toBe(kind === "loader" ? 200 : route.adminActionStatus);
  });
});

test("a refused agent/lead POST changes nothing", async () => {
  const { userId } = fx.target;
  const before = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const auditBefore = await prisma.auditEvent.count();
  for (const role of ["agent", "lead"] as const) {
    const outcome = await callRoute(person.action, {
      request: post(`/admin/people/${userId}`, { intent: "deactivate" }, fx.cookies[role]),
      params: { userId },
    });
    expect(outcome.status).toBe(403);
  }
  expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toEqual(before.deactivatedAt);
  expect(await prisma.auditEvent.count()).toBe(auditBefore);
});

describe("guessed ids and bad input (admin)", () => {
  const missing = "cnonexistent0000000000000";

  test("loading a nonexistent person is 404", async () => {
    const outcome = await callRoute(person.loader, {
      request: get(`/admin/people/${missing}`, fx.cookies.admin),
      params: { userId: missing },
    });
    expect(outcome.status).toBe(404);
  });

  test("loading a nonexistent team is 404", async () => {
    const outcome = await callRoute(team.loader, {
      request: get(`/admin/teams/${missing}`, fx.cookies.admin),
      params: { teamId: missing },
    });
    expect(outcome.status).toBe(404);
  });

  test("an unknown intent is 400", async () => {
    const onPerson = await callRoute(person.action, {
      request: post(`/admin/people/${fx.target.userId}`, { intent: "promote-to-ceo" }, fx.cookies.admin),
      params: { userId: fx.target.userId },
    });
    expect(onPerson.status).toBe(400);
    const onTeam = await callRoute(team.action, {
      request: post(`/admin/teams/${fx.target.teamId}`, { intent: "disband" }, fx.cookies.admin),
      params: { teamId: fx.target.teamId },
    });
    expect(onTeam.status).toBe(400);
  });

  test.each(["deactivate", "reactivate", "issue-link"])("intent=%s for a nonexistent person is 404", async (intent) => {
    const outcome = await callRoute(person.action, {
      request: post(`/admin/people/${missing}`, { intent }, fx.cookies.admin),
      params: { userId: missing },
    });
    expect(outcome.status).toBe(404);
  });

  test("updating a nonexistent person is 404", async () => {
    const fields = {
      intent: "update",
      name: "Ghost",
      email: "ghost@example.test",
      role: "agent",
      level: "agent-1",
      teamId: "",
      hireDate: "2024-01-01",
      timeZone: "UTC",
      workMode: "remote",
    };
    const outcome = await callRoute(person.action, {
      request: post(`/admin/people/${missing}`, fields, fx.cookies.admin),
      params: { userId: missing },
    });
    expect(outcome.status).toBe(404);
  });

  test.each([
    ["rename", { name: "Ghost Team" }],
    ["set-lead", { leadId: "" }],
    ["move", { userId: "someone", toTeamId: "" }],
    ["add", { userId: "someone" }],
  ])("intent=%s on a nonexistent team is 404", async (intent, fields) => {
    const outcome = await callRoute(team.action, {
      request: post(`/admin/teams/${missing}`, { intent, ...fields }, fx.cookies.admin),
      params: { teamId: missing },
    });
    expect(outcome.status).toBe(404);
  });

  test.each([
    ["people", people.loader, "/admin/people?role=boss"],
    ["people", people.loader, "/admin/people?page=0"],
    ["people", people.loader, "/admin/people?status=sleeping"],
    ["audit", audit.loader, "/admin/audit?action=user.hacked"],
    ["audit", audit.loader, "/admin/audit?from=31-01-2026"],
    ["audit", audit.loader, "/admin/audit?to=2026-02-31"],
    ["audit", audit.loader, "/admin/audit?page=abc"],
  ])("a malformed %s query (%s) is 400, never 500", async (_name, loader, url) => {
    const outcome = await callRoute(loader, { request: get(url, fx.cookies.admin) });
    expect(outcome.status).toBe(400);
  });
});

describe("coaching index", () => {
  test("anonymous is sent to login", async () => {
    const outcome = await callRoute(coaching.loader, { request: get("/coaching") });
    expect(outcome.status).toBe(302);
    expect(loginRedirectTarget(outcome.location)).toEqual({ pathname: "/login", redirectTo: "/coaching" });
  });

  test.each([
    ["agent", 403],
    ["lead", 200],
    ["admin", 200],
  ] as const)("%s gets %i", async (role, status) => {
    const outcome = await callRoute(coaching.loader, { request: get("/coaching", fx.cookies[role]) });
    expect(outcome.status).toBe(status);
  });
});

type HomeData = Awaited<ReturnType<typeof home.loader>>;

/** A module assignment already past due, so it shows on the overdue lists of whoever looks after the person. */
async function overdueAssignment(userId: string) {
  const day = 86_400_000;
  await prisma.assignment.create({
    data: {
      userId,
      kind: "module",
      contentSlug: "how-support-works",
      dueAt: new Date(Date.now() - day),
      createdAt: new Date(Date.now() - 3 * day),
    },
  });
}

describe("home page", () => {
  test("anonymous is sent to plain /login", async () => {
    const outcome = await callRoute(home.loader, { request: get("/") });
    expect(outcome).toMatchObject({ status: 302, location: "/login" });
  });

  test("an agent gets their own dashboard, with their team and its lead, and no one else's", async () => {
    const outcome = await callRoute<HomeData>(home.loader, { request: get("/", fx.cookies.agent) });
    expect(outcome.status).toBe(200);
    const body = outcome.body!;
    expect(body).toMatchObject({ role: "agent", me: { firstName: "Aaron", teams: [fx.agentTeam.team.name], lead: "Lena Lead" } });
    expect(body).not.toHaveProperty("lead");
    expect(body).not.toHaveProperty("admin");
  });

  test("a lead's dashboard lists only their own team's active people", async () => {
    const gone = await createUser({ teamId: fx.agentTeam.team.id, deactivatedAt: new Date() });
    const mine = fx.agentTeam.members[0].id;
    const theirs = fx.otherTeam.members[0].id;
    for (const userId of [gone.id, mine, theirs]) await overdueAssignment(userId);
    const outcome = await callRoute<HomeData>(home.loader, { request: get("/", fx.cookies.lead) });
    expect(outcome.status).toBe(200);
    const body = outcome.body!;
    if (body.role !== "lead") throw new Error("expected the lead dashboard");
    expect(body.me).toMatchObject({ firstName: "Lena", teams: [fx.agentTeam.team.name] });
    expect(body.lead.overdue.people.map((person) => person.id)).toEqual([mine]);
    expect(body).not.toHaveProperty("admin");
  });

  test("an admin gets the organisation's dashboard, counted across every team", async () => {
    const outcome = await callRoute<HomeData>(home.loader, { request: get("/", fx.cookies.admin) });
    expect(outcome.status).toBe(200);
    const body = outcome.body!;
    if (body.role !== "admin") throw new Error("expected the admin dashboard");
    expect(body.me).toMatchObject({ firstName: "Ada", teams: [] });
    expect(body.admin.overdue.total).toBe(
      await prisma.assignment.count({ where: { dueAt: { lt: new Date() }, user: { deactivatedAt: null } } }),
    );
    expect(body.admin.promotions.total).toBe(await prisma.nomination.count({ where: { status: "pending" } }));
  });
});

describe("people scope through the model", () => {
  async function viewerFor(role: Role) {
    const user = await getOptionalUser(get("/", fx.cookies[role]));
    if (!user) throw new Error(`no session for ${role}`);
    return toViewer(user);
  }

  test("a lead sees only themselves and their team's members", async () => {
    const viewer = await viewerFor("lead");
    expect(viewer.ledTeamIds).toEqual([fx.agentTeam.team.id]);
    const { total, people: seen } = await listPeople(peopleScope(viewer), {}, 1);
    const teamIds = (await prisma.user.findMany({ where: { teamId: fx.agentTeam.team.id }, select: { id: true } })).map((u) => u.id);
    const expected = [fx.ids.lead, ...teamIds].sort();
    expect(seen.map((p) => p.id).sort()).toEqual(expected);
    expect(total).toBe(expected.length);
    expect(seen.map((p) => p.id)).not.toContain(fx.otherTeam.members[0].id);
    expect(seen.map((p) => p.id)).not.toContain(fx.ids.admin);
  });

  test("a lead's filters cannot widen their scope", async () => {
    const viewer = await viewerFor("lead");
    const { people: seen } = await listPeople(peopleScope(viewer), { teamId: fx.otherTeam.team.id }, 1);
    expect(seen).toEqual([]);
  });

  test("an agent sees only themselves", async () => {
    const viewer = await viewerFor("agent");
    const { total, people: seen } = await listPeople(peopleScope(viewer), {}, 1);
    expect(total).toBe(1);
    expect(seen.map((p) => p.id)).toEqual([fx.ids.agent]);
  });

  test("an admin sees everyone", async () => {
    const viewer = await viewerFor("admin");
    const { total } = await listPeople(peopleScope(viewer), {}, 1);
    expect(total).toBe(await prisma.user.count());
  });
});
