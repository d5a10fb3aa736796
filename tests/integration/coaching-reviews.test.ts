// Reviews and disputes through the routes, as the server runs them: the review
// queue and who sees what in it, overrides (both levels kept, score and result
// re-computed, audited), turn comments, marking reviewed and acknowledging,
// disputes and their answers, and every action refused outside the viewer's scope.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt, startAttempt } from "~/models/practice.server.ts";
import * as reviewQueue from "~/routes/coaching+/reviews._index.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, get, loginRedirectTarget, post, sessionCookieFor } from "./request.ts";

type QueueData = Awaited<ReturnType<typeof reviewQueue.loader>>;
type AttemptData = Awaited<ReturnType<typeof attemptPage.loader>>;
type FormReply = {
  intent: string;
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
};

const SLUG = "damaged-item-deadline";
const OTHER_SLUG = "late-delivery";
const REACTION = "empathy.emotional-reaction";
const RUDENESS = "critical.no-rudeness";

type Script = { competent: string[]; poor: string[] };
const scripts = (slug: string) => JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${slug}.json`, "utf8")) as Script;

let scenarios: Map<string, { scenario: Scenario; rubrics: Rubric[] }>;
let clock = Date.now() - 300 * DAY_MS;

beforeAll(async () => {
  const catalog = await getPracticeCatalog();
  scenarios = new Map(
    [SLUG, OTHER_SLUG].map((slug) => {
      const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug)!;
      return [slug, { scenario, rubrics: rubricsFor(catalog, scenario) }];
    }),
  );
});

/** Stores a whole graded conversation for the person, each one later than the last; returns its id. */
async function graded(
  userId: string,
  { script = "competent", slug = SLUG }: { script?: keyof Script; slug?: string } = {},
): Promise<string> {
  const { scenario, rubrics } = scenarios.get(slug)!;
  clock += 60 * 60 * 1000;
  const startedAt = new Date(clock);
  await recordScriptedAttempt(userId, scenario, rubrics, { messages: scripts(slug)[script], seed: 7, startedAt, replySeconds: 40 });
  const attempt = await prisma.practiceAttempt.findFirstOrThrow({ where: { userId, startedAt }, select: { id: true } });
  return attempt.id;
}

async function withCookie<T extends { id: string }>(user: T) {
  return { user, cookie: await sessionCookieFor(user.id) };
}

/** A lead, two agents on their team, and sessions for all three. */
async function team() {
  const { lead, members, team } = await createTeamWithLead({ memberCount: 2 });
  return { team, lead: await withCookie(lead), agent: await withCookie(members[0]), teammate: await withCookie(members[1]) };
}

const attemptUrl = (id: string) => `/practice/attempts/${id}`;

function act(id: string, cookie: string, fields: Record<string, string>) {
  return callRoute<FormReply & { message?: string }>(attemptPage.action, {
    request: post(attemptUrl(id), fields, cookie),
    params: { attemptId: id },
  });
}

function load(id: string, cookie: string) {
  return callRoute<AttemptData>(attemptPage.loader, { request: get(attemptUrl(id), cookie), params: { attemptId: id } });
}

function queue(cookie: string, query = "") {
  return callRoute<QueueData>(reviewQueue.loader, { request: get(`/coaching/reviews${query}`, cookie) });
}

const criterion = (attemptId: string, criterionId: string) =>
  prisma.gradeCriterion.findFirstOrThrow({ where: { criterionId, grade: { attemptId } } });

const gradeOf = (attemptId: string) => prisma.practiceGrade.findUniqueOrThrow({ where: { attemptId }, include: { criteria: true } });

/** The grader's rule, written out independently: weighted share of final levels over applicable, non-critical criteria. */
function expectedScore(
  rows: { weight: number; critical: boolean; applicable: boolean; level: number; maxLevel: number; overrideLevel: number | null }[],
) {
  const scored = rows.filter((row) => row.applicable && !row.critical && row.weight > 0);
  const total = scored.reduce((sum, row) => sum + row.weight, 0);
  return Math.round((scored.reduce((sum, row) => sum + row.weight * ((row.overrideLevel ?? row.level) / row.maxLevel), 0) / total) * 100);
}

/** Everything a review can change on an attempt, to show a refused request changed nothing. */
async function snapshot(attemptId: string) {
  const attempt = await prisma.practiceAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { comments: true, grade: { include: { criteria: { include: { disputes: true }, orderBy: { id: "asc" } } } } },
  });
  const audits = await prisma.auditEvent.count({ where: { targetId: attempt.grade!.id } });
  const notifications = await prisma.notification.count({ where: { userId: attempt.userId } });
  return { attempt, audits, notifications };
}

describe("the review queue", () => {
  test("sends an anonymous visitor to log in, and refuses agents with a 403", async () => {
    const anonymous = await callRoute(reviewQueue.loader, { request: get("/coaching/reviews") });
    expect(anonymous.status).toBe(302);
    expect(loginRedirectTarget(anonymous.location).pathname).toBe("/login");
    const { agent } = await team();
    expect((await queue(agent.cookie)).status).toBe(403);
  });

  test("a lead sees only their team's graded attempts, never their own, other teams' or unfinished ones", async () => {
    const mine = await team();
    const other = await team();
    const a = await graded(mine.agent.user.id);
    const b = await graded(mine.teammate.user.id, { script: "poor" });
    await graded(mine.lead.user.id);
    await graded(other.agent.user.id);
    await startAttempt(mine.agent.user.id, scenarios.get(SLUG)!.scenario);

    const result = await queue(mine.lead.cookie, "?show=all");
    expect(result.status).toBe(200);
    expect(result.body!.rows.map((row) => row.id)).toEqual([b, a]);
    expect(result.body!.total).toBe(2);
    expect(result.body!.agents.map((agent) => agent.value).sort()).toEqual([mine.agent.user.id, mine.teammate.user.id].sort());
  });

  test("an admin sees every team's attempts, but not their own", async () => {
    const admin = await withCookie(await createUser({ role: "admin" }));
    const one = await team();
    const two = await team();
    const ids = [await graded(one.agent.user.id), await graded(two.agent.user.id)];
    const own = await graded(admin.user.id);
    const result = await queue(admin.cookie, "?show=all");
    expect(result.status).toBe(200);
    const listed = result.body!.rows.map((row) => row.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(listed).not.toContain(own);
  });

  test("shows what needs review by default, newest first, with the row's status", async () => {
    const { lead, agent, teammate } = await team();
    const older = await graded(agent.user.id, { script: "poor" });
    const reviewed = await graded(teammate.user.id);
    const newer = await graded(agent.user.id);
    await prisma.practiceAttempt.update({ where: { id: reviewed }, data: { reviewedAt: new Date(), reviewedById: lead.user.id } });

    const result = await queue(lead.cookie);
    expect(result.body!.view).toBe("needs-review");
    expect(result.body!.rows.map((row) => row.id)).toEqual([newer, older]);
    const poor = result.body!.rows.find((row) => row.id === older)!;
    expect(poor).toMatchObject({
      agent: agent.user.name,
      scenario: scenarios.get(SLUG)!.scenario.title,
      reviewed: false,
      passed: false,
      openDisputes: 0,
    });
    expect(poor.score).toBe((await gradeOf(older)).overallScore);

    const all = await queue(lead.cookie, "?show=all");
    expect(all.body!.rows.map((row) => row.id)).toEqual([newer, reviewed, older]);
    expect(all.body!.rows.find((row) => row.id === reviewed)).toMatchObject({ reviewed: true, acknowledged: false });
    // An empty value means the default, as a GET form sends it.
    expect((await queue(lead.cookie, "?show=&scenario=&agent=")).body!.rows.map((row) => row.id)).toEqual([newer, older]);
  });

  test("filters by below the pass mark, open disputes, scenario and agent", async () => {
    const { lead, agent, teammate } = await team();
    const passing = await graded(agent.user.id);
    const failing = await graded(teammate.user.id, { script: "poor" });
    const elsewhere = await graded(agent.user.id, { slug: OTHER_SLUG });
    const disputed = await graded(teammate.user.id);
    const row = await criterion(disputed, REACTION);
    await prisma.dispute.create({
      data: { gradeCriterionId: row.id, agentId: teammate.user.id, comment: "I acknowledged her feelings in my first reply." },
    });
    const answered = await criterion(passing, REACTION);
    await prisma.dispute.create({
      data: {
        gradeCriterionId: answered.id,
        agentId: agent.user.id,
        comment: "An old dispute, answered.",
        status: "rejected",
        answer: "The level stands.",
      },
    });

    const ids = async (query: string) => (await queue(lead.cookie, query)).body!.rows.map((entry) => entry.id);
    expect((await gradeOf(passing)).passed).toBe(true);
    expect(await ids("?show=below-pass")).toEqual(expect.arrayContaining([failing]));
    expect(await ids("?show=below-pass")).not.toContain(passing);
    expect(await ids("?show=disputed")).toEqual([disputed]);
    const disputedRow = (await queue(lead.cookie, "?show=disputed")).body!.rows[0];
    expect(disputedRow.openDisputes).toBe(1);
    expect(await ids(`?show=all&scenario=${OTHER_SLUG}`)).toEqual([elsewhere]);
    expect(await ids(`?show=all&agent=${teammate.user.id}`)).toEqual([disputed, failing]);
    expect(await ids(`?show=all&agent=${agent.user.id}&scenario=${SLUG}`)).toEqual([passing]);
  });

  test("filtering by someone outside the lead's teams shows nothing", async () => {
    const mine = await team();
    const other = await team();
    await graded(mine.agent.user.id);
    await graded(other.agent.user.id);
    const result = await queue(mine.lead.cookie, `?show=all&agent=${other.agent.user.id}`);
    expect(result.status).toBe(200);
    expect(result.body!.rows).toEqual([]);
    expect(result.body!.total).toBe(0);
  });

  test("pages through a long queue", async () => {
    const { lead, agent } = await team();
    const ids: string[] = [];
    for (let i = 0; i < 26; i++) ids.push(await graded(agent.user.id));
    const first = await queue(lead.cookie);
    expect(first.body!.total).toBe(ids.length);
    expect(first.body!.rows).toHaveLength(25);
    const second = await queue(lead.cookie, "?page=2");
    expect(second.body!.rows.map((row) => row.id)).toEqual(ids.slice(0, ids.length - 25).reverse());
  });

  test.each([
    ["show", "?show=everything"],
    ["page", "?page=0"],
  ])("a bad %s is a 400 naming it", async (name, query) => {
    const { lead } = await team();
    const result = await queue(lead.cookie, query);
    expect(result.status).toBe(400);
    expect((result.body as unknown as { message: string }).message).toContain(name);
  });
});

describe("overriding a criterion", () => {
  test("without a reason is a 400 on the reason, the form comes back filled, and nothing changes", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const before = await snapshot(id);
    for (const reason of [undefined, "", "meh"]) {
      const result = await act(id, lead.cookie, {
        intent: "override",
        criterionId: REACTION,
        level: "0",
        ...(reason === undefined ? {} : { reason }),
      });
      expect(result.status).toBe(400);
      expect(result.body!.intent).toBe("override");
      expect(inEnglish(result.body!.result.error!.reason![0])).toMatch(reason === "meh" ? /at least 5 characters/ : /Say why/);
      expect(result.body!.result.initialValue).toMatchObject({ criterionId: REACTION, level: "0" });
    }
    expect(await snapshot(id)).toEqual(before);
  });

  test("keeps the automatic level, stores the final one, re-scores the grade and audits it", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const before = await gradeOf(id);
    expect(before.passed).toBe(true);
    const automatic = before.criteria.find((row) => row.criterionId === REACTION)!;
    expect(automatic.level).toBe(2);

    const reason = "The first reply apologised, but it read as scripted rather than as a real reaction.";
    const result = await act(id, lead.cookie, { intent: "override", criterionId: REACTION, level: "0", reason });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${attemptUrl(id)}#criterion-${REACTION}`);

    const after = await gradeOf(id);
    const row = after.criteria.find((entry) => entry.criterionId === REACTION)!;
    expect(row).toMatchObject({
      level: 2,
      score: automatic.score,
      label: automatic.label,
      overrideLevel: 0,
      overrideReason: reason,
      overriddenById: lead.user.id,
    });
    expect(row.overriddenAt).toBeInstanceOf(Date);
    expect(after.overallScore).toBe(expectedScore(after.criteria));
    expect(after.overallScore).toBeLessThan(before.overallScore);
    expect(after.passed).toBe(after.overallScore >= scenarios.get(SLUG)!.scenario.passScore);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetType: "grade", targetId: after.id } });
    expect(audit).toMatchObject({ action: "grade.overridden", actorId: lead.user.id });
    expect(inEnglish(audit.summary)).toContain(agent.user.name);
    expect(JSON.parse(audit.details)).toMatchObject({
      attemptId: id,
      criterionId: REACTION,
      automaticLevel: 2,
      from: 2,
      to: 0,
      reason,
      score: { from: before.overallScore, to: after.overallScore },
      passed: { from: true, to: after.passed },
    });

    // The agent sees both levels and the reason; the score uses the final one.
    const page = await load(id, agent.cookie);
    const shown = page.body!.grade!.criteria.find((entry) => entry.id === REACTION)!;
    expect(shown).toMatchObject({ level: 2, finalLevel: 0, overridden: true, label: automatic.label });
    expect(shown.finalLabel).not.toBe(automatic.label);
    expect(page.body!.grade!.overallScore).toBe(after.overallScore);
    expect(page.body!.review!.criteria[REACTION].override).toMatchObject({ reason, by: lead.user.name });
    expect(page.body!.review!.canReview).toBe(false);
    expect(page.body!.review!.criteria[REACTION].choices).toEqual([]);
  });

  test("overriding a critical criterion to a failure fails the attempt; overriding it back passes it again", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    expect(
      await act(id, lead.cookie, {
        intent: "override",
        criterionId: RUDENESS,
        level: "0",
        reason: "Calling the customer's question silly is rude.",
      }),
    ).toMatchObject({ status: 302 });
    let grade = await gradeOf(id);
    expect(grade.passed).toBe(false);
    expect(JSON.parse(grade.criticalFailures)).toEqual([RUDENESS]);
    expect((await load(id, lead.cookie)).body!.grade!.criticalFailures).toHaveLength(1);

    expect(
      await act(id, lead.cookie, {
        intent: "override",
        criterionId: RUDENESS,
        level: "2",
        reason: "On reflection it was a joke the customer shared.",
      }),
    ).toMatchObject({ status: 302 });
    grade = await gradeOf(id);
    expect(grade.passed).toBe(true);
    expect(JSON.parse(grade.criticalFailures)).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { targetId: grade.id, action: "grade.overridden" } })).toBe(2);
  });

  test.each([
    ["above the criterion's highest level", REACTION, "3", "Choose one of this criterion's levels"],
    ["beyond any level", REACTION, "9", "Choose one of this criterion's levels"],
    ["not a number", REACTION, "strong", "Choose a level"],
    ["missing", REACTION, "", "Choose a level"],
    ["one the rubric does not define (critical criteria have 0 and 2)", RUDENESS, "1", "Choose one of this criterion's levels"],
    ["the level that already counts", REACTION, "2", "already the level"],
  ])("a level %s is a 400 on the level and nothing changes", async (_name, criterionId, level, message) => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const before = await snapshot(id);
    const result = await act(id, lead.cookie, { intent: "override", criterionId, level, reason: "A perfectly good reason." });
    expect(result.status).toBe(400);
    expect(inEnglish(result.body!.result.error!.level![0])).toContain(message);
    expect(result.body!.result.initialValue).toMatchObject({ reason: "A perfectly good reason." });
    expect(await snapshot(id)).toEqual(before);
  });

  test("a criterion that didn't apply can't be overridden", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    // Reply time, for instance, doesn't apply when no reply times were recorded.
    const notApplicable = await prisma.gradeCriterion.update({
      where: { id: (await criterion(id, "efficiency.reply-time")).id },
      data: { applicable: false, level: 0 },
    });
    const before = await snapshot(id);
    const result = await act(id, lead.cookie, {
      intent: "override",
      criterionId: notApplicable.criterionId,
      level: "2",
      reason: "A perfectly good reason.",
    });
    expect(result.status).toBe(400);
    expect(inEnglish(result.body!.result.error![""]![0])).toContain("didn't apply");
    expect(await snapshot(id)).toEqual(before);
    const disputed = await act(id, agent.cookie, {
      intent: "dispute",
      criterionId: notApplicable.criterionId,
      comment: "My replies were quick.",
    });
    expect(disputed.status).toBe(400);
    expect(inEnglish(disputed.body!.result.error![""]![0])).toContain("didn't apply");
  });

  test("an unknown criterion is a 404", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    expect(
      (await act(id, lead.cookie, { intent: "override", criterionId: "empathy.telepathy", level: "1", reason: "A perfectly good reason." }))
        .status,
    ).toBe(404);
  });

  test("the reviewer's page offers the rubric's levels for each criterion", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const page = await load(id, lead.cookie);
    expect(page.body!.review!.canReview).toBe(true);
    expect(page.body!.review!.criteria[RUDENESS].choices.map((choice) => choice.level)).toEqual([0, 2]);
    expect(page.body!.review!.criteria[REACTION].choices.map((choice) => choice.level)).toEqual([0, 1, 2]);
    expect(page.body!.review!.turnOptions.length).toBe(page.body!.turns.length);
  });
});

describe("comments", () => {
  test("on a turn and on the whole conversation are stored and shown to the agent", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const onTurn = await act(id, lead.cookie, {
      intent: "comment",
      turnIndex: "1",
      body: "Great opener: you named her deadline straight away.",
    });
    expect(onTurn.status).toBe(302);
    expect(onTurn.location).toBe(`${attemptUrl(id)}#turn-1`);
    const general = await act(id, lead.cookie, {
      intent: "comment",
      turnIndex: "",
      body: "Solid overall. Next time, confirm the replacement date in writing.",
    });
    expect(general.status).toBe(302);

    const stored = await prisma.reviewComment.findMany({ where: { attemptId: id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((comment) => [comment.turnIndex, comment.authorId])).toEqual([
      [1, lead.user.id],
      [null, lead.user.id],
    ]);
    const page = await load(id, agent.cookie);
    expect(page.body!.turnComments[1]).toEqual([
      expect.objectContaining({ author: lead.user.name, body: "Great opener: you named her deadline straight away." }),
    ]);
    expect(page.body!.review!.generalComments).toEqual([
      expect.objectContaining({ body: "Solid overall. Next time, confirm the replacement date in writing." }),
    ]);
  });

  test.each([
    ["a turn that doesn't exist", { turnIndex: "99", body: "Nice." }, "turnIndex", "Choose a message"],
    ["a negative turn", { turnIndex: "-1", body: "Nice." }, "turnIndex", "Choose a turn"],
    ["an empty comment", { turnIndex: "1", body: "   " }, "body", "Write a comment"],
    ["a comment over 2,000 characters", { turnIndex: "1", body: "x".repeat(2001) }, "body", "2,000"],
  ])("%s is a 400 on the field and nothing is stored", async (_name, fields, field, message) => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);
    const result = await act(id, lead.cookie, { intent: "comment", ...fields });
    expect(result.status).toBe(400);
    expect(result.body!.intent).toBe("comment");
    expect(inEnglish(result.body!.result.error![field]![0])).toContain(message);
    expect(await prisma.reviewComment.count({ where: { attemptId: id } })).toBe(0);
  });
});

describe("marking reviewed and acknowledging", () => {
  test("marks the review done once and notifies the agent once; the agent acknowledges it", async () => {
    const { lead, agent } = await team();
    const id = await graded(agent.user.id);

    const early = await act(id, agent.cookie, { intent: "acknowledge" });
    expect(early.status).toBe(409);
    expect((await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();

    const marked = await act(id, lead.cookie, { intent: "mark-reviewed" });
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(`${attemptUrl(id)}#review`);
    const reviewed = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } });
    expect(reviewed.reviewedById).toBe(lead.user.id);
    expect(reviewed.reviewedAt).toBeInstanceOf(Date);
    const notifications = await prisma.notification.findMany({ where: { userId: agent.user.id } });
    expect(notifications).toEqual([expect.objectContaining({ kind: "feedback", link: `${attemptUrl(id)}#review`, readAt: null })]);
    // It names the conversation: the scenario and the day it was practised.
    expect(notifications[0].title).toMatch(/^Your lead reviewed your conversation “[^”]+” on \d{1,2} [A-Z][a-z]{2}$/);

    expect((await act(id, lead.cookie, { intent: "mark-reviewed" })).status).toBe(302);
    expect((await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } })).reviewedAt).toEqual(reviewed.reviewedAt);
    expect(await prisma.notification.count({ where: { userId: agent.user.id } })).toBe(1);

    const acknowledged = await act(id, agent.cookie, { intent: "acknowledge" });
    expect(acknowledged.status).toBe(302);
    const after = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } });
    expect(after.acknowledgedAt).toBeInstanceOf(Date);
    expect((await act(id, agent.cookie, { intent: "acknowledge" })).status).toBe(302);
    expect((await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toEqual(after.acknowledgedAt);

    const page = await load(id, lead.cookie);
    expect(page.body!.review).toMatchObject({
      reviewedBy: lead.user.name,
      reviewedAt: reviewed.reviewedAt!.toISOString(),
      acknowledgedAt: after.acknowledgedAt!.toISOString(),
    });
    expect((await queue(lead.cookie, "?show=all")).body!.rows.find((row) => row.id === id)).toMatchObject({
      reviewed: true,
      acknowledged: true,
    });
  });

  test("only the owner acknowledges: the lead and a teammate get 404", async () => {
    const { lead, agent, teammate } = await team();
    const id = await graded(agent.user.id);
    await act(id, lead.cookie, { intent: "mark-reviewed" });
    expect((await act(id, lead.cookie, { intent: "acknowledge" })).status).toBe(404);
    expect((await act(id, teammate.cookie, { intent: "acknowledge" })).status).toBe(404);
    expect((await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();
  });

  test("review actions on an attempt that isn't graded yet are a 409", async () => {
    const { lead, agent } = await team();
    const { id } = await startAttempt(agent.user.id, scenarios.get(SLUG)!.scenario);
    expect((await act(id, lead.cookie, { intent: "mark-reviewed" })).status).toBe(409);
    expect((await act(id, agent.cookie, { intent: "dispute", criterionId: REACTION, comment: "Too early to tell." })).status).toBe(409);
    expect((await load(id, lead.cookie)).body!.review).toBeNull();
  });
});

describe("disputes", () => {
  const comment = "My first reply said how sorry I was that the present arrived broken before the party.";

  async function disputed() {
    const people = await team();
    const id = await graded(people.agent.user.id, { script: "poor" });
    const result = await act(id, people.agent.cookie, { intent: "dispute", criterionId: REACTION, comment });
    expect(result.status).toBe(302);
    const dispute = await prisma.dispute.findFirstOrThrow({
      where: { agentId: people.agent.user.id, gradeCriterion: { grade: { attemptId: id } } },
    });
    return { ...people, id, dispute };
  }

  test("the agent disputes a criterion of their own attempt; a second open dispute on it is refused", async () => {
    const { id, agent, lead, dispute } = await disputed();
    expect(dispute).toMatchObject({
      comment,
      status: "open",
      answer: null,
      resolvedAt: null,
      gradeCriterionId: (await criterion(id, REACTION)).id,
    });

    const again = await act(id, agent.cookie, {
      intent: "dispute",
      criterionId: REACTION,
      comment: "And another thing about the same level.",
    });
    expect(again.status).toBe(400);
    expect(again.body!.intent).toBe("dispute");
    expect(again.body!.result.initialValue).toMatchObject({ criterionId: REACTION });
    expect(inEnglish(again.body!.result.error![""]![0])).toContain("already have an open dispute");
    expect(await prisma.dispute.count({ where: { agentId: agent.user.id } })).toBe(1);

    // Another criterion may be disputed at the same time.
    expect(
      (await act(id, agent.cookie, { intent: "dispute", criterionId: "empathy.exploration", comment: "I asked what else she needed." }))
        .status,
    ).toBe(302);

    // The lead is told about each, naming the criterion and the conversation.
    const told = await prisma.notification.findMany({
      where: { userId: lead.user.id, kind: "dispute-raised" },
      orderBy: { createdAt: "asc" },
    });
    expect(told).toHaveLength(2);
    expect(told[0].title).toMatch(
      new RegExp(`^${agent.user.name} disputes “[^”]+” in the conversation “[^”]+” on \\d{1,2} [A-Z][a-z]{2}$`),
    );
    expect(told[0].link).toBe(`${attemptUrl(id)}#review`);

    const page = await load(id, lead.cookie);
    expect(page.body!.review!.openDisputes).toBe(2);
    expect(page.body!.review!.criteria[REACTION].disputes).toEqual([expect.objectContaining({ id: dispute.id, comment, status: "open" })]);
    expect((await queue(lead.cookie, "?show=disputed")).body!.rows.map((row) => row.id)).toEqual([id]);
  });

  test.each([
    ["missing", {}, "Explain what the grader missed"],
    ["too short", { comment: "no" }, "at least 5 characters"],
    ["too long", { comment: "x".repeat(1001) }, "1,000"],
  ])("a %s comment is a 400 and nothing is stored", async (_name, fields, message) => {
    const { agent } = await team();
    const id = await graded(agent.user.id);
    const result = await act(id, agent.cookie, { intent: "dispute", criterionId: REACTION, ...fields });
    expect(result.status).toBe(400);
    expect(inEnglish(result.body!.result.error!.comment![0])).toContain(message);
    expect(await prisma.dispute.count({ where: { agentId: agent.user.id } })).toBe(0);
  });

  test("only the owner disputes: a teammate, the lead and an admin get 404", async () => {
    const { agent, teammate, lead } = await team();
    const admin = await withCookie(await createUser({ role: "admin" }));
    const id = await graded(agent.user.id);
    for (const cookie of [teammate.cookie, lead.cookie, admin.cookie]) {
      expect((await act(id, cookie, { intent: "dispute", criterionId: REACTION, comment })).status).toBe(404);
    }
    expect(await prisma.dispute.count({ where: { gradeCriterion: { grade: { attemptId: id } } } })).toBe(0);
  });

  test("accepting applies the new level as an override, answers the dispute, audits both and notifies the agent", async () => {
    const { id, lead, agent, dispute } = await disputed();
    const before = await gradeOf(id);
    const row = before.criteria.find((entry) => entry.criterionId === REACTION)!;
    const newLevel = row.level === 2 ? 1 : 2;
    const reason = "You're right: the first reply reacts to how she feels about the party.";
    const result = await act(id, lead.cookie, { intent: "accept-dispute", disputeId: dispute.id, level: String(newLevel), reason });
    expect(result.status).toBe(302);

    const after = await gradeOf(id);
    const changed = after.criteria.find((entry) => entry.criterionId === REACTION)!;
    expect(changed).toMatchObject({ level: row.level, overrideLevel: newLevel, overrideReason: reason, overriddenById: lead.user.id });
    expect(after.overallScore).toBe(expectedScore(after.criteria));
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({
      status: "accepted",
      answer: reason,
      resolvedById: lead.user.id,
    });

    const audits = await prisma.auditEvent.findMany({ where: { targetType: "grade", targetId: after.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((event) => event.action).sort()).toEqual(["dispute.resolved", "grade.overridden"]);
    expect(JSON.parse(audits.find((event) => event.action === "dispute.resolved")!.details)).toMatchObject({
      disputeId: dispute.id,
      decision: "accepted",
      disputeComment: comment,
      answer: reason,
    });
    expect(JSON.parse(audits.find((event) => event.action === "grade.overridden")!.details)).toMatchObject({
      dispute: { id: dispute.id, comment },
      to: newLevel,
    });

    expect(
      (await prisma.notification.findMany({ where: { userId: agent.user.id } })).map((notification) => ({
        ...notification,
        title: inEnglish(notification.title),
      })),
    ).toEqual([expect.objectContaining({ kind: "dispute-answered", title: expect.stringContaining("accepted") })]);

    // Answered once: a second answer is refused, and the agent may dispute again.
    const twice = await act(id, lead.cookie, { intent: "reject-dispute", disputeId: dispute.id, reason: "Changed my mind entirely." });
    expect(twice.status).toBe(400);
    expect(inEnglish(twice.body!.result.error![""]![0])).toContain("already been answered");
    expect(
      (await act(id, agent.cookie, { intent: "dispute", criterionId: REACTION, comment: "Now I think it is too generous." })).status,
    ).toBe(302);
  });

  test("accepting needs a reason and a level different from the one that counts", async () => {
    const { id, lead, dispute } = await disputed();
    const row = await criterion(id, REACTION);
    const before = await snapshot(id);
    const noReason = await act(id, lead.cookie, {
      intent: "accept-dispute",
      disputeId: dispute.id,
      level: String(row.level === 2 ? 1 : 2),
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body!.intent).toBe("accept-dispute");
    expect(noReason.body!.result.initialValue).toMatchObject({ disputeId: dispute.id });
    expect(noReason.body!.result.error!.reason).toBeTruthy();
    const same = await act(id, lead.cookie, {
      intent: "accept-dispute",
      disputeId: dispute.id,
      level: String(row.level),
      reason: "Agreed, but the level stays as is.",
    });
    expect(same.status).toBe(400);
    expect(inEnglish(same.body!.result.error!.level![0])).toContain("already the level");
    expect(await snapshot(id)).toEqual(before);
  });

  test("rejecting needs a reason, keeps the level and notifies the agent", async () => {
    const { id, lead, agent, dispute } = await disputed();
    const before = await snapshot(id);
    const noReason = await act(id, lead.cookie, { intent: "reject-dispute", disputeId: dispute.id, reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.body!.intent).toBe("reject-dispute");
    expect(noReason.body!.result.initialValue).toMatchObject({ disputeId: dispute.id });
    expect(inEnglish(noReason.body!.result.error!.reason![0])).toContain("Say why the level stays");
    expect(await snapshot(id)).toEqual(before);

    const reason = "The apology came after the refund offer, so it didn't respond to her feelings.";
    expect((await act(id, lead.cookie, { intent: "reject-dispute", disputeId: dispute.id, reason })).status).toBe(302);
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({
      status: "rejected",
      answer: reason,
      resolvedById: lead.user.id,
    });
    const after = await gradeOf(id);
    expect(after.overallScore).toBe(before.attempt.grade!.overallScore);
    expect(after.criteria.find((entry) => entry.criterionId === REACTION)!.overrideLevel).toBeNull();
    expect(await prisma.auditEvent.findMany({ where: { targetId: after.id } })).toEqual([
      expect.objectContaining({ action: "dispute.resolved", actorId: lead.user.id }),
    ]);
    expect(
      (await prisma.notification.findMany({ where: { userId: agent.user.id } })).map((notification) => ({
        ...notification,
        title: inEnglish(notification.title),
      })),
    ).toEqual([expect.objectContaining({ kind: "dispute-answered", title: expect.stringContaining("not accepted") })]);
    const page = await load(id, agent.cookie);
    expect(page.body!.review!.criteria[REACTION].disputes[0]).toMatchObject({
      status: "rejected",
      answer: reason,
      resolvedBy: lead.user.name,
    });
  });

  test("a dispute from another attempt can't be answered through this one", async () => {
    const first = await disputed();
    const otherId = await graded(first.teammate.user.id);
    const result = await act(otherId, first.lead.cookie, {
      intent: "reject-dispute",
      disputeId: first.dispute.id,
      reason: "Wrong page, but let's try.",
    });
    expect(result.status).toBe(404);
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: first.dispute.id } })).status).toBe("open");
  });
});

describe("who may act", () => {
  async function fixture() {
    const people = await team();
    const other = await team();
    const id = await graded(people.agent.user.id);
    await prisma.reviewComment.create({ data: { attemptId: id, authorId: people.lead.user.id, turnIndex: 1, body: "Seen." } });
    const dispute = await prisma.dispute.create({
      data: { gradeCriterionId: (await criterion(id, REACTION)).id, agentId: people.agent.user.id, comment: "Please look again." },
    });
    return { ...people, other, id, dispute };
  }

  const intents = (disputeId: string): Record<string, string>[] => [
    { intent: "override", criterionId: REACTION, level: "1", reason: "A perfectly good reason." },
    { intent: "comment", turnIndex: "1", body: "A comment." },
    { intent: "mark-reviewed" },
    { intent: "accept-dispute", disputeId, level: "1", reason: "A perfectly good reason." },
    { intent: "reject-dispute", disputeId, reason: "A perfectly good reason." },
    { intent: "acknowledge" },
    { intent: "dispute", criterionId: "empathy.exploration", comment: "A perfectly good comment." },
    { intent: "reply", expectedIndex: "99", text: "Hello" },
    { intent: "end" },
  ];

  test("another team's lead gets 404 for the page and every action, and nothing changes", async () => {
    const { id, dispute, other } = await fixture();
    const before = await snapshot(id);
    expect((await load(id, other.lead.cookie)).status).toBe(404);
    for (const fields of intents(dispute.id)) expect((await act(id, other.lead.cookie, fields)).status, fields.intent).toBe(404);
    expect(await snapshot(id)).toEqual(before);
  });

  test("another agent, even a teammate, gets 404 for the page and every action", async () => {
    const { id, dispute, teammate, other } = await fixture();
    const before = await snapshot(id);
    for (const cookie of [teammate.cookie, other.agent.cookie]) {
      expect((await load(id, cookie)).status).toBe(404);
      for (const fields of intents(dispute.id)) expect((await act(id, cookie, fields)).status, fields.intent).toBe(404);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  test("the agent can't review their own attempt: override, comment, mark reviewed and answering disputes are 403", async () => {
    const { id, dispute, agent } = await fixture();
    const before = await snapshot(id);
    for (const fields of intents(dispute.id).slice(0, 5)) {
      const result = await act(id, agent.cookie, fields);
      expect(result.status, fields.intent).toBe(403);
      expect(inEnglish(result.body!.message)).toContain("leads and admins");
    }
    expect(await snapshot(id)).toEqual(before);
  });

  test("a lead can't review their own practice", async () => {
    const { lead } = await team();
    const id = await graded(lead.user.id);
    const result = await act(id, lead.cookie, {
      intent: "override",
      criterionId: REACTION,
      level: "1",
      reason: "Marking my own homework.",
    });
    expect(result.status).toBe(403);
    expect((await criterion(id, REACTION)).overrideLevel).toBeNull();
    expect((await load(id, lead.cookie)).body!.review!.canReview).toBe(false);
  });

  test("an admin reviews anyone's attempt", async () => {
    const { id, dispute, agent } = await fixture();
    const admin = await withCookie(await createUser({ role: "admin" }));
    expect(
      (await act(id, admin.cookie, { intent: "override", criterionId: REACTION, level: "1", reason: "Calibrating across teams." })).status,
    ).toBe(302);
    expect(
      (await act(id, admin.cookie, { intent: "reject-dispute", disputeId: dispute.id, reason: "The override above settles it." })).status,
    ).toBe(302);
    expect((await act(id, admin.cookie, { intent: "mark-reviewed" })).status).toBe(302);
    expect((await criterion(id, REACTION)).overriddenById).toBe(admin.user.id);
    expect(await prisma.notification.count({ where: { userId: agent.user.id } })).toBe(2);
  });

  test("an unknown intent is a 400", async () => {
    const { id, lead } = await fixture();
    const result = await act(id, lead.cookie, { intent: "delete-grade" });
    expect(result.status).toBe(400);
  });
});
