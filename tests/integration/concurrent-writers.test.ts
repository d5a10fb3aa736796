// Drill: fifty people making the same kind of write at once through the real server, each
// sending it twice (a double click, a retried request). Nothing is lost, nothing is doubled.
import { afterAll, beforeAll, expect, test } from "vitest";
import { getCatalog, type CompiledModule } from "~/content/modules.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { databaseFile } from "~/utils/env.server.ts";
import { createUser } from "../factories/index.ts";
import { sessionCookieFor } from "./request.ts";
import { postForm, startServer, type RunningServer } from "./server.ts";

const WRITERS = 50;

type Writer = { id: string; cookie: string; n: number };

let server: RunningServer;
let writers: Writer[];
let module: CompiledModule;

beforeAll(async () => {
  // The server works on this file's own database, beside the test's Prisma client.
  writers = [];
  for (let n = 0; n < WRITERS; n++) {
    const user = await createUser({ role: "agent" });
    writers.push({ id: user.id, cookie: await sessionCookieFor(user.id), n });
  }
  module = (await getCatalog()).modules.find(
    (candidate) => candidate.frontmatter.track === "onboarding" && candidate.frontmatter.order === 1,
  )!;
  server = await startServer({ databaseFile: databaseFile(process.env.DATABASE_URL!) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** Every writer sends its write twice at once; all hundred requests are in flight together. */
async function everyoneTwice(write: (writer: Writer) => Promise<Response>): Promise<number[]> {
  const replies = await Promise.all(writers.flatMap((writer) => [write(writer), write(writer)]));
  return replies.map((reply) => reply.status);
}

const expectNoServerErrors = (statuses: number[]) => expect(statuses.filter((status) => status >= 500)).toEqual([]);

test("practice replies: each conversation gets its one reply and one customer answer", async () => {
  const starts = await Promise.all(
    writers.map((writer) => postForm(server, "/practice/scenarios/late-delivery", { intent: "start" }, writer.cookie)),
  );
  expect(starts.map((reply) => reply.status)).toEqual(writers.map(() => 302));
  const attempts = new Map(
    writers.map((writer, i) => [writer.id, /\/practice\/attempts\/([^/?#]+)/.exec(starts[i].headers.get("location")!)![1]]),
  );

  const statuses = await everyoneTwice((writer) =>
    postForm(
      server,
      `/practice/attempts/${attempts.get(writer.id)}`,
      { intent: "reply", expectedIndex: "1", text: `Sorry about the wait, order ${writer.n} is on its way` },
      writer.cookie,
    ),
  );
  expectNoServerErrors(statuses);

  const turns = await prisma.practiceTurn.findMany({
    where: { attemptId: { in: [...attempts.values()] } },
    select: { attemptId: true, index: true, speaker: true, text: true },
  });
  for (const writer of writers) {
    const own = turns.filter((turn) => turn.attemptId === attempts.get(writer.id)).sort((a, b) => a.index - b.index);
    expect(own.map((turn) => turn.speaker)).toEqual(["customer", "agent", "customer"]);
    expect(own[1].text).toBe(`Sorry about the wait, order ${writer.n} is on its way`);
  }
}, 120_000);

test("quiz submissions: one graded attempt per person", async () => {
  const quiz = module.quizzes[0];
  const answers = quiz.questions.flatMap((question) =>
    question.choices.filter((choice) => choice.correct).map((choice): [string, string] => [`answer.${question.id}`, choice.id]),
  );
  const statuses = await everyoneTwice((writer) =>
    postForm(
      server,
      `/learn/modules/${module.slug}`,
      [["intent", "quiz"], ["quizId", quiz.id], ["submissionKey", `drill-quiz-${writer.n}`], ...answers],
      writer.cookie,
    ),
  );
  expectNoServerErrors(statuses);

  const attempts = await prisma.quizAttempt.findMany({
    where: { quizId: quiz.id, submissionKey: { startsWith: "drill-quiz-" } },
    select: { submissionKey: true, passed: true },
  });
  expect(attempts.map((attempt) => attempt.submissionKey).sort()).toEqual(writers.map((writer) => `drill-quiz-${writer.n}`).sort());
  expect(attempts.every((attempt) => attempt.passed)).toBe(true);
}, 120_000);

test("reflections: one answer per person, holding what they wrote", async () => {
  const reflectionId = module.reflections[0].id;
  const statuses = await everyoneTwice((writer) =>
    postForm(
      server,
      `/learn/modules/${module.slug}`,
      { intent: "reflection", reflectionId, text: `What I will do differently, number ${writer.n}` },
      writer.cookie,
    ),
  );
  expectNoServerErrors(statuses);

  const saved = await prisma.reflection.findMany({
    where: { reflectionId, userId: { in: writers.map((writer) => writer.id) } },
    select: { userId: true, text: true },
  });
  expect(saved).toHaveLength(WRITERS);
  for (const writer of writers)
    expect(saved.find((row) => row.userId === writer.id)?.text).toBe(`What I will do differently, number ${writer.n}`);
}, 120_000);

test("mentor requests: one open request per person, with their goals", async () => {
  const statuses = await everyoneTwice((writer) =>
    postForm(
      server,
      "/mentoring/request",
      [
        ["intent", "save"],
        ["goals", `Calmer phone calls with upset customers, plan ${writer.n}`],
        ["targetLevel", "senior-agent"],
        ["focus", "empathy"],
        ["focus", "de-escalation"],
        ["preferences", "Someone in my time zone"],
      ],
      writer.cookie,
    ),
  );
  expectNoServerErrors(statuses);

  const requests = await prisma.menteeRequest.findMany({
    where: { menteeId: { in: writers.map((writer) => writer.id) } },
    select: { menteeId: true, goals: true, status: true },
  });
  expect(requests).toHaveLength(WRITERS);
  for (const writer of writers) {
    expect(requests.find((request) => request.menteeId === writer.id)).toEqual({
      menteeId: writer.id,
      goals: `Calmer phone calls with upset customers, plan ${writer.n}`,
      status: "open",
    });
  }
}, 120_000);

test("a transaction that reads, then writes after the server has written meanwhile, commits and the server's write waits its turn", async () => {
  const [writer] = writers;
  const renamed = await createUser({ role: "agent" });
  let serverWrite: Promise<Response> | undefined;
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: renamed.id } });
    serverWrite = postForm(server, "/practice/scenarios/late-delivery", { intent: "start" }, writer.cookie);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tx.user.update({ where: { id: renamed.id }, data: { name: `${before.name} (renamed)` } });
  });
  expect((await serverWrite!).status).toBe(302);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: renamed.id } })).name).toMatch(/ \(renamed\)$/);
}, 60_000);
