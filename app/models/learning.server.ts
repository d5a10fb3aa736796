import { z } from "zod";
import { LEARNERS_PAGE_SIZE } from "~/domain/pages.ts";
import type { PeopleScope } from "~/engine/access/people.ts";
import { isComplete } from "~/engine/learning/progress.ts";
import type { QuizAnswers, QuizGrade } from "~/engine/learning/quiz.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { scopeToWhere } from "./user.server.ts";

const QuizAnswersColumn = jsonColumn(z.record(z.array(z.string())));

/** What the model needs to know about a module version. */
export type ModuleVersionRef = { slug: string; version: number; quizIds: string[] };

/** Longest stretch of reading one report may add: a tab left open overnight must not count. */
export const MAX_READING_SECONDS_PER_REPORT = 300;

/**
 * Without JavaScript there are no heartbeats: the one "I've read this module" report counts the
 * time since the page was served, up to this many times the module's stated reading time.
 */
export const MAX_READING_TIME_FACTOR = 2;

export async function listProgressRecords(userId: string) {
  return prisma.moduleProgress.findMany({
    where: { userId },
    select: { moduleSlug: true, moduleVersion: true, completedAt: true, reachedEndAt: true, lastSection: true, updatedAt: true },
  });
}

/** The person's progress on this module version with each quiz's latest attempt, or null before they open it. */
export async function getModuleProgress(userId: string, module: { slug: string; version: number }) {
  const progress = await prisma.moduleProgress.findUnique({
    where: { userId_moduleSlug_moduleVersion: { userId, moduleSlug: module.slug, moduleVersion: module.version } },
    select: {
      id: true,
      lastSection: true,
      reachedEndAt: true,
      completedAt: true,
      timeSpentSeconds: true,
      attempts: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { quizId: true, answers: true, scorePercent: true, passed: true, createdAt: true },
      },
    },
  });
  return (
    progress && {
      ...progress,
      attempts: progress.attempts.map((attempt) => ({ ...attempt, answers: QuizAnswersColumn.read(attempt.answers) })),
    }
  );
}

async function ensureProgress(tx: Prisma.TransactionClient, userId: string, module: { slug: string; version: number }) {
  return tx.moduleProgress.upsert({
    where: { userId_moduleSlug_moduleVersion: { userId, moduleSlug: module.slug, moduleVersion: module.version } },
    create: { userId, moduleSlug: module.slug, moduleVersion: module.version },
    update: {},
    select: { id: true, reachedEndAt: true, completedAt: true },
  });
}

/** Records that the person opened the module (starting it if this is the first time). */
export async function startModule(userId: string, module: { slug: string; version: number }): Promise<void> {
  await prisma.$transaction((tx) => ensureProgress(tx, userId, module));
}

async function completeIfDone(tx: Prisma.TransactionClient, progressId: string, module: ModuleVersionRef, now: Date) {
  const progress = await tx.moduleProgress.findUniqueOrThrow({
    where: { id: progressId },
    select: { reachedEndAt: true, completedAt: true, attempts: { where: { passed: true }, select: { quizId: true } } },
  });
  if (progress.completedAt) return true;
  const done = isComplete({
    reachedEnd: progress.reachedEndAt !== null,
    quizIds: module.quizIds,
    passedQuizIds: new Set(progress.attempts.map((attempt) => attempt.quizId)),
  });
  if (done) await tx.moduleProgress.update({ where: { id: progressId }, data: { completedAt: now } });
  return done;
}

export async function recordReading(
  userId: string,
  module: ModuleVersionRef,
  {
    section,
    seconds = 0,
    reachedEnd = false,
    maxSeconds = MAX_READING_SECONDS_PER_REPORT,
  }: {
    section?: string;
    seconds?: number;
    reachedEnd?: boolean;
    /** Cap for this report; a heartbeat's by default. */ maxSeconds?: number;
  },
  now = new Date(),
): Promise<{ completed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const progress = await ensureProgress(tx, userId, module);
    await tx.moduleProgress.update({
      where: { id: progress.id },
      data: {
        lastSection: section,
        timeSpentSeconds: { increment: Math.min(Math.max(0, Math.round(seconds)), maxSeconds) },
        reachedEndAt: reachedEnd && !progress.reachedEndAt ? now : undefined,
      },
    });
    return { completed: await completeIfDone(tx, progress.id, module, now) };
  });
}

/**
 * Stores a graded attempt. A form submitted twice carries the same key and is
 * stored once, so a double click never counts twice.
 */
export async function recordQuizAttempt(
  userId: string,
  module: ModuleVersionRef,
  attempt: { quizId: string; answers: QuizAnswers; grade: QuizGrade; submissionKey: string },
  now = new Date(),
): Promise<{ completed: boolean; duplicate: boolean }> {
  return prisma.$transaction(async (tx) => {
    const progress = await ensureProgress(tx, userId, module);
    const existing = await tx.quizAttempt.findUnique({
      where: { userId_submissionKey: { userId, submissionKey: attempt.submissionKey } },
      select: { id: true },
    });
    if (!existing) {
      await tx.quizAttempt.create({
        data: {
          userId,
          progressId: progress.id,
          quizId: attempt.quizId,
          answers: QuizAnswersColumn.write(attempt.answers),
          correctCount: attempt.grade.correctCount,
          questionCount: attempt.grade.questionCount,
          scorePercent: attempt.grade.scorePercent,
          passed: attempt.grade.passed,
          submissionKey: attempt.submissionKey,
          createdAt: now,
        },
      });
    }
    return { completed: await completeIfDone(tx, progress.id, module, now), duplicate: existing !== null };
  });
}

export async function saveReflection(userId: string, module: { slug: string; version: number }, reflectionId: string, text: string) {
  await prisma.reflection.upsert({
    where: { userId_moduleSlug_reflectionId: { userId, moduleSlug: module.slug, reflectionId } },
    create: { userId, moduleSlug: module.slug, reflectionId, moduleVersion: module.version, text },
    update: { text, moduleVersion: module.version },
  });
}

export async function listReflections(userId: string, moduleSlug?: string) {
  return prisma.reflection.findMany({
    where: { userId, moduleSlug },
    orderBy: { updatedAt: "desc" },
    select: { moduleSlug: true, reflectionId: true, moduleVersion: true, text: true, updatedAt: true },
  });
}

/** One page of the active people the viewer may see (never the viewer), with all their progress rows. */
export async function listLearnersWithProgress(scope: PeopleScope, viewerId: string, page: number) {
  const where: Prisma.UserWhereInput = {
    AND: [scopeToWhere(scope), { id: { not: viewerId }, deactivatedAt: null, role: { in: ["agent", "lead"] } }],
  };
  const { total, rows: learners } = await paginate(
    page,
    LEARNERS_PAGE_SIZE,
    () => prisma.user.count({ where }),
    (window) =>
      prisma.user.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          name: true,
          level: true,
          team: { select: { name: true } },
          moduleProgress: {
            select: { moduleSlug: true, moduleVersion: true, completedAt: true, reachedEndAt: true, lastSection: true, updatedAt: true },
          },
        },
      }),
  );
  return { total, learners };
}

/** One person's whole learning record: every progress row with its attempts, and their reflections. */
export async function getLearningRecord(userId: string) {
  const [progress, reflections] = await Promise.all([
    prisma.moduleProgress.findMany({
      where: { userId },
      orderBy: { updatedAt: "desc" },
      select: {
        moduleSlug: true,
        moduleVersion: true,
        completedAt: true,
        reachedEndAt: true,
        lastSection: true,
        timeSpentSeconds: true,
        startedAt: true,
        updatedAt: true,
        attempts: { orderBy: { createdAt: "desc" }, select: { quizId: true, scorePercent: true, passed: true, createdAt: true } },
      },
    }),
    listReflections(userId),
  ]);
  return { progress, reflections };
}
