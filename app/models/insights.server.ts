// Loads what team insights aggregate, in a fixed number of statements whatever
// the team's size: the page must stay fast for a lead of fifty agents with
// thousands of graded conversations.
//
// Statements per call: agents with their practice time and scenario records,
// module progress, assignments, competency tallies, the trend's graded days,
// and — only when scenario assignments exist — those scenarios' attempts with
// the criteria their pass rules read. Practice history is read from its rollups
// (models/evidence-rollup.server.ts), a few rows per agent however many
// conversations they have had, so the page does not slow down as practice grows.
// Two things would make the count grow with the team, and both are avoided:
// nested selects (Prisma runs each nested relation as one more statement) and
// lists of ids (Prisma splits an IN list of more than about a thousand values
// into several statements). Rows are filtered by joining to the team instead.
// The raw queries use SQLite's date(), two-argument MAX() and JSON arrays; each
// has a one-line PostgreSQL equivalent (::date, GREATEST, json_agg).
import type { AssignmentKind } from "~/domain/coaching.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import { teamScope, type Viewer } from "~/engine/access/people.ts";
import { assignmentStatus, type AssigneeActivity } from "~/engine/coaching/assignment-status.ts";
import {
  buildInsights,
  practiceTallies,
  trainingWindowStart,
  trendStart,
  type GradedDay,
  type InsightAssignment,
  type ScenarioRecord,
  type SourcedTally,
  type TeamInsights,
} from "~/engine/coaching/insights.ts";
import type { ModuleRef } from "~/engine/learning/progress.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { MinLevelsColumn } from "./assignment.server.ts";
import { MAX_COUNTED_REPLY_MS } from "./evidence-rollup.server.ts";
import { teamScopeToWhere } from "./team.server.ts";

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

/** An agent with their practice time and, as a JSON array of `ScenarioTuple`s, their scenario rollups. */
type AgentRow = {
  id: string;
  name: string;
  teamId: string | null;
  hireDate: Date | string;
  practiceMs: bigint | number | null;
  scenarios: string;
};
/** Scenario, graded, score total, first, best and latest score. */
type ScenarioTuple = [string, number, number, number, number, number];
type DayRow = { day: string; graded: bigint | number; scoreTotal: number | null };
/** An attempt at an assigned scenario; `criteria` is a JSON array of `CriterionTuple`s, `score` null while ungraded. */
type ActivityRow = { id: string; userId: string; scenarioSlug: string; startedAt: Date | string; score: number | null; criteria: string };
/** Criterion id, critical, applicable, level, override level. */
type CriterionTuple = [string, number, number, number, number | null];
type TallyRow = {
  userId: string;
  competency: string;
  source: string;
  reviewed: bigint | number;
  total: number | null;
  count: bigint | number;
  conversations: bigint | number;
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
      scenarios: [],
      days: [],
      practice: [],
      competencies: [],
      assignments: [],
      evidence: [],
      competencyOrder: content.competencyOrder,
    });
  }

  const agentWhere = { teamId: { in: teamIds }, role: "agent", deactivatedAt: null } satisfies Prisma.UserWhereInput;
  const inTeams = Prisma.join(teamIds);
  const onTeam = Prisma.sql`u."teamId" IN (${inTeams}) AND u."role" = 'agent' AND u."deactivatedAt" IS NULL`;
  const yearAgo = trainingWindowStart(new Date(0), now);
  const [agentRows, progress, assignments, tallyRows, dayRows] = await Promise.all([
    // Reply time in the training window: whole days from the day rollup, and the window's first
    // day, which starts part-way through, from its conversations.
    prisma.$queryRaw<AgentRow[]>`
      SELECT w."id", w."name", w."teamId", w."hireDate",
        COALESCE((SELECT SUM(d."practiceMs") FROM "PracticeDay" AS d WHERE d."userId" = w."id" AND d."day" > date(w."start")), 0)
        + COALESCE((
          SELECT SUM(CASE WHEN t."replyMs" > ${MAX_COUNTED_REPLY_MS} THEN ${MAX_COUNTED_REPLY_MS} ELSE t."replyMs" END)
          FROM "PracticeAttempt" AS a
          INNER JOIN "PracticeTurn" AS t ON t."attemptId" = a."id" AND t."speaker" = 'agent'
          WHERE a."userId" = w."id" AND a."source" = 'practice' AND a."startedAt" >= w."start" AND a."startedAt" < date(w."start", '+1 day')
        ), 0) AS "practiceMs",
        (SELECT json_group_array(json_array(r."scenarioSlug", r."graded", r."scoreTotal", r."firstScore", r."bestScore", r."latestScore"))
          FROM "ScenarioRollup" AS r WHERE r."userId" = w."id") AS "scenarios"
      FROM (
        SELECT u."id", u."name", u."teamId", u."hireDate", MAX(u."hireDate", ${yearAgo}) AS "start"
        FROM "User" AS u WHERE ${onTeam}
      ) AS w`,
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
    prisma.$queryRaw<TallyRow[]>`
      SELECT r."userId", r."competency", r."source", r."reviewed", r."total", r."count", r."conversations"
      FROM "CompetencyRollup" AS r INNER JOIN "User" AS u ON u."id" = r."userId"
      WHERE ${onTeam}`,
    prisma.$queryRaw<DayRow[]>`
      SELECT d."day", SUM(d."graded") AS "graded", SUM(d."scoreTotal") AS "scoreTotal"
      FROM "PracticeDay" AS d INNER JOIN "User" AS u ON u."id" = d."userId"
      WHERE ${onTeam} AND d."day" >= ${trendStart(now).toISOString().slice(0, 10)} AND d."graded" > 0
      GROUP BY d."day"`,
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
  const scenarios = agentRows.flatMap((agent) =>
    (JSON.parse(agent.scenarios) as ScenarioTuple[]).map(
      ([scenarioSlug, graded, scoreTotal, firstScore, bestScore, latestScore]): ScenarioRecord => ({
        userId: agent.id,
        scenarioSlug,
        graded,
        scoreTotal,
        firstScore,
        bestScore,
        latestScore,
      }),
    ),
  );
  const days = dayRows.map((row): GradedDay => ({ day: row.day, graded: Number(row.graded), scoreTotal: Number(row.scoreTotal ?? 0) }));

  return buildInsights({
    now,
    agents: agentRows.map((agent) => ({
      id: agent.id,
      name: agent.name,
      teamName: agent.teamId ? (teamNames.get(agent.teamId) ?? null) : null,
      hireDate: new Date(agent.hireDate),
    })),
    onboarding: content.onboarding,
    progress,
    scenarios,
    days,
    practice: agentRows.map((agent) => ({ userId: agent.id, practiceMs: Number(agent.practiceMs ?? 0) })),
    competencies: practiceTallies(tallies),
    evidence: tallies,
    assignments: await assignmentOutcomes(onTeam, assignments, progress, content.passScores, now),
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
 * Each assignment's status by the assignments engineer's rule, fed from the progress already
 * loaded and, for scenario assignments, one more query: each one's attempts since it was given,
 * with the criteria its pass rule reads.
 */
async function assignmentOutcomes(
  onTeam: Prisma.Sql,
  assignments: AssignmentRecord[],
  progress: { userId: string; moduleSlug: string; completedAt: Date | null; updatedAt: Date }[],
  passScores: Map<string, number>,
  now: Date,
): Promise<InsightAssignment[]> {
  if (assignments.length === 0) return [];
  const scenarioAssignments = assignments.filter((row) => row.kind === "scenario");
  const attempts = new Map<string, AssigneeActivity["attempts"][number] & { userId: string }>();
  if (scenarioAssignments.length > 0) {
    const minLevelCriteria = [...new Set(scenarioAssignments.flatMap((row) => Object.keys(MinLevelsColumn.read(row.minLevels))))];
    // Only what pass rules read: critical criteria and those with a minimum level.
    const wanted =
      minLevelCriteria.length === 0
        ? Prisma.sql`c."critical" = TRUE`
        : Prisma.sql`(c."critical" = TRUE OR c."criterionId" IN (${Prisma.join(minLevelCriteria)}))`;
    // Each assignment's own attempts (its scenario, since it was given), found from the assignee's
    // end of the (userId, scenarioSlug, startedAt) index; one row per attempt, criteria as JSON.
    const rows = await prisma.$queryRaw<ActivityRow[]>`
      SELECT a."id", a."userId", a."scenarioSlug", a."startedAt", g."overallScore" AS "score",
        (SELECT json_group_array(json_array(c."criterionId", c."critical", c."applicable", c."level", c."overrideLevel"))
          FROM "GradeCriterion" AS c WHERE c."gradeId" = g."id" AND ${wanted}) AS "criteria"
      FROM "User" AS u
      CROSS JOIN "Assignment" AS s ON s."userId" = u."id" AND s."kind" = 'scenario' AND s."withdrawnAt" IS NULL
      CROSS JOIN "PracticeAttempt" AS a ON a."userId" = s."userId" AND a."scenarioSlug" = s."contentSlug" AND a."startedAt" >= s."createdAt"
      LEFT JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
      WHERE ${onTeam} AND a."source" = 'practice'
      GROUP BY a."id"`;
    for (const row of rows) {
      const criteria = row.score === null ? [] : (JSON.parse(row.criteria) as CriterionTuple[]);
      attempts.set(row.id, {
        userId: row.userId,
        scenarioSlug: row.scenarioSlug,
        startedAt: new Date(row.startedAt),
        grade:
          row.score === null
            ? null
            : {
                overallScore: Number(row.score),
                // SQLite answers booleans as 0/1.
                criteria: criteria.map(([criterionId, critical, applicable, level, overrideLevel]) => ({
                  criterionId,
                  critical: Boolean(critical),
                  applicable: Boolean(applicable),
                  level,
                  overrideLevel,
                })),
              },
      });
    }
  }

  const activity = new Map<string, AssigneeActivity>();
  const entry = (userId: string) => {
    if (!activity.has(userId)) activity.set(userId, { progress: [], attempts: [] });
    return activity.get(userId)!;
  };
  for (const row of progress) entry(row.userId).progress.push(row);
  for (const { userId, ...attempt } of attempts.values()) entry(userId).attempts.push(attempt);
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
