// Check-ins through their routes: an agent rates themself on /career, their lead rates them
// on /career/people/$userId, and both pages show the ratings beside the measured evidence.
// Bad input is a 400 with a message on the field; a lead of another team sees a 404.
import { beforeAll, describe, expect, test } from "vitest";
import { getCareerContent } from "~/content/career.server.ts";
import * as root from "~/root.tsx";
import * as careerPage from "~/routes/career+/_index.tsx";
import * as personPage from "~/routes/career+/people.$userId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { bodyInEnglish, inEnglish } from "../support/english.ts";
import { checkInFields, gradedAttempt, type FormReply } from "./career-fixtures.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type CareerData = Awaited<ReturnType<typeof careerPage.loader>>;
type PersonData = Awaited<ReturnType<typeof personPage.loader>>;
type Person = { id: string; cookie: string };

let lead: Person;
let agent: Person;
let teammate: Person;
let otherLead: Person;
let outsider: Person;
let admin: Person;
let rated: string[];

/** Every rated competency at one rating. */
const allAt = (rating: string) => Object.fromEntries(rated.map((key) => [key, rating]));

beforeAll(async () => {
  const mine = await createTeamWithLead({ memberCount: 2 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  const person = async (id: string) => ({ id, cookie: await sessionCookieFor(id) });
  lead = await person(mine.lead.id);
  agent = await person(mine.members[0].id);
  teammate = await person(mine.members[1].id);
  otherLead = await person(theirs.lead.id);
  outsider = await person(theirs.members[0].id);
  admin = await person((await createUser({ role: "admin" })).id);
  rated = (await getCareerContent()).gradedCompetencies.map((competency) => competency.key);
});

const openCareer = (cookie: string, url = "/career") => callRoute<CareerData>(careerPage.loader, { request: get(url, cookie) });
const selfCheckIn = (cookie: string, fields: Record<string, string>) =>
  callRoute<FormReply>(careerPage.action, { request: post("/career", fields, cookie) });
const openPerson = (userId: string, cookie: string, query = "") =>
  callRoute<PersonData>(personPage.loader, { request: get(`/career/people/${userId}${query}`, cookie), params: { userId } });
const leadCheckIn = (userId: string, cookie: string, fields: Record<string, string>) =>
  callRoute<FormReply>(personPage.action, { request: post(`/career/people/${userId}`, fields, cookie), params: { userId } });
/** The confirmation the app shell shows at `url`. */
const noticeAt = async (url: string, cookie: string) =>
  (await callRoute<{ notice: string | null }>(root.loader, { request: get(url, cookie) })).body!.notice;

describe("the agent's own check-in", () => {
  test("rates the competencies practice grades, in the content's order", async () => {
    const page = (await openCareer(agent.cookie)).body!;
    expect(page.competencies.map((competency) => competency.key)).toEqual([
      "empathy",
      "resolution",
      "communication",
      "efficiency",
      "omnichannel",
      "de-escalation",
      "privacy-security",
    ]);
    expect(page.checkIns.rows.every((row) => row.measured === null && row.attempts === 0 && row.self === null && row.lead === null)).toBe(
      true,
    );
  });

  test("is saved, confirmed after the redirect, and shown beside the measured evidence", async () => {
    await gradedAttempt(agent.id, { levels: { empathy: 2 }, daysAgo: 3 });
    await gradedAttempt(agent.id, { levels: { empathy: 1 }, daysAgo: 2 });
    const ratings = { ...allAt("meeting"), empathy: "exceeding", efficiency: "working-towards" };
    const saved = await selfCheckIn(agent.cookie, checkInFields(ratings, "Long chats still drag."));
    expect(saved.status, JSON.stringify(saved.body)).toBe(302);
    expect(saved.location).toBe("/career?notice=check-in-saved");
    expect(inEnglish(await noticeAt(saved.location!, agent.cookie))).toMatch(/Check-in saved/);

    const stored = await prisma.competencyCheckIn.findFirstOrThrow({ where: { agentId: agent.id } });
    expect(stored).toMatchObject({ authorId: agent.id, perspective: "self", note: "Long chats still drag." });
    expect(JSON.parse(stored.ratings)).toEqual(ratings);

    const page = (await openCareer(agent.cookie, saved.location)).body!;
    expect(page.previousRatings).toEqual(ratings);
    const empathy = page.checkIns.rows.find((row) => row.key === "empathy")!;
    expect(empathy).toMatchObject({ name: "Empathy", measured: 1.5, attempts: 2, self: "exceeding", lead: null });
    expect(page.checkIns.rows.find((row) => row.key === "resolution")).toMatchObject({ measured: null, attempts: 0, self: "meeting" });
    expect(page.checkIns.self).toMatchObject({ note: "Long chats still drag." });
    expect(page.checkIns.lead).toBeNull();
  });

  test("a competency left unrated is a 400 naming it; nothing is saved", async () => {
    const { resolution: _, ...missingOne } = allAt("meeting");
    const result = await selfCheckIn(teammate.cookie, checkInFields(missingOne));
    expect(result.status).toBe(400);
    expect(bodyInEnglish(result.body!.result!.error!["ratings.resolution"])).toEqual([
      "Rate Resolution: working towards, meeting or exceeding",
    ]);
    expect(await prisma.competencyCheckIn.count({ where: { agentId: teammate.id } })).toBe(0);
  });

  test("a rating outside the scale and a note over 1,000 characters are 400s with field messages", async () => {
    const badRating = await selfCheckIn(teammate.cookie, checkInFields({ ...allAt("meeting"), empathy: "brilliant" }));
    expect(badRating.status).toBe(400);
    expect(badRating.body!.result!.error!["ratings.empathy"]).toHaveLength(1);

    const longNote = await selfCheckIn(teammate.cookie, checkInFields(allAt("meeting"), "x".repeat(1001)));
    expect(longNote.status).toBe(400);
    expect(bodyInEnglish(longNote.body!.result!.error!.note)).toEqual(["Keep the note under 1,000 characters"]);

    const nothing = await selfCheckIn(teammate.cookie, { intent: "check-in" });
    expect(nothing.status).toBe(400);
    expect(await prisma.competencyCheckIn.count({ where: { agentId: teammate.id } })).toBe(0);
  });

  test("an unknown intent is a 400, not a crash", async () => {
    expect((await selfCheckIn(teammate.cookie, { intent: "nominate" })).status).toBe(400);
  });
});

describe("the lead's check-in", () => {
  test("the lead rates their own person; both pages show it beside the agent's own, with who and when", async () => {
    const ratings = { ...allAt("meeting"), empathy: "working-towards" };
    const saved = await leadCheckIn(agent.id, lead.cookie, checkInFields(ratings, "Openings still sound scripted."));
    expect(saved.status, JSON.stringify(saved.body)).toBe(302);
    expect(saved.location).toBe(`/career/people/${agent.id}?notice=lead-check-in-saved`);
    expect(inEnglish(await noticeAt(saved.location!, lead.cookie))).toMatch(/Check-in saved/);

    const asLead = (await openPerson(agent.id, lead.cookie, "?notice=lead-check-in-saved")).body!;
    expect(asLead.previousRatings).toEqual(ratings);
    expect(asLead.checkIns.rows.find((row) => row.key === "empathy")).toMatchObject({
      self: "exceeding",
      lead: "working-towards",
      measured: 1.5,
    });
    const leadName = (await prisma.user.findUniqueOrThrow({ where: { id: lead.id } })).name;
    expect(asLead.checkIns.lead).toMatchObject({ authorName: leadName, note: "Openings still sound scripted." });

    const asAgent = (await openCareer(agent.cookie)).body!;
    expect(asAgent.checkIns.rows.find((row) => row.key === "empathy")).toMatchObject({ self: "exceeding", lead: "working-towards" });
    expect(asAgent.checkIns.lead).toMatchObject({ authorName: leadName });
    // The agent's form starts from their own ratings, never the lead's.
    expect(asAgent.previousRatings.empathy).toBe("exceeding");
  });

  test("validation on the lead's form is a 400 with the field's message", async () => {
    const { empathy: _, ...missing } = allAt("meeting");
    const result = await leadCheckIn(teammate.id, lead.cookie, checkInFields(missing));
    expect(result.status).toBe(400);
    expect(bodyInEnglish(result.body!.result!.error!["ratings.empathy"])).toEqual(["Rate Empathy: working towards, meeting or exceeding"]);
  });

  test("a lead of another team, an agent, and a guessed id get a 404; nothing is saved", async () => {
    const fields = checkInFields(allAt("meeting"));
    expect((await leadCheckIn(outsider.id, lead.cookie, fields)).status).toBe(404);
    expect((await leadCheckIn(agent.id, otherLead.cookie, fields)).status).toBe(404);
    expect((await leadCheckIn(agent.id, teammate.cookie, fields)).status).toBe(404);
    expect((await leadCheckIn("no-such-person", lead.cookie, fields)).status).toBe(404);
    expect((await openPerson(outsider.id, lead.cookie)).status).toBe(404);
    expect((await openPerson(agent.id, teammate.cookie)).status).toBe(404);
    expect(await prisma.competencyCheckIn.count({ where: { agentId: outsider.id } })).toBe(0);
    expect(await prisma.competencyCheckIn.count({ where: { authorId: { in: [otherLead.id, teammate.id] } } })).toBe(0);
  });

  test("an admin may check in on anyone; a person's own page sends them to /career", async () => {
    expect((await leadCheckIn(outsider.id, admin.cookie, checkInFields(allAt("exceeding")))).status).toBe(302);
    const self = await openPerson(lead.id, lead.cookie);
    expect(self.status).toBe(302);
    expect(self.location).toBe("/career");
  });

  test("a deactivated person's career stays readable to their lead, but check-ins are closed", async () => {
    const leaver = await createUser({
      teamId: (await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).teamId,
      deactivatedAt: new Date(),
    });
    const page = await openPerson(leaver.id, lead.cookie);
    expect(page.status).toBe(200);
    expect(page.body!.canAct).toBe(false);
    expect((await leadCheckIn(leaver.id, lead.cookie, checkInFields(allAt("meeting")))).status).toBe(404);
  });

  test("signed-out visitors are sent to sign in", async () => {
    const result = await callRoute(personPage.action, {
      request: post(`/career/people/${agent.id}`, checkInFields(allAt("meeting"))),
      params: { userId: agent.id },
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login/);
  });
});
