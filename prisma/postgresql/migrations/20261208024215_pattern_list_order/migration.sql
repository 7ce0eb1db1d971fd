-- DropIndex
DROP INDEX "Pattern_learnerId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Pattern_learnerId_archived_updatedAt_slug_idx" ON "Pattern"("learnerId", "archived", "updatedAt" DESC, "slug");
