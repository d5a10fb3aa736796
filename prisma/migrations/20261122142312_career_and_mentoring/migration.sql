-- CreateTable
CREATE TABLE "CompetencyCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "perspective" TEXT NOT NULL,
    "ratings" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    CONSTRAINT "CompetencyCheckIn_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompetencyCheckIn_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "level" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "agentId" TEXT NOT NULL,
    "nominatedById" TEXT NOT NULL,
    "decidedById" TEXT,
    CONSTRAINT "Nomination_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Nomination_nominatedById_fkey" FOREIGN KEY ("nominatedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Nomination_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MentorProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "capacity" INTEGER NOT NULL,
    "strengths" TEXT NOT NULL DEFAULT '[]',
    "bio" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT '[]',
    "availability" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "MentorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MenteeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "goals" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "focus" TEXT NOT NULL DEFAULT '[]',
    "preferences" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "menteeId" TEXT NOT NULL,
    CONSTRAINT "MenteeRequest_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "source" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "score" REAL NOT NULL,
    "fitCheck" TEXT,
    "fitCheckedAt" DATETIME,
    "declineReason" TEXT,
    "acceptedAt" DATETIME,
    "endedAt" DATETIME,
    "endFeedback" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    CONSTRAINT "Pairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pairing_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "heldOn" DATETIME NOT NULL,
    "notes" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pairingId" TEXT NOT NULL,
    "loggedById" TEXT NOT NULL,
    CONSTRAINT "PairingMeeting_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingMeeting_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CompetencyCheckIn_agentId_createdAt_idx" ON "CompetencyCheckIn"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "CompetencyCheckIn_authorId_idx" ON "CompetencyCheckIn"("authorId");

-- CreateIndex
CREATE INDEX "Nomination_status_createdAt_idx" ON "Nomination"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Nomination_agentId_idx" ON "Nomination"("agentId");

-- CreateIndex
CREATE INDEX "Nomination_nominatedById_idx" ON "Nomination"("nominatedById");

-- CreateIndex
CREATE INDEX "Nomination_decidedById_idx" ON "Nomination"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_userId_key" ON "MentorProfile"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeRequest_menteeId_key" ON "MenteeRequest"("menteeId");

-- CreateIndex
CREATE INDEX "Pairing_mentorId_status_idx" ON "Pairing"("mentorId", "status");

-- CreateIndex
CREATE INDEX "Pairing_menteeId_status_idx" ON "Pairing"("menteeId", "status");

-- CreateIndex
CREATE INDEX "PairingMeeting_pairingId_heldOn_idx" ON "PairingMeeting"("pairingId", "heldOn");

-- CreateIndex
CREATE INDEX "PairingMeeting_loggedById_idx" ON "PairingMeeting"("loggedById");
