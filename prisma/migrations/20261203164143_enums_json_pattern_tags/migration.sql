-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Setting";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "PatternTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patternId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    CONSTRAINT "PatternTag_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CompletionProof" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompletionProof_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_CompletionProof" ("actorId", "actorKind", "actorLabel", "createdAt", "data", "id", "packetId") SELECT "actorId", "actorKind", "actorLabel", "createdAt", "data", "id", "packetId" FROM "CompletionProof";
DROP TABLE "CompletionProof";
ALTER TABLE "new_CompletionProof" RENAME TO "CompletionProof";
CREATE INDEX "CompletionProof_packetId_createdAt_idx" ON "CompletionProof"("packetId", "createdAt");
CREATE TABLE "new_Evidence" (
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
    "data" JSONB,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("actorId", "actorKind", "actorLabel", "body", "createdAt", "data", "fileName", "filePath", "fileSize", "fileType", "id", "itemKey", "kind", "packetId", "sha256", "title", "url", "version") SELECT "actorId", "actorKind", "actorLabel", "body", "createdAt", "data", "fileName", "filePath", "fileSize", "fileType", "id", "itemKey", "kind", "packetId", "sha256", "title", "url", "version" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_packetId_kind_idx" ON "Evidence"("packetId", "kind");
CREATE UNIQUE INDEX "Evidence_packetId_itemKey_version_key" ON "Evidence"("packetId", "itemKey", "version");
CREATE TABLE "new_Pattern" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pattern_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Pattern" ("alternatives", "archived", "category", "createdAt", "examples", "howToApply", "id", "learnerId", "problem", "slug", "sourceExercise", "sourceModule", "tags", "title", "tradeOffs", "updatedAt", "version", "whenToUse") SELECT "alternatives", "archived", "category", "createdAt", "examples", "howToApply", "id", "learnerId", "problem", "slug", "sourceExercise", "sourceModule", "tags", "title", "tradeOffs", "updatedAt", "version", "whenToUse" FROM "Pattern";
DROP TABLE "Pattern";
ALTER TABLE "new_Pattern" RENAME TO "Pattern";
CREATE INDEX "Pattern_learnerId_archived_category_idx" ON "Pattern"("learnerId", "archived", "category");
CREATE INDEX "Pattern_learnerId_updatedAt_idx" ON "Pattern"("learnerId", "updatedAt");
CREATE UNIQUE INDEX "Pattern_learnerId_slug_key" ON "Pattern"("learnerId", "slug");
CREATE TABLE "new_PatternVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patternId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatternVersion_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PatternVersion" ("createdAt", "data", "id", "patternId", "version") SELECT "createdAt", "data", "id", "patternId", "version" FROM "PatternVersion";
DROP TABLE "PatternVersion";
ALTER TABLE "new_PatternVersion" RENAME TO "PatternVersion";
CREATE UNIQUE INDEX "PatternVersion_patternId_version_key" ON "PatternVersion"("patternId", "version");
CREATE TABLE "new_PlaybookEntryVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaybookEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PlaybookEntryVersion" ("createdAt", "data", "entryId", "id", "version") SELECT "createdAt", "data", "entryId", "id", "version" FROM "PlaybookEntryVersion";
DROP TABLE "PlaybookEntryVersion";
ALTER TABLE "new_PlaybookEntryVersion" RENAME TO "PlaybookEntryVersion";
CREATE UNIQUE INDEX "PlaybookEntryVersion_entryId_version_key" ON "PlaybookEntryVersion"("entryId", "version");
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "remarks" JSONB NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '',
    "remediation" JSONB,
    "evidenceSeen" JSONB NOT NULL,
    "importedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "Packet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("createdAt", "evidenceSeen", "feedback", "id", "importedAt", "packetId", "remarks", "remediation", "reviewerId", "reviewerName", "scores", "verdict") SELECT "createdAt", "evidenceSeen", "feedback", "id", "importedAt", "packetId", "remarks", "remediation", "reviewerId", "reviewerName", "scores", "verdict" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_packetId_createdAt_idx" ON "Review"("packetId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PatternTag_tag_idx" ON "PatternTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "PatternTag_patternId_tag_key" ON "PatternTag"("patternId", "tag");

-- Fill PatternTag from the tags the patterns already have.
INSERT INTO "PatternTag" ("id", "patternId", "tag")
SELECT lower(hex(randomblob(16))), "Pattern"."id", "tags"."value" FROM "Pattern", json_each("Pattern"."tags") AS "tags";

-- Redefining a table drops its triggers: the history tables above refuse UPDATE and DELETE again.
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
CREATE TRIGGER "PatternVersion_append_only_update" BEFORE UPDATE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PatternVersion_append_only_delete" BEFORE DELETE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_update" BEFORE UPDATE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_delete" BEFORE DELETE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: rows cannot be deleted'); END;
