-- CreateTable
CREATE TABLE "PracticeAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioSlug" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "customerState" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "PracticeAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeTurn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "index" INTEGER NOT NULL,
    "speaker" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "replyMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attemptId" TEXT NOT NULL,
    CONSTRAINT "PracticeTurn_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PracticeAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "overallScore" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "graderVersion" TEXT NOT NULL,
    "rubricVersions" TEXT NOT NULL,
    "criticalFailures" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attemptId" TEXT NOT NULL,
    CONSTRAINT "PracticeGrade_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PracticeAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GradeCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "criterionId" TEXT NOT NULL,
    "rubricId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "competency" TEXT NOT NULL,
    "weight" REAL NOT NULL,
    "critical" BOOLEAN NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "level" INTEGER NOT NULL,
    "maxLevel" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "label" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    CONSTRAINT "GradeCriterion_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "PracticeGrade" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PracticeAttempt_userId_scenarioSlug_idx" ON "PracticeAttempt"("userId", "scenarioSlug");

-- CreateIndex
CREATE INDEX "PracticeAttempt_scenarioSlug_idx" ON "PracticeAttempt"("scenarioSlug");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeTurn_attemptId_index_key" ON "PracticeTurn"("attemptId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeGrade_attemptId_key" ON "PracticeGrade"("attemptId");

-- CreateIndex
CREATE INDEX "GradeCriterion_criterionId_idx" ON "GradeCriterion"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "GradeCriterion_gradeId_criterionId_key" ON "GradeCriterion"("gradeId", "criterionId");
