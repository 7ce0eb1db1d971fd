-- AlterTable
ALTER TABLE "Learner" ADD COLUMN "importedAt" DATETIME;
ALTER TABLE "Learner" ADD COLUMN "importedFrom" TEXT;

-- AlterTable
ALTER TABLE "Packet" ADD COLUMN "importedAt" DATETIME;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN "importedAt" DATETIME;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "client" TEXT NOT NULL DEFAULT '',
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_SignInAttempt" ("createdAt", "id", "name", "succeeded") SELECT "createdAt", "id", "name", "succeeded" FROM "SignInAttempt";
DROP TABLE "SignInAttempt";
ALTER TABLE "new_SignInAttempt" RENAME TO "SignInAttempt";
CREATE INDEX "SignInAttempt_name_client_createdAt_idx" ON "SignInAttempt"("name", "client", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");
