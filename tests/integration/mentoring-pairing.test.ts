// A mentee's way to a mentor through the routes: the request, ranked suggestions, asking one
// mentor, the answer, meetings, the fit check and a re-pair; the refusals on the way; and who
// may see or change a pairing.
import { beforeAll, describe, expect, test } from "vitest";
import { saveMentorProfile } from "~/models/mentor-profile.server.ts";
import * as root from "~/root.tsx";
import * as hub from "~/routes/mentoring+/_index.tsx";
import * as pairingPage from "~/routes/mentoring+/pairings.$pairingId.tsx";
import * as requestPage from "~/routes/mentoring+/request.tsx";
import { prisma } from "~/utils/db.server.ts";
import type { WorkMode } from "../../app/domain/people.ts";
import { createTeamWithLead, createUser, DAY_MS, type UserOverrides } from "../factories/index.ts";
import { bodyInEnglish, inEnglish } from "../support/english.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type HubData = Awaited<ReturnType<typeof hub.loader>>;
type RequestData = Awaited<ReturnType<typeof requestPage.loader>>;
type PairingData = Awaited<ReturnType<typeof pairingPage.loader>>;
type FormReply = { result?: { status?: string; error?: Record<string, string[] | null> } };

type Person = { id: string; name: string; cookie: string };

async function signedIn(user: { id: string; name: string }): Promise<Person> {
  return { id: user.id, name: user.name, cookie: await sessionCookieFor(user.id) };
}

async function person(overrides: UserOverrides = {}): Promise<Person> {
  return signedIn(await createUser(overrides));
}

/** Someone with an active mentor profile. */
async function mentorFor(overrides: UserOverrides = {}, capacity = 2): Promise<Person> {
  const mentor = await person({ level: "senior-agent", ...overrides });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: mentor.id } });
  const saved = await saveMentorProfile(mentor.id, {
    capacity,
    strengths: ["empathy", "resolution"],
    bio: "Years on the escalations queue; happy to share what works.",
    languages: ["English"],
    availability: "Thursdays after lunch",
    timeZone: user.timeZone,
    workMode: user.workMode as WorkMode,
  });
  expect(saved.status).toBe("ok");
  return mentor;
}

function requestFields(overrides: [string, string][] = [], focus = ["empathy", "de-escalation"]): [string, string][] {
  const replaced = new Set(overrides.map(([name]) => name));
  const base: [string, string][] = [
    ["intent", "save"],
    ["goals", "Handle upset customers on the phone with confidence, and grow towards Senior Agent."],
    ["targetLevel", "senior-agent"],
    ...focus.map((key): [string, string] => ["focus", key]),
    ["preferences", "Someone remote"],
  ];
  return [...base.filter(([name]) => !replaced.has(name)), ...overrides];
}

function saveRequest(cookie: string, entries: [string, string][]) {
  return callRoute<FormReply>(requestPage.action, { request: post("/mentoring/request", entries, cookie) });
}

async function openRequest(mentee: Person) {
  const saved = await saveRequest(mentee.cookie, requestFields());
  expect(saved.status, JSON.stringify(saved.body)).toBe(302);
}

function openHub(viewer: Person, url = "/mentoring") {
  return callRoute<HubData>(hub.loader, { request: get(url, viewer.cookie) });
}

function askFor(mentee: Person, mentorId: string, message = "") {
  return callRoute<FormReply>(hub.action, { request: post("/mentoring", { intent: "request-mentor", mentorId, message }, mentee.cookie) });
}

async function pairingOf(menteeId: string, mentorId: string) {
  return prisma.pairing.findFirstOrThrow({ where: { menteeId, mentorId }, orderBy: { createdAt: "desc" } });
}

/** A new mentee who has asked a new mentor: the pairing waits for the mentor's answer. */
async function proposedPairing(menteeOverrides: UserOverrides = {}) {
  const asker = await person(menteeOverrides);
  await openRequest(asker);
  const mentor = await mentorFor();
  expect((await askFor(asker, mentor.id)).status).toBe(302);
  return { asker, mentor, id: (await pairingOf(asker.id, mentor.id)).id };
}

function openPairing(viewer: Person, pairingId: string) {
  return callRoute<PairingData>(pairingPage.loader, {
    request: get(`/mentoring/pairings/${pairingId}`, viewer.cookie),
    params: { pairingId },
  });
}

function act(viewer: Person, pairingId: string, fields: Record<string, string>) {
  return callRoute<FormReply>(pairingPage.action, {
    request: post(`/mentoring/pairings/${pairingId}`, fields, viewer.cookie),
    params: { pairingId },
  });
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

function formError(reply: { body?: FormReply }): string {
  return (reply.body?.result?.error?.[""] ?? []).map(inEnglish).join(" ");
}

let lead: Person;
let mentee: Person;
let teamMentor: Person;
let otherMentor: Person;
let outsider: Person;
let otherLead: Person;
let admin: Person;

beforeAll(async () => {
  const mine = await createTeamWithLead({ memberCount: 1 });
  const theirs = await createTeamWithLead({ memberCount: 1 });
  lead = await signedIn(mine.lead);
  mentee = await signedIn(await prisma.user.update({ where: { id: mine.members[0].id }, data: { level: "agent-2" } }));
  teamMentor = await mentorFor({ teamId: mine.team.id, name: "Aisha Test" });
  otherMentor = await mentorFor({ teamId: theirs.team.id, name: "Grace Test", timeZone: "America/New_York" });
  otherLead = await signedIn(theirs.lead);
  outsider = await signedIn(theirs.members[0]);
  admin = await person({ role: "admin" });
});

describe("from request to re-pair", () => {
  let pairingId: string;

  test("the request form offers the next level up, and refuses a level that isn't above", async () => {
    const form = await callRoute<RequestData>(requestPage.loader, { request: get("/mentoring/request", mentee.cookie) });
    expect(form.body!.defaults.targetLevel).toBe("senior-agent");
    expect(form.body!.levels.map((level) => level.value)).toEqual(["senior-agent", "team-lead", "support-manager"]);

    const sideways = await saveRequest(mentee.cookie, requestFields([["targetLevel", "agent-2"]]));
    expect(sideways.status).toBe(400);
    expect((sideways.body!.result!.error!.targetLevel ?? []).map(inEnglish).join(" ")).toMatch(/above your current one \(Agent II\)/);

    const tooMuchFocus = await saveRequest(mentee.cookie, requestFields([], ["empathy", "resolution", "communication", "efficiency"]));
    expect(tooMuchFocus.status).toBe(400);
    expect((tooMuchFocus.body!.result!.error!.focus ?? []).map(inEnglish).join(" ")).toMatch(/at most 3/);

    const shortGoals = await saveRequest(mentee.cookie, requestFields([["goals", "Be better"]]));
    expect(shortGoals.status).toBe(400);
    expect((shortGoals.body!.result!.error!.goals ?? []).map(inEnglish).join(" ")).toMatch(/at least 20/);
  });

  test("saving opens the request and the hub ranks mentors with every score part explained", async () => {
    const saved = await saveRequest(mentee.cookie, requestFields());
    expect(saved.location).toBe("/mentoring?notice=request-saved");
    const page = await openHub(mentee);
    const finding = page.body!.finding;
    expect(finding.kind).toBe("suggestions");
    if (finding.kind !== "suggestions") return;
    expect({ ...finding.request, targetLevel: inEnglish(finding.request.targetLevel) }).toMatchObject({
      targetLevel: "Senior Agent",
      focus: ["Empathy", "De-escalation"],
    });
    const ids = finding.suggestions.map((suggestion) => suggestion.id);
    expect(ids).toEqual(expect.arrayContaining([teamMentor.id, otherMentor.id]));
    const totals = finding.suggestions.map((suggestion) => suggestion.score.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const suggestion of finding.suggestions) {
      expect(suggestion.score.parts.map((part) => part.key)).toEqual(["skills", "career", "time-zone", "work-mode", "conflict"]);
      for (const part of suggestion.score.parts) expect(inEnglish(part.explanation)!.length).toBeGreaterThan(10);
      // Written for the mentee: "you", never their own name, an ISO date or a decimal.
      const text = suggestion.score.parts.map((part) => inEnglish(part.explanation)).join(" ");
      expect(text).toMatch(/\byou(r|'re)?\b/i);
      expect(text).not.toContain(mentee.name);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d\.\d/);
      expect(suggestion.score.total).toBeCloseTo(
        suggestion.score.parts.reduce((sum, part) => sum + part.points, 0),
        1,
      );
    }
  });

  test("the mentee asks one mentor with a message; the mentor is notified and sees a proposal", async () => {
    const tooLong = await askFor(mentee, teamMentor.id, "x".repeat(1001));
    expect(tooLong.status).toBe(400);
    expect((tooLong.body!.result!.error!.message ?? []).map(inEnglish).join(" ")).toMatch(/under 1,000/);

    const asked = await askFor(mentee, teamMentor.id, "Your escalation calls are the ones I learn most from.");
    expect(asked.status, JSON.stringify(asked.body)).toBe(302);
    expect(asked.location).toBe("/mentoring?notice=requested");
    pairingId = (await pairingOf(mentee.id, teamMentor.id)).id;
    expect(
      await prisma.notification.count({ where: { userId: teamMentor.id, kind: "mentoring", link: `/mentoring/pairings/${pairingId}` } }),
    ).toBe(1);

    expect((await openHub(mentee)).body!.finding).toMatchObject({ kind: "waiting", pairingId, mentor: teamMentor.name });
    // One request at a time.
    const second = await askFor(mentee, otherMentor.id);
    expect(second.status).toBe(400);
    expect(formError(second)).toMatch(/still waiting for an answer/);

    const mentorHub = await openHub(teamMentor);
    expect(mentorHub.body!.asMentor[0]).toMatchObject({ id: pairingId, status: "proposed", mentee: mentee.name });
    const page = await openPairing(teamMentor, pairingId);
    expect(page.body!).toMatchObject({ access: "mentor", can: { respond: true, logMeeting: false } });
    expect(page.body!.pairing.message).toBe("Your escalation calls are the ones I learn most from.");
    expect({ ...page.body!.request, targetLevel: inEnglish(page.body!.request?.targetLevel ?? null) }).toMatchObject({
      targetLevel: "Senior Agent",
      focus: ["Empathy", "De-escalation"],
    });
  });

  test("only the mentor answers; accepting starts the pairing and closes the request", async () => {
    expect((await act(mentee, pairingId, { intent: "accept" })).status).toBe(404);
    const accepted = await act(teamMentor, pairingId, { intent: "accept" });
    expect(accepted.location).toBe(`/mentoring/pairings/${pairingId}?notice=accepted`);
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).status).toBe("active");
    expect((await prisma.menteeRequest.findUniqueOrThrow({ where: { menteeId: mentee.id } })).status).toBe("closed");
    expect(await prisma.notification.count({ where: { userId: mentee.id, title: { contains: "accepted" } } })).toBe(1);
    expect((await openHub(mentee)).body!.finding).toMatchObject({ kind: "mentored", pairingId });

    const again = await act(teamMentor, pairingId, { intent: "accept" });
    expect(again.status).toBe(400);
    expect(formError(again)).toMatch(/already been answered/);
  });

  test("the fit check waits for the first meeting; meetings are validated and listed newest first", async () => {
    expect((await openPairing(mentee, pairingId)).body!.can).toMatchObject({ answerFitCheck: false, logMeeting: true, end: true });
    const early = await act(mentee, pairingId, { intent: "fit-check", fit: "good" });
    expect(early.status).toBe(400);
    expect(formError(early)).toMatch(/first meeting/);

    const bad = await act(teamMentor, pairingId, { intent: "log-meeting", heldOn: isoDay(3), notes: "ok", rating: "5" });
    expect(bad.status).toBe(400);
    expect(bodyInEnglish(bad.body!.result!.error)).toMatchObject({
      heldOn: [expect.stringMatching(/already happened/)],
      notes: [expect.stringMatching(/at least 5/)],
      rating: [expect.stringMatching(/how useful/)],
    });

    for (const [heldOn, message] of [
      ["+275760-09-13", /real date/],
      ["2026-02-30", /real date/],
      ["1970-01-01", /past year/],
      ["9999-12-31", /already happened/],
    ] as const) {
      const refused = await act(teamMentor, pairingId, {
        intent: "log-meeting",
        heldOn,
        notes: "Listened to two calls together.",
        rating: "3",
      });
      expect(refused.status, heldOn).toBe(400);
      expect(refused.body!.result!.error!.heldOn?.map(inEnglish), heldOn).toEqual([expect.stringMatching(message)]);
    }

    expect(
      (
        await act(teamMentor, pairingId, {
          intent: "log-meeting",
          heldOn: isoDay(-7),
          notes: "Listened to two calls together.",
          rating: "3",
        })
      ).location,
    ).toBe(`/mentoring/pairings/${pairingId}?notice=meeting-logged`);
    expect(
      (await act(mentee, pairingId, { intent: "log-meeting", heldOn: isoDay(-1), notes: "Practised closing the call.", rating: "4" }))
        .status,
    ).toBe(302);

    const page = await openPairing(mentee, pairingId);
    expect(page.body!.meetings.map((meeting) => [meeting.notes, inEnglish(meeting.rating), meeting.loggedBy])).toEqual([
      ["Practised closing the call.", "4 — very useful", mentee.name],
      ["Listened to two calls together.", "3 — useful", teamMentor.name],
    ]);
    expect(page.body!.can.answerFitCheck).toBe(true);
    // The fit check is the mentee's to answer.
    expect((await act(teamMentor, pairingId, { intent: "fit-check", fit: "good" })).status).toBe(404);
  });

  test("'not a fit' ends with feedback and brings new suggestions without the same mentor", async () => {
    const tooSoon = await act(mentee, pairingId, { intent: "find-another", feedback: "Looking around for now." });
    expect(tooSoon.status).toBe(400);
    expect(formError(tooSoon)).toMatch(/not a fit/);
    expect((await act(mentee, pairingId, { intent: "fit-check", fit: "maybe" })).status).toBe(400);
    expect((await act(mentee, pairingId, { intent: "fit-check", fit: "not-a-fit" })).location).toBe(
      `/mentoring/pairings/${pairingId}?notice=fit-saved`,
    );
    expect((await openPairing(mentee, pairingId)).body!.pairing.fitCheck).toBe("not-a-fit");
    expect((await openPairing(mentee, pairingId)).body!.can).toMatchObject({ end: true, findAnother: true });
    // Finding another mentor is the mentee's move; the mentor can only end the pairing.
    expect((await openPairing(teamMentor, pairingId)).body!.can).toMatchObject({ end: true, findAnother: false });
    expect((await act(teamMentor, pairingId, { intent: "find-another", feedback: "Not mine to decide." })).status).toBe(404);

    const noFeedback = await act(mentee, pairingId, { intent: "find-another", feedback: "" });
    expect(noFeedback.status).toBe(400);
    expect((noFeedback.body!.result!.error!.feedback ?? []).map(inEnglish).join(" ")).toMatch(/how it went/);

    const ended = await act(mentee, pairingId, { intent: "find-another", feedback: "Our schedules never lined up." });
    expect(ended.location).toBe("/mentoring?notice=find-another");
    expect(await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).toMatchObject({
      status: "ended",
      endFeedback: "Our schedules never lined up.",
    });
    expect(await prisma.notification.count({ where: { userId: teamMentor.id, title: { contains: "ended" } } })).toBe(1);

    const shell = await callRoute<{ notice: string | null }>(root.loader, { request: get(ended.location!, mentee.cookie) });
    expect(inEnglish(shell.body!.notice)).toMatch(/other mentors/);
    const page = await openHub(mentee, ended.location);
    const finding = page.body!.finding;
    expect(finding.kind).toBe("suggestions");
    if (finding.kind !== "suggestions") return;
    const ids = finding.suggestions.map((suggestion) => suggestion.id);
    expect(ids).toContain(otherMentor.id);
    expect(ids).not.toContain(teamMentor.id);

    const history = await openPairing(teamMentor, pairingId);
    expect(history.body!.can).toEqual({ respond: false, logMeeting: false, answerFitCheck: false, end: false, findAnother: false });
    expect(
      (await act(teamMentor, pairingId, { intent: "log-meeting", heldOn: isoDay(0), notes: "After the end", rating: "2" })).status,
    ).toBe(400);
  });
});

describe("refusals when asking", () => {
  test("a paused or deactivated mentor is refused clearly", async () => {
    const asker = await person({ level: "agent-1" });
    await openRequest(asker);
    const paused = await mentorFor();
    await prisma.mentorProfile.update({ where: { userId: paused.id }, data: { active: false } });
    const gone = await mentorFor();
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    for (const mentor of [paused, gone]) {
      const result = await askFor(asker, mentor.id);
      expect(result.status).toBe(400);
      expect(formError(result)).toMatch(/isn't taking mentees at the moment/);
    }
    expect(await prisma.pairing.count({ where: { menteeId: asker.id } })).toBe(0);
  });

  test("a full mentor is refused with their places", async () => {
    const asker = await person();
    await openRequest(asker);
    const full = await mentorFor({}, 1);
    await prisma.pairing.create({
      data: { mentorId: full.id, menteeId: (await createUser()).id, source: "request", score: 40, status: "active" },
    });
    const result = await askFor(asker, full.id);
    expect(result.status).toBe(400);
    expect(formError(result)).toMatch(/no capacity left \(1 of 1 places taken\)/);
  });

  test("nobody can ask themself or their own lead, and asking needs an open request", async () => {
    const selfMentor = await mentorFor({ level: "agent-2" });
    await openRequest(selfMentor);
    expect(formError(await askFor(selfMentor, selfMentor.id))).toMatch(/your own mentor/);

    const team = await createTeamWithLead({ memberCount: 1 });
    await saveMentorProfile(team.lead.id, {
      capacity: 2,
      strengths: ["leadership"],
      bio: "I lead a team and like to talk about it.",
      languages: ["English"],
      availability: "Fridays",
      timeZone: "Europe/London",
      workMode: "remote",
    });
    const report = await signedIn(team.members[0]);
    await openRequest(report);
    const result = await askFor(report, team.lead.id);
    expect(result.status).toBe(400);
    expect(formError(result)).toMatch(/own lead/);
    // The lead isn't even suggested.
    const finding = (await openHub(report)).body!.finding;
    expect(finding.kind === "suggestions" && finding.suggestions.some((suggestion) => suggestion.id === team.lead.id)).toBe(false);

    const noRequest = await person();
    expect(formError(await askFor(noRequest, otherMentor.id))).toMatch(/no open mentoring request/);
  });
});

describe("declining and withdrawing", () => {
  test("the mentor declines with a reason; the mentee is told and can ask someone else", async () => {
    const { asker, mentor, id } = await proposedPairing();

    const noReason = await act(mentor, id, { intent: "decline", reason: "" });
    expect(noReason.status).toBe(400);
    expect((noReason.body!.result!.error!.reason ?? []).map(inEnglish).join(" ")).toMatch(/why/);
    expect((await act(mentor, id, { intent: "decline", reason: "Too busy with onboarding this quarter." })).location).toBe(
      `/mentoring/pairings/${id}?notice=declined`,
    );
    expect(await prisma.pairing.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "declined",
      declineReason: "Too busy with onboarding this quarter.",
    });
    expect(await prisma.notification.count({ where: { userId: asker.id, link: "/mentoring" } })).toBe(1);

    const finding = (await openHub(asker)).body!.finding;
    expect(finding.kind).toBe("suggestions");
    expect((await askFor(asker, otherMentor.id)).status).toBe(302);
  });

  test("a proposal isn't ended from its page: the mentor answers it, the mentee withdraws their request", async () => {
    const { asker, mentor, id } = await proposedPairing();
    for (const person of [asker, mentor]) {
      expect((await openPairing(person, id)).body!.can.end).toBe(false);
      const ended = await act(person, id, { intent: "end", feedback: "Changed my mind about this." });
      expect(ended.status).toBe(400);
      expect(formError(ended)).toMatch(/hasn't started yet/);
    }
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id } })).status).toBe("proposed");
  });

  test("withdrawing the request withdraws a proposal still waiting for an answer", async () => {
    const { asker, mentor, id } = await proposedPairing();
    expect((await callRoute<RequestData>(requestPage.loader, { request: get("/mentoring/request", asker.cookie) })).body!.open).toBe(true);

    const withdrawn = await saveRequest(asker.cookie, [["intent", "withdraw"]]);
    expect(withdrawn.location).toBe("/mentoring?notice=request-withdrawn");
    expect((await prisma.menteeRequest.findUniqueOrThrow({ where: { menteeId: asker.id } })).status).toBe("closed");
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id } })).status).toBe("ended");
    const titles = (await prisma.notification.findMany({ where: { userId: mentor.id }, select: { title: true } })).map(({ title }) =>
      inEnglish(title),
    );
    expect(titles.filter((title) => title?.includes("withdrew"))).toHaveLength(1);
    expect((await openHub(asker)).body!.finding).toEqual({ kind: "no-request", hadRequest: true });
    // Nothing left to withdraw.
    expect((await saveRequest(asker.cookie, [["intent", "withdraw"]])).status).toBe(404);
  });
});

describe("who sees a pairing", () => {
  let pairingId: string;

  beforeAll(async () => {
    const { teamId } = await prisma.user.findUniqueOrThrow({ where: { id: mentee.id } });
    pairingId = (await proposedPairing({ teamId })).id;
  });

  test("outsiders and other teams' leads get a 404 on the page and every action, as for a guessed id", async () => {
    for (const viewer of [outsider, otherLead, otherMentor]) {
      expect((await openPairing(viewer, pairingId)).status).toBe(404);
      for (const intent of ["accept", "decline", "log-meeting", "fit-check", "end"]) {
        expect((await act(viewer, pairingId, { intent, reason: "Not mine to answer", feedback: "Not mine" })).status).toBe(404);
      }
    }
    expect((await openPairing(admin, "no-such-pairing")).status).toBe(404);
    expect((await act(admin, "no-such-pairing", { intent: "accept" })).status).toBe(404);
  });

  test("the mentee's lead and admins read it but can't change it", async () => {
    for (const viewer of [lead, admin]) {
      const page = await openPairing(viewer, pairingId);
      expect(page.status).toBe(200);
      expect(page.body!).toMatchObject({
        access: "observer",
        can: { respond: false, logMeeting: false, answerFitCheck: false, end: false, findAnother: false },
      });
      expect((await act(viewer, pairingId, { intent: "accept" })).status).toBe(403);
    }
    expect((await prisma.pairing.findUniqueOrThrow({ where: { id: pairingId } })).status).toBe("proposed");
  });

  test("a lead's hub lists their team's mentoring; agents don't get a team section", async () => {
    const page = await openHub(lead);
    expect(page.body!.team).not.toBeNull();
    expect(page.body!.team!.map((row) => row.id)).toEqual(expect.arrayContaining([pairingId]));
    // Proposals first.
    expect(page.body!.team![0].status).toBe("proposed");
    expect((await openHub(otherLead)).body!.team!.map((row) => row.id)).not.toContain(pairingId);
    expect((await openHub(outsider)).body!.team).toBeNull();
  });
});
