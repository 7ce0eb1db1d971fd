-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PatternVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patternId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatternVersion_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every version saved so far was saved by the profile's owner, through the pages or an import.
INSERT INTO "new_PatternVersion" ("createdAt", "data", "id", "patternId", "version", "actorKind", "actorId", "actorLabel")
SELECT v."createdAt", v."data", v."id", v."patternId", v."version", 'learner', u."id", u."name"
FROM "PatternVersion" v JOIN "Pattern" p ON p."id" = v."patternId" JOIN "Learner" l ON l."id" = p."learnerId" JOIN "User" u ON u."id" = l."ownerId";
DROP TABLE "PatternVersion";
ALTER TABLE "new_PatternVersion" RENAME TO "PatternVersion";
CREATE UNIQUE INDEX "PatternVersion_patternId_version_key" ON "PatternVersion"("patternId", "version");
CREATE TABLE "new_PlaybookEntryVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaybookEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PlaybookEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PlaybookEntryVersion" ("createdAt", "data", "entryId", "id", "version", "actorKind", "actorId", "actorLabel")
SELECT v."createdAt", v."data", v."entryId", v."id", v."version", 'learner', u."id", u."name"
FROM "PlaybookEntryVersion" v JOIN "PlaybookEntry" e ON e."id" = v."entryId" JOIN "Learner" l ON l."id" = e."learnerId" JOIN "User" u ON u."id" = l."ownerId";
DROP TABLE "PlaybookEntryVersion";
ALTER TABLE "new_PlaybookEntryVersion" RENAME TO "PlaybookEntryVersion";
CREATE UNIQUE INDEX "PlaybookEntryVersion_entryId_version_key" ON "PlaybookEntryVersion"("entryId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Redefining a table drops its triggers: the history tables above refuse UPDATE and DELETE again.
CREATE TRIGGER "PatternVersion_append_only_update" BEFORE UPDATE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PatternVersion_append_only_delete" BEFORE DELETE ON "PatternVersion"
BEGIN SELECT RAISE(ABORT, 'PatternVersion is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_update" BEFORE UPDATE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: add a new row instead of changing one'); END;
CREATE TRIGGER "PlaybookEntryVersion_append_only_delete" BEFORE DELETE ON "PlaybookEntryVersion"
BEGIN SELECT RAISE(ABORT, 'PlaybookEntryVersion is append-only: rows cannot be deleted'); END;
