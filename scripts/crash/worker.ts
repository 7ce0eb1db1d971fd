// The crash harness's writer: drives the app's own write paths (packet transitions, evidence
// versions, completion proofs, reviews with their log entries, pattern versions) in an endless loop and prints
// one JSON line per write after it was acknowledged, i.e. after the domain function returned.
// It picks up wherever the database is, so it can be killed and restarted at any moment.
import { db } from "../../lib/db";
import { createPattern, updatePattern } from "../../lib/library/patterns";
import { addEvidence, listEvidence } from "../../lib/packets/evidence";
import { startPacket, submitPacket } from "../../lib/packets/service";
import { reviewPacket } from "../../lib/reviews/service";
import type { Actor } from "../../lib/auth/actor";

const MODULES = 8;
const scores = (n: number) => ({ correctness: n, speed: n, resilience: n, judgment: n, maintainability: n, collaboration: n });
const ack = (kind: string, id: string) => console.log(JSON.stringify({ kind, id }));

async function people() {
  const client = await db();
  const ada = await client.user.upsert({
    where: { name: "Ada" },
    create: { name: "Ada", role: "learner", passphraseHash: "x" },
    update: {},
  });
  const rex = await client.user.upsert({
    where: { name: "Rex" },
    create: { name: "Rex", role: "reviewer", passphraseHash: "x" },
    update: {},
  });
  const profile = await client.learner.upsert({
    where: { ownerId_programSlug: { ownerId: ada.id, programSlug: "codex-mastery" } },
    create: { name: "Ada", ownerId: ada.id, programSlug: "codex-mastery" },
    update: {},
  });
  const learner: Actor = { kind: "learner", userId: ada.id, label: "Ada" };
  const reviewer: Actor = { kind: "reviewer", userId: rex.id, label: "Rex" };
  return { learnerId: profile.id, learner, reviewer };
}

async function savePattern(learnerId: string, learner: Actor) {
  const client = await db();
  const slug = `pattern-${Math.floor(Math.random() * 20)}`;
  const input = {
    title: `Pattern ${slug}`,
    slug,
    category: "speed",
    problem: `Problem ${Math.random()}`,
    whenToUse: "When it helps.",
    howToApply: "x".repeat(100 + Math.floor(Math.random() * 2000)),
  };
  const existing = await client.pattern.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
  const row = existing ? await updatePattern(learner, learnerId, slug, input) : await createPattern(learner, learnerId, input);
  if (!row) return;
  const version = await client.patternVersion.findUniqueOrThrow({
    where: { patternId_version: { patternId: row.id, version: row.version } },
  });
  ack("pattern", version.id);
}

async function step(n: number, learnerId: string, learner: Actor, reviewer: Actor) {
  if (n % 4 === 1) return savePattern(learnerId, learner);
  const client = await db();
  const open = await client.packet.findFirst({ where: { learnerId, status: { in: ["in_progress", "review_required"] } } });
  if (!open) {
    const done = await client.packet.count({ where: { learnerId, status: "completed" } });
    const moduleNumber = (done % MODULES) + 1;
    const packet = await startPacket(learner, { learnerId, moduleNumber, restart: done >= MODULES });
    return ack("packet", packet.id);
  }
  const evidence = await listEvidence(client, open.id);
  if (open.status === "in_progress") {
    if (evidence.latest.length < 2 || Math.random() < 0.3) {
      const row = await addEvidence(learner, open.id, {
        kind: "note",
        title: `Note ${evidence.all.length + 1}`,
        body: "x".repeat(200 + Math.floor(Math.random() * 4000)),
      });
      return ack("evidence", row.id);
    }
    const proof = {
      validationStatus: "passing",
      validationDetail: "scripts/validate.sh exit 0",
      drillStatus: "passing",
      drillDetail: "all drills within their time boxes",
      selfScores: scores(4),
      rubricSummary: "4 in every dimension",
      risks: "none known",
      followUps: "none",
      claims: [{ claim: "The work is done", evidence: [evidence.latest[0]!.itemKey] }],
    };
    await submitPacket(learner, { packetId: open.id, proof });
    const stored = await client.completionProof.findFirstOrThrow({ where: { packetId: open.id }, orderBy: { createdAt: "desc" } });
    return ack("proof", stored.id);
  }
  const rejected = await client.review.count({ where: { packetId: open.id, verdict: "reject" } });
  const verdict = rejected === 0 && Math.random() < 0.5 ? "reject" : "accept";
  const review = await reviewPacket(reviewer, {
    packetId: open.id,
    verdict,
    scores: verdict === "reject" ? { ...scores(4), speed: 2 } : scores(4),
    feedback: verdict === "reject" ? "Please change:\n- Time every drill" : "",
    evidenceSeen: evidence.latest.map((row) => row.id),
  });
  return ack("review", review.id);
}

const { learnerId, learner, reviewer } = await people();
console.log(JSON.stringify({ kind: "ready", id: learnerId }));
for (let n = 0; ; n++) await step(n, learnerId, learner, reviewer);
