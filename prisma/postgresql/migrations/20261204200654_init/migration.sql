-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('learner', 'reviewer');

-- CreateEnum
CREATE TYPE "PacketStatus" AS ENUM ('pending', 'in_progress', 'blocked', 'review_required', 'completed');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('learner', 'agent', 'reviewer');

-- CreateEnum
CREATE TYPE "TimeSource" AS ENUM ('timer', 'manual', 'correction', 'drill');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('qualitative', 'behavioral');

-- CreateEnum
CREATE TYPE "PlanSource" AS ENUM ('template', 'edit', 'import');

-- CreateEnum
CREATE TYPE "AttachmentAction" AS ENUM ('attach', 'detach');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passphraseHash" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Learner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "programSlug" TEXT NOT NULL,
    "soloMode" BOOLEAN NOT NULL DEFAULT false,
    "coolingOffHours" INTEGER NOT NULL DEFAULT 12,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedAt" TIMESTAMP(3),
    "importedFrom" TEXT,

    CONSTRAINT "Learner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Packet" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" "PacketStatus" NOT NULL DEFAULT 'pending',
    "blockedReason" TEXT,
    "startedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "importedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Packet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
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
    "data" JSONB,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompletionProof" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompletionProof_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "remarks" JSONB NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '',
    "remediation" JSONB,
    "evidenceSeen" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackTick" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackTick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "evidenceItemKey" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentResolution" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanLogEntry" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "status" "PacketStatus" NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "risks" TEXT NOT NULL,
    "next" TEXT NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrerequisiteWaiver" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "prerequisite" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrerequisiteWaiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatternCategory" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatternCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pattern" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "problem" TEXT NOT NULL,
    "whenToUse" TEXT NOT NULL,
    "howToApply" TEXT NOT NULL,
    "tradeOffs" TEXT NOT NULL DEFAULT '',
    "alternatives" TEXT NOT NULL DEFAULT '',
    "examples" TEXT NOT NULL DEFAULT '',
    "sourceModule" INTEGER,
    "sourceExercise" TEXT,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatternVersion" (
    "id" TEXT NOT NULL,
    "patternId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatternVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatternTag" (
    "id" TEXT NOT NULL,
    "patternId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "PatternTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookEntry" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybookEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookEntryVersion" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaybookEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistTick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunningTimer" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "packetId" TEXT,
    "moduleNumber" INTEGER NOT NULL,
    "exercise" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunningTimer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillRun" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrillRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "packetId" TEXT,
    "moduleNumber" INTEGER NOT NULL,
    "exercise" TEXT,
    "source" "TimeSource" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seconds" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "correctsId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedrillResult" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "itemKind" TEXT NOT NULL,
    "itemRef" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedrillResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorMark" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "item" TEXT NOT NULL,
    "checked" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "client" TEXT NOT NULL DEFAULT '',
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecPlan" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExecPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecPlanRevision" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" "PlanSource" NOT NULL,
    "errors" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "tasksDone" INTEGER NOT NULL,
    "tasksTotal" INTEGER NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecPlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecPlanAttachment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "action" "AttachmentAction" NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExecPlanAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotentRequest" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormSubmission" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "answer" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_name_key" ON "User"("name");

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Learner_ownerId_programSlug_key" ON "Learner"("ownerId", "programSlug");

-- CreateIndex
CREATE INDEX "Packet_learnerId_status_idx" ON "Packet"("learnerId", "status");

-- CreateIndex
CREATE INDEX "Packet_status_submittedAt_idx" ON "Packet"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Packet_learnerId_moduleNumber_attempt_key" ON "Packet"("learnerId", "moduleNumber", "attempt");

-- CreateIndex
CREATE INDEX "Evidence_packetId_kind_idx" ON "Evidence"("packetId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_packetId_itemKey_version_key" ON "Evidence"("packetId", "itemKey", "version");

-- CreateIndex
CREATE INDEX "CompletionProof_packetId_createdAt_idx" ON "CompletionProof"("packetId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_packetId_createdAt_idx" ON "Review"("packetId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackTick_reviewId_number_key" ON "FeedbackTick"("reviewId", "number");

-- CreateIndex
CREATE INDEX "ReviewComment_packetId_createdAt_idx" ON "ReviewComment"("packetId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentResolution_commentId_key" ON "CommentResolution"("commentId");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_moduleNumber_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "moduleNumber", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_status_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_moduleNumber_status_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "moduleNumber", "status", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PrerequisiteWaiver_learnerId_moduleNumber_prerequisite_key" ON "PrerequisiteWaiver"("learnerId", "moduleNumber", "prerequisite");

-- CreateIndex
CREATE UNIQUE INDEX "PatternCategory_learnerId_slug_key" ON "PatternCategory"("learnerId", "slug");

-- CreateIndex
CREATE INDEX "Pattern_learnerId_archived_category_idx" ON "Pattern"("learnerId", "archived", "category");

-- CreateIndex
CREATE INDEX "Pattern_learnerId_updatedAt_idx" ON "Pattern"("learnerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Pattern_learnerId_slug_key" ON "Pattern"("learnerId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PatternVersion_patternId_version_key" ON "PatternVersion"("patternId", "version");

-- CreateIndex
CREATE INDEX "PatternTag_tag_idx" ON "PatternTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "PatternTag_patternId_tag_key" ON "PatternTag"("patternId", "tag");

-- CreateIndex
CREATE INDEX "PlaybookEntry_learnerId_archived_kind_idx" ON "PlaybookEntry"("learnerId", "archived", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookEntry_learnerId_slug_key" ON "PlaybookEntry"("learnerId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookEntryVersion_entryId_version_key" ON "PlaybookEntryVersion"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTick_entryId_itemKey_key" ON "ChecklistTick"("entryId", "itemKey");

-- CreateIndex
CREATE UNIQUE INDEX "RunningTimer_learnerId_key" ON "RunningTimer"("learnerId");

-- CreateIndex
CREATE UNIQUE INDEX "DrillRun_packetId_key" ON "DrillRun"("packetId");

-- CreateIndex
CREATE INDEX "TimeEntry_learnerId_startedAt_idx" ON "TimeEntry"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "TimeEntry_correctsId_idx" ON "TimeEntry"("correctsId");

-- CreateIndex
CREATE INDEX "RedrillResult_learnerId_createdAt_idx" ON "RedrillResult"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "IndicatorMark_learnerId_createdAt_idx" ON "IndicatorMark"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_name_client_createdAt_idx" ON "SignInAttempt"("name", "client", "createdAt");

-- CreateIndex
CREATE INDEX "ExecPlan_learnerId_updatedAt_idx" ON "ExecPlan"("learnerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExecPlanRevision_planId_number_key" ON "ExecPlanRevision"("planId", "number");

-- CreateIndex
CREATE INDEX "ExecPlanAttachment_packetId_createdAt_idx" ON "ExecPlanAttachment"("packetId", "createdAt");

-- CreateIndex
CREATE INDEX "ExecPlanAttachment_planId_createdAt_idx" ON "ExecPlanAttachment"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_learnerId_createdAt_idx" ON "ApiToken"("learnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotentRequest_learnerId_key_key" ON "IdempotentRequest"("learnerId", "key");

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FormSubmission_userId_key_key" ON "FormSubmission"("userId", "key");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Learner" ADD CONSTRAINT "Learner_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Packet" ADD CONSTRAINT "Packet_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionProof" ADD CONSTRAINT "CompletionProof_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackTick" ADD CONSTRAINT "FeedbackTick_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentResolution" ADD CONSTRAINT "CommentResolution_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ReviewComment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanLogEntry" ADD CONSTRAINT "PlanLogEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrerequisiteWaiver" ADD CONSTRAINT "PrerequisiteWaiver_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatternCategory" ADD CONSTRAINT "PatternCategory_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pattern" ADD CONSTRAINT "Pattern_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatternVersion" ADD CONSTRAINT "PatternVersion_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatternTag" ADD CONSTRAINT "PatternTag_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookEntry" ADD CONSTRAINT "PlaybookEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybookEntryVersion" ADD CONSTRAINT "PlaybookEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTick" ADD CONSTRAINT "ChecklistTick_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunningTimer" ADD CONSTRAINT "RunningTimer_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunningTimer" ADD CONSTRAINT "RunningTimer_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRun" ADD CONSTRAINT "DrillRun_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "TimeEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedrillResult" ADD CONSTRAINT "RedrillResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorMark" ADD CONSTRAINT "IndicatorMark_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecPlan" ADD CONSTRAINT "ExecPlan_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecPlanRevision" ADD CONSTRAINT "ExecPlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExecPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecPlanAttachment" ADD CONSTRAINT "ExecPlanAttachment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExecPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecPlanAttachment" ADD CONSTRAINT "ExecPlanAttachment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecPlanAttachment" ADD CONSTRAINT "ExecPlanAttachment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExecPlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotentRequest" ADD CONSTRAINT "IdempotentRequest_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only history tables

CREATE OR REPLACE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER "Evidence_append_only_update" BEFORE UPDATE ON "Evidence" FOR EACH ROW EXECUTE FUNCTION "append_only"('Evidence is append-only: add a new row instead of changing one');
CREATE TRIGGER "Evidence_append_only_delete" BEFORE DELETE ON "Evidence" FOR EACH ROW EXECUTE FUNCTION "append_only"('Evidence is append-only: rows cannot be deleted');
CREATE TRIGGER "Evidence_append_only_truncate" BEFORE TRUNCATE ON "Evidence" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('Evidence is append-only: rows cannot be deleted');

CREATE TRIGGER "CompletionProof_append_only_update" BEFORE UPDATE ON "CompletionProof" FOR EACH ROW EXECUTE FUNCTION "append_only"('CompletionProof is append-only: add a new row instead of changing one');
CREATE TRIGGER "CompletionProof_append_only_delete" BEFORE DELETE ON "CompletionProof" FOR EACH ROW EXECUTE FUNCTION "append_only"('CompletionProof is append-only: rows cannot be deleted');
CREATE TRIGGER "CompletionProof_append_only_truncate" BEFORE TRUNCATE ON "CompletionProof" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('CompletionProof is append-only: rows cannot be deleted');

CREATE TRIGGER "Review_append_only_update" BEFORE UPDATE ON "Review" FOR EACH ROW EXECUTE FUNCTION "append_only"('Review is append-only: add a new row instead of changing one');
CREATE TRIGGER "Review_append_only_delete" BEFORE DELETE ON "Review" FOR EACH ROW EXECUTE FUNCTION "append_only"('Review is append-only: rows cannot be deleted');
CREATE TRIGGER "Review_append_only_truncate" BEFORE TRUNCATE ON "Review" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('Review is append-only: rows cannot be deleted');

CREATE TRIGGER "ReviewComment_append_only_update" BEFORE UPDATE ON "ReviewComment" FOR EACH ROW EXECUTE FUNCTION "append_only"('ReviewComment is append-only: add a new row instead of changing one');
CREATE TRIGGER "ReviewComment_append_only_delete" BEFORE DELETE ON "ReviewComment" FOR EACH ROW EXECUTE FUNCTION "append_only"('ReviewComment is append-only: rows cannot be deleted');
CREATE TRIGGER "ReviewComment_append_only_truncate" BEFORE TRUNCATE ON "ReviewComment" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('ReviewComment is append-only: rows cannot be deleted');

CREATE TRIGGER "CommentResolution_append_only_update" BEFORE UPDATE ON "CommentResolution" FOR EACH ROW EXECUTE FUNCTION "append_only"('CommentResolution is append-only: add a new row instead of changing one');
CREATE TRIGGER "CommentResolution_append_only_delete" BEFORE DELETE ON "CommentResolution" FOR EACH ROW EXECUTE FUNCTION "append_only"('CommentResolution is append-only: rows cannot be deleted');
CREATE TRIGGER "CommentResolution_append_only_truncate" BEFORE TRUNCATE ON "CommentResolution" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('CommentResolution is append-only: rows cannot be deleted');

CREATE TRIGGER "PlanLogEntry_append_only_update" BEFORE UPDATE ON "PlanLogEntry" FOR EACH ROW EXECUTE FUNCTION "append_only"('PlanLogEntry is append-only: add a new row instead of changing one');
CREATE TRIGGER "PlanLogEntry_append_only_delete" BEFORE DELETE ON "PlanLogEntry" FOR EACH ROW EXECUTE FUNCTION "append_only"('PlanLogEntry is append-only: rows cannot be deleted');
CREATE TRIGGER "PlanLogEntry_append_only_truncate" BEFORE TRUNCATE ON "PlanLogEntry" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('PlanLogEntry is append-only: rows cannot be deleted');

CREATE TRIGGER "PatternVersion_append_only_update" BEFORE UPDATE ON "PatternVersion" FOR EACH ROW EXECUTE FUNCTION "append_only"('PatternVersion is append-only: add a new row instead of changing one');
CREATE TRIGGER "PatternVersion_append_only_delete" BEFORE DELETE ON "PatternVersion" FOR EACH ROW EXECUTE FUNCTION "append_only"('PatternVersion is append-only: rows cannot be deleted');
CREATE TRIGGER "PatternVersion_append_only_truncate" BEFORE TRUNCATE ON "PatternVersion" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('PatternVersion is append-only: rows cannot be deleted');

CREATE TRIGGER "PlaybookEntryVersion_append_only_update" BEFORE UPDATE ON "PlaybookEntryVersion" FOR EACH ROW EXECUTE FUNCTION "append_only"('PlaybookEntryVersion is append-only: add a new row instead of changing one');
CREATE TRIGGER "PlaybookEntryVersion_append_only_delete" BEFORE DELETE ON "PlaybookEntryVersion" FOR EACH ROW EXECUTE FUNCTION "append_only"('PlaybookEntryVersion is append-only: rows cannot be deleted');
CREATE TRIGGER "PlaybookEntryVersion_append_only_truncate" BEFORE TRUNCATE ON "PlaybookEntryVersion" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('PlaybookEntryVersion is append-only: rows cannot be deleted');

CREATE TRIGGER "ExecPlanRevision_append_only_update" BEFORE UPDATE ON "ExecPlanRevision" FOR EACH ROW EXECUTE FUNCTION "append_only"('ExecPlanRevision is append-only: save a new revision instead of changing one');
CREATE TRIGGER "ExecPlanRevision_append_only_delete" BEFORE DELETE ON "ExecPlanRevision" FOR EACH ROW EXECUTE FUNCTION "append_only"('ExecPlanRevision is append-only: rows cannot be deleted');
CREATE TRIGGER "ExecPlanRevision_append_only_truncate" BEFORE TRUNCATE ON "ExecPlanRevision" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('ExecPlanRevision is append-only: rows cannot be deleted');

CREATE TRIGGER "ExecPlanAttachment_append_only_update" BEFORE UPDATE ON "ExecPlanAttachment" FOR EACH ROW EXECUTE FUNCTION "append_only"('ExecPlanAttachment is append-only: add a new row instead of changing one');
CREATE TRIGGER "ExecPlanAttachment_append_only_delete" BEFORE DELETE ON "ExecPlanAttachment" FOR EACH ROW EXECUTE FUNCTION "append_only"('ExecPlanAttachment is append-only: rows cannot be deleted');
CREATE TRIGGER "ExecPlanAttachment_append_only_truncate" BEFORE TRUNCATE ON "ExecPlanAttachment" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('ExecPlanAttachment is append-only: rows cannot be deleted');

CREATE TRIGGER "TimeEntry_append_only_update" BEFORE UPDATE ON "TimeEntry" FOR EACH ROW EXECUTE FUNCTION "append_only"('TimeEntry is append-only: add a correction instead of changing a row');
CREATE TRIGGER "TimeEntry_append_only_delete" BEFORE DELETE ON "TimeEntry" FOR EACH ROW EXECUTE FUNCTION "append_only"('TimeEntry is append-only: rows cannot be deleted');
CREATE TRIGGER "TimeEntry_append_only_truncate" BEFORE TRUNCATE ON "TimeEntry" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('TimeEntry is append-only: rows cannot be deleted');

CREATE TRIGGER "RedrillResult_append_only_update" BEFORE UPDATE ON "RedrillResult" FOR EACH ROW EXECUTE FUNCTION "append_only"('RedrillResult is append-only: add a new row instead of changing one');
CREATE TRIGGER "RedrillResult_append_only_delete" BEFORE DELETE ON "RedrillResult" FOR EACH ROW EXECUTE FUNCTION "append_only"('RedrillResult is append-only: rows cannot be deleted');
CREATE TRIGGER "RedrillResult_append_only_truncate" BEFORE TRUNCATE ON "RedrillResult" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('RedrillResult is append-only: rows cannot be deleted');

CREATE TRIGGER "IndicatorMark_append_only_update" BEFORE UPDATE ON "IndicatorMark" FOR EACH ROW EXECUTE FUNCTION "append_only"('IndicatorMark is append-only: add a new row instead of changing one');
CREATE TRIGGER "IndicatorMark_append_only_delete" BEFORE DELETE ON "IndicatorMark" FOR EACH ROW EXECUTE FUNCTION "append_only"('IndicatorMark is append-only: rows cannot be deleted');
CREATE TRIGGER "IndicatorMark_append_only_truncate" BEFORE TRUNCATE ON "IndicatorMark" FOR EACH STATEMENT EXECUTE FUNCTION "append_only"('IndicatorMark is append-only: rows cannot be deleted');
