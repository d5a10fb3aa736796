-- AlterTable
ALTER TABLE "GradeCriterion" ADD COLUMN "opinionLevel" INTEGER;
ALTER TABLE "GradeCriterion" ADD COLUMN "opinionQuote" TEXT;
ALTER TABLE "GradeCriterion" ADD COLUMN "opinionTurn" INTEGER;

-- AlterTable
ALTER TABLE "PracticeGrade" ADD COLUMN "opinionModel" TEXT;
ALTER TABLE "PracticeGrade" ADD COLUMN "opinionNote" TEXT;
ALTER TABLE "PracticeGrade" ADD COLUMN "opinionPromptVersion" TEXT;

-- AlterTable
ALTER TABLE "PracticeTurn" ADD COLUMN "fallbackNote" TEXT;
ALTER TABLE "PracticeTurn" ADD COLUMN "promptVersion" TEXT;
ALTER TABLE "PracticeTurn" ADD COLUMN "wordedByModel" TEXT;

-- CreateTable
CREATE TABLE "CalibrationSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "sharedWithAgents" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "organiserId" TEXT NOT NULL,
    CONSTRAINT "CalibrationSession_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "sessionId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    CONSTRAINT "CalibrationItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PracticeAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationRater" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "CalibrationRater_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CalibrationSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationRater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "criterionId" TEXT NOT NULL,
    "level" INTEGER,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "raterId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    CONSTRAINT "CalibrationScore_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "CalibrationRater" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationScore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CalibrationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalibrationBenchmark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "criterionId" TEXT NOT NULL,
    "level" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "itemId" TEXT NOT NULL,
    "recordedById" TEXT,
    CONSTRAINT "CalibrationBenchmark_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CalibrationItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalibrationBenchmark_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GraderSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "minKappa" REAL NOT NULL DEFAULT 0.4,
    "minJudged" INTEGER NOT NULL DEFAULT 20,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CriterionReviewRule" (
    "criterionId" TEXT NOT NULL PRIMARY KEY,
    "kappa" REAL NOT NULL,
    "judged" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CalibrationSession_organiserId_idx" ON "CalibrationSession"("organiserId");

-- CreateIndex
CREATE INDEX "CalibrationItem_attemptId_idx" ON "CalibrationItem"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationItem_sessionId_attemptId_key" ON "CalibrationItem"("sessionId", "attemptId");

-- CreateIndex
CREATE INDEX "CalibrationRater_userId_idx" ON "CalibrationRater"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationRater_sessionId_userId_key" ON "CalibrationRater"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "CalibrationScore_itemId_idx" ON "CalibrationScore"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationScore_raterId_itemId_criterionId_key" ON "CalibrationScore"("raterId", "itemId", "criterionId");

-- CreateIndex
CREATE INDEX "CalibrationBenchmark_recordedById_idx" ON "CalibrationBenchmark"("recordedById");

-- CreateIndex
CREATE INDEX "CalibrationBenchmark_updatedAt_idx" ON "CalibrationBenchmark"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationBenchmark_itemId_criterionId_key" ON "CalibrationBenchmark"("itemId", "criterionId");

-- CreateIndex
CREATE INDEX "GradeCriterion_overriddenAt_idx" ON "GradeCriterion"("overriddenAt");
