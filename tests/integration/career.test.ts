import { expect, test } from "vitest";
import { getCatalog, versionRef } from "~/content/modules.server.ts";
import { gradeQuiz } from "~/engine/learning/quiz.ts";
import { recordReading, recordQuizAttempt } from "~/models/learning.server.ts";
import { loader as homeLoader } from "~/routes/_index.tsx";
import { loader as careerLoader } from "~/routes/career+/_index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createUser } from "../factories/index.ts";
import { callRoute, get, sessionCookieFor } from "./request.ts";

type CareerData = Awaited<ReturnType<typeof careerLoader>>;

test("signed-out visitors are sent to sign in", async () => {
  const outcome = await callRoute(careerLoader, { request: get("/career") });
  expect(outcome.status).toBe(302);
  expect(outcome.location).toMatch(/^\/login/);
});

test("a new Agent I sees Agent II next, and completing an onboarding module shows up as evidence", async () => {
  const agent = await createUser({ role: "agent", level: "agent-1", hireDate: new Date() });
  const cookie = await sessionCookieFor(agent.id);
  const before = (await callRoute<CareerData>(careerLoader, { request: get("/career", cookie) })).body!.readiness;
  expect(before.current.title).toBe("Agent I");
  const agentTwo = before.next.find((level) => level.key === "agent-2")!;
  expect(agentTwo.percentReady).toBeLessThan(100);
  expect(agentTwo.nextSteps.length).toBeGreaterThan(0);

  const { modules } = await getCatalog();
  const first = modules.find((module) => module.slug === "how-support-works")!;
  const quiz = first.quizzes[0];
  const answers = Object.fromEntries(
    quiz.questions.map((question) => [question.id, question.choices.filter((choice) => choice.correct).map((choice) => choice.id)]),
  );
  await recordReading(agent.id, versionRef(first), { reachedEnd: true });
  await recordQuizAttempt(agent.id, versionRef(first), {
    quizId: quiz.id,
    answers,
    grade: gradeQuiz(quiz, answers),
    submissionKey: "career-test",
  });

  const after = (await callRoute<CareerData>(careerLoader, { request: get("/career", cookie) })).body!.readiness;
  const modulesRequirement = after.next
    .find((level) => level.key === "agent-2")!
    .requirements.find((requirement) => requirement.kind === "modules")!;
  expect(modulesRequirement.evidence.map((link) => link.href)).toContain("/learn/modules/how-support-works");
  expect(after.next.find((level) => level.key === "agent-2")!.percentReady).toBeGreaterThan(agentTwo.percentReady);
});

test("the home page points at the nearest next level and at mentoring requests waiting for an answer", async () => {
  const mentor = await createUser({ role: "agent", level: "senior-agent" });
  const mentee = await createUser({ role: "agent" });
  await prisma.pairing.create({ data: { mentorId: mentor.id, menteeId: mentee.id, source: "request", score: 60 } });
  const cookie = await sessionCookieFor(mentor.id);

  const career = (await callRoute<CareerData>(careerLoader, { request: get("/career", cookie) })).body!.readiness;
  const nearest = [...career.next].sort((a, b) => b.percentReady - a.percentReady)[0]!;
  const home = (await callRoute(homeLoader, { request: get("/", cookie) })).body as {
    agent: { career: { title: string; percentReady: number } | null; proposalsAwaiting: number };
  };
  expect(home.agent.career).toEqual({ title: nearest.title, percentReady: nearest.percentReady });
  expect(home.agent.proposalsAwaiting).toBe(1);

  const menteeHome = (await callRoute(homeLoader, { request: get("/", await sessionCookieFor(mentee.id)) })).body as {
    agent: { proposalsAwaiting: number };
  };
  expect(menteeHome.agent.proposalsAwaiting).toBe(0);
});
