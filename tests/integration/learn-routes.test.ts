// The Learn routes' loaders and actions, called as the server would: the module
// page (what reaches the browser, quiz grading, reading reports, reflections),
// the Learn index and the people pages.
import { beforeAll, describe, expect, test } from "vitest";
import type { FormReply } from "~/components/forms/reply.ts";
import { answerField } from "~/components/mdx/quiz.tsx";
import { REFLECTION_MAX_LENGTH } from "~/components/mdx/reflection.tsx";
import { getCatalog, moduleRef, versionRef, type Catalog, type CompiledModule } from "~/content/modules.server.ts";
import type { QuizDefinition } from "~/content/schemas.ts";
import { QUIZ_TRIES_BEFORE_ANSWERS } from "~/domain/learning.ts";
import { gradeQuiz, type QuizAnswers } from "~/engine/learning/quiz.ts";
import { MAX_READING_SECONDS_PER_REPORT, recordQuizAttempt, recordReading, saveReflection } from "~/models/learning.server.ts";
import * as learnIndex from "~/routes/learn+/_index.tsx";
import * as modulePage from "~/routes/learn+/modules.$slug.tsx";
import * as personPage from "~/routes/learn+/people.$userId.tsx";
import * as peopleIndex from "~/routes/learn+/people._index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser, type UserOverrides } from "../factories/index.ts";
import { bodyInEnglish } from "../support/english.ts";
import { callRoute, get, loginRedirectTarget, post, sessionCookieFor } from "./request.ts";

type ModuleData = Awaited<ReturnType<typeof modulePage.loader>>;
type IndexData = Awaited<ReturnType<typeof learnIndex.loader>>;
type PeopleData = Awaited<ReturnType<typeof peopleIndex.loader>>;
type PersonData = Awaited<ReturnType<typeof personPage.loader>>;
type ActionBody = Partial<FormReply> & { message?: string; recorded?: boolean; savedReflectionId?: string };

/** The reply's errors on questions, keyed by question id, without the summary for the whole quiz. */
function questionErrors(body: ActionBody): Record<string, string[] | null> {
  const fields = Object.entries(body.result?.error ?? {}).filter(([name]) => name !== "");
  return Object.fromEntries(fields.map(([name, errors]) => [name.slice(answerField("").length), errors]));
}

let catalog: Catalog;
/** The onboarding path's first module: no prerequisites, one quiz, a reflection. */
let open: CompiledModule;
/** The path's second module, whose only prerequisite is `open`. */
let gated: CompiledModule;

beforeAll(async () => {
  catalog = await getCatalog();
  const onboarding = catalog.modules.filter((module) => module.frontmatter.track === "onboarding");
  open = onboarding.find((module) => module.frontmatter.order === 1)!;
  gated = onboarding.find((module) => module.frontmatter.order === 2)!;
  expect(open.frontmatter.prerequisites).toEqual([]);
  expect(gated.frontmatter.prerequisites).toEqual([open.slug]);
  expect(open.quizzes).toHaveLength(1);
  expect(open.reflections.length).toBeGreaterThanOrEqual(1);
  expect(gated).toBeDefined();
});

const quiz = (): QuizDefinition => open.quizzes[0];

function correctAnswers(definition: QuizDefinition): QuizAnswers {
  return Object.fromEntries(definition.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]));
}

/** Form fields for a quiz submission; a multiple-answer question repeats its field. */
function quizFields(quizId: string, answers: QuizAnswers, submissionKey = newKey()): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ["intent", "quiz"],
    ["quizId", quizId],
    ["submissionKey", submissionKey],
  ];
  for (const [questionId, choiceIds] of Object.entries(answers)) for (const id of choiceIds) fields.push([`answer.${questionId}`, id]);
  return fields;
}

let keys = 0;
const newKey = () => `route-key-${++keys}-${Date.now().toString(36)}`;

/** Like post() from request.ts, but keeps repeated field names (checkbox answers). */
function postEntries(url: string, entries: Array<[string, string]>, cookie?: string): Request {
  const base = post(url, {}, cookie);
  return new Request(base.url, { method: "POST", headers: base.headers, body: new URLSearchParams(entries).toString() });
}

async function person(overrides: UserOverrides = {}) {
  const user = await createUser(overrides);
  return { user, cookie: await sessionCookieFor(user.id) };
}

function loadModule(slug: string, cookie?: string) {
  return callRoute<ModuleData>(modulePage.loader, { request: get(`/learn/modules/${slug}`, cookie), params: { slug } });
}

function act(slug: string, fields: Record<string, string> | Array<[string, string]>, cookie: string) {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  return callRoute<ActionBody>(modulePage.action, { request: postEntries(`/learn/modules/${slug}`, entries, cookie), params: { slug } });
}

function progressRow(userId: string, module: CompiledModule) {
  return prisma.moduleProgress.findUnique({
    where: { userId_moduleSlug_moduleVersion: { userId, moduleSlug: module.slug, moduleVersion: module.frontmatter.version } },
    include: { attempts: true },
  });
}

/** Completes `module` for the person directly through the model. */
async function complete(userId: string, module: CompiledModule) {
  await recordReading(userId, versionRef(module), { reachedEnd: true });
  const definition = module.quizzes[0];
  const answers = correctAnswers(definition);
  await recordQuizAttempt(userId, versionRef(module), {
    quizId: definition.id,
    answers,
    grade: gradeQuiz(definition, answers),
    submissionKey: newKey(),
  });
}

/**
 * A piece of each explanation as it would appear in JSON, whatever the
 * escaping: the longest run of plain letters, digits, spaces and commas.
 */
function probe(text: string): string {
  return text.split(/[^A-Za-z0-9 ,]/).reduce((longest, part) => (part.length > longest.length ? part : longest), "");
}

describe("module page loader", () => {
  test("anonymous visitors are sent to /login", async () => {
    const outcome = await loadModule(open.slug);
    expect(outcome.status).toBe(302);
    expect(loginRedirectTarget(outcome.location)).toEqual({ pathname: "/login", redirectTo: `/learn/modules/${open.slug}` });
  });

  test("an unknown slug is 404", async () => {
    const { cookie } = await person();
    const outcome = await loadModule("no-such-module", cookie);
    expect(outcome.status).toBe(404);
    expect(outcome.body).toMatchObject({ message: expect.any(String) });
  });

  test("a locked module sends no code and names the missing prerequisites, and is not started", async () => {
    const { user, cookie } = await person();
    const outcome = await loadModule(gated.slug, cookie);
    expect(outcome.status).toBe(200);
    const body = outcome.body!;
    expect(body.status).toEqual({ kind: "locked", missing: [open.slug] });
    expect(body.module.code).toBeNull();
    expect(body.missingPrerequisites).toEqual([{ slug: open.slug, title: open.frontmatter.title }]);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unlocked module sends its code and no answer keys or explanations until the quiz is submitted", async () => {
    const { user, cookie } = await person();
    const before = await loadModule(open.slug, cookie);
    expect(before.status).toBe(200);
    const body = before.body!;
    expect(body.status).toEqual({ kind: "new" });
    expect(typeof body.module.code).toBe("string");
    expect(body.module.code!.length).toBeGreaterThan(100);
    expect(body.quizzes[quiz().id]).toMatchObject({ id: quiz().id, latest: null });
    // Opening an unlocked module starts it.
    expect(await progressRow(user.id, open)).not.toBeNull();

    const json = JSON.stringify(body);
    expect(json).not.toContain("correctChoiceIds");
    expect(json).not.toMatch(/explanation/);
    expect(body.module.code!).not.toMatch(/\bcorrect\s*:/);
    for (const question of quiz().questions) {
      expect(probe(question.explanation).length).toBeGreaterThan(15);
      expect(json, `explanation of "${question.id}" leaked`).not.toContain(probe(question.explanation));
    }

    const submitted = await act(open.slug, quizFields(quiz().id, correctAnswers(quiz())), cookie);
    expect(submitted.status).toBe(302);

    const after = await loadModule(open.slug, cookie);
    const afterJson = JSON.stringify(after.body);
    expect(afterJson).toContain("correctChoiceIds");
    const latest = after.body!.quizzes[quiz().id].latest!;
    expect(latest).toMatchObject({ scorePercent: 100, passed: true });
    for (const question of quiz().questions) {
      expect(afterJson).toContain(probe(question.explanation));
      expect(latest.feedback[question.id]).toMatchObject({
        explanation: question.explanation,
        correct: true,
        correctChoiceIds: question.choices
          .filter((c) => c.correct)
          .map((c) => c.id)
          .sort(),
      });
    }
    expect(after.body!.status).toEqual({ kind: "in-progress" });
  });

  test("a failed attempt marks the wrong questions with hints but keeps their answers back until the last allowed try", async () => {
    const { cookie } = await person();
    const definition = quiz();
    const [missed, ...rest] = definition.questions;
    const wrongChoice = missed.choices.find((choice) => !choice.correct)!.id;
    const failing = { ...correctAnswers(definition), [missed.id]: [wrongChoice] };
    // Enough other wrong answers to fail, each one still a valid choice.
    for (const question of rest.slice(0, Math.ceil(definition.questions.length / 2))) {
      failing[question.id] = [question.choices.find((choice) => !choice.correct)!.id];
    }
    const wrongIds = new Set(Object.keys(failing).filter((id) => failing[id][0] !== correctAnswers(definition)[id][0]));
    const rightQuestion = definition.questions.find((question) => !wrongIds.has(question.id))!;

    for (let tries = 1; tries < QUIZ_TRIES_BEFORE_ANSWERS; tries++) {
      expect((await act(open.slug, quizFields(definition.id, failing), cookie)).status).toBe(302);
      const body = (await loadModule(open.slug, cookie)).body!;
      const latest = body.quizzes[definition.id].latest!;
      expect(latest).toMatchObject({ passed: false, answersShown: false, triesBeforeAnswers: QUIZ_TRIES_BEFORE_ANSWERS - tries });
      expect(latest.feedback[missed.id]).toEqual({ revealed: false, selected: [wrongChoice], correct: false, hint: expect.any(String) });
      // A question answered right explains itself: it only confirms the person's own choice.
      expect(latest.feedback[rightQuestion.id]).toMatchObject({ revealed: true, correct: true, explanation: rightQuestion.explanation });
      const json = JSON.stringify(body);
      for (const question of definition.questions.filter((candidate) => wrongIds.has(candidate.id))) {
        expect(json, `explanation of "${question.id}" leaked`).not.toContain(probe(question.explanation));
        const rightIds = question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
        expect(JSON.stringify(latest.feedback[question.id])).not.toMatch(new RegExp(rightIds.map((id) => `"${id}"`).join("|")));
      }
    }

    expect((await act(open.slug, quizFields(definition.id, failing), cookie)).status).toBe(302);
    const shown = (await loadModule(open.slug, cookie)).body!.quizzes[definition.id].latest!;
    expect(shown).toMatchObject({ passed: false, answersShown: true, triesBeforeAnswers: 0 });
    expect(shown.feedback[missed.id]).toMatchObject({ revealed: true, correct: false, explanation: missed.explanation });
  });
});

describe("module page action: quiz", () => {
  test("an unknown or missing intent is 400", async () => {
    const { cookie } = await person();
    expect((await act(open.slug, { intent: "explode" }, cookie)).status).toBe(400);
    expect((await act(open.slug, {}, cookie)).status).toBe(400);
  });

  test("an unknown module is 404", async () => {
    const { cookie } = await person();
    expect((await act("no-such-module", { intent: "progress" }, cookie)).status).toBe(404);
  });

  test("a locked module is 400 saying it is locked, and stores nothing", async () => {
    const { user, cookie } = await person();
    const definition = gated.quizzes[0];
    const outcome = await act(gated.slug, quizFields(definition.id, correctAnswers(definition)), cookie);
    expect(outcome.status).toBe(400);
    expect(outcome.body!.message).toMatch(/locked/i);
    expect(outcome.body!.message).toContain(open.frontmatter.title);
    const reading = await act(gated.slug, { intent: "finish" }, cookie);
    expect(reading.status).toBe(400);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unknown quizId is 400", async () => {
    const { user, cookie } = await person();
    const outcome = await act(open.slug, quizFields("no-such-quiz", correctAnswers(quiz())), cookie);
    expect(outcome.status).toBe(400);
    expect(outcome.body!.message).toEqual(expect.any(String));
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a short or missing submissionKey is 400", async () => {
    const { cookie } = await person();
    expect((await act(open.slug, quizFields(quiz().id, correctAnswers(quiz()), "short"), cookie)).status).toBe(400);
    const withoutKey = quizFields(quiz().id, correctAnswers(quiz())).filter(([name]) => name !== "submissionKey");
    expect((await act(open.slug, withoutKey, cookie)).status).toBe(400);
  });

  test("unanswered questions are 400 with an error per question and the draft echoed back", async () => {
    const { user, cookie } = await person();
    const [answered, ...rest] = quiz().questions;
    const draft = { [answered.id]: [answered.choices[0].id] };
    const outcome = await act(open.slug, quizFields(quiz().id, draft), cookie);
    expect(outcome.status).toBe(400);
    const body = outcome.body!;
    expect(body.intent).toBe("quiz");
    expect(body.result!.initialValue).toMatchObject({ quizId: quiz().id, answer: { [answered.id]: answered.choices[0].id } });
    expect(bodyInEnglish(body.result!.error![""])).toEqual([expect.stringContaining("Your answers weren't submitted")]);
    expect(Object.keys(questionErrors(body)).sort()).toEqual(rest.map((q) => q.id).sort());
    for (const q of rest) expect(bodyInEnglish(questionErrors(body)[q.id])).toEqual([expect.stringMatching(/choose/i)]);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unknown choice id is 400 naming that question", async () => {
    const { user, cookie } = await person();
    const answers = correctAnswers(quiz());
    const target = quiz().questions[0].id;
    answers[target] = ["not-a-choice"];
    const outcome = await act(open.slug, quizFields(quiz().id, answers), cookie);
    expect(outcome.status).toBe(400);
    expect(Object.keys(questionErrors(outcome.body!))).toEqual([target]);
    expect(questionErrors(outcome.body!)[target]![0]).toContain("not-a-choice");
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  test.each(["__proto__", "constructor", "toString", "no-such-question"])(
    "a field named answer.%s is 400 (never a 500) and stores nothing",
    async (name) => {
      const { user, cookie } = await person();
      const fields = [...quizFields(quiz().id, correctAnswers(quiz())), [`answer.${name}`, "x"] as [string, string]];
      const outcome = await act(open.slug, fields, cookie);
      expect(outcome.status).toBe(400);
      expect(outcome.body!.result!.error![""]![0]).toContain(name);
      expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
      // The prototype of ordinary objects is untouched.
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  test("two choices on a single-answer question is 400", async () => {
    const { cookie } = await person();
    const single = quiz().questions.find((q) => !q.multiple)!;
    const answers = { ...correctAnswers(quiz()), [single.id]: single.choices.slice(0, 2).map((c) => c.id) };
    const outcome = await act(open.slug, quizFields(quiz().id, answers), cookie);
    expect(outcome.status).toBe(400);
    expect(Object.keys(questionErrors(outcome.body!))).toEqual([single.id]);
  });

  test("a valid all-correct submission redirects to the quiz on the module page and stores the graded attempt", async () => {
    const { user, cookie } = await person();
    const outcome = await act(open.slug, quizFields(quiz().id, correctAnswers(quiz())), cookie);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/learn/modules/${open.slug}#quiz-${quiz().id}-section`);
    const attempts = await prisma.quizAttempt.findMany({ where: { userId: user.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ quizId: quiz().id, scorePercent: 100, passed: true, questionCount: quiz().questions.length });
    expect(JSON.parse(attempts[0].answers)).toEqual(correctAnswers(quiz()));
  });

  test("posting the same submissionKey twice stores one attempt", async () => {
    const { user, cookie } = await person();
    const fields = quizFields(quiz().id, correctAnswers(quiz()));
    const [a, b] = [await act(open.slug, fields, cookie), await act(open.slug, fields, cookie)];
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  test("a double click (the same submissionKey posted concurrently) stores one attempt and never fails", async () => {
    const { user, cookie } = await person();
    const fields = quizFields(quiz().id, correctAnswers(quiz()));
    const outcomes = await Promise.all([act(open.slug, fields, cookie), act(open.slug, fields, cookie), act(open.slug, fields, cookie)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([302, 302, 302]);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(1);
  });

  test("without JavaScript, finishing counts the time since the page was served, up to twice the module's reading time", async () => {
    const minutes = open.frontmatter.minutes;
    const cases: [string, number][] = [
      [new Date(Date.now() - 7 * 60_000).toISOString(), 7 * 60],
      [new Date(Date.now() - 10 * minutes * 60_000).toISOString(), 2 * minutes * 60],
      [new Date(Date.now() + 60_000).toISOString(), 0],
    ];
    for (const [openedAt, expected] of cases) {
      const { user, cookie } = await person();
      expect((await act(open.slug, { intent: "finish", openedAt }, cookie)).status).toBe(302);
      expect(Math.abs((await progressRow(user.id, open))!.timeSpentSeconds - expected)).toBeLessThanOrEqual(2);
    }
    const { cookie } = await person();
    expect((await act(open.slug, { intent: "finish", openedAt: "yesterday" }, cookie)).status).toBe(400);
  });

  test("the page tells a reader without JavaScript when it was served, for the finish form", async () => {
    const { cookie } = await person();
    const page = await callRoute<{ servedAt: string }>(modulePage.loader, {
      request: get(`/learn/modules/${open.slug}`, cookie),
      params: { slug: open.slug },
    });
    expect(Math.abs(Date.parse(page.body!.servedAt) - Date.now())).toBeLessThan(5_000);
  });

  test("intent=finish then a passing quiz completes the module", async () => {
    const { user, cookie } = await person();
    const finish = await act(open.slug, { intent: "finish" }, cookie);
    expect(finish).toMatchObject({ status: 302, location: `/learn/modules/${open.slug}#module-end` });
    expect((await progressRow(user.id, open))!).toMatchObject({ completedAt: null, reachedEndAt: expect.any(Date) });

    const submitted = await act(open.slug, quizFields(quiz().id, correctAnswers(quiz())), cookie);
    expect(submitted.status).toBe(302);
    expect((await progressRow(user.id, open))!.completedAt).toEqual(expect.any(Date));

    const page = await loadModule(open.slug, cookie);
    expect(page.body!.status).toEqual({ kind: "completed" });
    expect(page.body!.progress).toMatchObject({ reachedEnd: true, completed: true });
    // The next module on the path is now open and offered.
    expect(page.body!.next).toEqual({ slug: gated.slug, title: gated.frontmatter.title });
    const unlocked = await loadModule(gated.slug, cookie);
    expect(unlocked.body!.status).toEqual({ kind: "new" });
    expect(typeof unlocked.body!.module.code).toBe("string");
  });

  test("a failing quiz after finishing does not complete", async () => {
    const { user, cookie } = await person();
    await act(open.slug, { intent: "finish" }, cookie);
    const wrong = Object.fromEntries(quiz().questions.map((q) => [q.id, [q.choices.find((c) => !c.correct)!.id]]));
    expect((await act(open.slug, quizFields(quiz().id, wrong), cookie)).status).toBe(302);
    const row = await progressRow(user.id, open);
    expect(row!.completedAt).toBeNull();
    expect(row!.attempts).toEqual([expect.objectContaining({ passed: false, scorePercent: 0 })]);
  });
});

describe("module page action: progress", () => {
  test("a section id not in the module is accepted but not stored", async () => {
    const { user, cookie } = await person();
    const outcome = await act(open.slug, { intent: "progress", section: "not-a-section", seconds: "10" }, cookie);
    expect(outcome).toMatchObject({ status: 200, body: { recorded: true } });
    expect((await progressRow(user.id, open))!).toMatchObject({ lastSection: null, timeSpentSeconds: 10 });

    const section = open.sections[1].id;
    await act(open.slug, { intent: "progress", section }, cookie);
    await act(open.slug, { intent: "progress", section: "also-not-a-section" }, cookie);
    expect((await progressRow(user.id, open))!.lastSection).toBe(section);

    const page = await loadModule(open.slug, cookie);
    expect(page.body!.progress.lastSection).toEqual(open.sections[1]);
  });

  test("seconds over the cap are capped", async () => {
    const { user, cookie } = await person();
    const outcome = await act(open.slug, { intent: "progress", seconds: String(MAX_READING_SECONDS_PER_REPORT * 10) }, cookie);
    expect(outcome.status).toBe(200);
    expect((await progressRow(user.id, open))!.timeSpentSeconds).toBe(MAX_READING_SECONDS_PER_REPORT);
  });

  test.each(["abc", "-5", "999999999"])("seconds=%s is 400, never a 500", async (seconds) => {
    const { cookie } = await person();
    expect((await act(open.slug, { intent: "progress", seconds }, cookie)).status).toBe(400);
  });

  test("reachedEnd=1 sets reachedEndAt", async () => {
    const { user, cookie } = await person();
    await act(open.slug, { intent: "progress", section: open.sections[0].id }, cookie);
    expect((await progressRow(user.id, open))!.reachedEndAt).toBeNull();
    const outcome = await act(open.slug, { intent: "progress", reachedEnd: "1" }, cookie);
    expect(outcome).toMatchObject({ status: 200, body: { recorded: true } });
    const row = await progressRow(user.id, open);
    expect(row!.reachedEndAt).toEqual(expect.any(Date));
    expect(row!.completedAt).toBeNull();
    expect((await loadModule(open.slug, cookie)).body!.progress).toMatchObject({ reachedEnd: true, completed: false });
  });
});

describe("module page action: reflection", () => {
  test("empty text is 400", async () => {
    const { user, cookie } = await person();
    const reflectionId = open.reflections[0].id;
    for (const text of ["", "   "]) {
      const outcome = await act(open.slug, { intent: "reflection", reflectionId, text }, cookie);
      expect(outcome.status).toBe(400);
      expect(outcome.body!.result!.error!.text).toEqual([expect.any(String)]);
    }
    expect(await prisma.reflection.count({ where: { userId: user.id } })).toBe(0);
  });

  test("text over the length limit is 400", async () => {
    const { user, cookie } = await person();
    const outcome = await act(
      open.slug,
      { intent: "reflection", reflectionId: open.reflections[0].id, text: "x".repeat(REFLECTION_MAX_LENGTH + 1) },
      cookie,
    );
    expect(outcome.status).toBe(400);
    expect(outcome.body!.result!.error!.text).toEqual([expect.any(String)]);
    expect(await prisma.reflection.count({ where: { userId: user.id } })).toBe(0);
  });

  test("an unknown reflectionId is 400", async () => {
    const { user, cookie } = await person();
    const outcome = await act(open.slug, { intent: "reflection", reflectionId: "no-such-reflection", text: "Hello" }, cookie);
    expect(outcome.status).toBe(400);
    expect(await prisma.reflection.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a valid reflection is saved, trimmed, and shown on the page", async () => {
    const { user, cookie } = await person();
    const reflectionId = open.reflections[0].id;
    const outcome = await act(open.slug, { intent: "reflection", reflectionId, text: "  I felt like a ticket number.  " }, cookie);
    expect(outcome).toMatchObject({ status: 200, body: { savedReflectionId: reflectionId } });
    const rows = await prisma.reflection.findMany({ where: { userId: user.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        moduleSlug: open.slug,
        reflectionId,
        text: "I felt like a ticket number.",
        moduleVersion: open.frontmatter.version,
      }),
    ]);
    await act(open.slug, { intent: "reflection", reflectionId, text: "Edited." }, cookie);
    expect(await prisma.reflection.count({ where: { userId: user.id } })).toBe(1);
    expect((await loadModule(open.slug, cookie)).body!.reflections).toEqual({ [reflectionId]: "Edited." });
  });
});

describe("learn index loader", () => {
  function loadIndex(query: string, cookie: string) {
    return callRoute<IndexData>(learnIndex.loader, { request: get(`/learn${query}`, cookie) });
  }

  test("a new person: 0% of the path and the order-1 module next", async () => {
    const { cookie } = await person();
    const outcome = await loadIndex("", cookie);
    expect(outcome.status).toBe(200);
    const onboarding = catalog.modules.filter((m) => m.frontmatter.track === "onboarding");
    expect(outcome.body!.path).toMatchObject({ completed: 0, total: onboarding.length, percent: 0, nextSlug: open.slug });
    expect(outcome.body!.path.modules.map((card) => card.slug)).toEqual(
      [...onboarding].sort((a, b) => a.frontmatter.order - b.frontmatter.order).map((m) => m.slug),
    );
    expect(outcome.body!.library).toHaveLength(catalog.modules.length);
    expect(outcome.body!.canSeeTeam).toBe(false);
  });

  test("after completing the first module the path moves on", async () => {
    const { user, cookie } = await person();
    await complete(user.id, open);
    const onboarding = catalog.modules.filter((m) => m.frontmatter.track === "onboarding").map(moduleRef);
    const outcome = await loadIndex("", cookie);
    expect(outcome.body!.path).toMatchObject({
      completed: 1,
      percent: Math.round((1 / onboarding.length) * 100),
      nextSlug: gated.slug,
    });
    expect(outcome.body!.library.find((card) => card.slug === open.slug)!.status).toBe("completed");
  });

  test("filters by search text (title or summary, any case)", async () => {
    const { cookie } = await person();
    const word = open.frontmatter.title.split(" ").find((w) => w.length >= 5)!;
    const outcome = await loadIndex(`?q=${encodeURIComponent(word.toUpperCase())}`, cookie);
    expect(outcome.status).toBe(200);
    const expected = catalog.modules
      .filter((m) => `${m.frontmatter.title}\n${m.frontmatter.summary}`.toLowerCase().includes(word.toLowerCase()))
      .map((m) => m.slug);
    expect(outcome.body!.library.map((card) => card.slug)).toEqual(expected);
    expect(expected).toContain(open.slug);
    expect((await loadIndex("?q=zzzz-nothing-matches", cookie)).body!.library).toEqual([]);
  });

  test("filters by competency and by track, and both together", async () => {
    const { cookie } = await person();
    const competency = "empathy";
    const byCompetency = await loadIndex(`?competency=${competency}`, cookie);
    const withCompetency = catalog.modules.filter((m) => m.frontmatter.competencies.includes(competency));
    expect(withCompetency.length).toBeGreaterThan(1);
    expect(byCompetency.body!.library.map((c) => c.slug)).toEqual(withCompetency.map((m) => m.slug));

    const byTrack = await loadIndex("?track=ongoing", cookie);
    expect(byTrack.body!.library.map((c) => c.slug)).toEqual(
      catalog.modules.filter((m) => m.frontmatter.track === "ongoing").map((m) => m.slug),
    );
    // The path is not filtered.
    expect(byTrack.body!.path.modules.length).toBe(catalog.modules.filter((m) => m.frontmatter.track === "onboarding").length);

    const both = await loadIndex(`?competency=${competency}&track=ongoing`, cookie);
    expect(both.body!.library.map((c) => c.slug)).toEqual(
      withCompetency.filter((m) => m.frontmatter.track === "ongoing").map((m) => m.slug),
    );

    const empty = await loadIndex("?q=&competency=&track=", cookie);
    expect(empty.body!.library).toHaveLength(catalog.modules.length);
  });

  test.each(["?competency=NOT_A_SLUG", "?track=sideways", `?q=${"x".repeat(101)}`])("a bad query (%s) is 400", async (query) => {
    const { cookie } = await person();
    const outcome = await loadIndex(query, cookie);
    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatchObject({ message: expect.any(String) });
  });
});

describe("people pages", () => {
  let mine: Awaited<ReturnType<typeof createTeamWithLead>>;
  let theirs: Awaited<ReturnType<typeof createTeamWithLead>>;
  const cookies: Record<"agent" | "lead" | "admin", string> = { agent: "", lead: "", admin: "" };
  const reflectionText = "A reflection only the lead and admins should read.";

  beforeAll(async () => {
    mine = await createTeamWithLead({ memberCount: 2 });
    theirs = await createTeamWithLead({ memberCount: 1 });
    const admin = await createUser({ role: "admin" });
    cookies.agent = await sessionCookieFor(mine.members[0].id);
    cookies.lead = await sessionCookieFor(mine.lead.id);
    cookies.admin = await sessionCookieFor(admin.id);
    await saveReflection(mine.members[0].id, versionRef(open), open.reflections[0].id, reflectionText);
    await complete(mine.members[0].id, open);
  });

  const loadPeople = (cookie?: string) => callRoute<PeopleData>(peopleIndex.loader, { request: get("/learn/people", cookie) });
  const loadPerson = (userId: string, cookie?: string) =>
    callRoute<PersonData>(personPage.loader, { request: get(`/learn/people/${userId}`, cookie), params: { userId } });

  test("anonymous visitors are sent to /login", async () => {
    expect(loginRedirectTarget((await loadPeople()).location).pathname).toBe("/login");
    expect(loginRedirectTarget((await loadPerson(mine.members[0].id)).location).pathname).toBe("/login");
  });

  test("an agent gets 403 for /learn/people and /learn/people/:id (even their own)", async () => {
    expect((await loadPeople(cookies.agent)).status).toBe(403);
    expect((await loadPerson(mine.members[1].id, cookies.agent)).status).toBe(403);
    expect((await loadPerson(mine.members[0].id, cookies.agent)).status).toBe(403);
  });

  test("a lead's list holds their own team only", async () => {
    const outcome = await loadPeople(cookies.lead);
    expect(outcome.status).toBe(200);
    expect(outcome.body!.rows.map((row) => row.id).sort()).toEqual(mine.members.map((m) => m.id).sort());
    const done = outcome.body!.rows.find((row) => row.id === mine.members[0].id)!;
    expect(done.completed).toBe(1);
    expect(done.onboardingPercent).toBeGreaterThan(0);
  });

  test("a lead gets 404 for someone on another team, 200 with reflections for their own member", async () => {
    const other = await loadPerson(theirs.members[0].id, cookies.lead);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(theirs.members[0].name);

    const own = await loadPerson(mine.members[0].id, cookies.lead);
    expect(own.status).toBe(200);
    const body = own.body!;
    expect(body.person).toEqual({ id: mine.members[0].id, name: mine.members[0].name });
    expect(body.reflections).toEqual([
      expect.objectContaining({ key: `${open.slug}/${open.reflections[0].id}`, prompt: open.reflections[0].prompt, text: reflectionText }),
    ]);
    expect(body.modules.find((m) => m.slug === open.slug)).toMatchObject({ status: "completed", attempts: 1, bestScore: 100 });
    expect(body.onboarding.completed).toBe(1);
  });

  test("an admin gets 200 for anyone", async () => {
    expect((await loadPeople(cookies.admin)).status).toBe(200);
    for (const id of [mine.members[0].id, theirs.members[0].id, theirs.lead.id]) {
      expect((await loadPerson(id, cookies.admin)).status).toBe(200);
    }
    expect(JSON.stringify((await loadPerson(mine.members[0].id, cookies.admin)).body)).toContain(reflectionText);
  });

  test("an unknown person id is 404", async () => {
    for (const role of ["lead", "admin"] as const) {
      expect((await loadPerson("cnonexistent0000000000000", cookies[role])).status).toBe(404);
    }
  });
});

// A module bumped to a new version after the person completed it. Simulated
// with a completed row for version current-1: the catalog's own version is
// then the "new" one. The authoring guide: people who completed the old
// version "see the module marked Updated; their progress on the new version
// starts fresh", and the earlier completion still counts.
describe("a module updated since the person completed it", () => {
  async function completedEarlierVersion() {
    const member = await person();
    const done = new Date("2024-01-10T10:00:00Z");
    await prisma.moduleProgress.create({
      data: {
        userId: member.user.id,
        moduleSlug: open.slug,
        moduleVersion: open.frontmatter.version - 1,
        reachedEndAt: done,
        completedAt: done,
      },
    });
    return member;
  }

  test("the first visit shows Updated and starts a fresh row for the current version", async () => {
    const { user, cookie } = await completedEarlierVersion();
    const page = await loadModule(open.slug, cookie);
    expect(page.body!.status).toEqual({ kind: "updated", completedVersion: open.frontmatter.version - 1 });
    expect(page.body!.progress).toEqual({ lastSection: null, reachedEnd: false, completed: false });
    expect(await progressRow(user.id, open)).toMatchObject({ completedAt: null });
    // The earlier completion still unlocks what follows it.
    expect((await loadModule(gated.slug, cookie)).body!.status).toEqual({ kind: "new" });
  });

  test("it stays Updated on later visits until the current version is completed, then Completed", async () => {
    const { cookie } = await completedEarlierVersion();
    await loadModule(open.slug, cookie);
    await act(open.slug, { intent: "progress", section: open.sections[0].id }, cookie);
    const reload = await loadModule(open.slug, cookie);
    expect(reload.body!.status).toEqual({ kind: "updated", completedVersion: open.frontmatter.version - 1 });

    await act(open.slug, { intent: "finish" }, cookie);
    await act(open.slug, quizFields(quiz().id, correctAnswers(quiz())), cookie);
    expect((await loadModule(open.slug, cookie)).body!.status).toEqual({ kind: "completed" });
  });

  test("a lead's people list keeps counting the earlier completion after the person opens the new version", async () => {
    const team = await createTeamWithLead({ memberCount: 0 });
    const { user, cookie } = await completedEarlierVersion();
    await prisma.user.update({ where: { id: user.id }, data: { teamId: team.team.id } });
    const leadCookie = await sessionCookieFor(team.lead.id);
    const list = () => callRoute<PeopleData>(peopleIndex.loader, { request: get("/learn/people", leadCookie) });

    const before = (await list()).body!.rows.find((row) => row.id === user.id)!;
    expect(before).toMatchObject({ completed: 1, inProgress: 0 });

    await loadModule(open.slug, cookie);
    const after = (await list()).body!.rows.find((row) => row.id === user.id)!;
    // The onboarding share still counts the module as done; so should "Modules completed".
    expect(after.onboardingPercent).toBe(before.onboardingPercent);
    expect(after).toMatchObject({ completed: 1 });
  });
});
