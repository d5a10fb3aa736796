// Rollups of graded evidence (docs/decisions/018-evidence-rollups.md): per person and
// competency, per person and scenario, and per person and day. Team pages read these
// few rows per person, so their cost follows the team, not its history.
//
// Each rollup is one aggregate query. A write recomputes the rows of the person it
// touched, inside its own transaction, with that same query narrowed to the person;
// the rebuild runs it unnarrowed. So a refreshed rollup is by construction what a
// full recomputation gives, and the randomized test checks exactly that.
import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

/** One reply left open while the agent walked away must not count as an afternoon of practice. */
export const MAX_COUNTED_REPLY_MS = 10 * 60_000;

type Client = Prisma.TransactionClient | typeof prisma;

/**
 * Which attempts a refresh reads (a condition on `"PracticeAttempt" AS a`) and which rollup
 * rows it replaces (a condition on the rollup's own columns).
 */
type Scope = { attempts: Prisma.Sql; rows: Prisma.Sql };

const EVERYONE: Scope = { attempts: Prisma.sql`TRUE`, rows: Prisma.sql`TRUE` };

function personScope(userId: string): Scope {
  return { attempts: Prisma.sql`a."userId" = ${userId}`, rows: Prisma.sql`"userId" = ${userId}` };
}

function competencyRollup(client: Client, scope: Scope) {
  return [
    client.$executeRaw`DELETE FROM "CompetencyRollup" WHERE ${scope.rows}`,
    client.$executeRaw`
      INSERT INTO "CompetencyRollup" ("userId", "competency", "source", "reviewed", "total", "count", "conversations")
      SELECT a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL),
        SUM(COALESCE(c."overrideLevel", c."level") * 1.0 / c."maxLevel"), COUNT(*), COUNT(DISTINCT a."id")
      FROM "GradeCriterion" AS c
      INNER JOIN "PracticeGrade" AS g ON g."id" = c."gradeId"
      INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
      WHERE c."applicable" = TRUE AND c."maxLevel" > 0 AND ${scope.attempts}
      GROUP BY a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL)`,
  ];
}

/** First and latest by grading time, then start; practice only (real conversations have no scenario). */
function scenarioRollup(client: Client, scope: Scope) {
  return [
    client.$executeRaw`DELETE FROM "ScenarioRollup" WHERE ${scope.rows}`,
    client.$executeRaw`
      INSERT INTO "ScenarioRollup" ("userId", "scenarioSlug", "graded", "scoreTotal", "firstScore", "bestScore", "latestScore")
      SELECT "userId", "scenarioSlug", COUNT(*), SUM("score"),
        MAX(CASE WHEN "fromFirst" = 1 THEN "score" END), MAX("score"), MAX(CASE WHEN "fromLatest" = 1 THEN "score" END)
      FROM (
        SELECT a."userId", a."scenarioSlug", g."overallScore" AS "score",
          ROW_NUMBER() OVER (PARTITION BY a."userId", a."scenarioSlug" ORDER BY g."createdAt" ASC, a."startedAt" ASC) AS "fromFirst",
          ROW_NUMBER() OVER (PARTITION BY a."userId", a."scenarioSlug" ORDER BY g."createdAt" DESC, a."startedAt" DESC) AS "fromLatest"
        FROM "PracticeGrade" AS g
        INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
        WHERE a."source" = 'practice' AND ${scope.attempts}
      )
      GROUP BY "userId", "scenarioSlug"`,
  ];
}

/** Grades count on the day they were given; reply time on the day its conversation started. */
function practiceDays(client: Client, scope: Scope) {
  return [
    client.$executeRaw`DELETE FROM "PracticeDay" WHERE ${scope.rows}`,
    client.$executeRaw`
      INSERT INTO "PracticeDay" ("userId", "day", "graded", "scoreTotal", "practiceMs")
      SELECT "userId", "day", SUM("graded"), SUM("scoreTotal"), SUM("practiceMs")
      FROM (
        SELECT a."userId", date(g."createdAt") AS "day", 1 AS "graded", g."overallScore" AS "scoreTotal", 0 AS "practiceMs"
        FROM "PracticeGrade" AS g
        INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
        WHERE a."source" = 'practice' AND ${scope.attempts}
        UNION ALL
        SELECT a."userId", date(a."startedAt"), 0, 0,
          SUM(CASE WHEN t."replyMs" > ${MAX_COUNTED_REPLY_MS} THEN ${MAX_COUNTED_REPLY_MS} ELSE t."replyMs" END)
        FROM "PracticeAttempt" AS a
        INNER JOIN "PracticeTurn" AS t ON t."attemptId" = a."id" AND t."speaker" = 'agent' AND t."replyMs" IS NOT NULL
        WHERE a."source" = 'practice' AND ${scope.attempts}
        GROUP BY a."id"
      )
      WHERE ${scope.rows}
      GROUP BY "userId", "day"`,
  ];
}

/**
 * Recomputes one person's rollups inside the caller's transaction: call it after any write
 * that changes their graded evidence (a grade, an override, a review, an imported or expired
 * conversation). Its cost follows that one person's history.
 */
export async function refreshPersonRollups(tx: Prisma.TransactionClient, userId: string) {
  const scope = personScope(userId);
  for (const statement of [...competencyRollup(tx, scope), ...scenarioRollup(tx, scope), ...practiceDays(tx, scope)]) await statement;
}

/**
 * After a reply in an ungraded conversation only its reply time moved: recomputes the one
 * day row that holds it (and the grades of that day, which the same row carries).
 */
export async function refreshPracticeDay(tx: Prisma.TransactionClient, userId: string, startedAt: Date) {
  const day = startedAt.toISOString().slice(0, 10);
  const scope: Scope = {
    attempts: Prisma.sql`a."userId" = ${userId} AND (date(a."startedAt") = ${day} OR a."id" IN (
      SELECT g2."attemptId" FROM "PracticeGrade" AS g2 INNER JOIN "PracticeAttempt" AS a2 ON a2."id" = g2."attemptId"
      WHERE a2."userId" = ${userId} AND date(g2."createdAt") = ${day}))`,
    rows: Prisma.sql`"userId" = ${userId} AND "day" = ${day}`,
  };
  const [remove, insert] = practiceDays(tx, scope);
  await remove;
  await insert;
}

/** Recomputes every rollup from the conversations themselves (`npm run rollups:rebuild`). */
export async function rebuildEvidenceRollups() {
  await prisma.$transaction([
    ...competencyRollup(prisma, EVERYONE),
    ...scenarioRollup(prisma, EVERYONE),
    ...practiceDays(prisma, EVERYONE),
  ]);
}
