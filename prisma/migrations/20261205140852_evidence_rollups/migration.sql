-- CreateTable
CREATE TABLE "CompetencyRollup" (
    "userId" TEXT NOT NULL,
    "competency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reviewed" BOOLEAN NOT NULL,
    "total" REAL NOT NULL,
    "count" INTEGER NOT NULL,
    "conversations" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "competency", "source", "reviewed"),
    CONSTRAINT "CompetencyRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioRollup" (
    "userId" TEXT NOT NULL,
    "scenarioSlug" TEXT NOT NULL,
    "graded" INTEGER NOT NULL,
    "scoreTotal" REAL NOT NULL,
    "firstScore" REAL NOT NULL,
    "bestScore" REAL NOT NULL,
    "latestScore" REAL NOT NULL,

    PRIMARY KEY ("userId", "scenarioSlug"),
    CONSTRAINT "ScenarioRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeDay" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "graded" INTEGER NOT NULL,
    "scoreTotal" REAL NOT NULL,
    "practiceMs" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "day"),
    CONSTRAINT "PracticeDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- DropIndex
DROP INDEX "GradeCriterion_gradeId_applicable_maxLevel_competency_level_overrideLevel_idx";

-- CreateIndex
CREATE INDEX "GradeCriterion_gradeId_applicable_maxLevel_criterionId_competency_level_overrideLevel_idx" ON "GradeCriterion"("gradeId", "applicable", "maxLevel", "criterionId", "competency", "level", "overrideLevel");

-- DropIndex
DROP INDEX "PracticeAttempt_userId_scenarioSlug_idx";

-- CreateIndex
CREATE INDEX "PracticeAttempt_userId_scenarioSlug_startedAt_idx" ON "PracticeAttempt"("userId", "scenarioSlug", "startedAt");

-- CreateIndex
CREATE INDEX "PracticeAttempt_userId_startedAt_idx" ON "PracticeAttempt"("userId", "startedAt");

-- Fill the rollups from the conversations already graded (the same queries `npm run rollups:rebuild` runs).
INSERT INTO "CompetencyRollup" ("userId", "competency", "source", "reviewed", "total", "count", "conversations")
SELECT a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL),
  SUM(COALESCE(c."overrideLevel", c."level") * 1.0 / c."maxLevel"), COUNT(*), COUNT(DISTINCT a."id")
FROM "GradeCriterion" AS c
INNER JOIN "PracticeGrade" AS g ON g."id" = c."gradeId"
INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
WHERE c."applicable" = TRUE AND c."maxLevel" > 0
GROUP BY a."userId", c."competency", a."source", (a."reviewedAt" IS NOT NULL);

INSERT INTO "ScenarioRollup" ("userId", "scenarioSlug", "graded", "scoreTotal", "firstScore", "bestScore", "latestScore")
SELECT "userId", "scenarioSlug", COUNT(*), SUM("score"),
  MAX(CASE WHEN "fromFirst" = 1 THEN "score" END), MAX("score"), MAX(CASE WHEN "fromLatest" = 1 THEN "score" END)
FROM (
  SELECT a."userId", a."scenarioSlug", g."overallScore" AS "score",
    ROW_NUMBER() OVER (PARTITION BY a."userId", a."scenarioSlug" ORDER BY g."createdAt" ASC, a."startedAt" ASC) AS "fromFirst",
    ROW_NUMBER() OVER (PARTITION BY a."userId", a."scenarioSlug" ORDER BY g."createdAt" DESC, a."startedAt" DESC) AS "fromLatest"
  FROM "PracticeGrade" AS g
  INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
  WHERE a."source" = 'practice'
)
GROUP BY "userId", "scenarioSlug";

INSERT INTO "PracticeDay" ("userId", "day", "graded", "scoreTotal", "practiceMs")
SELECT "userId", "day", SUM("graded"), SUM("scoreTotal"), SUM("practiceMs")
FROM (
  SELECT a."userId", date(g."createdAt") AS "day", 1 AS "graded", g."overallScore" AS "scoreTotal", 0 AS "practiceMs"
  FROM "PracticeGrade" AS g
  INNER JOIN "PracticeAttempt" AS a ON a."id" = g."attemptId"
  WHERE a."source" = 'practice'
  UNION ALL
  SELECT a."userId", date(a."startedAt"), 0, 0, SUM(CASE WHEN t."replyMs" > 600000 THEN 600000 ELSE t."replyMs" END)
  FROM "PracticeAttempt" AS a
  INNER JOIN "PracticeTurn" AS t ON t."attemptId" = a."id" AND t."speaker" = 'agent' AND t."replyMs" IS NOT NULL
  WHERE a."source" = 'practice'
  GROUP BY a."id"
)
GROUP BY "userId", "day";
