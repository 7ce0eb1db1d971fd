-- DropIndex
DROP INDEX "PlanLogEntry_learnerId_createdAt_idx";

-- CreateIndex
CREATE INDEX "CompletionProof_packetId_createdAt_idx" ON "CompletionProof"("packetId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_packetId_kind_idx" ON "Evidence"("packetId", "kind");

-- CreateIndex
CREATE INDEX "Packet_status_submittedAt_idx" ON "Packet"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_moduleNumber_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "moduleNumber", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_status_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "PlanLogEntry_learnerId_moduleNumber_status_createdAt_id_idx" ON "PlanLogEntry"("learnerId", "moduleNumber", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_packetId_createdAt_idx" ON "Review"("packetId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_packetId_createdAt_idx" ON "ReviewComment"("packetId", "createdAt");
