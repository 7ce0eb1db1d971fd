-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passphraseHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Packet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "blockedReason" TEXT,
    "startedAt" DATETIME,
    "submittedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Packet_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "fileName" TEXT,
    "filePath" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "sha256" TEXT,
    "data" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompletionProof" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompletionProof_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "remarks" TEXT NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '',
    "remediation" TEXT,
    "evidenceSeen" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "evidenceItemKey" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewComment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentResolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommentResolution_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ReviewComment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanLogEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "risks" TEXT NOT NULL,
    "next" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanLogEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PrerequisiteWaiver" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "prerequisite" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrerequisiteWaiver_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Learner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "programSlug" TEXT NOT NULL,
    "soloMode" BOOLEAN NOT NULL DEFAULT false,
    "coolingOffHours" INTEGER NOT NULL DEFAULT 12,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Learner_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Learner" ("createdAt", "id", "name", "programSlug") SELECT "createdAt", "id", "name", "programSlug" FROM "Learner";
DROP TABLE "Learner";
ALTER TABLE "new_Learner" RENAME TO "Learner";
CREATE UNIQUE INDEX "Learner_ownerId_programSlug_key" ON "Learner"("ownerId", "programSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_name_key" ON "User"("name");

-- CreateIndex
CREATE INDEX "Packet_learnerId_status_idx" ON "Packet"("learnerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Packet_learnerId_moduleNumber_attempt_key" ON "Packet"("learnerId", "moduleNumber", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_packetId_itemKey_version_key" ON "Evidence"("packetId", "itemKey", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CommentResolution_commentId_key" ON "CommentResolution"("commentId");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_createdAt_idx" ON "PlanLogEntry"("learnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PrerequisiteWaiver_learnerId_moduleNumber_prerequisite_key" ON "PrerequisiteWaiver"("learnerId", "moduleNumber", "prerequisite");

-- CreateIndex
CREATE INDEX "SignInAttempt_name_createdAt_idx" ON "SignInAttempt"("name", "createdAt");

-- Append-only history: the database itself refuses to rewrite or delete it.
CREATE TRIGGER "Evidence_append_only_update" BEFORE UPDATE ON "Evidence"
BEGIN SELECT RAISE(ABORT, 'Evidence is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "Evidence_append_only_delete" BEFORE DELETE ON "Evidence"
BEGIN SELECT RAISE(ABORT, 'Evidence is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "CompletionProof_append_only_update" BEFORE UPDATE ON "CompletionProof"
BEGIN SELECT RAISE(ABORT, 'CompletionProof is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "CompletionProof_append_only_delete" BEFORE DELETE ON "CompletionProof"
BEGIN SELECT RAISE(ABORT, 'CompletionProof is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "Review_append_only_update" BEFORE UPDATE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "Review_append_only_delete" BEFORE DELETE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "ReviewComment_append_only_update" BEFORE UPDATE ON "ReviewComment"
BEGIN SELECT RAISE(ABORT, 'ReviewComment is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "ReviewComment_append_only_delete" BEFORE DELETE ON "ReviewComment"
BEGIN SELECT RAISE(ABORT, 'ReviewComment is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "CommentResolution_append_only_update" BEFORE UPDATE ON "CommentResolution"
BEGIN SELECT RAISE(ABORT, 'CommentResolution is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "CommentResolution_append_only_delete" BEFORE DELETE ON "CommentResolution"
BEGIN SELECT RAISE(ABORT, 'CommentResolution is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "PlanLogEntry_append_only_update" BEFORE UPDATE ON "PlanLogEntry"
BEGIN SELECT RAISE(ABORT, 'PlanLogEntry is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PlanLogEntry_append_only_delete" BEFORE DELETE ON "PlanLogEntry"
BEGIN SELECT RAISE(ABORT, 'PlanLogEntry is append-only: rows cannot be deleted'); END;
