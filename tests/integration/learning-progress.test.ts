// The learning model on real SQLite, driven with real modules from content/:
// progress rows, reading reports, quiz attempts, completion, new module
// versions, reflections and who appears on the people pages.
import { beforeAll, describe, expect, test } from "vitest";
import { getCatalog, moduleRef, versionRef, type CompiledModule } from "~/content/modules.server.ts";
import type { QuizDefinition } from "~/content/schemas.ts";
import { peopleScope, type Viewer } from "~/engine/access/people.ts";
import { moduleStatus } from "~/engine/learning/progress.ts";
import { gradeQuiz, type QuizAnswers } from "~/engine/learning/quiz.ts";
import {
  MAX_READING_SECONDS_PER_REPORT,
  getModuleProgress,
  listLearnersWithProgress,
  listProgressRecords,
  recordQuizAttempt,
  recordReading,
  saveReflection,
  startModule,
  type ModuleVersionRef,
} from "~/models/learning.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { LEARNERS_PAGE_SIZE } from "../../app/domain/pages.ts";
import { createTeam, createTeamWithLead, createUser } from "../factories/index.ts";

let catalogModules: CompiledModule[];
/** A module with no prerequisites and exactly one quiz: the onboarding path's first module. */
let first: CompiledModule;
/** Another module, for "a different module" checks. */
let second: CompiledModule;

beforeAll(async () => {
  catalogModules = (await getCatalog()).modules;
  const onboarding = catalogModules.filter((module) => module.frontmatter.track === "onboarding");
  first = onboarding.find((module) => module.frontmatter.order === 1)!;
  second = onboarding.find((module) => module.frontmatter.order === 2)!;
  expect(first.frontmatter.prerequisites).toEqual([]);
  expect(first.quizzes).toHaveLength(1);
  expect(first.sections.length).toBeGreaterThanOrEqual(2);
  expect(first.reflections.length).toBeGreaterThanOrEqual(1);
  expect(second).toBeDefined();
});

const quizOf = (module: CompiledModule): QuizDefinition => module.quizzes[0];

function correctAnswers(quiz: QuizDefinition): QuizAnswers {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]));
}

function wrongAnswers(quiz: QuizDefinition): QuizAnswers {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, [q.choices.find((c) => !c.correct)!.id]]));
}

let keys = 0;
const newKey = () => `submission-${++keys}-${Date.now().toString(36)}`;

function attempt(userId: string, ref: ModuleVersionRef, quiz: QuizDefinition, answers: QuizAnswers, submissionKey = newKey(), now?: Date) {
  return recordQuizAttempt(userId, ref, { quizId: quiz.id, answers, grade: gradeQuiz(quiz, answers), submissionKey }, now);
}

const pass = (userId: string, module: CompiledModule, ref = versionRef(module), now?: Date) =>
  attempt(userId, ref, quizOf(module), correctAnswers(quizOf(module)), newKey(), now);
const fail = (userId: string, module: CompiledModule, ref = versionRef(module), now?: Date) =>
  attempt(userId, ref, quizOf(module), wrongAnswers(quizOf(module)), newKey(), now);

function progressRow(userId: string, module: { slug: string; version: number }) {
  return prisma.moduleProgress.findUnique({
    where: { userId_moduleSlug_moduleVersion: { userId, moduleSlug: module.slug, moduleVersion: module.version } },
    include: { attempts: true },
  });
}

const at = (iso: string) => new Date(iso);

describe("startModule", () => {
  test("creates one empty row per (user, module, version) and is idempotent", async () => {
    const user = await createUser();
    const ref = versionRef(first);
    await startModule(user.id, ref);
    await startModule(user.id, ref);
    await startModule(user.id, ref);

    const rows = await prisma.moduleProgress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      moduleSlug: first.slug,
      moduleVersion: first.frontmatter.version,
      lastSection: null,
      reachedEndAt: null,
      completedAt: null,
      timeSpentSeconds: 0,
    });

    // A different module, a different version and a different person each get their own row.
    await startModule(user.id, versionRef(second));
    await startModule(user.id, { ...ref, version: ref.version + 1 });
    const other = await createUser();
    await startModule(other.id, ref);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(3);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id, moduleSlug: first.slug } })).toBe(2);
    expect(await prisma.moduleProgress.count({ where: { userId: other.id } })).toBe(1);
  });

  test("two first page views at once (concurrent calls) store one row and never throw", async () => {
    const user = await createUser();
    await expect(Promise.all([startModule(user.id, versionRef(first)), startModule(user.id, versionRef(first))])).resolves.toBeDefined();
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("recordReading", () => {
  test("stores the last section; a report without a section keeps it, a new one replaces it", async () => {
    const user = await createUser();
    const [s1, s2] = first.sections;
    await recordReading(user.id, versionRef(first), { section: s1.id });
    expect((await progressRow(user.id, versionRef(first)))!.lastSection).toBe(s1.id);
    await recordReading(user.id, versionRef(first), { seconds: 5 });
    expect((await progressRow(user.id, versionRef(first)))!.lastSection).toBe(s1.id);
    await recordReading(user.id, versionRef(first), { section: s2.id });
    expect((await progressRow(user.id, versionRef(first)))!.lastSection).toBe(s2.id);
  });

  test("adds time, rounding, ignoring negatives and capping one report at MAX_READING_SECONDS_PER_REPORT", async () => {
    const user = await createUser();
    const ref = versionRef(first);
    await recordReading(user.id, ref, { seconds: 40 });
    await recordReading(user.id, ref, { seconds: 19.6 });
    expect((await progressRow(user.id, ref))!.timeSpentSeconds).toBe(60);
    await recordReading(user.id, ref, { seconds: -500 });
    expect((await progressRow(user.id, ref))!.timeSpentSeconds).toBe(60);
    await recordReading(user.id, ref, { seconds: 10 * 60 * 60 });
    expect((await progressRow(user.id, ref))!.timeSpentSeconds).toBe(60 + MAX_READING_SECONDS_PER_REPORT);
    expect(MAX_READING_SECONDS_PER_REPORT).toBe(300);
  });

  test("sets reachedEndAt once: a later report neither moves nor clears it", async () => {
    const user = await createUser();
    const ref = versionRef(first);
    await recordReading(user.id, ref, { section: first.sections[0].id }, at("2024-03-01T09:00:00Z"));
    expect((await progressRow(user.id, ref))!.reachedEndAt).toBeNull();
    await recordReading(user.id, ref, { reachedEnd: true }, at("2024-03-01T10:00:00Z"));
    expect((await progressRow(user.id, ref))!.reachedEndAt).toEqual(at("2024-03-01T10:00:00Z"));
    await recordReading(user.id, ref, { reachedEnd: true }, at("2024-03-02T10:00:00Z"));
    await recordReading(user.id, ref, { seconds: 30 }, at("2024-03-03T10:00:00Z"));
    expect((await progressRow(user.id, ref))!.reachedEndAt).toEqual(at("2024-03-01T10:00:00Z"));
  });
});

describe("recordQuizAttempt", () => {
  test("stores the answers as JSON, the score and whether it passed, on the version's progress row", async () => {
    const user = await createUser();
    const quiz = quizOf(first);
    // First question wrong, the rest right.
    const answers = { ...correctAnswers(quiz), ...Object.fromEntries([[quiz.questions[0].id, wrongAnswers(quiz)[quiz.questions[0].id]]]) };
    const grade = gradeQuiz(quiz, answers);
    const n = quiz.questions.length;
    expect(grade.correctCount).toBe(n - 1);

    const result = await recordQuizAttempt(user.id, versionRef(first), { quizId: quiz.id, answers, grade, submissionKey: newKey() });
    expect(result).toEqual({ completed: false, duplicate: false });

    const row = await progressRow(user.id, versionRef(first));
    expect(row!.attempts).toHaveLength(1);
    const stored = row!.attempts[0];
    expect(JSON.parse(stored.answers)).toEqual(answers);
    expect(stored).toMatchObject({
      userId: user.id,
      quizId: quiz.id,
      correctCount: n - 1,
      questionCount: n,
      scorePercent: Math.round(((n - 1) / n) * 100),
      passed: Math.round(((n - 1) / n) * 100) >= quiz.passPercent,
    });

    await fail(user.id, first);
    const failing = (await progressRow(user.id, versionRef(first)))!.attempts.find((a) => a.id !== stored.id)!;
    expect(failing).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
    expect(JSON.parse(failing.answers)).toEqual(wrongAnswers(quiz));
  });

  test("the same submissionKey twice stores ONE attempt and reports duplicate: true", async () => {
    const user = await createUser();
    const quiz = quizOf(first);
    const key = newKey();
    const firstCall = await attempt(user.id, versionRef(first), quiz, wrongAnswers(quiz), key);
    const again = await attempt(user.id, versionRef(first), quiz, correctAnswers(quiz), key);
    expect(firstCall.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    const attempts = await prisma.quizAttempt.findMany({ where: { userId: user.id } });
    expect(attempts).toHaveLength(1);
    // The repeat did not overwrite the stored attempt.
    expect(attempts[0].passed).toBe(false);
  });

  test("two concurrent calls with the same key store one attempt and never throw", async () => {
    const user = await createUser();
    const quiz = quizOf(first);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => attempt(user.id, versionRef(first), quiz, correctAnswers(quiz), key)),
    );
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id } })).toBe(1);
  });

  test("the same key from two different people stores two attempts", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const key = newKey();
    await attempt(a.id, versionRef(first), quizOf(first), correctAnswers(quizOf(first)), key);
    const forB = await attempt(b.id, versionRef(first), quizOf(first), correctAnswers(quizOf(first)), key);
    expect(forB.duplicate).toBe(false);
    expect(await prisma.quizAttempt.count({ where: { submissionKey: key } })).toBe(2);
  });
});

describe("completion", () => {
  test("reaching the end alone does not complete", async () => {
    const user = await createUser();
    expect(await recordReading(user.id, versionRef(first), { reachedEnd: true })).toEqual({ completed: false });
    expect((await progressRow(user.id, versionRef(first)))!.completedAt).toBeNull();
  });

  test("a passing attempt alone does not complete", async () => {
    const user = await createUser();
    expect(await pass(user.id, first)).toEqual({ completed: false, duplicate: false });
    expect((await progressRow(user.id, versionRef(first)))!.completedAt).toBeNull();
  });

  test("a failing attempt after reaching the end does not complete", async () => {
    const user = await createUser();
    await recordReading(user.id, versionRef(first), { reachedEnd: true });
    expect(await fail(user.id, first)).toEqual({ completed: false, duplicate: false });
    expect((await progressRow(user.id, versionRef(first)))!.completedAt).toBeNull();
  });

  test("end reached, then a pass: completedAt is the moment of the pass", async () => {
    const user = await createUser();
    await recordReading(user.id, versionRef(first), { reachedEnd: true }, at("2024-04-01T09:00:00Z"));
    expect(await pass(user.id, first, versionRef(first), at("2024-04-01T09:30:00Z"))).toEqual({ completed: true, duplicate: false });
    expect((await progressRow(user.id, versionRef(first)))!.completedAt).toEqual(at("2024-04-01T09:30:00Z"));
  });

  test("a pass, then the end reached: completedAt is the moment of the reading report", async () => {
    const user = await createUser();
    await pass(user.id, first, versionRef(first), at("2024-04-01T09:00:00Z"));
    expect(await recordReading(user.id, versionRef(first), { reachedEnd: true }, at("2024-04-01T09:45:00Z"))).toEqual({ completed: true });
    expect((await progressRow(user.id, versionRef(first)))!.completedAt).toEqual(at("2024-04-01T09:45:00Z"));
  });

  test("a later failing attempt does not un-complete and completedAt never moves on later activity", async () => {
    const user = await createUser();
    const ref = versionRef(first);
    await recordReading(user.id, ref, { reachedEnd: true }, at("2024-05-01T09:00:00Z"));
    await pass(user.id, first, ref, at("2024-05-01T09:10:00Z"));
    const completedAt = at("2024-05-01T09:10:00Z");

    expect(await fail(user.id, first, ref, at("2024-05-02T09:00:00Z"))).toEqual({ completed: true, duplicate: false });
    await recordReading(user.id, ref, { section: first.sections[0].id, seconds: 60, reachedEnd: true }, at("2024-05-03T09:00:00Z"));
    await pass(user.id, first, ref, at("2024-05-04T09:00:00Z"));

    const row = await progressRow(user.id, ref);
    expect(row!.completedAt).toEqual(completedAt);
    expect(row!.reachedEndAt).toEqual(at("2024-05-01T09:00:00Z"));
    expect(row!.attempts).toHaveLength(3);
    expect(moduleStatus(moduleRef(first), await listProgressRecords(user.id))).toEqual({ kind: "completed" });
  });
});

describe("a new module version", () => {
  async function completeCurrent(userId: string) {
    await recordReading(userId, versionRef(first), { reachedEnd: true }, at("2024-06-01T09:00:00Z"));
    await pass(userId, first, versionRef(first), at("2024-06-01T09:05:00Z"));
  }
  const nextRef = (): ModuleVersionRef => ({ ...versionRef(first), version: first.frontmatter.version + 1 });
  const nextModuleRef = () => ({ ...moduleRef(first), version: first.frontmatter.version + 1 });

  test("keeps the old row's completion and attempts and starts a fresh row for the new version", async () => {
    const user = await createUser();
    await completeCurrent(user.id);
    const before = await progressRow(user.id, versionRef(first));

    await startModule(user.id, nextRef());
    await recordReading(user.id, nextRef(), { section: first.sections[1].id, seconds: 20 });
    await fail(user.id, first, nextRef());

    const old = await progressRow(user.id, versionRef(first));
    expect(old!.completedAt).toEqual(at("2024-06-01T09:05:00Z"));
    expect(old!.attempts.map((a) => a.id)).toEqual(before!.attempts.map((a) => a.id));
    expect(old!.lastSection).toBe(before!.lastSection);

    const fresh = await progressRow(user.id, nextRef());
    expect(fresh).toMatchObject({ completedAt: null, reachedEndAt: null, lastSection: first.sections[1].id, timeSpentSeconds: 20 });
    expect(fresh!.attempts).toHaveLength(1);
    expect(await prisma.moduleProgress.count({ where: { userId: user.id, moduleSlug: first.slug } })).toBe(2);
    expect(await getModuleProgress(user.id, nextRef())).toMatchObject({ completedAt: null });
  });

  test("the new version needs its own end reached and pass: a pass alone does not complete it", async () => {
    const user = await createUser();
    await completeCurrent(user.id);
    expect(await pass(user.id, first, nextRef())).toEqual({ completed: false, duplicate: false });
    expect((await progressRow(user.id, nextRef()))!.completedAt).toBeNull();
    expect(await recordReading(user.id, nextRef(), { reachedEnd: true })).toEqual({ completed: true });
  });

  test("moduleStatus is 'updated' before the new version is opened, and 'completed' once it is completed", async () => {
    const user = await createUser();
    await completeCurrent(user.id);
    const version = first.frontmatter.version;
    expect(moduleStatus(nextModuleRef(), await listProgressRecords(user.id))).toEqual({ kind: "updated", completedVersion: version });
    // The old version's status is untouched.
    expect(moduleStatus(moduleRef(first), await listProgressRecords(user.id))).toEqual({ kind: "completed" });

    await recordReading(user.id, nextRef(), { reachedEnd: true });
    await pass(user.id, first, nextRef());
    expect(moduleStatus(nextModuleRef(), await listProgressRecords(user.id))).toEqual({ kind: "completed" });
  });

  // The brief's rule: "updated" for the new version until it is completed. The
  // engine instead reports "in-progress" as soon as a row for the new version
  // exists (see app/engine/learning/progress.ts and its unit test "an older
  // version completed and the current version started is in-progress").
  test("moduleStatus stays 'updated' for the new version after it is opened, until it is completed", async () => {
    const user = await createUser();
    await completeCurrent(user.id);
    const version = first.frontmatter.version;

    await startModule(user.id, nextRef());
    await recordReading(user.id, nextRef(), { section: first.sections[0].id, reachedEnd: true });
    await fail(user.id, first, nextRef());
    expect(moduleStatus(nextModuleRef(), await listProgressRecords(user.id))).toEqual({ kind: "updated", completedVersion: version });

    await pass(user.id, first, nextRef());
    expect(moduleStatus(nextModuleRef(), await listProgressRecords(user.id))).toEqual({ kind: "completed" });
  });
});

describe("saveReflection", () => {
  test("upserts one row per (user, module, reflection id), updating the text and moduleVersion", async () => {
    const user = await createUser();
    const reflectionId = first.reflections[0].id;
    const ref = versionRef(first);
    await saveReflection(user.id, ref, reflectionId, "First thoughts");
    let rows = await prisma.reflection.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ moduleSlug: first.slug, reflectionId, moduleVersion: ref.version, text: "First thoughts" });

    await saveReflection(user.id, { ...ref, version: ref.version + 1 }, reflectionId, "Second thoughts");
    rows = await prisma.reflection.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: "Second thoughts", moduleVersion: ref.version + 1 });

    // Another block, another module and another person each get their own row.
    await saveReflection(user.id, ref, "another-block", "Other block");
    await saveReflection(user.id, versionRef(second), reflectionId, "Same id, other module");
    const other = await createUser();
    await saveReflection(other.id, ref, reflectionId, "Someone else");
    expect(await prisma.reflection.count({ where: { userId: user.id } })).toBe(3);
    expect(await prisma.reflection.count({ where: { userId: other.id } })).toBe(1);
    expect((await prisma.reflection.findFirstOrThrow({ where: { userId: user.id, moduleSlug: first.slug, reflectionId } })).text).toBe(
      "Second thoughts",
    );
  });
});

describe("listLearnersWithProgress", () => {
  let teamA: Awaited<ReturnType<typeof createTeamWithLead>>;
  let teamB: Awaited<ReturnType<typeof createTeamWithLead>>;
  let gone: { id: string };
  let teamless: { id: string };
  let admin: { id: string };

  beforeAll(async () => {
    admin = await createUser({ role: "admin" });
    teamA = await createTeamWithLead({ memberCount: 2 });
    teamB = await createTeamWithLead({ memberCount: 2 });
    gone = await createUser({ teamId: teamA.team.id, deactivatedAt: new Date() });
    teamless = await createUser();
    await startModule(teamA.members[0].id, versionRef(first));
    await recordReading(teamA.members[0].id, versionRef(first), { section: first.sections[0].id });
  });

  const viewer = (id: string, role: Viewer["role"], ledTeamIds: string[] = []): Viewer => ({ id, role, ledTeamIds });

  test("a lead sees their team's active people with their progress rows, not themselves, other teams or the deactivated", async () => {
    const { total, learners } = await listLearnersWithProgress(
      peopleScope(viewer(teamA.lead.id, "lead", [teamA.team.id])),
      teamA.lead.id,
      1,
    );
    expect(total).toBe(teamA.members.length);
    expect(learners.map((l) => l.id).sort()).toEqual(teamA.members.map((m) => m.id).sort());
    const ids = learners.map((l) => l.id);
    expect(ids).not.toContain(teamA.lead.id);
    expect(ids).not.toContain(gone.id);
    for (const member of teamB.members) expect(ids).not.toContain(member.id);

    const started = learners.find((l) => l.id === teamA.members[0].id)!;
    expect(started.team?.name).toBe(teamA.team.name);
    expect(started.moduleProgress).toEqual([
      expect.objectContaining({
        moduleSlug: first.slug,
        moduleVersion: first.frontmatter.version,
        lastSection: first.sections[0].id,
        completedAt: null,
      }),
    ]);
    expect(learners.find((l) => l.id === teamA.members[1].id)!.moduleProgress).toEqual([]);
  });

  test("an agent's scope returns nobody", async () => {
    const agent = teamA.members[0];
    expect(await listLearnersWithProgress(peopleScope(viewer(agent.id, "agent")), agent.id, 1)).toEqual({ total: 0, learners: [] });
  });

  test("an admin sees every active agent and lead except themselves", async () => {
    // Everyone fits on one page here: collect every page to be safe.
    const scope = peopleScope(viewer(admin.id, "admin"));
    const { total } = await listLearnersWithProgress(scope, admin.id, 1);
    const pages = Math.max(1, Math.ceil(total / LEARNERS_PAGE_SIZE));
    const ids: string[] = [];
    for (let page = 1; page <= pages; page++)
      ids.push(...(await listLearnersWithProgress(scope, admin.id, page)).learners.map((l) => l.id));
    expect(ids).toHaveLength(total);
    for (const id of [teamA.lead.id, teamB.lead.id, ...teamA.members.map((m) => m.id), ...teamB.members.map((m) => m.id), teamless.id]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain(admin.id);
    expect(ids).not.toContain(gone.id);
    const expected = await prisma.user.findMany({
      where: { deactivatedAt: null, role: { in: ["agent", "lead"] }, id: { not: admin.id } },
      select: { id: true },
    });
    expect(ids.sort()).toEqual(expected.map((u) => u.id).sort());
  });

  test("pages hold LEARNERS_PAGE_SIZE people in name order, without overlap, and a page past the end is empty", async () => {
    const lead = await createUser({ role: "lead" });
    const team = await createTeam({ leadId: lead.id });
    const size = LEARNERS_PAGE_SIZE + 3;
    for (let i = 0; i < size; i++) await createUser({ teamId: team.id, name: `Paged ${String(i).padStart(3, "0")}` });
    const scope = peopleScope(viewer(lead.id, "lead", [team.id]));
    const one = await listLearnersWithProgress(scope, lead.id, 1);
    const two = await listLearnersWithProgress(scope, lead.id, 2);
    expect(one.total).toBe(size);
    expect(two.total).toBe(size);
    expect(one.learners).toHaveLength(LEARNERS_PAGE_SIZE);
    expect(two.learners).toHaveLength(3);
    const names = [...one.learners, ...two.learners].map((l) => l.name);
    expect(names).toEqual(Array.from({ length: size }, (_, i) => `Paged ${String(i).padStart(3, "0")}`));
    expect((await listLearnersWithProgress(scope, lead.id, 3)).learners).toEqual([]);
  });
});
