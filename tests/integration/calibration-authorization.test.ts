// Calibration, grader-agreement and labelled-data pages × every role × loader and action: who gets the page,
// who a 403 (wrong role) and who a 404 (not invited: the session doesn't exist for them).
import { beforeAll, describe, expect, test } from "vitest";
import * as graderLabels from "~/routes/admin+/grader-labels[.jsonl].tsx";
import * as graderPage from "~/routes/admin+/grader.tsx";
import * as sessionPage from "~/routes/calibration+/$sessionId.tsx";
import * as scoring from "~/routes/calibration+/$sessionId_.conversations.$itemId.tsx";
import * as results from "~/routes/calibration+/$sessionId_.results.tsx";
import * as calibrations from "~/routes/calibration+/_index.tsx";
import * as newSession from "~/routes/calibration+/new.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { gradedAttempt } from "./career-fixtures.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type Viewer = "anonymous" | "agent" | "lead" | "admin";
const VIEWERS: Viewer[] = ["anonymous", "agent", "lead", "admin"];
let cookies: Record<Viewer, string | undefined>;
let sessionId: string;
let itemId: string;

beforeAll(async () => {
  const organiser = await createTeamWithLead({ memberCount: 2 });
  const invitedLead = await createUser({ role: "lead" });
  const admin = await createUser({ role: "admin" });
  const attempts = await Promise.all(organiser.members.map((member) => gradedAttempt(member.id, { levels: { empathy: 1 } })));
  const session = await prisma.calibrationSession.create({
    data: {
      title: "Matrix",
      rubricId: "empathy",
      dueAt: new Date(Date.now() + 7 * 86_400_000),
      organiserId: organiser.lead.id,
      items: { create: attempts.map((attempt, position) => ({ attemptId: attempt.id, position })) },
      raters: { create: [{ userId: organiser.lead.id }, { userId: invitedLead.id }] },
    },
    select: { id: true, items: { select: { id: true } } },
  });
  sessionId = session.id;
  itemId = session.items[0].id;
  cookies = {
    anonymous: undefined,
    // An agent of the organiser's team who was not invited.
    agent: await sessionCookieFor(organiser.members[0].id),
    lead: await sessionCookieFor(invitedLead.id),
    admin: await sessionCookieFor(admin.id),
  };
});

type Case = {
  name: string;
  module: { loader: Parameters<typeof callRoute>[0]; action?: Parameters<typeof callRoute>[0] };
  path: () => string;
  params: () => Record<string, string>;
  loader: Record<Viewer, number>;
  action?: Record<Viewer, number>;
};

const CASES: Case[] = [
  {
    name: "calibration index",
    module: calibrations,
    path: () => "/calibration",
    params: () => ({}),
    loader: { anonymous: 302, agent: 200, lead: 200, admin: 200 },
  },
  {
    name: "new session",
    module: newSession,
    path: () => "/calibration/new",
    params: () => ({}),
    loader: { anonymous: 302, agent: 403, lead: 200, admin: 200 },
    action: { anonymous: 302, agent: 403, lead: 400, admin: 400 },
  },
  {
    name: "session",
    module: sessionPage,
    path: () => `/calibration/${sessionId}`,
    params: () => ({ sessionId }),
    loader: { anonymous: 302, agent: 404, lead: 200, admin: 200 },
    action: { anonymous: 302, agent: 404, lead: 400, admin: 400 },
  },
  {
    name: "scoring a conversation",
    module: scoring,
    path: () => `/calibration/${sessionId}/conversations/${itemId}`,
    params: () => ({ sessionId, itemId }),
    loader: { anonymous: 302, agent: 404, lead: 200, admin: 404 },
    action: { anonymous: 302, agent: 404, lead: 400, admin: 404 },
  },
  {
    name: "results (session still open)",
    module: results,
    path: () => `/calibration/${sessionId}/results`,
    params: () => ({ sessionId }),
    loader: { anonymous: 302, agent: 404, lead: 302, admin: 302 },
    action: { anonymous: 302, agent: 404, lead: 404, admin: 400 },
  },
  {
    name: "grader agreement",
    module: graderPage,
    path: () => "/admin/grader",
    params: () => ({}),
    loader: { anonymous: 302, agent: 403, lead: 403, admin: 200 },
    action: { anonymous: 302, agent: 403, lead: 403, admin: 400 },
  },
  {
    name: "labelled data download",
    module: graderLabels,
    path: () => "/admin/grader-labels.jsonl",
    params: () => ({}),
    loader: { anonymous: 302, agent: 403, lead: 403, admin: 200 },
  },
];

describe.each(CASES)("$name", (route) => {
  test.each(VIEWERS)("loader for %s", async (viewer) => {
    const outcome = await callRoute(route.module.loader, { request: get(route.path(), cookies[viewer]), params: route.params() });
    expect(outcome.status).toBe(route.loader[viewer]);
  });
});

describe.each(CASES.filter((route) => route.action))("$name", (route) => {
  test.each(VIEWERS)("empty POST for %s", async (viewer) => {
    const outcome = await callRoute(route.module.action!, { request: post(route.path(), {}, cookies[viewer]), params: route.params() });
    expect(outcome.status).toBe(route.action![viewer]);
  });
});
