// Mentor profiles through their routes: opting in with suggested strengths, the form's
// validation, who may not mentor yet, capacity against current mentees, and pausing.
import { beforeAll, describe, expect, test } from "vitest";
import * as root from "~/root.tsx";
import * as hub from "~/routes/mentoring+/_index.tsx";
import * as profilePage from "~/routes/mentoring+/profile.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { gradedAttempt } from "./career-fixtures.ts";
import { BASE_URL, callRoute, get, post, sessionCookieFor } from "./request.ts";

type ProfileData = Awaited<ReturnType<typeof profilePage.loader>>;
type HubData = Awaited<ReturnType<typeof hub.loader>>;
type FormReply = { result?: { status?: string; error?: Record<string, string[] | null> } };

/** A complete profile form; each override replaces the field of that name. */
function profileFields(overrides: [string, string][] = [], strengths = ["empathy", "resolution"]): [string, string][] {
  const replaced = new Set(overrides.map(([name]) => name));
  const base: [string, string][] = [
    ["intent", "save"],
    ["capacity", "2"],
    ...strengths.map((key): [string, string] => ["strengths", key]),
    ["bio", "Five years on the returns queue; I help people stay calm with upset customers."],
    ["timeZone", "Europe/Dublin"],
    ["workMode", "hybrid"],
    ["languages", "English, Irish, english"],
    ["availability", "Tuesdays 14:00–15:00 UK time"],
  ];
  return [...base.filter(([name]) => !replaced.has(name)), ...overrides];
}

function saveProfile(cookie: string, entries: [string, string][]) {
  return callRoute<FormReply>(profilePage.action, { request: post("/mentoring/profile", entries, cookie) });
}

function openProfile(cookie: string) {
  return callRoute<ProfileData>(profilePage.loader, { request: get("/mentoring/profile", cookie) });
}

type Person = { id: string; cookie: string };
const person = async (overrides: Parameters<typeof createUser>[0] = {}): Promise<Person> => {
  const user = await createUser(overrides);
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
};

let mentor: Person;

beforeAll(async () => {
  mentor = await person({ level: "senior-agent", timeZone: "Europe/London", workMode: "remote" });
});

describe("opting in as a mentor", () => {
  test("the form suggests strengths from graded practice, and saving creates the profile", async () => {
    await gradedAttempt(mentor.id, { levels: { empathy: 2, resolution: 2, efficiency: 0 } });
    const form = await openProfile(mentor.cookie);
    expect(form.status).toBe(200);
    expect(form.body!.ineligible).toBeNull();
    expect(form.body!.form).toMatchObject({ isNew: true, suggested: ["Empathy", "Resolution"] });
    expect(form.body!.form!.defaults).toMatchObject({
      capacity: "2",
      strengths: ["empathy", "resolution"],
      timeZone: "Europe/London",
      workMode: "remote",
    });

    const saved = await saveProfile(mentor.cookie, profileFields());
    expect(saved.status, JSON.stringify(saved.body)).toBe(302);
    expect(saved.location).toBe("/mentoring?notice=profile-saved");

    const stored = await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } });
    expect(stored).toMatchObject({ capacity: 2, active: true, availability: "Tuesdays 14:00–15:00 UK time" });
    expect(JSON.parse(stored.strengths)).toEqual(["empathy", "resolution"]);
    // Repeats in another case are one language.
    expect(JSON.parse(stored.languages)).toEqual(["English", "Irish"]);
    // The time zone and work mode are the person's own.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: mentor.id }, select: { timeZone: true, workMode: true } })).toEqual({
      timeZone: "Europe/Dublin",
      workMode: "hybrid",
    });

    const shell = await callRoute<{ notice: string | null }>(root.loader, { request: get(saved.location!, mentor.cookie) });
    expect(inEnglish(shell.body!.notice)).toBe("Your mentor profile is saved.");
    const page = await callRoute<HubData>(hub.loader, { request: get(saved.location!, mentor.cookie) });
    expect(page.body!.mentor.profile).toEqual({ capacity: 2, placesTaken: 0, active: true });
  });

  test("editing shows the saved profile rather than suggestions", async () => {
    const form = await openProfile(mentor.cookie);
    expect(form.body!.form).toMatchObject({ isNew: false, suggested: null });
    expect(form.body!.form!.defaults).toMatchObject({ capacity: "2", languages: "English, Irish", timeZone: "Europe/Dublin" });
  });
});

describe("validation", () => {
  const cases: { name: string; overrides: [string, string][]; strengths?: string[]; field: string; message: RegExp }[] = [
    { name: "capacity above five", overrides: [["capacity", "6"]], field: "capacity", message: /at most 5/ },
    { name: "capacity of zero", overrides: [["capacity", "0"]], field: "capacity", message: /at least 1/ },
    { name: "no strengths", overrides: [], strengths: [], field: "strengths", message: /at least 1 competency/ },
    { name: "an unknown strength", overrides: [], strengths: ["juggling"], field: "strengths[0]", message: /from the list/ },
    { name: "a short bio", overrides: [["bio", "Hi there"]], field: "bio", message: /at least 20/ },
    { name: "an unknown time zone", overrides: [["timeZone", "Mars/Olympus"]], field: "timeZone", message: /from the list/ },
    { name: "a bad work mode", overrides: [["workMode", "beach"]], field: "workMode", message: /work mode/ },
    { name: "no languages", overrides: [["languages", " , "]], field: "languages", message: /languages/ },
    { name: "too many languages", overrides: [["languages", "a, b, c, d, e, f, g"]], field: "languages", message: /at most 6/ },
    {
      name: "a language name too long",
      overrides: [["languages", `English, ${"x".repeat(31)}`]],
      field: "languages[1]",
      message: /under 30/,
    },
    { name: "availability too long", overrides: [["availability", "x".repeat(201)]], field: "availability", message: /under 200/ },
  ];
  test.each(cases)("$name is a 400 with a message on the field", async ({ overrides, strengths, field, message }) => {
    const result = await saveProfile(mentor.cookie, profileFields(overrides, strengths));
    expect(result.status).toBe(400);
    expect((result.body!.result!.error![field] ?? []).map(inEnglish).join(" ")).toMatch(message);
  });

  test("a body that isn't a form is a 400, not a crash", async () => {
    const request = new Request(new URL("/mentoring/profile", BASE_URL), {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=nope", Origin: BASE_URL, Cookie: mentor.cookie },
      body: "garbage",
    });
    expect((await callRoute(profilePage.action, { request })).status).toBe(400);
  });
});

describe("who may not mentor", () => {
  test("a new hire sees why instead of the form, and a post anyway is refused", async () => {
    const newHire = await person({ hireDate: new Date(Date.now() - 20 * DAY_MS) });
    const form = await openProfile(newHire.cookie);
    expect(form.body!.form).toBeNull();
    expect(inEnglish(form.body!.ineligible)).toMatch(/first 90 days/);
    const page = await callRoute<HubData>(hub.loader, { request: get("/mentoring", newHire.cookie) });
    expect(inEnglish(page.body!.mentor.ineligible)).toMatch(/first 90 days/);

    const result = await saveProfile(newHire.cookie, profileFields());
    expect(result.status).toBe(400);
    expect((result.body!.result!.error![""] ?? []).map(inEnglish).join(" ")).toMatch(/first 90 days/);
    expect(await prisma.mentorProfile.count({ where: { userId: newHire.id } })).toBe(0);
  });

  test("signed-out visitors are sent to sign in", async () => {
    const result = await callRoute(profilePage.loader, { request: get("/mentoring/profile") });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login/);
  });
});

describe("capacity and current mentees", () => {
  test("capacity can't go below the mentees a mentor already has, active or proposed", async () => {
    const busy = await person({ level: "senior-agent" });
    expect((await saveProfile(busy.cookie, profileFields([["capacity", "3"]]))).status).toBe(302);
    for (const status of ["active", "proposed", "ended"]) {
      const mentee = await createUser();
      await prisma.pairing.create({ data: { mentorId: busy.id, menteeId: mentee.id, source: "request", score: 50, status } });
    }
    const result = await saveProfile(busy.cookie, profileFields([["capacity", "1"]]));
    expect(result.status).toBe(400);
    expect((result.body!.result!.error!.capacity ?? []).map(inEnglish).join(" ")).toMatch(/already have 2 mentees/);
    expect((await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: busy.id } })).capacity).toBe(3);

    // Exactly the mentees they have is fine; the ended pairing doesn't count.
    expect((await saveProfile(busy.cookie, profileFields([["capacity", "2"]]))).status).toBe(302);
    const page = await callRoute<HubData>(hub.loader, { request: get("/mentoring", busy.cookie) });
    expect(page.body!.mentor.profile).toEqual({ capacity: 2, placesTaken: 2, active: true });
  });
});

describe("pausing", () => {
  test("a mentor pauses and resumes from the hub; editing while paused stays paused", async () => {
    const paused = await callRoute(hub.action, { request: post("/mentoring", { intent: "pause" }, mentor.cookie) });
    expect(paused.status).toBe(302);
    expect(paused.location).toBe("/mentoring?notice=paused");
    expect((await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } })).active).toBe(false);
    expect((await openProfile(mentor.cookie)).body!.form!.paused).toBe(true);

    expect((await saveProfile(mentor.cookie, profileFields())).status).toBe(302);
    expect((await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } })).active).toBe(false);

    const resumed = await callRoute(hub.action, { request: post("/mentoring", { intent: "resume" }, mentor.cookie) });
    expect(resumed.location).toBe("/mentoring?notice=resumed");
    expect((await prisma.mentorProfile.findUniqueOrThrow({ where: { userId: mentor.id } })).active).toBe(true);
  });

  test("pausing without a profile is a 404; an unknown intent is a 400", async () => {
    const nobody = await person();
    expect((await callRoute(hub.action, { request: post("/mentoring", { intent: "pause" }, nobody.cookie) })).status).toBe(404);
    expect((await callRoute(hub.action, { request: post("/mentoring", { intent: "explode" }, nobody.cookie) })).status).toBe(400);
  });
});
