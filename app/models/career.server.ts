import type { CareerEvidence } from "~/engine/career/evaluate.ts";
import { prisma } from "~/utils/db.server.ts";
import type { Level } from "~/utils/user-fields.ts";

const DIFFICULTY_BY_SCENARIO_LIMIT = 50;

/** Level changes recorded in the audit log, oldest first, for the level history. */
export async function levelHistory(userId: string) {
  const events = await prisma.auditEvent.findMany({
    where: { targetType: "user", targetId: userId, action: "user.level-changed" },
    orderBy: { createdAt: "asc" },
    select: { details: true, createdAt: true },
  });
  return events.map((event) => ({ ...(JSON.parse(event.details) as { from: Level; to: Level }), at: event.createdAt }));
}

/**
 * Everything the career evaluator reads about one person. Mentoring and lead
 * sign-offs have no records yet, so they count as not given.
 */
export async function careerEvidence(userId: string, difficultyOf: (scenarioSlug: string) => CareerEvidence["attempts"][number]["difficulty"] | undefined) {
  const [person, progress, attempts, sessions, history] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { level: true, hireDate: true } }),
    prisma.moduleProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { moduleSlug: true, completedAt: true } }),
    prisma.practiceAttempt.findMany({
      where: { userId, grade: { isNot: null } },
      orderBy: { startedAt: "desc" },
      take: DIFFICULTY_BY_SCENARIO_LIMIT,
      select: {
        id: true,
        scenarioSlug: true,
        startedAt: true,
        grade: { select: { passed: true, criteria: { select: { competency: true, level: true, overrideLevel: true, maxLevel: true, applicable: true } } } },
      },
    }),
    prisma.coachingSession.findMany({ where: { agentId: userId }, select: { id: true, scheduledAt: true } }),
    levelHistory(userId),
  ]);
  const lastChange = history[history.length - 1];
  const evidence: CareerEvidence = {
    completedModules: progress.map((row) => ({ slug: row.moduleSlug, completedAt: row.completedAt! })),
    attempts: attempts.flatMap((attempt) => {
      const difficulty = difficultyOf(attempt.scenarioSlug);
      return difficulty ? [{ id: attempt.id, scenarioSlug: attempt.scenarioSlug, difficulty, passed: attempt.grade!.passed, startedAt: attempt.startedAt, criteria: attempt.grade!.criteria }] : [];
    }),
    coachingSessions: sessions,
    mentoring: [],
    currentLevel: { key: person.level as Level, since: lastChange?.to === person.level ? lastChange.at : person.hireDate },
    signOffs: [],
  };
  return { evidence, history, hireDate: person.hireDate };
}
