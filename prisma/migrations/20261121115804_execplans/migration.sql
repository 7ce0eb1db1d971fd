-- CreateTable
CREATE TABLE "ExecPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExecPlan_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExecPlanRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "errors" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "tasksDone" INTEGER NOT NULL,
    "tasksTotal" INTEGER NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExecPlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExecPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExecPlanAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExecPlanAttachment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ExecPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExecPlanAttachment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExecPlanAttachment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ExecPlanRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExecPlan_learnerId_updatedAt_idx" ON "ExecPlan"("learnerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExecPlanRevision_planId_number_key" ON "ExecPlanRevision"("planId", "number");

-- CreateIndex
CREATE INDEX "ExecPlanAttachment_packetId_createdAt_idx" ON "ExecPlanAttachment"("packetId", "createdAt");

-- CreateIndex
CREATE INDEX "ExecPlanAttachment_planId_createdAt_idx" ON "ExecPlanAttachment"("planId", "createdAt");

-- Append-only history: plan revisions and attachments are never rewritten or deleted.
CREATE TRIGGER "ExecPlanRevision_append_only_update" BEFORE UPDATE ON "ExecPlanRevision"
BEGIN SELECT RAISE(ABORT, 'ExecPlanRevision is append-only: save a new revision instead of changing one'); END;
CREATE TRIGGER "ExecPlanRevision_append_only_delete" BEFORE DELETE ON "ExecPlanRevision"
BEGIN SELECT RAISE(ABORT, 'ExecPlanRevision is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "ExecPlanAttachment_append_only_update" BEFORE UPDATE ON "ExecPlanAttachment"
BEGIN SELECT RAISE(ABORT, 'ExecPlanAttachment is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "ExecPlanAttachment_append_only_delete" BEFORE DELETE ON "ExecPlanAttachment"
BEGIN SELECT RAISE(ABORT, 'ExecPlanAttachment is append-only: rows cannot be deleted'); END;
