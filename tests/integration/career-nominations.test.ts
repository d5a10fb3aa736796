// Nominations through their routes: a lead nominates one of their people for the level
// that follows theirs, an admin approves or declines it with a reason, and the person's
// level, level history, audit log and notifications follow. Refusals are 400s with a
// message; people who may not see a nomination get a 404 (a 403 for the wrong role).
import { beforeAll, describe, expect, test } from "vitest";
import { fixedT } from "~/i18n/i18next.server.ts";
import { translateMessage } from "~/i18n/message.ts";
import * as adminHome from "~/routes/admin+/_index.tsx";
import * as nominationPage from "~/routes/admin+/promotions.$nominationId.tsx";
import * as promotionsPage from "~/routes/admin+/promotions._index.tsx";
import * as careerPage from "~/routes/career+/_index.tsx";
import * as personPage from "~/routes/career+/people.$userId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { PROMOTIONS_PAGE_SIZE } from "../../app/domain/pages.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { bodyInEnglish } from "../support/english.ts";
import { JUSTIFICATION, nominationFields, type FormReply } from "./career-fixtures.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

/** Loaders hand the page catalog messages; the page words them in the reader's language. */
async function inEnglish(text: string): Promise<string> {
  return translateMessage(await fixedT("en", "common"), text);
}

type PersonData = Awaited<ReturnType<typeof personPage.loader>>;
type CareerData = Awaited<ReturnType<typeof careerPage.loader>>;
type NominationData = Awaited<ReturnType<typeof nominationPage.loader>>;
type PromotionsData = Awaited<ReturnType<typeof promotionsPage.loader>>;
type Person = { id: string; name: string; cookie: string };

let lead: Person;
let otherLead: Person;
let admin: Person;
let agentTwo: Person;
let agentOne: Person;
let outsider: Person;

beforeAll(async () => {
  const mine = await createTeamWithLead({ memberCount: 0 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  const person = async (user: { id: string; name: string }) => ({ id: user.id, name: user.name, cookie: await sessionCookieFor(user.id) });
  lead = await person(mine.lead);
  otherLead = await person(theirs.lead);
  outsider = await person(theirs.members[0]);
  admin = await person(await createUser({ role: "admin" }));
  agentTwo = await person(await createUser({ teamId: mine.team.id, level: "agent-2", name: "Kwame Test" }));
  agentOne = await person(await createUser({ teamId: mine.team.id, level: "agent-1" }));
});

const openPerson = (userId: string, cookie: string) =>
  callRoute<PersonData>(personPage.loader, { request: get(`/career/people/${userId}`, cookie), params: { userId } });
const nominateVia = (userId: string, cookie: string, fields: Record<string, string>) =>
  callRoute<FormReply>(personPage.action, { request: post(`/career/people/${userId}`, fields, cookie), params: { userId } });
const openNomination = (nominationId: string, cookie: string) =>
  callRoute<NominationData>(nominationPage.loader, {
    request: get(`/admin/promotions/${nominationId}`, cookie),
    params: { nominationId },
  });
const decide = (nominationId: string, cookie: string, fields: Record<string, string>) =>
  callRoute<FormReply>(nominationPage.action, {
    request: post(`/admin/promotions/${nominationId}`, { intent: "decide", ...fields }, cookie),
    params: { nominationId },
  });
const openPromotions = (cookie: string, query = "") =>
  callRoute<PromotionsData>(promotionsPage.loader, { request: get(`/admin/promotions${query}`, cookie) });

async function nominateOk(userId: string, cookie: string, level: string): Promise<string> {
  const result = await nominateVia(userId, cookie, nominationFields(level));
  expect(result.status, JSON.stringify(result.body)).toBe(302);
  expect(result.location).toBe(`/career/people/${userId}?notice=nomination-sent`);
  return (await prisma.nomination.findFirstOrThrow({ where: { agentId: userId, status: "pending" } })).id;
}

describe("nominating", () => {
  test("the form offers only the level that directly follows the person's", async () => {
    const page = (await openPerson(agentTwo.id, lead.cookie)).body!;
    expect(page.canAct).toBe(true);
    expect(page.levelOptions).toEqual([{ value: "senior-agent", label: "Senior Agent" }]);
    expect(page.pending).toBeNull();
    expect(page.nominations).toEqual([]);
  });

  test("a justification under 30 characters is a 400 with the field's message", async () => {
    const result = await nominateVia(agentTwo.id, lead.cookie, nominationFields("senior-agent", "He is great."));
    expect(result.status).toBe(400);
    expect(bodyInEnglish(result.body!.result!.error!.justification)).toEqual([
      "Write at least 30 characters: what have you seen them do at this level?",
    ]);
    expect(await prisma.nomination.count({ where: { agentId: agentTwo.id } })).toBe(0);
  });

  test("a level that isn't next for the person is refused as a form error", async () => {
    for (const level of ["team-lead", "agent-1", "support-manager"]) {
      const result = await nominateVia(agentTwo.id, lead.cookie, nominationFields(level));
      expect(result.status).toBe(400);
      expect(bodyInEnglish(result.body!.result!.error![""]![0])).toMatch(/is not a next level for this person/);
    }
    const unknown = await nominateVia(agentTwo.id, lead.cookie, nominationFields("ceo"));
    expect(unknown.status).toBe(400);
    expect(bodyInEnglish(unknown.body!.result!.error!.level)).toEqual(["Choose a level"]);
    expect(await prisma.nomination.count({ where: { agentId: agentTwo.id } })).toBe(0);
  });

  test("agents and leads of other teams get a 404, on the page and on submit", async () => {
    expect((await openPerson(agentTwo.id, agentOne.cookie)).status).toBe(404);
    expect((await openPerson(agentTwo.id, otherLead.cookie)).status).toBe(404);
    expect((await nominateVia(agentTwo.id, agentOne.cookie, nominationFields("senior-agent"))).status).toBe(404);
    expect((await nominateVia(agentTwo.id, otherLead.cookie, nominationFields("senior-agent"))).status).toBe(404);
    expect((await nominateVia(outsider.id, lead.cookie, nominationFields("agent-2"))).status).toBe(404);
    expect(await prisma.nomination.count({ where: { agentId: { in: [agentTwo.id, outsider.id] } } })).toBe(0);
  });

  test("the lead's nomination is saved, audited, sent to admins, and counts as their sign-off", async () => {
    const id = await nominateOk(agentTwo.id, lead.cookie, "senior-agent");
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id } })).toMatchObject({
      nominatedById: lead.id,
      level: "senior-agent",
      justification: JUSTIFICATION,
    });
    expect(await prisma.auditEvent.count({ where: { action: "nomination.created", targetId: id, actorId: lead.id } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: admin.id, kind: "nomination", link: `/admin/promotions/${id}` } })).toBe(1);

    const page = (await openPerson(agentTwo.id, lead.cookie)).body!;
    expect(await inEnglish(page.pending!)).toBe("Senior Agent");
    expect(await inEnglish(page.nominations[0].level)).toBe("Senior Agent");
    expect(page.nominations).toEqual([
      expect.objectContaining({
        level: "common:level.senior-agent",
        status: "pending",
        nominatedBy: lead.name,
        justification: JUSTIFICATION,
      }),
    ]);
    const senior = page.readiness.next.find((level) => level.key === "senior-agent")!;
    expect(senior.requirements.find((requirement) => requirement.kind === "lead-sign-off")).toMatchObject({ met: true });
  });

  test("a second nomination while one is pending is refused as a form error", async () => {
    const result = await nominateVia(agentTwo.id, lead.cookie, nominationFields("senior-agent"));
    expect(result.status).toBe(400);
    expect(bodyInEnglish(result.body!.result!.error![""])).toEqual([
      "There is already a nomination for Senior Agent waiting for a decision.",
    ]);
    expect(await prisma.nomination.count({ where: { agentId: agentTwo.id } })).toBe(1);
  });
});

describe("deciding", () => {
  test("leads and agents get a 403 on the promotions pages; a guessed id is a 404 for an admin", async () => {
    const id = (await prisma.nomination.findFirstOrThrow({ where: { agentId: agentTwo.id } })).id;
    for (const cookie of [lead.cookie, agentTwo.cookie]) {
      expect((await openPromotions(cookie)).status).toBe(403);
      expect((await openNomination(id, cookie)).status).toBe(403);
      expect((await decide(id, cookie, { decision: "approve", note: "" })).status).toBe(403);
    }
    expect((await openNomination("no-such-nomination", admin.cookie)).status).toBe(404);
    expect((await decide("no-such-nomination", admin.cookie, { decision: "approve", note: "" })).status).toBe(404);
    expect((await prisma.nomination.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  test("the admin's queue lists pending nominations oldest first, and the admin home counts them", async () => {
    const queue = (await openPromotions(admin.cookie)).body!;
    expect(queue.status).toBe("pending");
    expect(queue.rows.map((row) => row.agent)).toEqual([agentTwo.name]);
    expect(queue.rows[0]).toMatchObject({ level: "Senior Agent", nominatedBy: lead.name });
    const home = await callRoute<Awaited<ReturnType<typeof adminHome.loader>>>(adminHome.loader, { request: get("/admin", admin.cookie) });
    expect(home.body!.pendingNominations).toBe(1);
  });

  test("the nomination page shows the justification beside the readiness for that level", async () => {
    const id = (await prisma.nomination.findFirstOrThrow({ where: { agentId: agentTwo.id } })).id;
    const page = (await openNomination(id, admin.cookie)).body!;
    expect(page.nomination).toMatchObject({
      status: "pending",
      level: "Senior Agent",
      justification: JUSTIFICATION,
      nominatedBy: lead.name,
      agent: { name: agentTwo.name, level: "Agent II" },
    });
    expect(page.readiness).toMatchObject({ key: "senior-agent", title: "Senior Agent" });
    expect(page.readiness!.requirements.map((requirement) => requirement.kind)).toContain("lead-sign-off");
  });

  test("declining needs a reason: without one it is a 400 on the reason field", async () => {
    const id = (await prisma.nomination.findFirstOrThrow({ where: { agentId: agentTwo.id } })).id;
    const blank = await decide(id, admin.cookie, { decision: "decline", note: "   " });
    expect(blank.status).toBe(400);
    expect(bodyInEnglish(blank.body!.result!.error!.note)).toEqual([
      "Say why it is declined, so the agent and their lead know what to work on",
    ]);
    const tooLong = await decide(id, admin.cookie, { decision: "approve", note: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(bodyInEnglish(tooLong.body!.result!.error!.note)).toEqual(["Keep the reason under 1,000 characters"]);
    expect(bodyInEnglish(tooLong.body!.result!.error!.confirmed)).toEqual(["Tick the box to confirm the promotion, then approve"]);
    expect((await decide(id, admin.cookie, { decision: "promote", note: "" })).status).toBe(400);
    expect((await prisma.nomination.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  test("approval changes the level with history, audit events and notifications; deciding again is refused", async () => {
    const id = (await prisma.nomination.findFirstOrThrow({ where: { agentId: agentTwo.id } })).id;
    const approved = await decide(id, admin.cookie, {
      decision: "approve",
      note: "The escalation reviews speak for themselves.",
      confirmed: "yes",
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(302);
    expect(approved.location).toBe(`/admin/promotions/${id}?notice=decision-recorded`);

    expect((await prisma.user.findUniqueOrThrow({ where: { id: agentTwo.id } })).level).toBe("senior-agent");
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "approved",
      decidedById: admin.id,
      decisionNote: "The escalation reviews speak for themselves.",
    });
    expect(await prisma.auditEvent.count({ where: { action: "nomination.approved", targetId: id, actorId: admin.id } })).toBe(1);
    const levelChange = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.level-changed", targetId: agentTwo.id } });
    expect(JSON.parse(levelChange.details)).toMatchObject({ from: "agent-2", to: "senior-agent", nominationId: id });
    expect(await prisma.notification.count({ where: { userId: agentTwo.id, kind: "promotion", link: "/career" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: lead.id, kind: "promotion", link: `/career/people/${agentTwo.id}` } })).toBe(
      1,
    );

    const decided = (await openNomination(id, admin.cookie)).body!;
    expect(decided).toMatchObject({
      readiness: null,
      nomination: { status: "approved", decidedBy: admin.name, reason: "The escalation reviews speak for themselves." },
    });

    const again = await decide(id, admin.cookie, { decision: "decline", note: "Changed my mind." });
    expect(again.status).toBe(400);
    expect(bodyInEnglish(again.body!.result!.error![""])).toEqual(["This nomination has already been decided."]);
    expect((await prisma.nomination.findUniqueOrThrow({ where: { id } })).status).toBe("approved");
  });

  test("the agent's Career page shows the new level and the change in their level history", async () => {
    const career = (await callRoute<CareerData>(careerPage.loader, { request: get("/career", agentTwo.cookie) })).body!;
    expect(career.readiness.current.title).toBe("Senior Agent");
    expect(await Promise.all(career.readiness.history.map((entry) => inEnglish(entry.label)))).toEqual([
      "Joined as Agent II",
      "Agent II → Senior Agent",
    ]);
    expect(career.readiness.next.map((level) => level.key)).toEqual(["team-lead"]);

    const asLead = (await openPerson(agentTwo.id, lead.cookie)).body!;
    expect(asLead.nominations[0]).toMatchObject({
      status: "approved",
      decidedBy: admin.name,
      reason: "The escalation reviews speak for themselves.",
    });
    expect(asLead.levelOptions).toEqual([{ value: "team-lead", label: "Team Lead" }]);
  });

  test("a decline keeps the reason, leaves the level alone, and frees the person for a new nomination", async () => {
    const id = await nominateOk(agentOne.id, lead.cookie, "agent-2");
    const declined = await decide(id, admin.cookie, { decision: "decline", note: "Let's see the onboarding track finished first." });
    expect(declined.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agentOne.id } })).level).toBe("agent-1");
    expect(await prisma.auditEvent.count({ where: { action: "nomination.declined", targetId: id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "user.level-changed", targetId: agentOne.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: agentOne.id, kind: "promotion" } })).toBe(1);

    const page = (await openPerson(agentOne.id, lead.cookie)).body!;
    expect(page.pending).toBeNull();
    expect(page.nominations[0]).toMatchObject({ status: "declined", reason: "Let's see the onboarding track finished first." });
    // A declined nomination is no sign-off, and the lead may nominate again.
    await nominateOk(agentOne.id, lead.cookie, "agent-2");
  });

  test("the decided tabs list newest first, and the queue pages", async () => {
    expect((await openPromotions(admin.cookie, "?status=approved")).body!.rows.map((row) => row.agent)).toEqual([agentTwo.name]);
    expect((await openPromotions(admin.cookie, "?status=declined")).body!.rows).toEqual([
      expect.objectContaining({ agent: agentOne.name, decidedBy: admin.name }),
    ]);
    expect((await openPromotions(admin.cookie, "?status=everything")).status).toBe(400);

    // One pending already (agentOne's second); fill the first page and spill onto a second.
    for (let n = 0; n < PROMOTIONS_PAGE_SIZE; n++) {
      const person = await createUser({ teamId: null, level: "agent-1" });
      await nominateOk(person.id, admin.cookie, "agent-2");
    }
    const first = (await openPromotions(admin.cookie)).body!;
    expect(first.total).toBe(PROMOTIONS_PAGE_SIZE + 1);
    expect(first.rows).toHaveLength(PROMOTIONS_PAGE_SIZE);
    expect(first.rows[0].agent).toBe(agentOne.name);
    expect((await openPromotions(admin.cookie, "?page=2")).body!.rows).toHaveLength(1);
  });
});
