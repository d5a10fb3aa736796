// Calibration sessions through the routes, on a real database: organising one, scoring blind,
// who may see what, closing, the results with disagreements first, and the agreed levels that
// make a criterion "needs human review" and send its conversations to the review queue.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { rubricsFor } from "~/content/practice.server.ts";
import { refreshCalibrationReminders } from "~/models/calibration.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import * as sessionPage from "~/routes/calibration+/$sessionId.tsx";
import * as scoring from "~/routes/calibration+/$sessionId_.conversations.$itemId.tsx";
import * as results from "~/routes/calibration+/$sessionId_.results.tsx";
import * as newSession from "~/routes/calibration+/new.tsx";
import * as reviewQueue from "~/routes/coaching+/reviews._index.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { bodyInEnglish } from "../support/english.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

const SLUG = "damaged-item-deadline";
const CRITERIA = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"];
const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

type Person = { id: string; cookie: string };
type AttemptPage = Awaited<ReturnType<typeof attemptPage.loader>>;
let organiser: Person;
let secondLead: Person;
let outsider: Person;
let agent: Person;
let attempts: string[];

let clock = Date.now() - 30 * 86_400_000;

/** A real graded conversation whose three empathy criteria the grader put at `levels`. */
async function empathyGraded(userId: string, levels: number[]) {
  const catalog = await getPracticeCatalog();
  const scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
  const messages = (JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SLUG}.json`, "utf8")) as { competent: string[] })
    .competent;
  const startedAt = new Date((clock += 3_600_000));
  await recordScriptedAttempt(userId, scenario, rubricsFor(catalog, scenario), { messages, seed: 3, startedAt, replySeconds: 40 });
  const attempt = await prisma.practiceAttempt.findFirstOrThrow({ where: { userId, startedAt }, select: { id: true } });
  for (const [index, criterionId] of CRITERIA.entries())
    await prisma.gradeCriterion.updateMany({ where: { grade: { attemptId: attempt.id }, criterionId }, data: { level: levels[index] } });
  return attempt.id;
}

async function person(role: "lead" | "admin" | "agent", teamId?: string): Promise<Person> {
  const user = await createUser({ role, teamId });
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
}

const scoreFields = (levels: (number | "na")[], comment = "") =>
  CRITERIA.flatMap((criterionId, index): [string, string][] => [
    [`scores[${index}].criterionId`, criterionId],
    [`scores[${index}].level`, String(levels[index])],
    [`scores[${index}].comment`, comment],
  ]);

async function createSession(raters: string[], extra: [string, string][] = []) {
  return callRoute(newSession.action, {
    request: post(
      "/calibration/new?rubric=empathy",
      [
        ["intent", "create"],
        ["rubric", "empathy"],
        ["title", "Empathy check"],
        ["mode", "chosen"],
        ...attempts.map((id): [string, string] => ["attemptIds", id]),
        ...raters.map((id): [string, string] => ["raterIds", id]),
        ["dueDate", nextWeek],
        ...extra,
      ],
      organiser.cookie,
    ),
  });
}

/** The session's items in the order of `attempts`. */
async function itemIds(sessionId: string) {
  const items = await prisma.calibrationItem.findMany({ where: { sessionId }, select: { id: true, attemptId: true } });
  return attempts.map((attemptId) => items.find((item) => item.attemptId === attemptId)!.id);
}

beforeAll(async () => {
  const { lead, members } = await createTeamWithLead({ memberCount: 2 });
  organiser = { id: lead.id, cookie: await sessionCookieFor(lead.id) };
  secondLead = await person("lead");
  outsider = await person("lead");
  agent = { id: members[0].id, cookie: await sessionCookieFor(members[0].id) };
  attempts = [await empathyGraded(members[0].id, [2, 2, 0]), await empathyGraded(members[1].id, [1, 1, 1])];
});

describe("organising a session", () => {
  test("refuses fewer than two raters and agents without a conversation of their own, with field messages", async () => {
    const tooFew = await createSession([secondLead.id]);
    expect(tooFew.status).toBe(400);
    expect(JSON.stringify(bodyInEnglish(tooFew.body))).toContain("Invite at least 2 people");

    const stranger = await person("agent");
    const agentElsewhere = await createSession([secondLead.id, stranger.id]);
    expect(agentElsewhere.status).toBe(400);
  });

  test("creates the session with the chosen conversations and invites the raters", async () => {
    const created = await createSession([organiser.id, secondLead.id]);
    expect(created.status).toBe(302);
    const sessionId = created.location!.split("/").pop()!;
    expect(await itemIds(sessionId)).toHaveLength(2);
    const invited = await prisma.notification.findMany({ where: { kind: "calibration-invited", link: `/calibration/${sessionId}` } });
    expect(invited.map((row) => row.userId).sort()).toEqual([organiser.id, secondLead.id].sort());
    // Out of the way of the session the next tests run: an open one would keep its conversations hidden from its raters.
    await prisma.calibrationSession.update({ where: { id: sessionId }, data: { closedAt: new Date() } });
  });
});

describe("scoring blind, closing and results", () => {
  let sessionId: string;
  let items: string[];

  beforeAll(async () => {
    const created = await createSession([organiser.id, secondLead.id]);
    sessionId = created.location!.split("/").pop()!;
    items = await itemIds(sessionId);
  });

  test("the scoring page shows the transcript but nothing of the automatic grade", async () => {
    const page = await callRoute(scoring.loader, {
      request: get(`/calibration/${sessionId}/conversations/${items[0]}`, secondLead.cookie),
      params: { sessionId, itemId: items[0] },
    });
    expect(page.status).toBe(200);
    const text = JSON.stringify(page.body);
    expect(text).not.toContain("Sorry");
    expect(text).not.toContain("overallScore");
    expect(text).not.toContain("evidence");
  });

  test("a rater who hasn't submitted sees the conversation's page without its grade or review", async () => {
    const page = await callRoute<AttemptPage>(attemptPage.loader, {
      request: get(`/practice/attempts/${attempts[0]}`, organiser.cookie),
      params: { attemptId: attempts[0] },
    });
    expect(page.body!.scoringBlind?.id).toBe(sessionId);
    expect(page.body!.grade).toBeNull();
    expect(page.body!.review).toBeNull();
    const override = await callRoute(attemptPage.action, {
      request: post(`/practice/attempts/${attempts[0]}`, { intent: "mark-reviewed" }, organiser.cookie),
      params: { attemptId: attempts[0] },
    });
    expect(override.status).toBe(409);
  });

  test("people not invited, and guessed ids, get a 404", async () => {
    for (const viewer of [outsider, agent]) {
      const page = await callRoute(sessionPage.loader, { request: get(`/calibration/${sessionId}`, viewer.cookie), params: { sessionId } });
      expect(page.status).toBe(404);
    }
    const guessed = await callRoute(scoring.loader, {
      request: get(`/calibration/${sessionId}/conversations/nope`, secondLead.cookie),
      params: { sessionId, itemId: "nope" },
    });
    expect(guessed.status).toBe(404);
  });

  test("a level outside the rubric is a 400 with a field message; scoring again replaces the score", async () => {
    const params = { sessionId, itemId: items[0] };
    const bad = await callRoute(scoring.action, {
      request: post("/x", [["intent", "score"], ...scoreFields([7, 1, "na"])], secondLead.cookie),
      params,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bodyInEnglish(bad.body))).toContain("Choose one of the levels");

    for (const levels of [
      [0, 0, 0],
      [1, 1, 0],
    ]) {
      const saved = await callRoute(scoring.action, {
        request: post("/x", [["intent", "score"], ...scoreFields(levels)], secondLead.cookie),
        params,
      });
      expect(saved.status).toBe(302);
    }
    const stored = await prisma.calibrationScore.findMany({ where: { itemId: items[0], rater: { userId: secondLead.id } } });
    expect(stored.map((row) => row.level).sort()).toEqual([0, 1, 1]);
  });

  test("results wait until the session closes; submitting needs every conversation scored", async () => {
    const early = await callRoute(results.loader, {
      request: get(`/calibration/${sessionId}/results`, organiser.cookie),
      params: { sessionId },
    });
    expect(early.status).toBe(302);
    const incomplete = await callRoute(sessionPage.action, {
      request: post("/x", { intent: "submit" }, secondLead.cookie),
      params: { sessionId },
    });
    expect(incomplete.status).toBe(400);

    await callRoute(scoring.action, {
      request: post("/x", [["intent", "score"], ...scoreFields([1, 1, 1])], secondLead.cookie),
      params: { sessionId, itemId: items[1] },
    });
    for (const [index, levels] of [
      [2, 2, 0],
      [1, 1, 1],
    ].entries())
      await callRoute(scoring.action, {
        request: post("/x", [["intent", "score"], ...scoreFields(levels)], organiser.cookie),
        params: { sessionId, itemId: items[index] },
      });
    const submitted = await callRoute(sessionPage.action, {
      request: post("/x", { intent: "submit" }, secondLead.cookie),
      params: { sessionId },
    });
    expect(submitted.status).toBe(302);
  });

  test("only the organiser closes it; everyone invited hears the results are ready", async () => {
    const notTheirs = await callRoute(sessionPage.action, {
      request: post("/x", { intent: "close" }, secondLead.cookie),
      params: { sessionId },
    });
    expect(notTheirs.status).toBe(404);
    const closed = await callRoute(sessionPage.action, {
      request: post("/x", { intent: "close" }, organiser.cookie),
      params: { sessionId },
    });
    expect(closed.status).toBe(302);
    const graded = await callRoute<AttemptPage>(attemptPage.loader, {
      request: get(`/practice/attempts/${attempts[0]}`, organiser.cookie),
      params: { attemptId: attempts[0] },
    });
    expect(graded.body!.scoringBlind).toBeNull();
    expect(graded.body!.grade).not.toBeNull();
    const told = await prisma.notification.findMany({ where: { kind: "calibration-results", link: `/calibration/${sessionId}/results` } });
    expect(told.map((row) => row.userId).sort()).toEqual([organiser.id, secondLead.id].sort());

    const late = await callRoute(scoring.action, {
      request: post("/x", [["intent", "score"], ...scoreFields([2, 2, 2])], secondLead.cookie),
      params: { sessionId, itemId: items[0] },
    });
    expect(late.status).toBe(400);
    expect(JSON.stringify(bodyInEnglish(late.body))).toContain("This session has closed");
  });

  test("results put the conversation with disagreements first, with each rater's kappa", async () => {
    type Results = Awaited<ReturnType<typeof results.loader>>;
    const page = await callRoute<Results>(results.loader, {
      request: get(`/calibration/${sessionId}/results`, secondLead.cookie),
      params: { sessionId },
    });
    expect(page.status).toBe(200);
    const body = page.body!;
    expect(body.items[0].id).toBe(items[0]);
    expect(body.items[0].disagreements).toBeGreaterThan(0);
    expect(body.items[1].disagreements).toBe(0);
    const reaction = body.criteria.find((criterion) => criterion.criterionId === CRITERIA[0])!;
    expect(reaction.judged).toBe(2);
    expect(reaction.raters).toHaveLength(2);
    expect(reaction.raters.find((rater) => rater.name && rater.kappa)!.kappa!.count).toBe(2);
  });

  test("the language model's second opinion takes part as one more rater", async () => {
    await prisma.practiceGrade.updateMany({ where: { attemptId: { in: attempts } }, data: { opinionModel: "house-model" } });
    await prisma.gradeCriterion.updateMany({
      where: { grade: { attemptId: { in: attempts } } },
      data: { opinionLevel: 1, opinionTurn: 1, opinionQuote: "Sorry" },
    });
    type Results = Awaited<ReturnType<typeof results.loader>>;
    const page = await callRoute<Results>(results.loader, {
      request: get(`/calibration/${sessionId}/results`, organiser.cookie),
      params: { sessionId },
    });
    const reaction = page.body!.criteria.find((criterion) => criterion.criterionId === CRITERIA[0])!;
    const model = reaction.raters.find((rater) => rater.name === "Language model (house-model)");
    expect(model?.kappa?.count).toBe(2);
    await prisma.practiceGrade.updateMany({ where: { attemptId: { in: attempts } }, data: { opinionModel: null } });
    await prisma.gradeCriterion.updateMany({
      where: { grade: { attemptId: { in: attempts } } },
      data: { opinionLevel: null, opinionTurn: null, opinionQuote: null },
    });
  });

  test("agreed levels below the grader make the criterion need review and send its conversations to the queue", async () => {
    await prisma.graderSettings.upsert({
      where: { id: 1 },
      create: { id: 1, minKappa: 0.4, minJudged: 2 },
      update: { minKappa: 0.4, minJudged: 2 },
    });
    for (const [index, levels] of [
      [0, 2, 0],
      [0, 1, 1],
    ].entries()) {
      const saved = await callRoute(results.action, {
        request: post("/x", [["intent", "benchmark"], ["itemId", items[index]], ...scoreFields(levels)], organiser.cookie),
        params: { sessionId },
      });
      expect(saved.status).toBe(302);
    }
    const flagged = await prisma.criterionReviewRule.findMany();
    expect(flagged.map((row) => row.criterionId)).toContain(CRITERIA[0]);

    type Queue = Awaited<ReturnType<typeof reviewQueue.loader>>;
    const queue = await callRoute<Queue>(reviewQueue.loader, { request: get("/coaching/reviews?show=provisional", organiser.cookie) });
    expect(queue.body!.rows.map((row) => row.id).sort()).toEqual([...attempts].sort());
    expect(queue.body!.rows.every((row) => row.provisional)).toBe(true);
  });

  test("only the organiser records agreed levels", async () => {
    const refused = await callRoute(results.action, {
      request: post("/x", [["intent", "benchmark"], ["itemId", items[0]], ...scoreFields([2, 2, 2])], secondLead.cookie),
      params: { sessionId },
    });
    expect(refused.status).toBe(404);
  });
});

describe("reminders", () => {
  async function sessionDue(dueAt: Date) {
    return prisma.calibrationSession.create({
      data: {
        title: "Reminder check",
        rubricId: "empathy",
        dueAt,
        organiserId: organiser.id,
        items: { create: attempts.map((attemptId, position) => ({ attemptId, position })) },
        raters: { create: [{ userId: secondLead.id }] },
      },
      select: { id: true },
    });
  }

  test("a rater who hasn't submitted is reminded once when the deadline is two days off", async () => {
    const now = new Date("2030-01-10T09:00:00Z");
    const { id } = await sessionDue(new Date("2030-01-11T00:00:00Z"));
    await refreshCalibrationReminders(secondLead.id, now);
    await refreshCalibrationReminders(secondLead.id, now);
    expect(await prisma.notification.count({ where: { userId: secondLead.id, kind: "calibration-due", link: `/calibration/${id}` } })).toBe(
      1,
    );
    await prisma.calibrationSession.update({ where: { id }, data: { closedAt: now } });
  });

  test("once the due day has passed the session closes and everyone hears the results are ready", async () => {
    const { id } = await sessionDue(new Date("2020-01-11T00:00:00Z"));
    await refreshCalibrationReminders(secondLead.id, new Date("2020-01-12T08:00:00Z"));
    const session = await prisma.calibrationSession.findUniqueOrThrow({ where: { id } });
    expect(session.closedAt?.toISOString()).toBe("2020-01-11T23:59:59.999Z");
    const told = await prisma.notification.findMany({ where: { kind: "calibration-results", link: `/calibration/${id}/results` } });
    expect(told.map((row) => row.userId).sort()).toEqual([organiser.id, secondLead.id].sort());
  });
});
