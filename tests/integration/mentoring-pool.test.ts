// The admin's whole-pool matching through its route: the optimised preview, adjusting and
// re-scoring it, publishing (and the refusals), and that only admins may do any of it.
import { beforeAll, describe, expect, test } from "vitest";
import { getMentoringContent } from "~/content/mentoring.server.ts";
import { optimisePool } from "~/engine/matching/optimise.ts";
import { loadMatchingPool } from "~/models/matching-pool.server.ts";
import { saveMenteeRequest } from "~/models/mentee-request.server.ts";
import { saveMentorProfile } from "~/models/mentor-profile.server.ts";
import * as root from "~/root.tsx";
import * as poolPage from "~/routes/admin+/mentoring.tsx";
import { prisma } from "~/utils/db.server.ts";
import type { Level } from "../../app/domain/people.ts";
import { createTeamWithLead, createUser, type UserOverrides } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type PoolData = Awaited<ReturnType<typeof poolPage.loader>>;
type Preview = {
  rows: {
    menteeId: string;
    mentee: string;
    mentorId: string | null;
    score: { total: number; parts: { explanation: string }[] } | null;
    problem: string | null;
  }[];
  total: number;
  pairs: number;
  unmatched: string[];
  mentors: { value: string; label: string }[];
};
type ActionReply = { preview?: Preview; result?: { error?: Record<string, string[] | null> } };

async function mentor(overrides: UserOverrides, capacity: number) {
  const user = await createUser({ level: "senior-agent", ...overrides });
  await saveMentorProfile(user.id, {
    capacity,
    strengths: ["empathy", "communication"],
    bio: "Long-time agent who enjoys helping newer colleagues.",
    languages: ["English"],
    availability: "Wednesdays",
    timeZone: user.timeZone,
    workMode: "remote",
  });
  return user;
}

async function mentee(overrides: UserOverrides = {}, targetLevel: Level = "agent-2") {
  const user = await createUser({ level: "agent-1", ...overrides });
  await saveMenteeRequest(user.id, { goals: "Get better at calming upset customers.", targetLevel, focus: ["empathy"], preferences: "" });
  return user;
}

function callPool(fields: Record<string, string>, cookie: string) {
  return callRoute<ActionReply>(poolPage.action, { request: post("/admin/mentoring", fields, cookie) });
}

/** The preview form's fields for a choice, as the browser submits the table with the pressed button's step. */
function choiceFields(step: "preview" | "publish", choices: { menteeId: string; mentorId: string | null }[]): Record<string, string> {
  return Object.fromEntries([
    ["intent", "choice"],
    ["step", step],
    ...choices.flatMap((choice, index) => [
      [`choices[${index}].menteeId`, choice.menteeId],
      [`choices[${index}].mentorId`, choice.mentorId ?? ""],
    ]),
  ]);
}

let adminCookie: string;
let oneSeat: Awaited<ReturnType<typeof mentor>>;
let twoSeats: Awaited<ReturnType<typeof mentor>>;
let teamLead: { id: string };
let mentees: { id: string; name: string }[];
let report: { id: string };

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await createUser({ role: "admin" })).id);
  oneSeat = await mentor({ name: "Omar One-Seat", timeZone: "Europe/London" }, 1);
  twoSeats = await mentor({ name: "Tara Two-Seats", timeZone: "Asia/Tokyo" }, 2);
  const team = await createTeamWithLead({ memberCount: 0 });
  teamLead = team.lead;
  await saveMentorProfile(team.lead.id, {
    capacity: 2,
    strengths: ["leadership"],
    bio: "I lead a team and like to talk about it.",
    languages: ["English"],
    availability: "Fridays",
    timeZone: "Europe/London",
    workMode: "remote",
  });
  report = await mentee({ name: "Rita Report", teamId: team.team.id });
  mentees = [
    await mentee({ name: "Ali Agent" }),
    await mentee({ name: "Bea Agent", timeZone: "Asia/Tokyo" }),
    await mentee({ name: "Cy Agent" }, "team-lead"),
    report as { id: string; name: string },
  ];
});

describe("the optimised preview", () => {
  test("the loader counts who is waiting and the free places", async () => {
    const page = await callRoute<PoolData>(poolPage.loader, { request: get("/admin/mentoring", adminCookie) });
    expect(page.body!.counts).toEqual({ openRequests: 4, mentorsWithPlaces: 3, placesFree: 5 });
    expect(page.body!.pairings).toEqual({ page: 1, total: 0, rows: [] });
  });

  test("its total is the sum of its pairs and matches the exact optimiser", async () => {
    const reply = await callPool({ intent: "optimise" }, adminCookie);
    expect(reply.status).toBe(200);
    const preview = reply.body!.preview!;
    expect(preview.rows.map((row) => row.mentee)).toEqual(["Ali Agent", "Bea Agent", "Cy Agent", "Rita Report"]);
    expect(preview.rows.every((row) => row.problem === null)).toBe(true);
    const sum = preview.rows.reduce((total, row) => total + (row.score?.total ?? 0), 0);
    expect(preview.total).toBeCloseTo(sum, 2);

    const now = new Date();
    const pool = await loadMatchingPool((await getMentoringContent()).measure, { unpairedOnly: true });
    const optimum = optimisePool(pool.mentees, pool.mentors, now);
    expect(preview.total).toBeCloseTo(optimum.total, 2);
    expect(preview.pairs).toBe(optimum.pairs.length);
    // Every pair is explained part by part, and nobody is paired with their own lead.
    for (const row of preview.rows.filter((candidate) => candidate.score)) expect(row.score!.parts).toHaveLength(5);
    expect(preview.rows.find((row) => row.menteeId === report.id)!.mentorId).not.toBe(teamLead.id);
    expect(preview.mentors.map((option) => option.value).sort()).toEqual([oneSeat.id, twoSeats.id, teamLead.id].sort());
  });
});

describe("adjusting and publishing", () => {
  test("an over-capacity or own-lead choice shows the problem per row, and publishing it is refused", async () => {
    const choices = [
      { menteeId: mentees[0].id, mentorId: oneSeat.id },
      { menteeId: mentees[1].id, mentorId: oneSeat.id },
      { menteeId: mentees[2].id, mentorId: null },
      { menteeId: report.id, mentorId: teamLead.id },
    ];
    const rescored = await callPool(choiceFields("preview", choices), adminCookie);
    expect(rescored.status).toBe(200);
    const rows = rescored.body!.preview!.rows;
    expect(rows[0].problem).toBeNull();
    expect(inEnglish(rows[1].problem)).toMatch(/no capacity left \(1 of 1 places taken\)/);
    expect(rows[2]).toMatchObject({ mentorId: null, problem: null, score: null });
    expect(inEnglish(rows[3].problem)).toMatch(/own lead/);
    expect(rescored.body!.preview!.unmatched).toEqual(["Cy Agent"]);
    // Only the sound pair counts towards the total.
    expect(rescored.body!.preview!.total).toBe(rows[0].score!.total);

    const refused = await callPool(choiceFields("publish", choices), adminCookie);
    expect(refused.status).toBe(400);
    expect((refused.body!.result!.error![""] ?? []).map(inEnglish).join(" ")).toMatch(/Nothing was published\. .*no capacity left/);
    expect(inEnglish(refused.body!.preview!.rows[1].problem)).toMatch(/no capacity left/);
    expect(await prisma.pairing.count()).toBe(0);
  });

  test("a tampered form is a 400, not a crash", async () => {
    expect((await callPool({ intent: "choice", step: "publish" }, adminCookie)).status).toBe(400);
    expect((await callPool({ intent: "reticulate" }, adminCookie)).status).toBe(400);
    const twice = await callPool(
      choiceFields("preview", [
        { menteeId: mentees[0].id, mentorId: oneSeat.id },
        { menteeId: mentees[0].id, mentorId: twoSeats.id },
      ]),
      adminCookie,
    );
    expect(inEnglish(twice.body!.preview!.rows[1].problem)).toMatch(/already in the list/);
  });

  test("publishing proposes every pair, notifies both people and is recorded", async () => {
    const choices = [
      { menteeId: mentees[0].id, mentorId: oneSeat.id },
      { menteeId: mentees[1].id, mentorId: twoSeats.id },
      { menteeId: mentees[2].id, mentorId: null },
      { menteeId: report.id, mentorId: twoSeats.id },
    ];
    const published = await callPool(choiceFields("publish", choices), adminCookie);
    expect(published.status, JSON.stringify(published.body)).toBe(302);
    expect(published.location).toBe("/admin/mentoring?notice=pool-published&count=3");

    const pairings = await prisma.pairing.findMany({ select: { id: true, menteeId: true, mentorId: true, status: true, source: true } });
    expect(pairings).toHaveLength(3);
    expect(pairings.every((pairing) => pairing.status === "proposed" && pairing.source === "pool")).toBe(true);
    for (const pairing of pairings) {
      const link = `/mentoring/pairings/${pairing.id}`;
      expect(await prisma.notification.count({ where: { userId: pairing.mentorId, link } })).toBe(1);
      expect(await prisma.notification.count({ where: { userId: pairing.menteeId, link } })).toBe(1);
    }
    expect(await prisma.auditEvent.count({ where: { action: "mentoring.pool-published" } })).toBe(1);

    const shell = await callRoute<{ notice: string | null }>(root.loader, { request: get(published.location!, adminCookie) });
    expect(inEnglish(shell.body!.notice)).toMatch(/^Published 3 pairs\./);
    const page = await callRoute<PoolData>(poolPage.loader, { request: get(published.location!, adminCookie) });
    expect(page.body!.counts).toMatchObject({ openRequests: 1 });
    expect(page.body!.pairings.total).toBe(3);
    expect(page.body!.pairings.rows.map((row) => [row.mentee, row.mentor, row.status]).sort()).toEqual(
      [
        ["Ali Agent", oneSeat.name, "proposed"],
        ["Bea Agent", twoSeats.name, "proposed"],
        ["Rita Report", twoSeats.name, "proposed"],
      ].sort(),
    );

    // The same publication again finds those people already proposed for.
    const again = await callPool(choiceFields("publish", choices), adminCookie);
    expect(again.status).toBe(400);
    expect(await prisma.pairing.count()).toBe(3);
  });
});

describe("authorization", () => {
  test("agents and leads get a 403 on the page and every action", async () => {
    const agentCookie = await sessionCookieFor((await createUser()).id);
    const leadCookie = await sessionCookieFor(teamLead.id);
    const choice = [{ menteeId: mentees[2].id, mentorId: oneSeat.id }];
    const submissions = [{ intent: "optimise" }, choiceFields("preview", choice), choiceFields("publish", choice)];
    for (const cookie of [agentCookie, leadCookie]) {
      expect((await callRoute(poolPage.loader, { request: get("/admin/mentoring", cookie) })).status).toBe(403);
      for (const fields of submissions) expect((await callPool(fields, cookie)).status).toBe(403);
    }
    expect(await prisma.pairing.count({ where: { menteeId: mentees[2].id } })).toBe(0);
  });
});
