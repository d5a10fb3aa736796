-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PracticeAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioSlug" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
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
INSERT INTO "new_PracticeAttempt" ("acknowledgedAt", "customerState", "endedAt", "id", "reviewedAt", "reviewedById", "scenarioSlug", "scenarioVersion", "seed", "startedAt", "status", "updatedAt", "userId") SELECT "acknowledgedAt", "customerState", "endedAt", "id", "reviewedAt", "reviewedById", "scenarioSlug", "scenarioVersion", "seed", "startedAt", "status", "updatedAt", "userId" FROM "PracticeAttempt";
DROP TABLE "PracticeAttempt";
ALTER TABLE "new_PracticeAttempt" RENAME TO "PracticeAttempt";
CREATE INDEX "PracticeAttempt_userId_scenarioSlug_idx" ON "PracticeAttempt"("userId", "scenarioSlug");
CREATE INDEX "PracticeAttempt_reviewedById_idx" ON "PracticeAttempt"("reviewedById");
CREATE INDEX "PracticeAttempt_scenarioSlug_idx" ON "PracticeAttempt"("scenarioSlug");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "hireDate" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "workMode" TEXT NOT NULL,
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "teamId" TEXT,
    CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "deactivatedAt", "email", "hireDate", "id", "level", "name", "role", "teamId", "timeZone", "updatedAt", "workMode") SELECT "createdAt", "deactivatedAt", "email", "hireDate", "id", "level", "name", "role", "teamId", "timeZone", "updatedAt", "workMode" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_teamId_idx" ON "User"("teamId");
CREATE INDEX "User_role_idx" ON "User"("role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
