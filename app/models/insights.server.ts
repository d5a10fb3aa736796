// Loads what team insights aggregate, in a fixed number of statements whatever
// the team's size: the page must stay fast for a lead of fifty agents with
// thousands of graded conversations.
//
// Statements per call: agents, module progress, assignments, attempts with
// grades and reply time, competency tallies, and — only when scenario
// assignments exist — the criteria their pass rules read. Two things would
// make the count grow with the team, and both are avoided: nested selects
// (Prisma runs each nested relation as one more statement) and lists of ids
// (Prisma splits an IN list of more than about a thousand values into several
// statements). Rows are filtered by joining to the team instead.
// The raw queries aggregate in the database what would otherwise be tens of
// thousands of rows, or pick joins SQLite can plan from the team's side; they
// use only standard SQL (quoted identifiers, joins, COALESCE, CASE, GROUP BY,
// a correlated subquery), so they run unchanged on PostgreSQL.
import type { AssignmentKind } from "~/domain/coaching.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import { teamScope, type Viewer } from "~/engine/access/people.ts";
import { assignmentStatus, type AssigneeActivity, type GradedCriterion } from "~/engine/coaching/assignment-status.ts";
import {
  buildInsights,
  practiceTallies,
  type InsightAssignment,
  type SourcedTally,
  type TeamInsights,
} from "~/engine/coaching/insights.ts";
import type { ModuleRef } from "~/engine/learning/progress.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { MinLevelsColumn } from "./assignment.server.ts";
import { teamScopeToWhere } from "./team.server.ts";

/** One reply left open while the agent walked away must not count as an afternoon of practice. */
export const MAX_COUNTED_REPLY_MS = 10 * 60_000;

/** The teams whose insights this viewer may see: the teams they look after. */
export async function listInsightTeams(viewer: Viewer) {
  const scope = teamScope(viewer);
  if (scope.kind === "teams" && scope.teamIds.length === 0) return [];
  return prisma.team.findMany({
    where: teamScopeToWhere(scope),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

type AttemptRow = {
  userId: string;
  scenarioSlug: string;
  startedAt: Date;
  gradeId: string | null;
  gradedAt: Date | null;
  score: number | null;
  practiceMs: bigint | number | null;
};
type TallyRow = {
  userId: string;
  competency: string;
  source: string;
  reviewed: bigint | number;
  total: number | null;
  count: bigint | number;
  conversations: bigint | number;
};
type CriterionRow = {
  gradeId: string;
  criterionId: string;
  critical: boolean | number;
  applicable: boolean | number;
  level: number | bigint;
  overrideLevel: number | bigint | null;
};

export type InsightsContent = {
  onboarding: ModuleRef[];
  competencyOrder: string[];
  /** Scenario slug → the score that passes it. */
  passScores: Map<string, number>;
};

export async function loadTeamInsights(
  teams: { id: string; name: string }[],
  content: InsightsContent,
  now = new Date(),
): Promise<TeamInsights> {
  const teamIds = teams.map((team) => team.id);
  if (teamIds.length === 0) {
    return buildInsights({
      now,
      agents: [],
      onboarding: content.onboarding,
      progress: [],
      attempts: [],
      competencies: [],
      assignments: [],
      evidence: [],
      competencyOrder: content.competencyOrder,
    });
  }

  const agentWhere = { teamId: { in: teamIds }, role: "agent", deactivatedAt: null } satisfies Prisma.UserWhereInput;
  const inTeams = Prisma.join(teamIds);
  const [agents, progress, assignments, attemptRows, tallyRows] = await Promise.all([
    prisma.user.findMany({ where: agentWhere, select: { id: true, name: true, teamId: true, hireDate: true } }),
    prisma.moduleProgress.findMany({
      where: { user: agentWhere },
      select: {
        userId: true,
        moduleSlug: true,
        moduleVersion: true,
        completedAt: true,
        reachedEndAt: true,
        timeSpentSeconds: true,
        updatedAt: true,
      },
    }),
    prisma.assignment.findMany({
      where: { user: agentWhere, withdrawnAt: null },
      select: { userId: true, kind: true, contentSlug: true, createdAt: true, dueAt: true, minScore: true, minLevels: true },
    }),
    prisma.$queryRaw<AttemptRow[]>`
      SELECT a."userId", a."scenarioSlug", a."startedAt",
        g."id" AS "gradeId", g."createdAt" AS "gradedAt", g."overallScore" AS "score",
        (SELECT SUM(CASE WHEN t."replyMs" > ${MAX_COUNTED_REPLY_MS} THEN ${MAX_COUNTED_REPLY_MS} ELSE t."replyMs" END)
           FROM "PracticeTurn" AS t WHERE t."attemptId" = a."id" AND t."speaker" = 'agent') AS "practiceMs"
      FROM "PracticeAttempt" AS a
      INNER JOIN "User" AS u ON u."id" = a."userId"
      LEFT JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
      WHERE u."teamId" IN (${inTeams}) AND u."role" = 'agent' AND u."deactivatedAt" IS NULL AND a."source" = 'practice'`,
    prisma.$queryRaw<TallyRow[]>`
      SELECT a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL) AS "reviewed",
        SUM(COALESCE(c."overrideLevel", c."level") * 1.0 / c."maxLevel") AS "total", COUNT(*) AS "count",
        COUNT(DISTINCT a."id") AS "conversations"
      FROM "GradeCriterion" AS c
      INNER JOIN "PracticeGrade" AS g ON g."id" = c."gradeId"
      INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
      INNER JOIN "User" AS u ON u."id" = a."userId"
      WHERE c."applicable" = TRUE AND c."maxLevel" > 0
        AND u."teamId" IN (${inTeams}) AND u."role" = 'agent' AND u."deactivatedAt" IS NULL
      GROUP BY a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL)`,
  ]);

  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const tallies = tallyRows.map((row): SourcedTally => ({
    userId: row.userId,
    competency: row.competency,
    source: row.source as ConversationSource,
    reviewed: Number(row.reviewed) === 1,
    total: Number(row.total ?? 0),
    count: Number(row.count),
    conversations: Number(row.conversations),
  }));
  const attempts = attemptRows.map((row) => ({
    gradeId: row.gradeId,
    userId: row.userId,
    scenarioSlug: row.scenarioSlug,
    startedAt: new Date(row.startedAt),
    gradedAt: row.gradedAt === null ? null : new Date(row.gradedAt),
    score: row.score === null ? null : Number(row.score),
    practiceMs: Number(row.practiceMs ?? 0),
  }));

  return buildInsights({
    now,
    agents: agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      teamName: agent.teamId ? (teamNames.get(agent.teamId) ?? null) : null,
      hireDate: agent.hireDate,
    })),
    onboarding: content.onboarding,
    progress,
    attempts,
    competencies: practiceTallies(tallies),
    evidence: tallies,
    assignments: await assignmentOutcomes(teamIds, assignments, progress, attempts, content.passScores, now),
    competencyOrder: content.competencyOrder,
  });
}

type AssignmentRecord = {
  userId: string;
  kind: string;
  contentSlug: string;
  createdAt: Date;
  dueAt: Date;
  minScore: number | null;
  minLevels: string;
};

/**
 * Each assignment's status by the assignments engineer's rule, fed from the rows
 * already loaded; only the criteria that scenario pass rules read need one more query.
 */
async function assignmentOutcomes(
  teamIds: string[],
  assignments: AssignmentRecord[],
  progress: { userId: string; moduleSlug: string; completedAt: Date | null; updatedAt: Date }[],
  attempts: { userId: string; scenarioSlug: string; startedAt: Date; gradeId: string | null; score: number | null }[],
  passScores: Map<string, number>,
  now: Date,
): Promise<InsightAssignment[]> {
  if (assignments.length === 0) return [];
  const scenarioAssignments = assignments.filter((row) => row.kind === "scenario");
  const criteriaByGrade = new Map<string, GradedCriterion[]>();
  if (scenarioAssignments.length > 0) {
    const minLevelCriteria = [...new Set(scenarioAssignments.flatMap((row) => Object.keys(MinLevelsColumn.read(row.minLevels))))];
    const since = new Date(Math.min(...scenarioAssignments.map((row) => row.createdAt.getTime())));
    // Only what pass rules read: critical criteria and those with a minimum level.
    const wanted =
      minLevelCriteria.length === 0
        ? Prisma.sql`c."critical" = TRUE`
        : Prisma.sql`(c."critical" = TRUE OR c."criterionId" IN (${Prisma.join(minLevelCriteria)}))`;
    const criteria = await prisma.$queryRaw<CriterionRow[]>`
      SELECT c."gradeId", c."criterionId", c."critical", c."applicable", c."level", c."overrideLevel"
      FROM "GradeCriterion" AS c
      INNER JOIN "PracticeGrade" AS g ON g."id" = c."gradeId"
      INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
      INNER JOIN "User" AS u ON u."id" = a."userId"
      WHERE u."teamId" IN (${Prisma.join(teamIds)}) AND u."role" = 'agent' AND u."deactivatedAt" IS NULL
        AND a."scenarioSlug" IN (${Prisma.join([...new Set(scenarioAssignments.map((row) => row.contentSlug))])})
        AND a."startedAt" >= ${since} AND ${wanted}`;
    for (const row of criteria) {
      // SQLite answers booleans as 0/1.
      const criterion = {
        criterionId: row.criterionId,
        critical: Boolean(row.critical),
        applicable: Boolean(row.applicable),
        level: Number(row.level),
        overrideLevel: row.overrideLevel === null ? null : Number(row.overrideLevel),
      };
      const list = criteriaByGrade.get(row.gradeId);
      if (list) list.push(criterion);
      else criteriaByGrade.set(row.gradeId, [criterion]);
    }
  }

  const activity = new Map<string, AssigneeActivity>();
  const entry = (userId: string) => {
    if (!activity.has(userId)) activity.set(userId, { progress: [], attempts: [] });
    return activity.get(userId)!;
  };
  for (const row of progress) entry(row.userId).progress.push(row);
  for (const attempt of attempts) {
    entry(attempt.userId).attempts.push({
      scenarioSlug: attempt.scenarioSlug,
      startedAt: attempt.startedAt,
      grade:
        attempt.gradeId !== null && attempt.score !== null
          ? { overallScore: attempt.score, criteria: criteriaByGrade.get(attempt.gradeId) ?? [] }
          : null,
    });
  }
  const none: AssigneeActivity = { progress: [], attempts: [] };
  return assignments.map((row) => ({
    userId: row.userId,
    status: assignmentStatus(
      {
        kind: row.kind as AssignmentKind,
        contentSlug: row.contentSlug,
        createdAt: row.createdAt,
        dueAt: row.dueAt,
        minScore: row.minScore,
        minLevels: MinLevelsColumn.read(row.minLevels),
      },
      activity.get(row.userId) ?? none,
      { now, passScore: passScores.get(row.contentSlug) },
    ),
  }));
}
