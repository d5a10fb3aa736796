// Every career and mentoring route × every kind of viewer, as one table: an anonymous visitor,
// an agent on team A (nominated, and mentored by an agent on team C), their teammate, their
// mentor, team A's lead, team B's lead and an admin. Each row says what each viewer gets —
// /login, 403 for the wrong role (or a read-only observer acting), 404 for a record outside their
// scope or a guessed id, 400 for malformed input, 200/302 when allowed — and never a 500. Every
// 400/403/404 must carry a readable message or per-field messages.
import { beforeAll, expect, test } from "vitest";
import * as adminMentoring from "~/routes/admin+/mentoring.tsx";
import * as promotionPage from "~/routes/admin+/promotions.$nominationId.tsx";
import * as promotions from "~/routes/admin+/promotions._index.tsx";
import * as career from "~/routes/career+/_index.tsx";
import * as personCareer from "~/routes/career+/people.$userId.tsx";
import * as teamReadiness from "~/routes/career+/team.tsx";
import * as mentoring from "~/routes/mentoring+/_index.tsx";
import * as pairingPage from "~/routes/mentoring+/pairings.$pairingId.tsx";
import * as mentorProfile from "~/routes/mentoring+/profile.tsx";
import * as menteeRequest from "~/routes/mentoring+/request.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeam, createUser } from "../factories/index.ts";
import { callRoute, get, loginRedirectTarget, post, sessionCookieFor, type RouteOutcome } from "./request.ts";

const VIEWERS = ["anonymous", "agent", "teammate", "mentor", "leadA", "leadB", "admin"] as const;
type Viewer = (typeof VIEWERS)[number];
type Expected = number | "login";

const MISSING = "cnonexistent0000000000000";

let cookies: Record<Exclude<Viewer, "anonymous">, string>;
let ids: { agent: string; teamA: string; pairing: string; nomination: string };

beforeAll(async () => {
  const admin = await createUser({ role: "admin" });
  const leadA = await createUser({ role: "lead" });
  const leadB = await createUser({ role: "lead" });
  const teamA = await createTeam({ leadId: leadA.id });
  await createTeam({ leadId: leadB.id });
  const teamC = await createTeam();
  const agent = await createUser({ teamId: teamA.id, level: "agent-2" });
  const teammate = await createUser({ teamId: teamA.id });
  const mentor = await createUser({ teamId: teamC.id, level: "senior-agent" });
  await prisma.mentorProfile.create({
    data: { userId: mentor.id, capacity: 2, strengths: '["empathy"]', bio: "Ten years of escalations.", availability: "Tuesdays" },
  });
  const pairing = await prisma.pairing.create({
    data: { mentorId: mentor.id, menteeId: agent.id, source: "request", score: 70, status: "active", acceptedAt: new Date() },
  });
  const nomination = await prisma.nomination.create({
    data: { agentId: agent.id, nominatedById: leadA.id, level: "senior-agent", justification: "Runs the escalations queue without help." },
  });
  const people = { agent, teammate, mentor, leadA, leadB, admin };
  cookies = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([who, person]) => [who, await sessionCookieFor(person.id)])),
  ) as typeof cookies;
  ids = { agent: agent.id, teamA: teamA.id, pairing: pairing.id, nomination: nomination.id };
});

type RouteFn = Parameters<typeof callRoute>[0];
const cookieOf = (viewer: Viewer) => (viewer === "anonymous" ? undefined : cookies[viewer]);
const load =
  (fn: RouteFn, url: string, params: Record<string, string> = {}) =>
  (viewer: Viewer) =>
    callRoute(fn, { request: get(url, cookieOf(viewer)), params });
const send =
  (fn: RouteFn, url: string, fields: Record<string, string> | (() => Record<string, string>), params: Record<string, string> = {}) =>
  (viewer: Viewer) =>
    callRoute(fn, { request: post(url, typeof fields === "function" ? fields() : fields, cookieOf(viewer)), params });

type Case = { name: string; run: (viewer: Viewer) => Promise<RouteOutcome>; expected: Omit<Record<Viewer, Expected>, "anonymous"> };

const everyone = (status: number) => ({ agent: status, teammate: status, mentor: status, leadA: status, leadB: status, admin: status });
const adminOnly = (status: number) => ({ ...everyone(403), admin: status });
const leadsAndAdmin = (leadA: number, leadB: number, admin: number) => ({ agent: 403, teammate: 403, mentor: 403, leadA, leadB, admin });
/** The team-A agent's career: their lead and admins. The agent is sent to their own page, and can't act as their own lead. */
const agentsCareer = (lead: number, admin: number, self = 404) => ({
  agent: self,
  teammate: 404,
  mentor: 404,
  leadA: lead,
  leadB: 404,
  admin,
});
/** The pairing: both sides take part; team A's lead and admins read; anyone else finds nothing. */
const pairing = (participant: number, observer: number) => ({
  agent: participant,
  teammate: 404,
  mentor: participant,
  leadA: observer,
  leadB: 404,
  admin: observer,
});

const personUrl = () => `/career/people/${ids.agent}`;
const nominationUrl = () => `/admin/promotions/${ids.nomination}`;
const pairingUrl = () => `/mentoring/pairings/${ids.pairing}`;

const CASES: (() => Case)[] = [
  () => ({ name: "career loader", run: load(career.loader, "/career"), expected: everyone(200) }),
  () => ({
    name: "career action, an empty check-in",
    run: send(career.action, "/career", { intent: "check-in" }),
    expected: everyone(400),
  }),
  () => ({ name: "team readiness loader", run: load(teamReadiness.loader, "/career/team"), expected: leadsAndAdmin(200, 200, 200) }),
  () => ({
    name: "team readiness loader, team A",
    run: load(teamReadiness.loader, `/career/team?team=${ids.teamA}`),
    expected: leadsAndAdmin(200, 404, 200),
  }),
  () => ({
    name: "team readiness loader, a guessed team",
    run: load(teamReadiness.loader, `/career/team?team=${MISSING}`),
    expected: leadsAndAdmin(404, 404, 404),
  }),
  () => ({
    name: "person's career loader",
    run: load(personCareer.loader, personUrl(), { userId: ids.agent }),
    expected: agentsCareer(200, 200, 302),
  }),
  () => ({
    name: "person's career loader, a guessed person",
    run: load(personCareer.loader, `/career/people/${MISSING}`, { userId: MISSING }),
    expected: everyone(404),
  }),
  () => ({
    name: "person's career action, an empty lead check-in",
    run: send(personCareer.action, personUrl(), { intent: "check-in" }, { userId: ids.agent }),
    expected: agentsCareer(400, 400),
  }),
  () => ({
    name: "person's career action, a nomination without a justification",
    run: send(personCareer.action, personUrl(), { intent: "nominate", level: "senior-agent" }, { userId: ids.agent }),
    expected: agentsCareer(400, 400),
  }),
  () => ({ name: "promotions loader", run: load(promotions.loader, "/admin/promotions"), expected: adminOnly(200) }),
  () => ({
    name: "promotion loader",
    run: load(promotionPage.loader, nominationUrl(), { nominationId: ids.nomination }),
    expected: adminOnly(200),
  }),
  () => ({
    name: "promotion loader, a guessed nomination",
    run: load(promotionPage.loader, `/admin/promotions/${MISSING}`, { nominationId: MISSING }),
    expected: adminOnly(404),
  }),
  () => ({
    name: "promotion action, a decline without a reason",
    run: send(promotionPage.action, nominationUrl(), { intent: "decide", decision: "decline" }, { nominationId: ids.nomination }),
    expected: adminOnly(400),
  }),
  () => ({ name: "mentoring pool loader", run: load(adminMentoring.loader, "/admin/mentoring"), expected: adminOnly(200) }),
  () => ({
    name: "mentoring pool loader, a malformed page",
    run: load(adminMentoring.loader, "/admin/mentoring?page=0"),
    expected: adminOnly(400),
  }),
  () => ({
    name: "mentoring pool action, optimise",
    run: send(adminMentoring.action, "/admin/mentoring", { intent: "optimise" }),
    expected: adminOnly(200),
  }),
  () => ({
    name: "mentoring pool action, publish nothing",
    run: send(adminMentoring.action, "/admin/mentoring", { intent: "choice", step: "publish" }),
    expected: adminOnly(400),
  }),
  () => ({ name: "mentoring loader", run: load(mentoring.loader, "/mentoring"), expected: everyone(200) }),
  () => ({
    name: "mentoring action, an unknown intent",
    run: send(mentoring.action, "/mentoring", { intent: "delete" }),
    expected: everyone(400),
  }),
  () => ({
    name: "mentoring action, request a guessed mentor",
    run: send(mentoring.action, "/mentoring", { intent: "request-mentor", mentorId: MISSING }),
    expected: everyone(400),
  }),
  () => ({ name: "mentor profile loader", run: load(mentorProfile.loader, "/mentoring/profile"), expected: everyone(200) }),
  () => ({
    name: "mentor profile action, empty",
    run: send(mentorProfile.action, "/mentoring/profile", { intent: "save" }),
    expected: everyone(400),
  }),
  () => ({ name: "mentee request loader", run: load(menteeRequest.loader, "/mentoring/request"), expected: everyone(200) }),
  () => ({
    name: "mentee request action, empty",
    run: send(menteeRequest.action, "/mentoring/request", { intent: "save" }),
    expected: everyone(400),
  }),
  () => ({ name: "pairing loader", run: load(pairingPage.loader, pairingUrl(), { pairingId: ids.pairing }), expected: pairing(200, 200) }),
  () => ({
    name: "pairing loader, a guessed pairing",
    run: load(pairingPage.loader, `/mentoring/pairings/${MISSING}`, { pairingId: MISSING }),
    expected: everyone(404),
  }),
  () => ({
    name: "pairing action, an empty meeting",
    run: send(pairingPage.action, pairingUrl(), { intent: "log-meeting" }, { pairingId: ids.pairing }),
    expected: pairing(400, 403),
  }),
  () => ({
    name: "pairing action, end without feedback",
    run: send(pairingPage.action, pairingUrl(), { intent: "end" }, { pairingId: ids.pairing }),
    expected: pairing(400, 403),
  }),
  () => ({
    name: "pairing action, a guessed pairing",
    run: send(pairingPage.action, `/mentoring/pairings/${MISSING}`, { intent: "accept" }, { pairingId: MISSING }),
    expected: everyone(404),
  }),
];

async function outcomeOf(c: Case, viewer: Viewer): Promise<{ got: Expected; outcome: RouteOutcome }> {
  let outcome: RouteOutcome;
  try {
    outcome = await c.run(viewer);
  } catch (error) {
    return { got: 500, outcome: { status: 500, body: String(error) } };
  }
  if (outcome.status === 302 && loginRedirectTarget(outcome.location).pathname === "/login") return { got: "login", outcome };
  return { got: outcome.status, outcome };
}

type Body = { message?: unknown; result?: { error?: Record<string, string[] | null> | null } };

function explains(outcome: RouteOutcome): boolean {
  const body = outcome.body as Body | undefined;
  const fieldMessages = Object.values(body?.result?.error ?? {})
    .flat()
    .filter(Boolean);
  return (typeof body?.message === "string" && body.message.length > 0) || fieldMessages.length > 0;
}

test.each(CASES.map((build, index) => [index, build] as const))("row %i", async (_index, build) => {
  const c = build();
  const got: Record<string, Expected> = {};
  const unexplained: string[] = [];
  for (const viewer of VIEWERS) {
    const { got: status, outcome } = await outcomeOf(c, viewer);
    got[viewer] = status;
    if (typeof status === "number" && status >= 400 && status < 500 && !explains(outcome)) unexplained.push(viewer);
  }
  expect({ name: c.name, got }).toEqual({ name: c.name, got: { anonymous: "login", ...c.expected } });
  expect({ name: c.name, unexplained }).toEqual({ name: c.name, unexplained: [] });
});
