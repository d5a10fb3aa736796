// 1:1 coaching sessions through their routes: scheduling (scope, validation,
// links), what the agent and the lead each see, action items, and the
// per-person coaching timeline with its scoping.
import { beforeAll, describe, expect, test } from "vitest";
import { localDate, localDateTimeInput } from "~/engine/coaching/sessions.ts";
import * as myCoaching from "~/routes/coaching+/my.tsx";
import * as timeline from "~/routes/coaching+/people.$userId.tsx";
import * as peopleIndex from "~/routes/coaching+/people._index.tsx";
import * as sessionPage from "~/routes/coaching+/sessions.$sessionId.tsx";
import * as newSession from "~/routes/coaching+/sessions.new.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createGradedAttempt, createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { BASE_URL, callRoute, get, sessionCookieFor } from "./request.ts";

type NewData = Awaited<ReturnType<typeof newSession.loader>>;
type SessionData = Awaited<ReturnType<typeof sessionPage.loader>>;
type MyData = Awaited<ReturnType<typeof myCoaching.loader>>;
type TimelineData = Awaited<ReturnType<typeof timeline.loader>>;
type PeopleData = Awaited<ReturnType<typeof peopleIndex.loader>>;
type FormReply = {
  intent?: string;
  result?: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
};

const PRIVATE = "Seems tired lately — ask about the night shifts.";
const SHARED = "Great empathy on the late-delivery chat; closings are rushed.";

/** A form post with repeated fields (checkbox groups), as a browser sends it. */
function postForm(url: string, entries: [string, string][], cookie: string): Request {
  return new Request(new URL(url, BASE_URL), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE_URL, Cookie: cookie },
    body: new URLSearchParams(entries).toString(),
  });
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

type Person = { id: string; cookie: string };
let lead: Person;
let agent: Person;
let teammate: Person;
let otherLead: Person;
let outsider: Person;
let admin: Person;

beforeAll(async () => {
  const mine = await createTeamWithLead({ memberCount: 2 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  const adminUser = await createUser({ role: "admin" });
  const person = async (id: string) => ({ id, cookie: await sessionCookieFor(id) });
  lead = await person(mine.lead.id);
  agent = await person(mine.members[0].id);
  teammate = await person(mine.members[1].id);
  otherLead = await person(theirs.lead.id);
  outsider = await person(theirs.members[0].id);
  admin = await person(adminUser.id);
});

/** A complete scheduling form; each override replaces the field of that name. */
function sessionFields(
  agentId: string,
  overrides: [string, string][] = [],
  { focus = ["empathy", "resolution"] } = {},
): [string, string][] {
  const replaced = new Set(overrides.map(([name]) => name));
  const base: [string, string][] = [
    ["intent", "create"],
    ["agentId", agentId],
    ["scheduledAt", `${isoDay(3)}T10:30`],
    ...focus.map((key): [string, string] => ["focus", key]),
    ["sharedNotes", SHARED],
    ["privateNotes", PRIVATE],
    ["actionItems[0].text", "Close every chat by checking the customer is satisfied"],
    ["actionItems[0].dueDate", isoDay(7)],
    ["actionItems[1].text", ""],
    ["actionItems[1].dueDate", ""],
  ];
  return [...base.filter(([name]) => !replaced.has(name)), ...overrides];
}

function schedule(cookie: string, entries: [string, string][]) {
  return callRoute<FormReply>(newSession.action, { request: postForm("/coaching/sessions/new", entries, cookie) });
}

async function scheduleOk(cookie: string, entries: [string, string][]): Promise<string> {
  const result = await schedule(cookie, entries);
  expect(result.status, JSON.stringify(result.body)).toBe(302);
  return /^\/coaching\/sessions\/(.+)$/.exec(result.location ?? "")![1];
}

function openSession(id: string, cookie: string) {
  return callRoute<SessionData>(sessionPage.loader, { request: get(`/coaching/sessions/${id}`, cookie), params: { sessionId: id } });
}

function actOnSession(id: string, cookie: string, entries: [string, string][]) {
  return callRoute<FormReply>(sessionPage.action, {
    request: postForm(`/coaching/sessions/${id}`, entries, cookie),
    params: { sessionId: id },
  });
}

describe("scheduling a session", () => {
  test("a lead schedules a 1:1 with an agent on their team, with action items", async () => {
    const attempt = await createGradedAttempt(agent.id);
    await prisma.reflection.create({
      data: {
        userId: agent.id,
        moduleSlug: "how-support-works",
        reflectionId: "first-week",
        moduleVersion: 1,
        text: "I want to get faster at refunds.",
      },
    });
    const form = await callRoute<NewData>(newSession.loader, { request: get(`/coaching/sessions/new?agentId=${agent.id}`, lead.cookie) });
    expect(form.status).toBe(200);
    expect(form.body!.agent).toMatchObject({ id: agent.id });
    expect(form.body!.attempts.map((option) => option.value)).toContain(attempt.id);
    expect(form.body!.reflections.map((option) => option.value)).toContain("how-support-works/first-week");
    expect(form.body!.coachees.map((option) => option.value).sort()).toEqual([agent.id, teammate.id].sort());

    const id = await scheduleOk(
      lead.cookie,
      sessionFields(agent.id, [
        ["attemptIds", attempt.id],
        ["reflections", "how-support-works/first-week"],
      ]),
    );
    const stored = await prisma.coachingSession.findUniqueOrThrow({ where: { id }, include: { actionItems: true } });
    expect(stored).toMatchObject({ leadId: lead.id, agentId: agent.id, sharedNotes: SHARED, privateNotes: PRIVATE });
    expect(JSON.parse(stored.focus)).toEqual(["empathy", "resolution"]);
    expect(JSON.parse(stored.linkedAttemptIds)).toEqual([attempt.id]);
    expect(JSON.parse(stored.linkedReflections)).toEqual(["how-support-works/first-week"]);
    // The blank second row is not an item.
    expect(stored.actionItems).toHaveLength(1);
    expect(stored.actionItems[0].dueAt.toISOString()).toBe(`${isoDay(7)}T00:00:00.000Z`);
    // Europe/London wall time (the factory's zone) becomes the right instant.
    expect(stored.scheduledAt.toISOString().slice(0, 10)).toBe(isoDay(3));
    // The agent is told, with the day and time on their own clock.
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: agent.id, kind: "session-planned" } });
    expect(told.link).toBe(`/coaching/sessions/${id}`);
    expect(told.title).toMatch(/ planned a 1:1 with you on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$/);
  });

  test("an agent on another team is a 404, on the form and on submit", async () => {
    const form = await callRoute(newSession.loader, { request: get(`/coaching/sessions/new?agentId=${outsider.id}`, lead.cookie) });
    expect(form.status).toBe(404);
    const result = await schedule(lead.cookie, sessionFields(outsider.id));
    expect(result.status).toBe(404);
    expect(await prisma.coachingSession.count({ where: { agentId: outsider.id } })).toBe(0);
  });

  test("an admin may schedule with anyone", async () => {
    await scheduleOk(admin.cookie, sessionFields(outsider.id));
  });

  test("agents may not schedule: 403", async () => {
    expect((await callRoute(newSession.loader, { request: get("/coaching/sessions/new", agent.cookie) })).status).toBe(403);
    expect((await schedule(agent.cookie, sessionFields(teammate.id))).status).toBe(403);
  });

  test("an action item due in the past is a 400 naming the field, and the form comes back filled", async () => {
    const result = await schedule(lead.cookie, sessionFields(agent.id, [["actionItems[0].dueDate", "2020-01-01"]]));
    expect(result.status).toBe(400);
    expect(result.body!.result!.error!["actionItems[0].dueDate"]?.map(inEnglish)).toEqual(["Choose today or a later date"]);
    expect(result.body!.result!.initialValue).toMatchObject({ sharedNotes: SHARED, privateNotes: PRIVATE });
  });

  test.each([
    ["no focus", () => sessionFields(teammate.id, [], { focus: [] }), "focus"],
    [
      "five focus competencies",
      () => sessionFields(teammate.id, [], { focus: ["empathy", "resolution", "communication", "efficiency", "omnichannel"] }),
      "focus",
    ],
    ["an unknown competency", () => sessionFields(teammate.id, [], { focus: ["juggling"] }), "focus[0]"],
    ["a two-letter action item", () => sessionFields(teammate.id, [["actionItems[0].text", "ok"]]), "actionItems[0].text"],
    ["an action item without a date", () => sessionFields(teammate.id, [["actionItems[0].dueDate", ""]]), "actionItems[0].dueDate"],
    ["no date and time", () => sessionFields(teammate.id, [["scheduledAt", ""]]), "scheduledAt"],
    ["a date that doesn't exist", () => sessionFields(teammate.id, [["scheduledAt", "2031-02-30T10:00"]]), "scheduledAt"],
    ["a session in 1970", () => sessionFields(teammate.id, [["scheduledAt", "1970-01-01T10:00"]]), "scheduledAt"],
    ["a session in 9999", () => sessionFields(teammate.id, [["scheduledAt", "9999-12-31T10:00"]]), "scheduledAt"],
    ["a six-digit year", () => sessionFields(teammate.id, [["scheduledAt", "+275760-09-13T10:00"]]), "scheduledAt"],
    [
      "an action item due on 30 February",
      () => sessionFields(teammate.id, [["actionItems[0].dueDate", "2027-02-30"]]),
      "actionItems[0].dueDate",
    ],
    ["an action item due in 9999", () => sessionFields(teammate.id, [["actionItems[0].dueDate", "9999-01-01"]]), "actionItems[0].dueDate"],
  ])("%s is a 400 on that field", async (_name, entries, field) => {
    const result = await schedule(lead.cookie, entries());
    expect(result.status).toBe(400);
    expect(result.body!.result!.error![field]?.length).toBeGreaterThan(0);
  });

  test("a session may be recorded in the past year", async () => {
    const id = await scheduleOk(lead.cookie, sessionFields(teammate.id, [["scheduledAt", `${isoDay(-60)}T09:00`]]));
    const stored = await prisma.coachingSession.findUniqueOrThrow({ where: { id } });
    const { timeZone } = await prisma.user.findUniqueOrThrow({ where: { id: lead.id } });
    expect(localDateTimeInput(stored.scheduledAt, timeZone)).toBe(`${isoDay(-60)}T09:00`);
  });

  test("linking someone else's conversation or reflection is a 400", async () => {
    const theirs = await createGradedAttempt(outsider.id);
    const attempt = await schedule(lead.cookie, sessionFields(agent.id, [["attemptIds", theirs.id]]));
    expect(attempt.status).toBe(400);
    expect(attempt.body!.result!.error!.attemptIds).toBeDefined();
    const reflection = await schedule(lead.cookie, sessionFields(agent.id, [["reflections", "how-support-works/not-written"]]));
    expect(reflection.status).toBe(400);
    expect(reflection.body!.result!.error!.reflections).toBeDefined();
  });
});

describe("what each side sees", () => {
  let sessionId: string;

  beforeAll(async () => {
    sessionId = await scheduleOk(lead.cookie, sessionFields(agent.id));
  });

  test("the agent sees shared notes, focus and action items, never the private notes", async () => {
    const result = await openSession(sessionId, agent.cookie);
    expect(result.status).toBe(200);
    expect(result.body!.role).toBe("agent");
    expect(result.body!.session.sharedNotes).toBe(SHARED);
    expect(result.body!.session.privateNotes).toBeNull();
    expect(result.body!.session.focus.map((competency) => competency.name)).toEqual(["Empathy", "Resolution"]);
    expect(result.body!.items).toHaveLength(1);
    expect(result.body!.edit).toBeNull();
    expect(JSON.stringify(result.body)).not.toContain(PRIVATE);
    const mine = await callRoute<MyData>(myCoaching.loader, { request: get("/coaching/my", agent.cookie) });
    expect(JSON.stringify(mine.body)).not.toContain(PRIVATE);
    expect(mine.body!.upcoming.map((session) => session.id)).toContain(sessionId);
  });

  test("the lead and an admin see the private notes and the edit form", async () => {
    for (const viewer of [lead, admin]) {
      const result = await openSession(sessionId, viewer.cookie);
      expect(result.status).toBe(200);
      expect(result.body!.role).toBe("coach");
      expect(result.body!.session.privateNotes).toBe(PRIVATE);
      expect(result.body!.edit!.defaults.privateNotes).toBe(PRIVATE);
    }
  });

  test("another agent, a teammate or another team's lead get a 404", async () => {
    for (const viewer of [teammate, outsider, otherLead]) {
      expect((await openSession(sessionId, viewer.cookie)).status).toBe(404);
      const item = await prisma.actionItem.findFirstOrThrow({ where: { sessionId } });
      expect(
        (
          await actOnSession(sessionId, viewer.cookie, [
            ["intent", "toggle-item"],
            ["itemId", item.id],
            ["done", "true"],
          ])
        ).status,
      ).toBe(404);
    }
    expect((await openSession("no-such-session", lead.cookie)).status).toBe(404);
  });

  test("an item ticked through another session's page answers 404 and stays as it was", async () => {
    const otherSessionId = await scheduleOk(lead.cookie, sessionFields(agent.id));
    const otherItem = await prisma.actionItem.findFirstOrThrow({ where: { sessionId: otherSessionId } });
    const outcome = await actOnSession(sessionId, agent.cookie, [
      ["intent", "toggle-item"],
      ["itemId", otherItem.id],
      ["done", "true"],
    ]);
    expect(outcome.status).toBe(404);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: otherItem.id } })).completedAt).toBeNull();
  });

  test("the agent ticks their action item done and can untick it", async () => {
    const item = await prisma.actionItem.findFirstOrThrow({ where: { sessionId } });
    const tick = await actOnSession(sessionId, agent.cookie, [
      ["intent", "toggle-item"],
      ["itemId", item.id],
      ["done", "true"],
    ]);
    expect(tick).toMatchObject({ status: 302, location: `/coaching/sessions/${sessionId}?notice=action-item-done` });
    const done = await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(done.completedAt).not.toBeNull();
    // Ticking again keeps the first time.
    await actOnSession(sessionId, agent.cookie, [
      ["intent", "toggle-item"],
      ["itemId", item.id],
      ["done", "true"],
    ]);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).completedAt).toEqual(done.completedAt);
    await actOnSession(sessionId, agent.cookie, [
      ["intent", "toggle-item"],
      ["itemId", item.id],
      ["done", "false"],
    ]);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).completedAt).toBeNull();
  });

  test("the agent ticks items from their coaching page too, and only their own", async () => {
    const item = await prisma.actionItem.findFirstOrThrow({ where: { sessionId } });
    const mine = await callRoute(myCoaching.action, {
      request: postForm(
        "/coaching/my",
        [
          ["intent", "toggle-item"],
          ["itemId", item.id],
          ["done", "true"],
        ],
        agent.cookie,
      ),
    });
    expect(mine).toMatchObject({ status: 302, location: "/coaching/my?notice=action-item-done" });
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).completedAt).not.toBeNull();
    const theirs = await callRoute(myCoaching.action, {
      request: postForm(
        "/coaching/my",
        [
          ["intent", "toggle-item"],
          ["itemId", item.id],
          ["done", "false"],
        ],
        teammate.cookie,
      ),
    });
    expect(theirs.status).toBe(404);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).completedAt).not.toBeNull();
  });

  test("the agent may not edit the session: 403", async () => {
    const result = await actOnSession(sessionId, agent.cookie, [
      ["intent", "update"],
      ["scheduledAt", `${isoDay(4)}T09:00`],
      ["focus", "empathy"],
    ]);
    expect(result.status).toBe(403);
    const remove = await actOnSession(sessionId, agent.cookie, [
      ["intent", "add-item"],
      ["text", "Sneaky"],
      ["dueDate", isoDay(3)],
    ]);
    expect(remove.status).toBe(403);
  });

  test("the lead edits the session and manages action items", async () => {
    const update = await actOnSession(sessionId, lead.cookie, [
      ["intent", "update"],
      ["scheduledAt", `${isoDay(5)}T15:00`],
      ["focus", "communication"],
      ["sharedNotes", "Moved to Friday."],
      ["privateNotes", PRIVATE],
    ]);
    expect(update).toMatchObject({ status: 302, location: `/coaching/sessions/${sessionId}?notice=session-saved` });
    const stored = await prisma.coachingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(JSON.parse(stored.focus)).toEqual(["communication"]);
    expect(stored.sharedNotes).toBe("Moved to Friday.");
    // Moving it tells the agent the new day and 15:00 on their clock (the factories' Europe/London).
    const moved = await prisma.notification.findFirstOrThrow({
      where: { userId: stored.agentId, kind: "session-planned", link: `/coaching/sessions/${sessionId}`, title: { contains: "moved" } },
    });
    expect(moved.title).toMatch(/moved your 1:1 to (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, 15:00$/);

    const past = await actOnSession(sessionId, lead.cookie, [
      ["intent", "add-item"],
      ["text", "Read the refunds module"],
      ["dueDate", isoDay(-2)],
    ]);
    expect(past.status).toBe(400);
    expect(past.body!.result!.error!.dueDate?.map(inEnglish)).toEqual(["Choose today or a later date"]);
    // "Today" is the lead's own: the factories put everyone in Europe/London.
    const today = localDate(new Date(), "Europe/London");
    const added = await actOnSession(sessionId, lead.cookie, [
      ["intent", "add-item"],
      ["text", "Read the refunds module"],
      ["dueDate", today],
    ]);
    expect(added).toMatchObject({ status: 302, location: `/coaching/sessions/${sessionId}?notice=action-item-added` });
    const item = await prisma.actionItem.findFirstOrThrow({ where: { sessionId, text: "Read the refunds module" } });
    const removed = await actOnSession(sessionId, lead.cookie, [
      ["intent", "remove-item"],
      ["itemId", item.id],
    ]);
    expect(removed).toMatchObject({ status: 302, location: `/coaching/sessions/${sessionId}?notice=action-item-removed` });
    expect(await prisma.actionItem.count({ where: { id: item.id } })).toBe(0);
    expect((await actOnSession(sessionId, lead.cookie, [["intent", "launch-rocket"]])).status).toBe(400);
  });

  test("the lead deletes a session after confirming", async () => {
    const id = await scheduleOk(lead.cookie, sessionFields(teammate.id));
    const result = await actOnSession(id, lead.cookie, [["intent", "delete"]]);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/coaching/people/${teammate.id}`);
    expect(await prisma.coachingSession.count({ where: { id } })).toBe(0);
  });
});

describe("the coaching timeline", () => {
  let person: Person;
  let sessionId: string;

  beforeAll(async () => {
    const team = await prisma.user.findUniqueOrThrow({ where: { id: agent.id }, select: { teamId: true } });
    const user = await createUser({ teamId: team.teamId });
    person = { id: user.id, cookie: await sessionCookieFor(user.id) };
    await createGradedAttempt(person.id, { score: 55, daysAgo: 20, reviewedById: lead.id });
    await createGradedAttempt(person.id, { score: 81, daysAgo: 5 });
    await prisma.moduleProgress.create({
      data: {
        userId: person.id,
        moduleSlug: "how-support-works",
        moduleVersion: 1,
        reachedEndAt: new Date(Date.now() - 30 * DAY_MS),
        completedAt: new Date(Date.now() - 30 * DAY_MS),
      },
    });
    sessionId = await scheduleOk(lead.cookie, sessionFields(person.id, [["scheduledAt", `${isoDay(-10)}T11:00`]]));
  });

  function openTimeline(userId: string, cookie: string) {
    return callRoute<TimelineData>(timeline.loader, { request: get(`/coaching/people/${userId}`, cookie), params: { userId } });
  }

  test("merges sessions, reviews, graded practice and modules, newest first", async () => {
    const result = await openTimeline(person.id, lead.cookie);
    expect(result.status).toBe(200);
    expect(result.body!.events.map((event) => event.kind)).toEqual(["attempt", "session", "review", "attempt", "module"]);
    expect(result.body!.events[0]).toMatchObject({ title: "Practised “Parcel two days late”", detail: "81/100, passed" });
    expect(result.body!.events[1]).toMatchObject({ to: `/coaching/sessions/${sessionId}` });
    expect(result.body!.events[2].detail).toContain("by ");
    expect(result.body!.canPlan).toBe(true);
    expect(JSON.stringify(result.body)).not.toContain(PRIVATE);
  });

  test("the agent sees their own timeline, not a teammate's", async () => {
    const own = await openTimeline(person.id, person.cookie);
    expect(own.status).toBe(200);
    expect(own.body!.isSelf).toBe(true);
    expect(own.body!.canPlan).toBe(false);
    expect(own.body!.events).toHaveLength(5);
    expect((await openTimeline(agent.id, person.cookie)).status).toBe(404);
  });

  test("a lead sees only their teams' people; an admin everyone", async () => {
    expect((await openTimeline(person.id, otherLead.cookie)).status).toBe(404);
    expect((await openTimeline(outsider.id, lead.cookie)).status).toBe(404);
    expect((await openTimeline(person.id, admin.cookie)).status).toBe(200);
    expect((await openTimeline("nobody", admin.cookie)).status).toBe(404);
  });

  test("the people list shows the lead's people with their 1:1s, and is closed to agents", async () => {
    const result = await callRoute<PeopleData>(peopleIndex.loader, { request: get("/coaching/people", lead.cookie) });
    expect(result.status).toBe(200);
    const ids = result.body!.rows.map((row) => row.id);
    expect(ids).toContain(person.id);
    expect(ids).not.toContain(outsider.id);
    expect(ids).not.toContain(lead.id);
    expect(result.body!.rows.find((row) => row.id === person.id)!.last).not.toBeNull();
    expect((await callRoute(peopleIndex.loader, { request: get("/coaching/people", agent.cookie) })).status).toBe(403);
  });
});
