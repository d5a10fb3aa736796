// Every coaching route (and the notification and practice-review routes the
// coaching pages lead to) × every kind of viewer, as one table: an anonymous
// visitor, an agent on team A, team A's lead, team B's lead and an admin.
// Each row says what each viewer gets — /login, 403 for the wrong role, 404 for
// a record outside their scope or a guessed id, 400 for malformed input, and
// 200/302 when allowed — and never a 500. On top of the status, every allowed
// answer is searched for things the viewer must never see (team A's people for
// team B's lead; a teammate and the lead's private notes for the agent), and
// every 400/403/404 must carry a readable message or per-field messages.
import fs from "node:fs";
import { beforeAll, expect, test } from "vitest";
import { getCatalog } from "~/content/modules.server.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { peopleScope, type Viewer as ModelViewer } from "~/engine/access/people.ts";
import { createAssignments } from "~/models/assignment.server.ts";
import { createSession } from "~/models/coaching-session.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import { importConversations, prepareImport } from "~/models/real-conversation.server.ts";
import { markReviewed, openDispute } from "~/models/review.server.ts";
import * as coachingHome from "~/routes/coaching+/_index.tsx";
import * as assignmentPage from "~/routes/coaching+/assignments.$assignmentId.tsx";
import * as assignmentBoard from "~/routes/coaching+/assignments._index.tsx";
import * as newAssignment from "~/routes/coaching+/assignments.new.tsx";
import * as draftScenario from "~/routes/coaching+/conversations.$attemptId.scenario.tsx";
import * as importPage from "~/routes/coaching+/conversations.import.tsx";
import * as insights from "~/routes/coaching+/insights.tsx";
import * as insightsCsv from "~/routes/coaching+/insights[.csv].tsx";
import * as myCoaching from "~/routes/coaching+/my.tsx";
import * as timeline from "~/routes/coaching+/people.$userId.tsx";
import * as coachingPeople from "~/routes/coaching+/people._index.tsx";
import * as reviewQueue from "~/routes/coaching+/reviews._index.tsx";
import * as editScenario from "~/routes/coaching+/scenarios.$slug.edit.tsx";
import * as sessionPage from "~/routes/coaching+/sessions.$sessionId.tsx";
import * as newSession from "~/routes/coaching+/sessions.new.tsx";
import * as notifications from "~/routes/notifications.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeam, createUser, DAY_MS } from "../factories/index.ts";
import { BASE_URL, callRoute, get, loginRedirectTarget, post, sessionCookieFor, upload, type RouteOutcome } from "./request.ts";

// ---------------------------------------------------------------------------
// Viewers and the people and records they act on

const VIEWERS = ["anonymous", "agent", "leadA", "leadB", "admin"] as const;
type Viewer = (typeof VIEWERS)[number];
type Expected = number | "redirect-login";

// Marks in names and notes, so a leak is visible in any answer body.
const TEAM_A = "TeamA";
const TEAMMATE = "SecretTeammate";
const PRIVATE_NOTES = "PRIVATE-NOTE: worried about the night shifts";

/** What each viewer must never find in an answer they are allowed to read. */
const MUST_NOT_SEE: Record<Viewer, string[]> = {
  anonymous: [TEAM_A, PRIVATE_NOTES],
  agent: [TEAMMATE, PRIVATE_NOTES],
  leadA: [],
  leadB: [TEAM_A, TEAMMATE, PRIVATE_NOTES],
  admin: [],
};

const SLUG = "damaged-item-deadline";
const MISSING = "cnonexistent0000000000000";
const STAMP = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const email = (who: string) => `coaching-authz-${who}-${STAMP}@example.test`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

type Fixture = {
  cookies: Record<Exclude<Viewer, "anonymous">, string>;
  models: { leadA: ModelViewer; admin: ModelViewer };
  ids: { agent: string; teammate: string; leadA: string; leadB: string; admin: string; teamA: string; teamB: string };
  attemptId: string;
  teammateAttemptId: string;
  /** A real conversation of the agent's, imported from a helpdesk. */
  realAttemptId: string;
  /** An applicable, non-critical criterion of the agent's attempt (overrides and disputes). */
  criterion: { id: string; criterionId: string };
  sessionId: string;
  itemId: string;
  teammateSessionId: string;
  teammateItemId: string;
  notificationId: string;
  assignmentId: string;
  modules: string[];
};

let fx: Fixture;
let clock = Date.now() - 200 * DAY_MS;

async function gradedAttempt(userId: string): Promise<string> {
  const catalog = await getPracticeCatalog();
  const scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
  const script = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SLUG}.json`, "utf8")) as { competent: string[] };
  clock += 60 * 60 * 1000;
  const startedAt = new Date(clock);
  await recordScriptedAttempt(userId, scenario, rubricsFor(catalog, scenario), {
    messages: script.competent,
    seed: 11,
    startedAt,
    replySeconds: 40,
  });
  return (await prisma.practiceAttempt.findFirstOrThrow({ where: { userId, startedAt }, select: { id: true } })).id;
}

/** A Frontline JSON file of one conversation answered by `agentEmail`. */
function conversationFile(agentEmail: string, id: string): string {
  return JSON.stringify({
    version: 1,
    conversations: [
      {
        id,
        channel: "email",
        subject: "Refund not received",
        agentEmail,
        messages: [
          { author: "customer", at: "2026-11-01T09:00:00Z", text: "My refund hasn't arrived, you can email me at kim@example.com." },
          {
            author: "agent",
            at: "2026-11-01T11:00:00Z",
            text: "I'm sorry for the wait. I've resent the refund; it arrives within 5 working days.",
          },
        ],
      },
    ],
  });
}

/** Imports one real conversation for the agent through the model, as an admin would. */
async function realConversation(agentEmail: string): Promise<string> {
  const id = `authz-${STAMP}`;
  const prepared = await prepareImport(new File([conversationFile(agentEmail, id)], "conversations.json"));
  if (prepared.status !== "ok") throw new Error("the fixture file should import");
  await importConversations({ id: fx.ids.admin, scope: { kind: "everyone" } }, prepared);
  return (await prisma.realTicket.findFirstOrThrow({ where: { externalId: id }, select: { attemptId: true } })).attemptId;
}

/** A 1:1 run by team A's lead, through the model, with one action item; returns the session and item ids. */
async function sessionFor(agentId: string, privateNotes = PRIVATE_NOTES): Promise<{ sessionId: string; itemId: string }> {
  const result = await createSession(
    fx.models.leadA,
    agentId,
    {
      scheduledAt: new Date(Date.now() + 3 * DAY_MS),
      focus: ["empathy"],
      sharedNotes: "Work on closings.",
      privateNotes,
      attemptIds: [],
      reflections: [],
    },
    [{ text: "Practise closing every chat", dueAt: new Date(`${isoDay(10)}T00:00:00.000Z`) }],
  );
  if (result.status !== "ok") throw new Error(`could not create a session: ${JSON.stringify(result)}`);
  const item = await prisma.actionItem.findFirstOrThrow({ where: { sessionId: result.sessionId }, select: { id: true } });
  return { sessionId: result.sessionId, itemId: item.id };
}

beforeAll(async () => {
  const admin = await createUser({ role: "admin", name: "Ada Admin", email: email("admin") });
  const leadA = await createUser({ role: "lead", name: `Lena ${TEAM_A}-Lead`, email: email("lead-a") });
  const leadB = await createUser({ role: "lead", name: "Boris TeamB-Lead", email: email("lead-b") });
  const teamA = await createTeam({ name: `${TEAM_A} Crew ${STAMP}`, leadId: leadA.id });
  const teamB = await createTeam({ name: `TeamB Crew ${STAMP}`, leadId: leadB.id });
  const agent = await createUser({ teamId: teamA.id, name: `Alex ${TEAM_A}-Agent`, email: email("agent") });
  const teammate = await createUser({ teamId: teamA.id, name: `Tess ${TEAM_A}-${TEAMMATE}`, email: email("teammate") });
  await createUser({ teamId: teamB.id, name: "Bea TeamB-Agent", email: email("agent-b") });

  const catalog = await getCatalog();
  fx = {
    cookies: {
      agent: await sessionCookieFor(agent.id),
      leadA: await sessionCookieFor(leadA.id),
      leadB: await sessionCookieFor(leadB.id),
      admin: await sessionCookieFor(admin.id),
    },
    models: {
      leadA: { id: leadA.id, role: "lead", ledTeamIds: [teamA.id] },
      admin: { id: admin.id, role: "admin", ledTeamIds: [] },
    },
    ids: { agent: agent.id, teammate: teammate.id, leadA: leadA.id, leadB: leadB.id, admin: admin.id, teamA: teamA.id, teamB: teamB.id },
    attemptId: await gradedAttempt(agent.id),
    teammateAttemptId: await gradedAttempt(teammate.id),
    realAttemptId: "",
    criterion: { id: "", criterionId: "" },
    sessionId: "",
    itemId: "",
    teammateSessionId: "",
    teammateItemId: "",
    notificationId: "",
    assignmentId: "",
    modules: catalog.modules.map((module) => module.slug).sort(),
  };
  const criterion = await prisma.gradeCriterion.findFirstOrThrow({
    where: { grade: { attemptId: fx.attemptId }, applicable: true, critical: false },
    orderBy: { criterionId: "asc" },
    select: { id: true, criterionId: true },
  });
  fx.criterion = criterion;

  // Reviewed (so the agent has something to acknowledge) and disputed, through the models.
  expect((await markReviewed({ id: leadA.id, scope: peopleScope(fx.models.leadA) }, fx.attemptId)).status).toBe("ok");
  expect(
    (
      await openDispute(agent.id, {
        attemptId: fx.attemptId,
        criterionId: criterion.criterionId,
        comment: "I did acknowledge her feelings.",
      })
    ).status,
  ).toBe("ok");

  fx.realAttemptId = await realConversation(agent.email);

  ({ sessionId: fx.sessionId, itemId: fx.itemId } = await sessionFor(agent.id));
  ({ sessionId: fx.teammateSessionId, itemId: fx.teammateItemId } = await sessionFor(teammate.id));

  // An assignment through the model; it notifies the agent.
  const assigned = await createAssignments(fx.models.leadA, {
    kind: "scenario",
    contentSlug: SLUG,
    dueAt: new Date(Date.now() + 14 * DAY_MS),
    minScore: null,
    minLevels: {},
    userIds: [agent.id],
    teamId: null,
  });
  expect(assigned.status).toBe("ok");
  fx.notificationId = (
    await prisma.notification.findFirstOrThrow({ where: { userId: agent.id, kind: "assigned" }, select: { id: true } })
  ).id;
  fx.assignmentId = (await prisma.assignment.findFirstOrThrow({ where: { userId: agent.id, contentSlug: SLUG }, select: { id: true } })).id;
});

// ---------------------------------------------------------------------------
// Calling routes as a viewer

type RouteFn = Parameters<typeof callRoute>[0];

const cookieOf = (viewer: Viewer) => (viewer === "anonymous" ? undefined : fx.cookies[viewer]);

function load(fn: RouteFn, url: string, params: Record<string, string>, viewer: Viewer): Promise<RouteOutcome> {
  return callRoute(fn, { request: get(url, cookieOf(viewer)), params });
}

function send(
  fn: RouteFn,
  url: string,
  fields: Record<string, string>,
  params: Record<string, string>,
  viewer: Viewer,
): Promise<RouteOutcome> {
  return callRoute(fn, { request: post(url, fields, cookieOf(viewer)), params });
}

/** A POST whose body is JSON rather than a form, as a confused client might send. */
function sendJson(fn: RouteFn, url: string, params: Record<string, string>, viewer: Viewer): Promise<RouteOutcome> {
  const headers = new Headers({ "Content-Type": "application/json", Origin: BASE_URL });
  const cookie = cookieOf(viewer);
  if (cookie) headers.set("Cookie", cookie);
  return callRoute(fn, {
    request: new Request(new URL(url, BASE_URL), { method: "POST", headers, body: JSON.stringify({ intent: "delete" }) }),
    params,
  });
}

const sessionUrl = (id: string) => `/coaching/sessions/${id}`;
const attemptUrl = (id: string) => `/practice/attempts/${id}`;

function onSession(viewer: Viewer, fields: Record<string, string>, id = fx.sessionId) {
  return send(sessionPage.action, sessionUrl(id), fields, { sessionId: id }, viewer);
}

function onAttempt(viewer: Viewer, fields: Record<string, string>, id = fx.attemptId) {
  return send(attemptPage.action, attemptUrl(id), fields, { attemptId: id }, viewer);
}

function onMyCoaching(viewer: Viewer, fields: Record<string, string>) {
  return send(myCoaching.action, "/coaching/my", fields, {}, viewer);
}

/** A level for the criterion that differs from the one that counts now, so an override is a real change. */
async function anotherLevel(gradeCriterionId: string): Promise<string> {
  const row = await prisma.gradeCriterion.findUniqueOrThrow({
    where: { id: gradeCriterionId },
    select: { level: true, overrideLevel: true },
  });
  return (row.overrideLevel ?? row.level) === 0 ? "1" : "0";
}

/** A fresh open dispute on the agent's attempt, so each viewer answers one of their own. */
async function freshDispute(): Promise<string> {
  const dispute = await prisma.dispute.create({
    data: { gradeCriterionId: fx.criterion.id, agentId: fx.ids.agent, comment: "Please look again at message 3." },
  });
  return dispute.id;
}

const assignmentUrl = (id: string) => `/coaching/assignments/${id}`;

/** A fresh assignment of the team-A agent's, so each viewer withdraws one of their own. */
async function freshAssignment(): Promise<string> {
  const row = await prisma.assignment.create({
    data: {
      userId: fx.ids.agent,
      assignedById: fx.ids.leadA,
      kind: "scenario",
      contentSlug: SLUG,
      dueAt: new Date(Date.now() + 9 * DAY_MS),
    },
    select: { id: true },
  });
  return row.id;
}

/** A distinct module per viewer and case, so nobody's assignment is skipped as already open. */
const moduleFor = (viewer: Viewer, offset: number) => fx.modules[VIEWERS.indexOf(viewer) + offset * VIEWERS.length];

// ---------------------------------------------------------------------------
// The table

type Case = {
  name: string;
  run: (viewer: Viewer) => Promise<RouteOutcome>;
  expected: Record<Viewer, Expected>;
  /** Fields that must carry a message whenever this case answers 400. */
  fieldErrors?: string[];
};

/** Every route needs a signed-in person: anonymous visitors always go to /login. */
const signedIn = (expected: Omit<Record<Viewer, Expected>, "anonymous">): Record<Viewer, Expected> => ({
  anonymous: "redirect-login",
  ...expected,
});
const all = (status: number) => signedIn({ agent: status, leadA: status, leadB: status, admin: status });
/** Lead and admin pages: the agent's role is refused. */
const coachOnly = (leadA: number, leadB: number, admin: number) => signedIn({ agent: 403, leadA, leadB, admin });
/** Something of the team-A agent's: team B's lead finds nothing there. */
const teamAThing = (agent: number, leadA: number, admin: number) => signedIn({ agent, leadA, leadB: 404, admin });

const CASES: Case[] = [
  // coaching+/_index
  { name: "coaching+/_index loader", run: (v) => load(coachingHome.loader, "/coaching", {}, v), expected: coachOnly(200, 200, 200) },

  // coaching+/assignments._index
  {
    name: "assignments._index loader",
    run: (v) => load(assignmentBoard.loader, "/coaching/assignments", {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "assignments._index loader, filtered to team A",
    run: (v) => load(assignmentBoard.loader, `/coaching/assignments?team=${fx.ids.teamA}`, {}, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "assignments._index loader, filtered to the team-A agent (no rows leak to team B's lead)",
    run: (v) => load(assignmentBoard.loader, `/coaching/assignments?agent=${fx.ids.agent}`, {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "assignments._index loader, guessed team id",
    run: (v) => load(assignmentBoard.loader, `/coaching/assignments?team=${MISSING}`, {}, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "assignments._index loader, malformed status",
    run: (v) => load(assignmentBoard.loader, "/coaching/assignments?status=lost&sort=shoe-size", {}, v),
    expected: coachOnly(400, 400, 400),
  },

  // coaching+/assignments.$assignmentId
  {
    name: "assignments.$assignmentId loader",
    run: (v) => load(assignmentPage.loader, assignmentUrl(fx.assignmentId), { assignmentId: fx.assignmentId }, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "assignments.$assignmentId loader, guessed id",
    run: (v) => load(assignmentPage.loader, assignmentUrl(MISSING), { assignmentId: MISSING }, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "assignments.$assignmentId action, change the due date",
    run: (v) =>
      send(
        assignmentPage.action,
        assignmentUrl(fx.assignmentId),
        { intent: "change", dueDate: isoDay(20 + VIEWERS.indexOf(v)) },
        { assignmentId: fx.assignmentId },
        v,
      ),
    expected: coachOnly(302, 404, 302),
  },
  {
    name: "assignments.$assignmentId action, change with an empty body",
    run: (v) => send(assignmentPage.action, assignmentUrl(fx.assignmentId), { intent: "change" }, { assignmentId: fx.assignmentId }, v),
    expected: coachOnly(400, 404, 400),
    fieldErrors: ["dueDate"],
  },
  {
    name: "assignments.$assignmentId action, withdraw",
    run: async (v) => {
      const id = await freshAssignment();
      return send(assignmentPage.action, assignmentUrl(id), { intent: "withdraw" }, { assignmentId: id }, v);
    },
    expected: coachOnly(302, 404, 302),
  },
  {
    name: "assignments.$assignmentId action, withdraw a guessed id",
    run: (v) => send(assignmentPage.action, assignmentUrl(MISSING), { intent: "withdraw" }, { assignmentId: MISSING }, v),
    expected: coachOnly(404, 404, 404),
  },

  // coaching+/assignments.new
  {
    name: "assignments.new loader",
    run: (v) => load(newAssignment.loader, "/coaching/assignments/new", {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "assignments.new loader, team A's form",
    run: (v) => load(newAssignment.loader, `/coaching/assignments/new?team=${fx.ids.teamA}`, {}, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "assignments.new action, empty body",
    run: (v) => send(newAssignment.action, "/coaching/assignments/new", { intent: "create" }, {}, v),
    expected: coachOnly(400, 400, 400),
    fieldErrors: ["kind", "contentSlug", "assignees", "dueDate"],
  },
  {
    name: "assignments.new action, a module for the team-A agent",
    run: (v) =>
      send(
        newAssignment.action,
        "/coaching/assignments/new",
        { intent: "create", kind: "module", contentSlug: moduleFor(v, 0), assignees: fx.ids.agent, dueDate: isoDay(7) },
        {},
        v,
      ),
    // For team B's lead, team A's agent is as unknown as a guessed id.
    expected: coachOnly(302, 404, 302),
  },
  {
    name: "assignments.new action, a module for everyone on team A",
    run: (v) =>
      send(
        newAssignment.action,
        "/coaching/assignments/new",
        { intent: "create", kind: "module", contentSlug: moduleFor(v, 1), teamId: fx.ids.teamA, everyone: "on", dueDate: isoDay(7) },
        {},
        v,
      ),
    expected: coachOnly(302, 404, 302),
  },
  {
    name: "assignments.new action, malformed score and impossible date",
    run: (v) =>
      send(
        newAssignment.action,
        "/coaching/assignments/new",
        { intent: "create", kind: "scenario", contentSlug: SLUG, minScore: "lots", assignees: fx.ids.agent, dueDate: "2099-02-31" },
        {},
        v,
      ),
    expected: coachOnly(400, 400, 400),
    fieldErrors: ["minScore", "dueDate"],
  },

  // coaching+/conversations.import
  {
    name: "conversations.import loader",
    run: (v) => load(importPage.loader, "/coaching/conversations/import", {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    // Team B's lead may upload it, but the team-A agent's conversation is listed as outside their teams, not stored.
    name: "conversations.import action, a file of the team-A agent's conversation",
    run: (v) =>
      callRoute(importPage.action, {
        request: upload(
          "/coaching/conversations/import",
          { intent: "import" },
          { file: { name: "conversations.json", content: conversationFile(email("agent"), `authz-${STAMP}-${v}`) } },
          cookieOf(v),
        ),
      }),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "conversations.import action, no file",
    run: (v) => send(importPage.action, "/coaching/conversations/import", { intent: "import" }, {}, v),
    expected: coachOnly(400, 400, 400),
    fieldErrors: ["file"],
  },

  // coaching+/conversations.$attemptId.scenario
  {
    name: "conversations.$attemptId.scenario loader, the agent's real conversation",
    run: (v) => load(draftScenario.loader, `/coaching/conversations/${fx.realAttemptId}/scenario`, { attemptId: fx.realAttemptId }, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "conversations.$attemptId.scenario loader, a practice conversation",
    run: (v) => load(draftScenario.loader, `/coaching/conversations/${fx.attemptId}/scenario`, { attemptId: fx.attemptId }, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "conversations.$attemptId.scenario action, an empty form",
    run: (v) =>
      send(
        draftScenario.action,
        `/coaching/conversations/${fx.realAttemptId}/scenario`,
        { intent: "scenario", then: "save" },
        { attemptId: fx.realAttemptId },
        v,
      ),
    expected: coachOnly(400, 404, 400),
    fieldErrors: ["slug", "title", "brief"],
  },

  // coaching+/scenarios.$slug.edit (only organisation scenarios; a content file's slug is not one)
  {
    name: "scenarios.$slug.edit loader, a content scenario",
    run: (v) => load(editScenario.loader, `/coaching/scenarios/${SLUG}/edit`, { slug: SLUG }, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "scenarios.$slug.edit action, a content scenario",
    run: (v) => send(editScenario.action, `/coaching/scenarios/${SLUG}/edit`, { intent: "scenario", then: "save" }, { slug: SLUG }, v),
    expected: coachOnly(404, 404, 404),
  },

  // coaching+/reviews._index
  { name: "reviews._index loader", run: (v) => load(reviewQueue.loader, "/coaching/reviews", {}, v), expected: coachOnly(200, 200, 200) },
  {
    name: "reviews._index loader, filtered to the team-A agent (no rows leak to team B's lead)",
    run: (v) => load(reviewQueue.loader, `/coaching/reviews?show=all&agent=${fx.ids.agent}`, {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "reviews._index loader, malformed view",
    run: (v) => load(reviewQueue.loader, "/coaching/reviews?show=everything&page=0", {}, v),
    expected: coachOnly(400, 400, 400),
  },

  // coaching+/sessions.new
  { name: "sessions.new loader", run: (v) => load(newSession.loader, "/coaching/sessions/new", {}, v), expected: coachOnly(200, 200, 200) },
  {
    name: "sessions.new loader, for the team-A agent",
    run: (v) => load(newSession.loader, `/coaching/sessions/new?agentId=${fx.ids.agent}`, {}, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "sessions.new loader, guessed person id",
    run: (v) => load(newSession.loader, `/coaching/sessions/new?agentId=${MISSING}`, {}, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    // With no agentId there is no person to schedule with: as missing as a guessed id.
    name: "sessions.new action, empty body",
    run: (v) => send(newSession.action, "/coaching/sessions/new", { intent: "create" }, {}, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "sessions.new action, the team-A agent with every other field empty",
    run: (v) => send(newSession.action, "/coaching/sessions/new", { intent: "create", agentId: fx.ids.agent }, {}, v),
    expected: coachOnly(400, 404, 400),
    fieldErrors: ["scheduledAt", "focus"],
  },
  {
    name: "sessions.new action, a valid 1:1 with the team-A agent",
    run: (v) =>
      send(
        newSession.action,
        "/coaching/sessions/new",
        { intent: "create", agentId: fx.ids.agent, scheduledAt: `${isoDay(4)}T09:30`, focus: "empathy" },
        {},
        v,
      ),
    expected: coachOnly(302, 404, 302),
  },
  {
    name: "sessions.new action, malformed date and unknown competency",
    run: (v) =>
      send(
        newSession.action,
        "/coaching/sessions/new",
        { intent: "create", agentId: fx.ids.agent, scheduledAt: "next tuesday", focus: "astrology" },
        {},
        v,
      ),
    expected: coachOnly(400, 404, 400),
    fieldErrors: ["scheduledAt", "focus"],
  },
  {
    name: "sessions.new action, linking the teammate's attempt to the agent's 1:1",
    run: (v) =>
      send(
        newSession.action,
        "/coaching/sessions/new",
        { intent: "create", agentId: fx.ids.agent, scheduledAt: `${isoDay(4)}T09:30`, focus: "empathy", attemptIds: fx.teammateAttemptId },
        {},
        v,
      ),
    expected: coachOnly(400, 404, 400),
    fieldErrors: ["attemptIds"],
  },
  {
    name: "sessions.new action, JSON body",
    run: (v) => sendJson(newSession.action, "/coaching/sessions/new", {}, v),
    expected: coachOnly(415, 415, 415),
  },

  // coaching+/sessions.$sessionId
  {
    name: "sessions.$sessionId loader, the agent's session",
    run: (v) => load(sessionPage.loader, sessionUrl(fx.sessionId), { sessionId: fx.sessionId }, v),
    expected: teamAThing(200, 200, 200),
  },
  {
    name: "sessions.$sessionId loader, the teammate's session",
    run: (v) => load(sessionPage.loader, sessionUrl(fx.teammateSessionId), { sessionId: fx.teammateSessionId }, v),
    expected: teamAThing(404, 200, 200),
  },
  {
    name: "sessions.$sessionId loader, guessed session id",
    run: (v) => load(sessionPage.loader, sessionUrl(MISSING), { sessionId: MISSING }, v),
    expected: all(404),
  },
  { name: "sessions.$sessionId action, empty body", run: (v) => onSession(v, {}), expected: teamAThing(400, 400, 400) },
  {
    name: "sessions.$sessionId action, unknown intent",
    run: (v) => onSession(v, { intent: "archive" }),
    expected: teamAThing(400, 400, 400),
  },
  {
    name: "sessions.$sessionId action, JSON body",
    run: (v) => sendJson(sessionPage.action, sessionUrl(fx.sessionId), { sessionId: fx.sessionId }, v),
    expected: teamAThing(415, 415, 415),
  },
  {
    name: "sessions.$sessionId action, update with empty fields",
    run: (v) => onSession(v, { intent: "update" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["scheduledAt", "focus"],
  },
  {
    name: "sessions.$sessionId action, add-item with empty fields",
    run: (v) => onSession(v, { intent: "add-item" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["text", "dueDate"],
  },
  {
    name: "sessions.$sessionId action, add-item",
    run: (v) => onSession(v, { intent: "add-item", text: "Read the refunds module", dueDate: isoDay(5) }),
    expected: teamAThing(403, 302, 302),
  },
  {
    name: "sessions.$sessionId action, remove-item with a guessed item id",
    run: (v) => onSession(v, { intent: "remove-item", itemId: MISSING }),
    expected: teamAThing(403, 404, 404),
  },
  {
    name: "sessions.$sessionId action, remove-item with no item",
    run: (v) => onSession(v, { intent: "remove-item" }),
    expected: teamAThing(403, 400, 400),
  },
  {
    name: "sessions.$sessionId action, toggle-item",
    run: (v) => onSession(v, { intent: "toggle-item", itemId: fx.itemId, done: "true" }),
    expected: teamAThing(302, 302, 302),
  },
  {
    name: "sessions.$sessionId action, toggle-item with no item",
    run: (v) => onSession(v, { intent: "toggle-item" }),
    expected: teamAThing(400, 400, 400),
  },
  {
    name: "sessions.$sessionId action, toggle-item naming the teammate's item",
    run: (v) => onSession(v, { intent: "toggle-item", itemId: fx.teammateItemId, done: "true" }),
    expected: teamAThing(404, 404, 404),
  },
  {
    name: "sessions.$sessionId action, delete the agent's session",
    run: async (v) => onSession(v, { intent: "delete" }, (await sessionFor(fx.ids.agent)).sessionId),
    expected: teamAThing(403, 302, 302),
  },
  {
    name: "sessions.$sessionId action, delete the teammate's session",
    run: async (v) => onSession(v, { intent: "delete" }, (await sessionFor(fx.ids.teammate)).sessionId),
    expected: teamAThing(404, 302, 302),
  },
  {
    name: "sessions.$sessionId action, delete a guessed session",
    run: (v) => onSession(v, { intent: "delete" }, MISSING),
    expected: all(404),
  },

  // coaching+/people._index
  { name: "people._index loader", run: (v) => load(coachingPeople.loader, "/coaching/people", {}, v), expected: coachOnly(200, 200, 200) },
  {
    name: "people._index loader, malformed page",
    run: (v) => load(coachingPeople.loader, "/coaching/people?page=0", {}, v),
    expected: coachOnly(400, 400, 400),
  },

  // coaching+/people.$userId
  {
    name: "people.$userId loader, the agent's timeline",
    run: (v) => load(timeline.loader, `/coaching/people/${fx.ids.agent}`, { userId: fx.ids.agent }, v),
    expected: teamAThing(200, 200, 200),
  },
  {
    name: "people.$userId loader, the teammate's timeline",
    run: (v) => load(timeline.loader, `/coaching/people/${fx.ids.teammate}`, { userId: fx.ids.teammate }, v),
    expected: teamAThing(404, 200, 200),
  },
  {
    name: "people.$userId loader, the admin's timeline",
    run: (v) => load(timeline.loader, `/coaching/people/${fx.ids.admin}`, { userId: fx.ids.admin }, v),
    expected: signedIn({ agent: 404, leadA: 404, leadB: 404, admin: 200 }),
  },
  {
    name: "people.$userId loader, guessed person id",
    run: (v) => load(timeline.loader, `/coaching/people/${MISSING}`, { userId: MISSING }, v),
    expected: all(404),
  },
  {
    name: "people.$userId loader, malformed page",
    run: (v) => load(timeline.loader, `/coaching/people/${fx.ids.agent}?page=abc`, { userId: fx.ids.agent }, v),
    expected: all(400),
  },

  // coaching+/my
  { name: "my loader", run: (v) => load(myCoaching.loader, "/coaching/my", {}, v), expected: all(200) },
  { name: "my action, empty body", run: (v) => onMyCoaching(v, {}), expected: all(400) },
  { name: "my action, unknown intent", run: (v) => onMyCoaching(v, { intent: "delete", itemId: fx.itemId }), expected: all(400) },
  {
    name: "my action, toggle the agent's item",
    run: (v) => onMyCoaching(v, { intent: "toggle-item", itemId: fx.itemId, done: "false" }),
    expected: teamAThing(302, 302, 302),
  },
  {
    name: "my action, toggle the teammate's item",
    run: (v) => onMyCoaching(v, { intent: "toggle-item", itemId: fx.teammateItemId, done: "true" }),
    expected: teamAThing(404, 302, 302),
  },
  {
    name: "my action, toggle a guessed item",
    run: (v) => onMyCoaching(v, { intent: "toggle-item", itemId: MISSING, done: "true" }),
    expected: all(404),
  },

  // coaching+/insights and its CSV
  { name: "insights loader", run: (v) => load(insights.loader, "/coaching/insights", {}, v), expected: coachOnly(200, 200, 200) },
  {
    name: "insights loader, team A",
    run: (v) => load(insights.loader, `/coaching/insights?team=${fx.ids.teamA}`, {}, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "insights loader, guessed team id",
    run: (v) => load(insights.loader, `/coaching/insights?team=${MISSING}`, {}, v),
    expected: coachOnly(404, 404, 404),
  },
  {
    name: "insights[.csv] loader",
    run: (v) => load(insightsCsv.loader, "/coaching/insights.csv", {}, v),
    expected: coachOnly(200, 200, 200),
  },
  {
    name: "insights[.csv] loader, team A",
    run: (v) => load(insightsCsv.loader, `/coaching/insights.csv?team=${fx.ids.teamA}`, {}, v),
    expected: coachOnly(200, 404, 200),
  },
  {
    name: "insights[.csv] loader, guessed team id",
    run: (v) => load(insightsCsv.loader, `/coaching/insights.csv?team=${MISSING}`, {}, v),
    expected: coachOnly(404, 404, 404),
  },

  // notifications
  { name: "notifications loader", run: (v) => load(notifications.loader, "/notifications", {}, v), expected: all(200) },
  {
    name: "notifications loader, malformed page",
    run: (v) => load(notifications.loader, "/notifications?page=-1", {}, v),
    expected: all(400),
  },
  { name: "notifications action, empty body", run: (v) => send(notifications.action, "/notifications", {}, {}, v), expected: all(400) },
  {
    name: "notifications action, unknown intent",
    run: (v) => send(notifications.action, "/notifications", { intent: "delete-all" }, {}, v),
    expected: all(400),
  },
  {
    name: "notifications action, read the agent's notification",
    run: (v) => send(notifications.action, "/notifications", { intent: "read", id: fx.notificationId }, {}, v),
    expected: signedIn({ agent: 302, leadA: 404, leadB: 404, admin: 404 }),
  },
  {
    name: "notifications action, read a guessed notification",
    run: (v) => send(notifications.action, "/notifications", { intent: "read", id: MISSING }, {}, v),
    expected: all(404),
  },
  {
    name: "notifications action, read-all",
    run: (v) => send(notifications.action, "/notifications", { intent: "read-all" }, {}, v),
    expected: all(302),
  },

  // practice+/attempts.$attemptId: viewing, and every review intent
  {
    name: "attempts.$attemptId loader, the agent's attempt",
    run: (v) => load(attemptPage.loader, attemptUrl(fx.attemptId), { attemptId: fx.attemptId }, v),
    expected: teamAThing(200, 200, 200),
  },
  {
    name: "attempts.$attemptId loader, the teammate's attempt",
    run: (v) => load(attemptPage.loader, attemptUrl(fx.teammateAttemptId), { attemptId: fx.teammateAttemptId }, v),
    expected: teamAThing(404, 200, 200),
  },
  {
    name: "attempts.$attemptId loader, the agent's real conversation",
    run: (v) => load(attemptPage.loader, attemptUrl(fx.realAttemptId), { attemptId: fx.realAttemptId }, v),
    expected: teamAThing(200, 200, 200),
  },
  {
    // Only admins reveal; with no PERSONAL_DATA_KEY when it was imported, nothing was kept to reveal.
    name: "attempts.$attemptId action, reveal the masked data of a real conversation",
    run: (v) => onAttempt(v, { intent: "reveal" }, fx.realAttemptId),
    expected: signedIn({ agent: 403, leadA: 403, leadB: 404, admin: 409 }),
  },
  {
    name: "attempts.$attemptId action, reveal on a practice conversation",
    run: (v) => onAttempt(v, { intent: "reveal" }),
    expected: signedIn({ agent: 403, leadA: 403, leadB: 404, admin: 404 }),
  },
  {
    name: "attempts.$attemptId loader, guessed attempt id",
    run: (v) => load(attemptPage.loader, attemptUrl(MISSING), { attemptId: MISSING }, v),
    expected: all(404),
  },
  {
    name: "attempts.$attemptId action, unknown intent",
    run: (v) => onAttempt(v, { intent: "regrade" }),
    expected: teamAThing(400, 400, 400),
  },
  {
    name: "attempts.$attemptId action, override with empty fields",
    run: (v) => onAttempt(v, { intent: "override" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["criterionId", "level", "reason"],
  },
  {
    name: "attempts.$attemptId action, override",
    run: async (v) =>
      onAttempt(v, {
        intent: "override",
        criterionId: fx.criterion.criterionId,
        level: await anotherLevel(fx.criterion.id),
        reason: "She named the feeling in turn one.",
      }),
    expected: teamAThing(403, 302, 302),
  },
  {
    name: "attempts.$attemptId action, override of an unknown criterion",
    run: (v) => onAttempt(v, { intent: "override", criterionId: "empathy.made-up", level: "1", reason: "A guessed criterion id." }),
    expected: teamAThing(403, 404, 404),
  },
  {
    name: "attempts.$attemptId action, override on a guessed attempt",
    run: (v) =>
      onAttempt(v, { intent: "override", criterionId: "empathy.emotional-reaction", level: "1", reason: "A guessed attempt id." }, MISSING),
    expected: all(404),
  },
  {
    name: "attempts.$attemptId action, comment with empty fields",
    run: (v) => onAttempt(v, { intent: "comment" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["body"],
  },
  {
    name: "attempts.$attemptId action, comment",
    run: (v) => onAttempt(v, { intent: "comment", body: "Lovely opening." }),
    expected: teamAThing(403, 302, 302),
  },
  {
    name: "attempts.$attemptId action, comment on a turn that doesn't exist",
    run: (v) => onAttempt(v, { intent: "comment", body: "Which message?", turnIndex: "999" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["turnIndex"],
  },
  {
    name: "attempts.$attemptId action, mark-reviewed",
    run: (v) => onAttempt(v, { intent: "mark-reviewed" }),
    expected: teamAThing(403, 302, 302),
  },
  // Only the attempt's owner takes part in it; to anyone else it is as missing as a guessed id.
  {
    name: "attempts.$attemptId action, acknowledge",
    run: (v) => onAttempt(v, { intent: "acknowledge" }),
    expected: teamAThing(302, 404, 404),
  },
  {
    name: "attempts.$attemptId action, dispute with empty fields",
    run: (v) => onAttempt(v, { intent: "dispute" }),
    expected: teamAThing(400, 404, 404),
    fieldErrors: ["criterionId", "comment"],
  },
  {
    name: "attempts.$attemptId action, dispute of an unknown criterion",
    run: (v) => onAttempt(v, { intent: "dispute", criterionId: "empathy.made-up", comment: "The grader missed this." }),
    expected: teamAThing(404, 404, 404),
  },
  {
    name: "attempts.$attemptId action, accept-dispute with empty fields",
    run: (v) => onAttempt(v, { intent: "accept-dispute" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["disputeId", "level", "reason"],
  },
  {
    name: "attempts.$attemptId action, accept-dispute",
    run: async (v) =>
      onAttempt(v, {
        intent: "accept-dispute",
        disputeId: await freshDispute(),
        level: await anotherLevel(fx.criterion.id),
        reason: "You are right, she did.",
      }),
    expected: teamAThing(403, 302, 302),
  },
  {
    name: "attempts.$attemptId action, accept-dispute of a guessed dispute",
    run: (v) => onAttempt(v, { intent: "accept-dispute", disputeId: MISSING, level: "1", reason: "A guessed dispute id." }),
    expected: teamAThing(403, 404, 404),
  },
  {
    name: "attempts.$attemptId action, reject-dispute with empty fields",
    run: (v) => onAttempt(v, { intent: "reject-dispute" }),
    expected: teamAThing(403, 400, 400),
    fieldErrors: ["disputeId", "reason"],
  },
  {
    name: "attempts.$attemptId action, reject-dispute",
    run: async (v) =>
      onAttempt(v, { intent: "reject-dispute", disputeId: await freshDispute(), reason: "The level stands: no empathy shown." }),
    expected: teamAThing(403, 302, 302),
  },
];

// ---------------------------------------------------------------------------
// Running the table

type Body = { message?: unknown; error?: unknown; result?: { error?: Record<string, string[] | null> | null } };

/** What the client would see, in the table's terms; a thrown error is a would-be 500. */
async function outcomeOf(c: Case, viewer: Viewer): Promise<{ got: Expected; outcome: RouteOutcome }> {
  let outcome: RouteOutcome;
  try {
    outcome = await c.run(viewer);
  } catch (error) {
    return { got: 500, outcome: { status: 500, body: String(error instanceof Error ? (error.stack ?? error.message) : error) } };
  }
  if (outcome.status === 302 && loginRedirectTarget(outcome.location).pathname === "/login") return { got: "redirect-login", outcome };
  return { got: outcome.status, outcome };
}

function fieldMessages(body: Body | undefined): Record<string, string[]> {
  const errors = body?.result?.error ?? {};
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0),
  );
}

test("the table covers every coaching route module and every loader and action they export", () => {
  // [route file, module, the prefix its rows' names start with]
  const modules: Array<[string, { loader: unknown; action?: unknown }, string]> = [
    ["coaching+/_index", coachingHome, "coaching+/_index"],
    ["coaching+/assignments._index", assignmentBoard, "assignments._index"],
    ["coaching+/assignments.new", newAssignment, "assignments.new"],
    ["coaching+/assignments.$assignmentId", assignmentPage, "assignments.$assignmentId"],
    ["coaching+/reviews._index", reviewQueue, "reviews._index"],
    ["coaching+/conversations.import", importPage, "conversations.import"],
    ["coaching+/conversations.$attemptId.scenario", draftScenario, "conversations.$attemptId.scenario"],
    ["coaching+/scenarios.$slug.edit", editScenario, "scenarios.$slug.edit"],
    ["coaching+/sessions.new", newSession, "sessions.new"],
    ["coaching+/sessions.$sessionId", sessionPage, "sessions.$sessionId"],
    ["coaching+/people._index", coachingPeople, "people._index"],
    ["coaching+/people.$userId", timeline, "people.$userId"],
    ["coaching+/my", myCoaching, "my"],
    ["coaching+/insights", insights, "insights"],
    ["coaching+/insights[.csv]", insightsCsv, "insights[.csv]"],
    ["notifications", notifications, "notifications"],
    ["practice+/attempts.$attemptId", attemptPage, "attempts.$attemptId"],
  ];
  const coachingFiles = fs.readdirSync("app/routes/coaching+").filter((file) => file.endsWith(".tsx"));
  expect(coachingFiles.map((file) => `coaching+/${file.replace(/\.tsx$/, "")}`).sort()).toEqual(
    modules
      .map(([file]) => file)
      .filter((file) => file.startsWith("coaching+/"))
      .sort(),
  );
  for (const [file, module, prefix] of modules) {
    const exported = ["loader", ...(module.action ? ["action"] : [])];
    for (const kind of exported)
      expect(
        CASES.some((c) => c.name === `${prefix} ${kind}` || c.name.startsWith(`${prefix} ${kind},`)),
        `${file} ${kind}`,
      ).toBe(true);
  }
  // Every review intent of the attempt page has a row.
  for (const intent of ["override", "comment", "mark-reviewed", "acknowledge", "dispute", "accept-dispute", "reject-dispute"]) {
    expect(
      CASES.some((c) => c.name.startsWith(`attempts.$attemptId action, ${intent}`)),
      intent,
    ).toBe(true);
  }
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

const ROWS = CASES.flatMap((c) => VIEWERS.map((viewer) => ({ name: c.name, viewer, expected: c.expected[viewer], c })));

test.each(ROWS)("$name — $viewer gets $expected", async ({ c, viewer, expected }) => {
  const { got, outcome } = await outcomeOf(c, viewer);
  expect(got, `${c.name} as ${viewer}: ${JSON.stringify(outcome.body)?.slice(0, 600)}`).toBe(expected);

  const body = outcome.body as Body | undefined;
  const text = typeof outcome.body === "string" ? outcome.body : (JSON.stringify(outcome.body) ?? "");
  if (got === 200 || got === 302) {
    for (const secret of MUST_NOT_SEE[viewer]) expect(text, `${c.name} as ${viewer} shows “${secret}”`).not.toContain(secret);
  }
  if (got === 403 || got === 404 || got === 400) {
    // A refusal says why: a message, or a message on each bad field.
    const messages = fieldMessages(body);
    const hasMessage = typeof body?.message === "string" || typeof body?.error === "string" || Object.keys(messages).length > 0;
    expect(hasMessage, `${c.name} as ${viewer}: ${text}`).toBeTruthy();
  }
  if (got === 400 && c.fieldErrors) {
    const messages = fieldMessages(body);
    for (const field of c.fieldErrors) {
      // A list field's message may sit on the field or on the item that was wrong (focus[0]).
      const found = Object.entries(messages)
        .filter(([name]) => name === field || name.startsWith(`${field}[`))
        .flatMap(([, list]) => list);
      expect(found, `${c.name} as ${viewer}: no message for ${field} in ${text}`).toEqual(expect.arrayContaining([expect.any(String)]));
    }
  }
});
