-- CreateTable
CREATE TABLE "RealTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "system" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "agentEmail" TEXT,
    "sealedOriginals" TEXT,
    "maskedCount" INTEGER NOT NULL DEFAULT 0,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "importedById" TEXT,
    "attemptId" TEXT NOT NULL,
    CONSTRAINT "RealTicket_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RealTicket_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PracticeAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RedLinePhrase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "phrase" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ImportSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "maskedNames" TEXT NOT NULL DEFAULT '[]',
    "retentionDays" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PracticeAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioSlug" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "source" TEXT NOT NULL DEFAULT 'practice',
    "seed" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "customerState" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "PracticeAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeAttempt_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PracticeAttempt" ("acknowledgedAt", "customerState", "endedAt", "id", "locale", "reviewedAt", "reviewedById", "scenarioSlug", "scenarioVersion", "seed", "startedAt", "status", "updatedAt", "userId") SELECT "acknowledgedAt", "customerState", "endedAt", "id", "locale", "reviewedAt", "reviewedById", "scenarioSlug", "scenarioVersion", "seed", "startedAt", "status", "updatedAt", "userId" FROM "PracticeAttempt";
DROP TABLE "PracticeAttempt";
ALTER TABLE "new_PracticeAttempt" RENAME TO "PracticeAttempt";
CREATE INDEX "PracticeAttempt_userId_scenarioSlug_idx" ON "PracticeAttempt"("userId", "scenarioSlug");
CREATE INDEX "PracticeAttempt_reviewedById_idx" ON "PracticeAttempt"("reviewedById");
CREATE INDEX "PracticeAttempt_scenarioSlug_idx" ON "PracticeAttempt"("scenarioSlug");
CREATE INDEX "PracticeAttempt_source_userId_idx" ON "PracticeAttempt"("source", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RealTicket_attemptId_key" ON "RealTicket"("attemptId");

-- CreateIndex
CREATE INDEX "RealTicket_importedAt_idx" ON "RealTicket"("importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RealTicket_system_externalId_key" ON "RealTicket"("system", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "RedLinePhrase_phrase_key" ON "RedLinePhrase"("phrase");
