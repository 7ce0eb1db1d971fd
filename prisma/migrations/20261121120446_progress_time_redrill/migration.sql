-- CreateTable
CREATE TABLE "RunningTimer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "packetId" TEXT,
    "moduleNumber" INTEGER NOT NULL,
    "exercise" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RunningTimer_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RunningTimer_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "packetId" TEXT,
    "moduleNumber" INTEGER NOT NULL,
    "exercise" TEXT,
    "source" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "seconds" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "correctsId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TimeEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TimeEntry_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TimeEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "TimeEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RedrillResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "moduleNumber" INTEGER NOT NULL,
    "itemKind" TEXT NOT NULL,
    "itemRef" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RedrillResult_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorMark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "checked" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IndicatorMark_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RunningTimer_learnerId_key" ON "RunningTimer"("learnerId");

-- CreateIndex
CREATE INDEX "TimeEntry_learnerId_startedAt_idx" ON "TimeEntry"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "TimeEntry_correctsId_idx" ON "TimeEntry"("correctsId");

-- CreateIndex
CREATE INDEX "RedrillResult_learnerId_createdAt_idx" ON "RedrillResult"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "IndicatorMark_learnerId_createdAt_idx" ON "IndicatorMark"("learnerId", "createdAt");

-- Append-only history: time entries, re-drill results and indicator marks are never changed or removed.
CREATE TRIGGER "TimeEntry_append_only_update" BEFORE UPDATE ON "TimeEntry"
BEGIN SELECT RAISE(ABORT, 'TimeEntry is append-only: add a correction instead of changing a row'); END;
CREATE TRIGGER "TimeEntry_append_only_delete" BEFORE DELETE ON "TimeEntry"
BEGIN SELECT RAISE(ABORT, 'TimeEntry is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "RedrillResult_append_only_update" BEFORE UPDATE ON "RedrillResult"
BEGIN SELECT RAISE(ABORT, 'RedrillResult is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "RedrillResult_append_only_delete" BEFORE DELETE ON "RedrillResult"
BEGIN SELECT RAISE(ABORT, 'RedrillResult is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "IndicatorMark_append_only_update" BEFORE UPDATE ON "IndicatorMark"
BEGIN SELECT RAISE(ABORT, 'IndicatorMark is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "IndicatorMark_append_only_delete" BEFORE DELETE ON "IndicatorMark"
BEGIN SELECT RAISE(ABORT, 'IndicatorMark is append-only: rows cannot be deleted'); END;
