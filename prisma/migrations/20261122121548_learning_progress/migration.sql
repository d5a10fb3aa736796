-- CreateTable
CREATE TABLE "ModuleProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "moduleSlug" TEXT NOT NULL,
    "moduleVersion" INTEGER NOT NULL,
    "lastSection" TEXT,
    "reachedEndAt" DATETIME,
    "completedAt" DATETIME,
    "timeSpentSeconds" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "ModuleProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "correctCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "scorePercent" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "progressId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "QuizAttempt_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ModuleProgress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "moduleSlug" TEXT NOT NULL,
    "reflectionId" TEXT NOT NULL,
    "moduleVersion" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Reflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ModuleProgress_moduleSlug_idx" ON "ModuleProgress"("moduleSlug");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleProgress_userId_moduleSlug_moduleVersion_key" ON "ModuleProgress"("userId", "moduleSlug", "moduleVersion");

-- CreateIndex
CREATE INDEX "QuizAttempt_progressId_idx" ON "QuizAttempt"("progressId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_submissionKey_key" ON "QuizAttempt"("userId", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_userId_moduleSlug_reflectionId_key" ON "Reflection"("userId", "moduleSlug", "reflectionId");
