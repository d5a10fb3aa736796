// The organisation's own language model, against a local OpenAI-compatible server on a real
// SQLite file: it words the customer's replies only as the engine decided, falls back to the
// authored reply with a note when it fails or is rejected, gives a second opinion whose quotes are
// checked, and is never called when it is not configured.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { CUSTOMER_PROMPT_VERSION, OPINION_PROMPT_VERSION } from "~/engine/language-model/prompts.ts";
import { CustomerStateSchema } from "~/engine/simulation/customer-state.ts";
import { initialState, respond, simulate } from "~/engine/simulation/customer.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { endAttempt, replyToCustomer, startAttempt } from "~/models/practice.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import {
  decidedReply,
  requestKind,
  startFakeLanguageModel,
  transcriptOf,
  type FakeLanguageModel,
  type RecordedRequest,
} from "../support/fake-language-model.ts";

const SLUG = "damaged-item-deadline";
const MODEL = "house-model-7b";
const ASK_ORDER = "I'm so sorry it arrived broken before the party. Could you send me your order number?";

let fake: FakeLanguageModel;
let scenario: Scenario;
let rubrics: Rubric[];

beforeAll(async () => {
  fake = await startFakeLanguageModel();
  const catalog = await getPracticeCatalog();
  scenario = catalog.scenarios.find((candidate) => candidate.slug === SLUG)!;
  rubrics = rubricsFor(catalog, scenario);
});

afterAll(() => fake.close());

afterEach(() => {
  vi.unstubAllEnvs();
  fake.reset();
});

function configure(timeoutMs = 800) {
  vi.stubEnv("LANGUAGE_MODEL_URL", fake.url);
  vi.stubEnv("LANGUAGE_MODEL_API_KEY", "sk-test-key");
  vi.stubEnv("LANGUAGE_MODEL_NAME", MODEL);
  vi.stubEnv("LANGUAGE_MODEL_TIMEOUT_MS", String(timeoutMs));
}

async function newAttempt() {
  const user = await createUser();
  const { id } = await startAttempt(user.id, scenario);
  return { userId: user.id, attemptId: id };
}

const reply = (attempt: { attemptId: string; userId: string }, expectedIndex: number, text: string) =>
  replyToCustomer(attempt.attemptId, attempt.userId, { expectedIndex, text }, scenario, rubrics);

const turnsOf = (attemptId: string) =>
  prisma.practiceTurn.findMany({
    where: { attemptId },
    orderBy: { index: "asc" },
    select: { index: true, speaker: true, text: true, wordedByModel: true, promptVersion: true, fallbackNote: true },
  });

/** What the engine alone answers the first reply with, from the stored opening line and seed. */
async function authoredAnswer(attemptId: string, message: string) {
  const attempt = await prisma.practiceAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { seed: true, turns: { where: { index: 0 }, select: { text: true } } },
  });
  return respond(scenario, initialState(scenario), message, attempt.turns[0].text, attempt.seed + 1);
}

describe("the customer's words", () => {
  test("uses the model's wording when the guard accepts it, and stores the model and prompt version", async () => {
    configure();
    const words = "Oh thank you. It's order 48213 — I placed it on the 3rd.";
    fake.enqueue({ content: words });
    const attempt = await newAttempt();
    expect(await reply(attempt, 1, ASK_ORDER)).toEqual({ status: "ok" });

    const turns = await turnsOf(attempt.attemptId);
    expect(turns[1]).toMatchObject({ speaker: "agent", text: ASK_ORDER, wordedByModel: null });
    expect(turns[2]).toEqual({
      index: 2,
      speaker: "customer",
      text: words,
      wordedByModel: MODEL,
      promptVersion: CUSTOMER_PROMPT_VERSION,
      fallbackNote: null,
    });
    // The engine's state, not the model's words, says what was disclosed.
    const stored = await prisma.practiceAttempt.findUniqueOrThrow({ where: { id: attempt.attemptId }, select: { customerState: true } });
    const expected = await authoredAnswer(attempt.attemptId, ASK_ORDER);
    expect(CustomerStateSchema.parse(JSON.parse(stored.customerState))).toEqual(expected.state);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions", authorization: "Bearer sk-test-key" });
    expect(request.body.model).toBe(MODEL);
    expect(decidedReply(request)).toBe(expected.reply);
    // Only what the customer gives now travels: not the facts still to be asked for.
    const sent = JSON.stringify(request.body.messages);
    for (const fact of scenario.facts.filter((candidate) => candidate.id !== "order-number")) expect(sent).not.toContain(fact.answer);
  });

  test("falls back to the authored reply with a note when the guard rejects the wording", async () => {
    configure();
    // The party's day is a fact the customer has not been asked for.
    fake.enqueue({ content: "It's order 48213. The party is on Saturday at 2!" });
    const attempt = await newAttempt();
    expect(await reply(attempt, 1, ASK_ORDER)).toEqual({ status: "ok" });
    const turns = await turnsOf(attempt.attemptId);
    expect(turns[2]).toMatchObject({
      text: (await authoredAnswer(attempt.attemptId, ASK_ORDER)).reply,
      wordedByModel: null,
      promptVersion: null,
      fallbackNote:
        "The organisation's language model's wording gave away a detail the customer hadn't been asked for; the authored reply was used.",
    });
  });

  test("falls back with a note on a timeout, and keeps the agent's message", async () => {
    configure(600);
    fake.enqueue({ content: "Too late to matter.", delayMs: 3000 });
    const attempt = await newAttempt();
    const started = Date.now();
    expect(await reply(attempt, 1, ASK_ORDER)).toEqual({ status: "ok" });
    expect(Date.now() - started).toBeLessThan(2500);
    const turns = await turnsOf(attempt.attemptId);
    expect(turns.map((turn) => turn.speaker)).toEqual(["customer", "agent", "customer"]);
    expect(turns[1].text).toBe(ASK_ORDER);
    expect(turns[2]).toMatchObject({
      text: (await authoredAnswer(attempt.attemptId, ASK_ORDER)).reply,
      wordedByModel: null,
      fallbackNote: "The organisation's language model timed out; the authored reply was used.",
    });
  });

  test.each([
    [{ status: 429 }, "was busy (rate limited)"],
    [{ status: 500 }, "returned an error"],
    [{ status: 401 }, "refused the request"],
    [{ raw: "<html>Bad gateway</html>" }, "sent an answer that could not be read"],
    [{ raw: '{"choices":[]}' }, "sent an answer that could not be read"],
  ])("falls back with a note when the model answers %j", async (answer, words) => {
    configure();
    fake.enqueue(answer);
    const attempt = await newAttempt();
    expect(await reply(attempt, 1, ASK_ORDER)).toEqual({ status: "ok" });
    const turns = await turnsOf(attempt.attemptId);
    expect(turns[2].fallbackNote).toBe(`The organisation's language model ${words}; the authored reply was used.`);
    expect(turns[2].text).toBe((await authoredAnswer(attempt.attemptId, ASK_ORDER)).reply);
  });

  test("the conversation follows the engine whatever the model said: the stored state is the engine's own replay", async () => {
    configure();
    // Words that share nothing with the engine's lines, which the agent's empathy is read against.
    fake.respondWith(() => ({ content: "Mm. Go on." }));
    const attempt = await newAttempt();
    const messages = [
      ASK_ORDER,
      // Read against the engine's "It's order 48213, placed on the 3rd.", this reflects her situation back.
      "Oh no, order 48213 broken right before the party — I'm really sorry, that's awful.",
      "Could you also send a photo of the damage?",
    ];
    for (const [position, message] of messages.entries()) expect(await reply(attempt, 1 + 2 * position, message)).toEqual({ status: "ok" });
    const turns = await turnsOf(attempt.attemptId);
    expect(turns.filter((turn) => turn.speaker === "customer" && turn.index > 0).every((turn) => turn.wordedByModel === MODEL)).toBe(true);
    const stored = await prisma.practiceAttempt.findUniqueOrThrow({
      where: { id: attempt.attemptId },
      select: { seed: true, customerState: true },
    });
    expect(CustomerStateSchema.parse(JSON.parse(stored.customerState))).toEqual(simulate(scenario, messages, stored.seed).state);
  });

  test("a repeated post while the model is answering is stored once", async () => {
    configure();
    fake.respondWith(() => ({ content: "It's order 48213, from the 3rd.", delayMs: 150 }));
    const attempt = await newAttempt();
    const results = await Promise.all([reply(attempt, 1, ASK_ORDER), reply(attempt, 1, ASK_ORDER)]);
    expect(results.map((result) => result.status).sort()).toEqual(["duplicate", "ok"]);
    expect(await turnsOf(attempt.attemptId)).toHaveLength(3);
  });
});

/** Answers second-opinion requests with one quote from the transcript, one invented and one level out of range. */
function opinionResponder(request: RecordedRequest) {
  if (requestKind(request) === "customer-words") return { content: decidedReply(request) };
  const agent = transcriptOf(request).find((line) => line.speaker === "Agent")!;
  return {
    content: JSON.stringify({
      criteria: [
        { id: "empathy.emotional-reaction", level: 2, turn: agent.turn, quote: "so sorry it arrived broken" },
        { id: "resolution.gathered-information", level: 1, turn: agent.turn, quote: "I will refund you today" },
        { id: "communication.clarity", level: 9, turn: 0, quote: "COULD YOU SEND ME   your order number" },
      ],
    }),
  };
}

describe("the second opinion", () => {
  test("is stored beside the automatic grade, with quotes checked against the transcript", async () => {
    configure();
    fake.respondWith(opinionResponder);
    const attempt = await newAttempt();
    await reply(attempt, 1, ASK_ORDER);
    expect(await endAttempt(attempt.attemptId, attempt.userId, scenario, rubrics)).toEqual({ status: "ok" });

    expect(fake.requests.map(requestKind)).toEqual(["customer-words", "second-opinion"]);
    const grade = await prisma.practiceGrade.findUniqueOrThrow({
      where: { attemptId: attempt.attemptId },
      select: {
        opinionModel: true,
        opinionPromptVersion: true,
        opinionNote: true,
        criteria: { select: { criterionId: true, maxLevel: true, opinionLevel: true, opinionTurn: true, opinionQuote: true } },
      },
    });
    expect(grade).toMatchObject({
      opinionModel: MODEL,
      opinionPromptVersion: OPINION_PROMPT_VERSION,
      opinionNote: "One answer was left out because its quote was not found in the conversation or could not be read.",
    });
    const byId = new Map(grade.criteria.map((criterion) => [criterion.criterionId, criterion]));
    expect(byId.get("empathy.emotional-reaction")).toMatchObject({
      opinionLevel: 2,
      opinionTurn: 1,
      opinionQuote: "so sorry it arrived broken",
    });
    // Found in turn 1, not the turn 0 the model named; its level brought within the rubric.
    const clarity = byId.get("communication.clarity")!;
    expect(clarity).toMatchObject({ opinionLevel: clarity.maxLevel, opinionTurn: 1, opinionQuote: "Could you send me your order number" });
    expect(byId.get("resolution.gathered-information")).toMatchObject({ opinionLevel: null, opinionTurn: null, opinionQuote: null });
  });

  test("failing leaves the grade as it is, with a note", async () => {
    configure();
    fake.respondWith((request) => (requestKind(request) === "customer-words" ? { content: decidedReply(request) } : { status: 500 }));
    const attempt = await newAttempt();
    await reply(attempt, 1, ASK_ORDER);
    expect(await endAttempt(attempt.attemptId, attempt.userId, scenario, rubrics)).toEqual({ status: "ok" });
    const grade = await prisma.practiceGrade.findUniqueOrThrow({
      where: { attemptId: attempt.attemptId },
      select: { overallScore: true, opinionModel: true, opinionNote: true, criteria: { select: { opinionLevel: true } } },
    });
    expect(grade.opinionModel).toBeNull();
    expect(grade.opinionNote).toBe("The organisation's language model returned an error, so there is no second opinion.");
    expect(grade.criteria.every((criterion) => criterion.opinionLevel === null)).toBe(true);
  });
});

test("nothing is sent, and nothing is noted, when no model is configured", async () => {
  vi.stubEnv("LANGUAGE_MODEL_URL", "");
  vi.stubEnv("LANGUAGE_MODEL_API_KEY", "");
  vi.stubEnv("LANGUAGE_MODEL_NAME", "");
  const attempt = await newAttempt();
  expect(await reply(attempt, 1, ASK_ORDER)).toEqual({ status: "ok" });
  expect(await endAttempt(attempt.attemptId, attempt.userId, scenario, rubrics)).toEqual({ status: "ok" });
  expect(fake.requests).toEqual([]);
  const turns = await turnsOf(attempt.attemptId);
  expect(turns[2]).toMatchObject({
    text: (await authoredAnswer(attempt.attemptId, ASK_ORDER)).reply,
    wordedByModel: null,
    fallbackNote: null,
  });
  const grade = await prisma.practiceGrade.findUniqueOrThrow({
    where: { attemptId: attempt.attemptId },
    select: { opinionModel: true, opinionNote: true },
  });
  expect(grade).toEqual({ opinionModel: null, opinionNote: null });
});
