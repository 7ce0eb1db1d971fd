-- CreateTable
CREATE TABLE "PatternCategory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatternCategory_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pattern" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "problem" TEXT NOT NULL,
    "whenToUse" TEXT NOT NULL,
    "howToApply" TEXT NOT NULL,
    "tradeOffs" TEXT NOT NULL DEFAULT '',
    "alternatives" TEXT NOT NULL DEFAULT '',
    "examples" TEXT NOT NULL DEFAULT '',
    "sourceModule" INTEGER,
    "sourceExercise" TEXT,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pattern_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatternVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patternId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatternVersion_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlaybookEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlaybookEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlaybookEntryVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaybookEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistTick_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
CREATE INDEX "PlaybookEntry_learnerId_archived_kind_idx" ON "PlaybookEntry"("learnerId", "archived", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookEntry_learnerId_slug_key" ON "PlaybookEntry"("learnerId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookEntryVersion_entryId_version_key" ON "PlaybookEntryVersion"("entryId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTick_entryId_itemKey_key" ON "ChecklistTick"("entryId", "itemKey");

-- Append-only history: saved texts are never changed or removed.
CREATE TRIGGER "PatternVersion_append_only_update" BEFORE UPDATE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PatternVersion_append_only_delete" BEFORE DELETE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_update" BEFORE UPDATE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_delete" BEFORE DELETE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: rows cannot be deleted'); END;
