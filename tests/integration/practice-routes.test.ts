// The practice routes' loaders and actions, called as the server would: the
// scenario list and its filters, starting an attempt, who may see and take part
// in one, replying, ending, and a full competent conversation graded and stored.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor, type PracticeCatalog } from "~/content/practice.server.ts";
import { GRADER_VERSION } from "~/engine/grading/grade.ts";
import { initialState } from "~/engine/simulation/customer.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import * as practiceIndex from "~/routes/practice+/_index.tsx";
import * as attemptPage from "~/routes/practice+/attempts.$attemptId.tsx";
import * as scenarioPage from "~/routes/practice+/scenarios.$slug.tsx";
import { prisma } from "~/utils/db.server.ts";
import { MAX_REPLY_LENGTH } from "../../app/domain/practice.ts";
import { createTeamWithLead, createUser, type UserOverrides } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, get, loginRedirectTarget, post, sessionCookieFor } from "./request.ts";

type IndexData = Awaited<ReturnType<typeof practiceIndex.loader>>;
type ScenarioData = Awaited<ReturnType<typeof scenarioPage.loader>>;
type AttemptData = Awaited<ReturnType<typeof attemptPage.loader>>;
type ActionBody = {
  intent?: string;
  result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  message?: string;
};
type StoredEvidence = { turn: number; span: [number, number]; text: string };

const SLUG = "damaged-item-deadline";
const EMPATHY = ["empathy.emotional-reaction", "empathy.interpretation", "empathy.exploration"];

let catalog: PracticeCatalog;
let scenario: Scenario;

beforeAll(async () => {
  catalog = await getPracticeCatalog();
  scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
  expect(scenario).toBeDefined();
});

async function person(overrides: UserOverrides = {}) {
  const user = await createUser(overrides);
  return { user, cookie: await sessionCookieFor(user.id) };
}

/** An agent in a team, their lead, and sessions for both. */
async function agentWithLead() {
  const { lead, members, team } = await createTeamWithLead({ memberCount: 1 });
  return {
    team,
    agent: { user: members[0], cookie: await sessionCookieFor(members[0].id) },
    lead: { user: lead, cookie: await sessionCookieFor(lead.id) },
  };
}

async function startAttempt(cookie: string, slug = SLUG): Promise<string> {
  const result = await callRoute(scenarioPage.action, {
    request: post(`/practice/scenarios/${slug}`, { intent: "start" }, cookie),
    params: { slug },
  });
  expect(result.status).toBe(302);
  const match = /^\/practice\/attempts\/([^/#?]+)$/.exec(result.location ?? "");
  expect(match, result.location).not.toBeNull();
  return match![1];
}

const attemptUrl = (id: string) => `/practice/attempts/${id}`;

function loadAttempt(id: string, cookie: string) {
  return callRoute<AttemptData>(attemptPage.loader, { request: get(attemptUrl(id), cookie), params: { attemptId: id } });
}

function reply(id: string, cookie: string, fields: Record<string, string>) {
  return callRoute<ActionBody>(attemptPage.action, { request: post(attemptUrl(id), fields, cookie), params: { attemptId: id } });
}

const sendReply = (id: string, cookie: string, expectedIndex: number, text: string) =>
  reply(id, cookie, { intent: "reply", expectedIndex: String(expectedIndex), text });

const storedTurns = (attemptId: string) => prisma.practiceTurn.findMany({ where: { attemptId }, orderBy: { index: "asc" } });

describe("the practice index", () => {
  async function list(query: string, cookie: string) {
    return callRoute<IndexData>(practiceIndex.loader, { request: get(`/practice${query}`, cookie) });
  }

  test("sends an anonymous visitor to log in", async () => {
    const result = await callRoute(practiceIndex.loader, { request: get("/practice") });
    expect(result.status).toBe(302);
    expect(loginRedirectTarget(result.location).pathname).toBe("/login");
  });

  test("lists every scenario without filters, and an empty filter means no filter", async () => {
    const { cookie } = await person();
    const all = await list("", cookie);
    expect(all.status).toBe(200);
    expect(all.body!.cards.map((card) => card.slug).sort()).toEqual(catalog.scenarios.map((candidate) => candidate.slug).sort());
    const empty = await list("?channel=&difficulty=&competency=", cookie);
    expect(empty.body!.cards).toHaveLength(catalog.scenarios.length);
  });

  test.each([
    ["channel", "email", (candidate: Scenario) => candidate.channel === "email"],
    ["channel", "social", (candidate: Scenario) => candidate.channel === "social"],
    ["difficulty", "advanced", (candidate: Scenario) => candidate.difficulty === "advanced"],
    ["competency", "privacy-security", (candidate: Scenario) => candidate.competencies.includes("privacy-security")],
  ] as const)("filters by %s=%s", async (name, value, keep) => {
    const { cookie } = await person();
    const result = await list(`?${name}=${value}`, cookie);
    expect(result.status).toBe(200);
    const expected = catalog.scenarios.filter(keep).map((candidate) => candidate.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(catalog.scenarios.length);
    expect(result.body!.cards.map((card) => card.slug).sort()).toEqual([...expected].sort());
    expect(result.body!.query[name]).toBe(value);
  });

  test("combines filters", async () => {
    const { cookie } = await person();
    const result = await list("?channel=chat&difficulty=starter&competency=empathy", cookie);
    const expected = catalog.scenarios.filter(
      (candidate) => candidate.channel === "chat" && candidate.difficulty === "starter" && candidate.competencies.includes("empathy"),
    );
    expect(result.body!.cards.map((card) => card.slug).sort()).toEqual(expected.map((candidate) => candidate.slug).sort());
    expect(result.body!.cards.map((card) => card.slug)).toContain(SLUG);
  });

  test("an unused competency matches nothing", async () => {
    const { cookie } = await person();
    const result = await list("?competency=underwater-basket-weaving", cookie);
    expect(result.status).toBe(200);
    expect(result.body!.cards).toEqual([]);
  });

  test.each([
    ["channel", "?channel=fax"],
    ["difficulty", "?difficulty=expert"],
    ["competency", "?competency=Not%20A%20Slug"],
  ])("a bad %s value is a 400 naming it", async (name, query) => {
    const { cookie } = await person();
    const result = await list(query, cookie);
    expect(result.status).toBe(400);
    expect((result.body as unknown as { message: string }).message).toContain(name);
  });

  test("counts the viewer's own attempts", async () => {
    const { cookie } = await person();
    await startAttempt(cookie);
    await startAttempt(cookie);
    const result = await list("", cookie);
    const card = result.body!.cards.find((candidate) => candidate.slug === SLUG)!;
    expect(card).toMatchObject({ attempts: 2, best: null, passed: false });
    const other = await person();
    const theirs = await list("", other.cookie);
    expect(theirs.body!.cards.find((candidate) => candidate.slug === SLUG)!.attempts).toBe(0);
  });
});

describe("the scenario page", () => {
  test("shows the brief for a known scenario", async () => {
    const { cookie } = await person();
    const result = await callRoute<ScenarioData>(scenarioPage.loader, {
      request: get(`/practice/scenarios/${SLUG}`, cookie),
      params: { slug: SLUG },
    });
    expect(result.status).toBe(200);
    expect(result.body!.scenario).toMatchObject({
      slug: SLUG,
      title: scenario.title,
      customer: scenario.persona.name,
      passScore: scenario.passScore,
    });
    expect(result.body!.history).toEqual([]);
  });

  test("is a 404 for an unknown slug, for the page and for starting", async () => {
    const { cookie, user } = await person();
    const page = await callRoute(scenarioPage.loader, {
      request: get("/practice/scenarios/no-such-scenario", cookie),
      params: { slug: "no-such-scenario" },
    });
    expect(page.status).toBe(404);
    const start = await callRoute(scenarioPage.action, {
      request: post("/practice/scenarios/no-such-scenario", { intent: "start" }, cookie),
      params: { slug: "no-such-scenario" },
    });
    expect(start.status).toBe(404);
    expect(await prisma.practiceAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  test("starting creates an attempt with the customer's opening line and redirects to it", async () => {
    const { cookie, user } = await person();
    const id = await startAttempt(cookie);
    const attempt = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id }, include: { turns: true, grade: true } });
    expect(attempt).toMatchObject({
      userId: user.id,
      scenarioSlug: SLUG,
      scenarioVersion: scenario.version,
      status: "active",
      grade: null,
    });
    expect(JSON.parse(attempt.customerState)).toEqual(initialState(scenario));
    expect(attempt.turns).toHaveLength(1);
    expect(attempt.turns[0]).toMatchObject({ index: 0, speaker: "customer", replyMs: null });
    expect(scenario.lines.opening).toContain(attempt.turns[0].text);
  });
});

describe("who may see an attempt", () => {
  test("its owner, who may take part", async () => {
    const { agent } = await agentWithLead();
    const id = await startAttempt(agent.cookie);
    const result = await loadAttempt(id, agent.cookie);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ isOwner: true, status: "active", expectedIndex: 1, agentName: agent.user.name, grade: null });
    expect(result.body!.turns).toHaveLength(1);
    expect(result.body!.setting.slug).toBe(SLUG);
  });

  test("the owner's team lead, read-only", async () => {
    const { agent, lead } = await agentWithLead();
    const id = await startAttempt(agent.cookie);
    const result = await loadAttempt(id, lead.cookie);
    expect(result.status).toBe(200);
    expect(result.body!.isOwner).toBe(false);
    expect(result.body!.agentName).toBe(agent.user.name);
  });

  test("an admin", async () => {
    const { agent } = await agentWithLead();
    const id = await startAttempt(agent.cookie);
    const admin = await person({ role: "admin" });
    const result = await loadAttempt(id, admin.cookie);
    expect(result.status).toBe(200);
    expect(result.body!.isOwner).toBe(false);
  });

  test("not a lead of another team", async () => {
    const { agent } = await agentWithLead();
    const other = await agentWithLead();
    const id = await startAttempt(agent.cookie);
    expect((await loadAttempt(id, other.lead.cookie)).status).toBe(404);
  });

  test("not another agent, even a teammate", async () => {
    const { members } = await createTeamWithLead({ memberCount: 2 });
    const [owner, teammate] = await Promise.all(members.map((member) => sessionCookieFor(member.id)));
    const id = await startAttempt(owner);
    const result = await loadAttempt(id, teammate);
    expect(result.status).toBe(404);
    expect(inEnglish((result.body as ActionBody).message)).toContain("no practice conversation");
  });

  test("an unknown id is a 404", async () => {
    const { cookie } = await person();
    expect((await loadAttempt("no-such-attempt", cookie)).status).toBe(404);
  });
});

describe("replying", () => {
  test("an empty reply is a 400 asking for one, echoing what was sent", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const result = await sendReply(id, cookie, 1, "   ");
    expect(result.status).toBe(400);
    expect(result.body!.intent).toBe("reply");
    expect(inEnglish(result.body!.result!.error!.text![0])).toContain("Write a reply");
    expect(result.body!.result!.initialValue).toMatchObject({ text: "   " });
    expect(await storedTurns(id)).toHaveLength(1);
  });

  test("a missing reply is a 400 asking for one", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const result = await reply(id, cookie, { intent: "reply", expectedIndex: "1" });
    expect(result.status).toBe(400);
    expect(result.body!.intent).toBe("reply");
    expect(inEnglish(result.body!.result!.error!.text![0])).toContain("Write a reply");
    expect(result.body!.result!.initialValue).not.toHaveProperty("text");
  });

  test("a reply over 4,000 characters is a 400 stating the limit, echoing the text", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const text = "a".repeat(MAX_REPLY_LENGTH + 1);
    expect(text).toHaveLength(4001);
    const result = await sendReply(id, cookie, 1, text);
    expect(result.status).toBe(400);
    expect(inEnglish(result.body!.result!.error!.text![0])).toContain("4,000 characters");
    expect(result.body!.result!.initialValue).toMatchObject({ text });
    expect(await storedTurns(id)).toHaveLength(1);
  });

  test("a reply of exactly 4,000 characters is accepted", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const result = await sendReply(id, cookie, 1, "b".repeat(4000));
    expect(result.status).toBe(302);
    expect(await storedTurns(id)).toHaveLength(3);
  });

  test("a form that is not a reply is a 400", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const result = await reply(id, cookie, { intent: "reply", expectedIndex: "zero", text: "Hello" });
    expect(result.status).toBe(400);
    expect(await storedTurns(id)).toHaveLength(1);
  });

  test("a valid reply stores the agent's and the customer's turns and redirects to the answer", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const text = "Could you send me your order number?";
    const result = await sendReply(id, cookie, 1, text);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${attemptUrl(id)}#turn-2`);
    const turns = await storedTurns(id);
    expect(turns.map((turn) => [turn.index, turn.speaker])).toEqual([
      [0, "customer"],
      [1, "agent"],
      [2, "customer"],
    ]);
    expect(turns[1].text).toBe(text);
    expect(turns[1].replyMs).toEqual(expect.any(Number));
    expect(turns[2].text).toContain(scenario.facts.find((fact) => fact.id === "order-number")!.answer);
    const attempt = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(attempt.customerState)).toMatchObject({ disclosed: ["order-number"], agentTurns: 1 });
    const page = await loadAttempt(id, cookie);
    expect(page.body!.expectedIndex).toBe(3);
  });

  test("the reply is stored trimmed", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    await sendReply(id, cookie, 1, "  Could you send me your order number?  \n");
    expect((await storedTurns(id))[1].text).toBe("Could you send me your order number?");
  });

  test("posting the same reply again stores nothing new", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    const text = "Could you share a photo of the damage?";
    expect((await sendReply(id, cookie, 1, text)).status).toBe(302);
    const before = await storedTurns(id);
    const again = await sendReply(id, cookie, 1, text);
    expect(again.status).toBe(302);
    const after = await storedTurns(id);
    expect(after).toHaveLength(3);
    expect(after.map((turn) => turn.id)).toEqual(before.map((turn) => turn.id));
    const attempt = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(attempt.customerState).agentTurns).toBe(1);
  });

  test("a stale reply (a different text for a turn already answered) stores nothing", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    await sendReply(id, cookie, 1, "Could you share a photo of the damage?");
    await sendReply(id, cookie, 1, "Something else entirely.");
    const turns = await storedTurns(id);
    expect(turns).toHaveLength(3);
    expect(turns[1].text).toBe("Could you share a photo of the damage?");
  });

  test("the team lead, who may read it, may not reply", async () => {
    const { agent, lead } = await agentWithLead();
    const id = await startAttempt(agent.cookie);
    const result = await sendReply(id, lead.cookie, 1, "Could you send me your order number?");
    expect(result.status).toBe(404);
    expect(await storedTurns(id)).toHaveLength(1);
    const ended = await reply(id, lead.cookie, { intent: "end" });
    expect(ended.status).toBe(404);
    expect((await prisma.practiceAttempt.findUniqueOrThrow({ where: { id } })).status).toBe("active");
  });
});

describe("ending", () => {
  test("grades the attempt as it stands; a reply after that is a 409", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    await sendReply(id, cookie, 1, "I'm so sorry your daughter's present arrived broken. Could you send me your order number?");
    const result = await reply(id, cookie, { intent: "end" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`${attemptUrl(id)}#report`);

    const attempt = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id }, include: { grade: { include: { criteria: true } } } });
    expect(attempt.status).toBe("ended");
    expect(attempt.endedAt).toBeInstanceOf(Date);
    const grade = attempt.grade!;
    expect(grade).not.toBeNull();
    expect(grade.graderVersion).toBe(GRADER_VERSION);
    const rubrics = rubricsFor(catalog, scenario);
    expect(JSON.parse(grade.rubricVersions)).toEqual(Object.fromEntries(rubrics.map((rubric) => [rubric.id, rubric.version])));
    expect(JSON.parse(grade.criticalFailures)).toEqual([]);
    const ids = grade.criteria.map((criterion) => criterion.criterionId);
    for (const id of EMPATHY) expect(ids).toContain(id);
    expect(ids.sort()).toEqual(rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.id)).sort());
    const reaction = grade.criteria.find((criterion) => criterion.criterionId === "empathy.emotional-reaction")!;
    expect(reaction.level).toBe(2);
    expect(JSON.parse(reaction.evidence)).toEqual([
      { turn: 1, span: [0, 52], text: "I'm so sorry your daughter's present arrived broken." },
    ]);

    const late = await sendReply(id, cookie, 3, "Are you still there?");
    expect(late.status).toBe(409);
    expect(inEnglish(late.body!.message)).toContain("already ended");
    expect(await storedTurns(id)).toHaveLength(3);

    const endAgain = await reply(id, cookie, { intent: "end" });
    expect(endAgain.status).toBe(409);
    expect(await prisma.practiceGrade.count({ where: { attemptId: id } })).toBe(1);

    const page = await loadAttempt(id, cookie);
    expect(page.body!.status).toBe("ended");
    expect(page.body!.mood).toBeNull();
    expect(page.body!.grade!.criteria.map((criterion) => criterion.id)).toEqual(expect.arrayContaining(EMPATHY));
  });
});

describe("a competent conversation through the routes", () => {
  const script = JSON.parse(fs.readFileSync("tests/fixtures/scenario-scripts/damaged-item-deadline.json", "utf8")) as {
    competent: string[];
  };

  test("resolves the attempt and stores a passing grade with evidence and one suggestion per criterion", async () => {
    const { cookie } = await person();
    const id = await startAttempt(cookie);
    for (const message of script.competent) {
      const page = await loadAttempt(id, cookie);
      if (page.body!.status !== "active") break;
      const result = await sendReply(id, cookie, page.body!.expectedIndex, message);
      expect(result.status, message).toBe(302);
    }

    const attempt = await prisma.practiceAttempt.findUniqueOrThrow({
      where: { id },
      include: { turns: { orderBy: { index: "asc" } }, grade: { include: { criteria: true } } },
    });
    expect(attempt.status).toBe("resolved");
    expect(scenario.lines.satisfied).toContain(attempt.turns.at(-1)!.text);
    const grade = attempt.grade!;
    expect(grade.passed).toBe(true);
    expect(grade.overallScore).toBeGreaterThanOrEqual(scenario.passScore);
    expect(JSON.parse(grade.criticalFailures)).toEqual([]);

    const rubrics = rubricsFor(catalog, scenario);
    const definitions = new Map(rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => [criterion.id, criterion] as const)));
    expect(grade.criteria).toHaveLength(definitions.size);
    expect(new Set(grade.criteria.map((criterion) => criterion.criterionId)).size).toBe(definitions.size);
    for (const criterion of grade.criteria) {
      const definition = definitions.get(criterion.criterionId)!;
      expect(criterion.suggestion.length, criterion.criterionId).toBeGreaterThan(0);
      const expected = criterion.applicable
        ? definition.levels.find((level) => level.level === criterion.level)!.suggestion
        : definition.notApplicable;
      expect(criterion.suggestion, criterion.criterionId).toBe(expected);
    }

    const byId = new Map(grade.criteria.map((criterion) => [criterion.criterionId, criterion]));
    for (const id of EMPATHY) expect(byId.has(id)).toBe(true);
    expect(byId.get("empathy.emotional-reaction")!.level).toBe(2);
    expect(byId.get("empathy.exploration")!.level).toBe(2);
    expect(byId.get("resolution.correct-fix")!.level).toBe(2);
    expect(byId.get("efficiency.reply-time")!.applicable).toBe(true);

    let evidenceChecked = 0;
    for (const criterion of grade.criteria) {
      for (const item of JSON.parse(criterion.evidence) as StoredEvidence[]) {
        const turn = attempt.turns.find((candidate) => candidate.index === item.turn)!;
        expect(turn.speaker, criterion.criterionId).toBe("agent");
        expect(turn.text.slice(item.span[0], item.span[1])).toBe(item.text);
        evidenceChecked += 1;
      }
    }
    expect(evidenceChecked).toBeGreaterThan(5);
    const reaction = JSON.parse(byId.get("empathy.emotional-reaction")!.evidence) as StoredEvidence[];
    expect(reaction[0]).toMatchObject({
      turn: 1,
      text: "Hi Dana, I'm so sorry your daughter's play kitchen arrived broken right before her party.",
    });

    const page = await loadAttempt(id, cookie);
    expect(page.body!.grade).toMatchObject({ passed: true, overallScore: grade.overallScore, graderVersion: GRADER_VERSION });
    expect(page.body!.grade!.comparison).toMatchObject({
      attempts: 1,
      first: grade.overallScore,
      best: grade.overallScore,
      latest: grade.overallScore,
    });
  });
});
