// What if: a finished conversation replayed with one message rewritten, on a
// real SQLite file. The replay of what was said reproduces the stored
// conversation, the rewrite changes what follows, and nothing is ever stored.
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor, type PracticeCatalog } from "~/content/practice.server.ts";
import { initialState } from "~/engine/simulation/customer.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import * as whatIfPage from "~/routes/practice+/attempts.$attemptId_.what-if.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type LoaderData = Awaited<ReturnType<typeof whatIfPage.loader>>;
type Replayed = Extract<Awaited<ReturnType<typeof whatIfPage.action>>, { status: "replayed" }>;
type Invalid = { intent: string; result: { error: Record<string, string[]> } };

const SLUG = "damaged-item-deadline";
const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${SLUG}.json`, "utf8")) as { competent: string[] };

let catalog: PracticeCatalog;
let scenario: Scenario;
let seed = 500;

beforeAll(async () => {
  catalog = await getPracticeCatalog();
  scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
});

async function finishedAttempt(userId: string, messages = scripts.competent): Promise<string> {
  await recordScriptedAttempt(userId, scenario, rubricsFor(catalog, scenario), {
    messages,
    seed: seed++,
    startedAt: new Date("2026-11-20T10:00:00Z"),
    replySeconds: 40,
  });
  const attempt = await prisma.practiceAttempt.findFirstOrThrow({
    where: { userId },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  return attempt.id;
}

const url = (id: string, turn?: number) => `/practice/attempts/${id}/what-if${turn ? `?turn=${turn}` : ""}`;
const open = (id: string, cookie: string, turn?: number) =>
  callRoute<LoaderData>(whatIfPage.loader, { request: get(url(id, turn), cookie), params: { attemptId: id } });
const replay = (id: string, cookie: string, fields: Record<string, string>) =>
  callRoute<Replayed | Invalid>(whatIfPage.action, {
    request: post(url(id, Number(fields.turn) || 1), { intent: "replay", ...fields }, cookie),
    params: { attemptId: id },
  });

async function storedCounts() {
  const [attempts, turns, grades] = await Promise.all([
    prisma.practiceAttempt.count(),
    prisma.practiceTurn.count(),
    prisma.practiceGrade.count(),
  ]);
  return { attempts, turns, grades };
}

describe("what if", () => {
  test("lists the agent's messages and offers the chosen one for rewriting", async () => {
    const agent = await createUser();
    const id = await finishedAttempt(agent.id);
    const sent = await prisma.practiceTurn.findMany({ where: { attemptId: id, speaker: "agent" }, orderBy: { index: "asc" } });
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const result = await open(id, await sessionCookieFor(agent.id), 2);
    expect(result.status).toBe(200);
    expect(result.body!.messages.map((message) => message.number)).toEqual(sent.map((_, index) => index + 1));
    expect(result.body!.turn).toBe(2);
    expect(result.body!.original).toBe(sent[1].text);
    // A turn that does not exist falls back to the first message.
    expect((await open(id, await sessionCookieFor(agent.id), 99)).body!.turn).toBe(1);
  });

  test("replaying without a change reproduces the stored conversation and grade", async () => {
    const agent = await createUser();
    const id = await finishedAttempt(agent.id);
    const stored = await prisma.practiceAttempt.findUniqueOrThrow({
      where: { id },
      select: { turns: { orderBy: { index: "asc" } }, grade: true },
    });
    const result = await replay(id, await sessionCookieFor(agent.id), { turn: "1", text: scripts.competent[0] });
    expect(result.status).toBe(200);
    const body = result.body as Replayed;
    expect(body.original).toEqual(body.rewritten);
    expect(body.original.score).toBe(stored.grade!.overallScore);
    expect(body.original.turns.map((turn) => turn.text)).toEqual(stored.turns.slice(1).map((turn) => turn.text));
  });

  test("a rewrite changes what follows, is graded by the same rules, and nothing is stored", async () => {
    const agent = await createUser();
    const id = await finishedAttempt(agent.id);
    const before = await storedCounts();
    const result = await replay(id, await sessionCookieFor(agent.id), { turn: "1", text: "Calm down, it's just a toy. Whatever." });
    expect(result.status).toBe(200);
    const body = result.body as Replayed;
    expect(body.original.passed).toBe(true);
    expect(body.rewritten.passed).toBe(false);
    expect(body.rewritten.criteria.find((criterion) => criterion.id === "critical.no-rudeness")!.level).toBe(0);
    expect(body.rewritten.turns[0]).toEqual({ speaker: "agent", text: "Calm down, it's just a toy. Whatever." });
    expect(body.rewritten.turns[1].text).not.toBe(body.original.turns[1].text);
    expect(await storedCounts()).toEqual(before);
  });

  test("an empty rewrite or a message that does not exist is a 400 with a field message", async () => {
    const agent = await createUser();
    const id = await finishedAttempt(agent.id);
    const cookie = await sessionCookieFor(agent.id);
    const empty = await replay(id, cookie, { turn: "1", text: "   " });
    expect(empty.status).toBe(400);
    expect((empty.body as Invalid).result.error.text?.map(inEnglish)).toEqual(["Write a reply before sending."]);
    const missing = await replay(id, cookie, { turn: "99", text: "Hello" });
    expect(missing.status).toBe(400);
    expect((missing.body as Invalid).result.error.turn?.map(inEnglish)).toEqual(["Choose one of your messages."]);
    const nonsense = await replay(id, cookie, { turn: "first", text: "Hello" });
    expect(nonsense.status).toBe(400);
  });

  test("the agent's lead may try it; another agent gets a 404, as for a guessed id", async () => {
    const { lead, members } = await createTeamWithLead({ memberCount: 1 });
    const id = await finishedAttempt(members[0].id);
    expect((await open(id, await sessionCookieFor(lead.id))).status).toBe(200);
    const stranger = await createUser();
    const cookie = await sessionCookieFor(stranger.id);
    expect((await open(id, cookie)).status).toBe(404);
    expect((await replay(id, cookie, { turn: "1", text: "Hello" })).status).toBe(404);
    expect((await open("no-such-attempt", cookie)).status).toBe(404);
  });

  test("a conversation still in progress has no what-if yet", async () => {
    const agent = await createUser();
    const attempt = await prisma.practiceAttempt.create({
      data: {
        userId: agent.id,
        scenarioSlug: SLUG,
        scenarioVersion: scenario.version,
        seed: 1,
        status: "active",
        customerState: JSON.stringify(initialState(scenario)),
        turns: { create: { index: 0, speaker: "customer", text: "Hello" } },
      },
    });
    expect((await open(attempt.id, await sessionCookieFor(agent.id))).status).toBe(404);
  });
});
