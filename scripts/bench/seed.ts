// The benchmark's large dataset, written into the database `db()` points at: one learner who
// completed all eight modules of the bundled program over seven weeks (evidence with many
// versions, proofs, reviews, time, re-drills, checklist marks, a long plan log, a library of
// hostile Markdown with wiki-links, ExecPlans), plus other learners whose packets wait in the
// reviewer's queue.
import { hashPassphrase } from "../../lib/auth/passphrase";
import { createApiToken } from "../../lib/agent/tokens";
import { getProgram } from "../../lib/content";
import { connection } from "../../lib/db";
import { createPlan } from "../../lib/execplans/service";
import { writePattern } from "../../lib/library/patterns";
import { writeEntry } from "../../lib/library/playbook";
import { hostileEntry, hostilePattern, prng } from "../../lib/library/sample-library";

export type SeedSize = {
  logEntries: number;
  evidenceVersions: number;
  patterns: number;
  playbookEntries: number;
  plans: number;
  queuedLearners: number;
};
export const LARGE: SeedSize = {
  logEntries: 10_000,
  evidenceVersions: 2_000,
  patterns: 1_000,
  playbookEntries: 300,
  plans: 50,
  queuedLearners: 20,
};

const DAY = 86_400_000;
const CATEGORIES = ["speed", "quality", "debugging", "planning", "architecture"];
const scores = (base: number, low?: string) =>
  ({ correctness: base, speed: base, resilience: base, judgment: base, maintainability: base, collaboration: base, ...(low ? { [low]: 3 } : {}) });
const proofOf = (n: number) =>
  ({
    validationStatus: "passing",
    validationDetail: "scripts/validate.sh exited 0",
    drillStatus: "passing",
    drillDetail: "every drill within its time box but one",
    selfScores: scores(4),
    rubricSummary: "4 in every dimension",
    risks: "none known",
    followUps: n === 3 ? "Measure the speed-up on a second project" : "none",
    claims: [{ claim: "The notes cover the module", evidence: ["note-notes"] }],
  });

/** Seeds the dataset and returns what the benchmark signs in as and visits. */
export async function seedLargeDataset(size: SeedSize, passphrase: string, now = new Date()) {
  const program = getProgram("codex-mastery");
  if (!program) throw new Error("the bundled program codex-mastery is missing");
  const client = await connection();
  const start = new Date(now.getTime() - 52 * DAY);
  const at = (days: number, hours = 10) => new Date(start.getTime() + days * DAY + hours * 3_600_000);
  const passphraseHash = await hashPassphrase(passphrase);
  const user = await client.user.create({ data: { name: "Bench Learner", role: "learner", passphraseHash } });
  const reviewer = await client.user.create({ data: { name: "Bench Reviewer", role: "reviewer", passphraseHash } });
  const learner = await client.learner.create({ data: { name: "Bench Learner", ownerId: user.id, programSlug: program.slug, createdAt: start } });
  const actor = { actorKind: "learner" as const, actorId: user.id, actorLabel: "Bench Learner" };
  const lows = ["speed", undefined, "resilience", undefined, "judgment", undefined, "collaboration", undefined];
  const notesPerModule = Math.max(2, Math.ceil(size.evidenceVersions / program.modules.length) - 12);

  for (const [index, mod] of program.modules.entries()) {
    const n = mod.meta.number;
    const begin = index * 6;
    const packet = await client.packet.create({
      data: {
        learnerId: learner.id,
        moduleNumber: n,
        status: "completed",
        startedAt: at(begin),
        submittedAt: at(begin + 4),
        completedAt: at(begin + 5),
        createdAt: at(begin),
        updatedAt: at(begin + 5),
      },
    });
    const evidence = [
      ...Array.from({ length: notesPerModule }, (_, i) => ({
        itemKey: `note-notes-${i % 10}`,
        version: Math.floor(i / 10) + 1,
        kind: "note",
        title: `${mod.meta.title} notes ${i % 10}`,
        body: `Notes on module ${n}\n${"- a finding\n".repeat((i % 7) + 1)}`,
        createdAt: at(begin + (i % 4), 9),
      })),
      ...mod.exercises.map((e) => ({ itemKey: `exercise-${e.slug}`, version: 1, kind: "exercise", title: "Exercise result", body: "All criteria met.", data: { exercise: e.slug }, createdAt: at(begin + 2) })),
      ...mod.meta.drills.map((d, i) => ({
        itemKey: `drill-${d.id}`,
        version: 1,
        kind: "drill",
        title: "Drill attempt",
        body: "",
        data: { drillId: d.id, reps: 3, seconds: 900 + i * 120, passed: i !== 1, withinTimebox: d.timebox ? i === 0 : null },
        createdAt: at(begin + 3),
      })),
      ...mod.meta.exitTicket.map((_, i) => ({ itemKey: `exit-ticket-${i + 1}`, version: 1, kind: "exit-ticket", title: `Exit ticket ${i + 1}`, body: "An answer.", data: { question: i }, createdAt: at(begin + 3) })),
    ];
    await client.evidence.createMany({ data: evidence.map((e) => ({ ...e, packetId: packet.id, ...actor })) });
    await client.completionProof.create({ data: { packetId: packet.id, data: proofOf(n), createdAt: at(begin + 4), ...actor } });
    await client.review.create({
      data: { packetId: packet.id, reviewerId: reviewer.id, reviewerName: "Bench Reviewer", verdict: "accept", scores: scores(4, lows[index]), evidenceSeen: [], createdAt: at(begin + 5) },
    });
    await client.timeEntry.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        learnerId: learner.id,
        packetId: packet.id,
        moduleNumber: n,
        source: i % 2 ? "manual" : "timer",
        startedAt: at(begin + i, 9),
        seconds: 1800 + i * 300,
        createdAt: at(begin + i, 11),
      })),
    });
  }

  await client.redrillResult.createMany({
    data: [1, 3].map((n) => ({
      learnerId: learner.id,
      moduleNumber: n,
      itemKind: "exit-ticket",
      itemRef: "1",
      passed: true,
      dueAt: at((n - 1) * 6 + 6),
      createdAt: at((n - 1) * 6 + 6, 12),
    })),
  });
  await client.indicatorMark.createMany({
    data: program.meta.successMetrics.qualitative.slice(0, 2).map((item, i) => ({
      learnerId: learner.id,
      kind: "qualitative",
      item,
      checked: true,
      note: "Shown in a review",
      createdAt: at(20 + i),
    })),
  });

  await seedLibrary(learner.id, size);

  for (let offset = 0; offset < size.logEntries; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, size.logEntries - offset) }, (_, i) => offset + i);
    await client.planLogEntry.createMany({
      data: batch.map((i) => ({
        learnerId: learner.id,
        moduleNumber: (i % 8) + 1,
        status: "in_progress",
        summary: `Added note evidence "entry ${i}"`,
        evidence: `note-${i} v1`,
        risks: "none",
        next: "Continue.",
        actorKind: "learner",
        actorLabel: "learner:Bench Learner",
        createdAt: new Date(start.getTime() + Math.floor((i / size.logEntries) * 50 * DAY)),
      })),
    });
  }

  const planActor = { kind: "learner" as const, userId: user.id, label: "Bench Learner" };
  for (let i = 0; i < size.plans; i++)
    await createPlan(planActor, { learnerId: learner.id, title: `Plan ${i + 1}: ${program.modules[i % 8]!.meta.title}` });

  // Other learners, each with module 1 submitted and waiting for review.
  let queuedPacketId = "";
  for (let i = 0; i < size.queuedLearners; i++) {
    const other = await client.user.create({ data: { name: `Queued Learner ${i + 1}`, role: "learner", passphraseHash } });
    const profile = await client.learner.create({
      data: { name: `Queued Learner ${i + 1}`, ownerId: other.id, programSlug: program.slug, createdAt: at(i) },
    });
    const packet = await client.packet.create({
      data: {
        learnerId: profile.id,
        moduleNumber: 1,
        status: "review_required",
        startedAt: at(i),
        submittedAt: at(i + 2),
        createdAt: at(i),
        updatedAt: at(i + 2),
      },
    });
    const by = { actorKind: "learner" as const, actorId: other.id, actorLabel: `Queued Learner ${i + 1}` };
    await client.evidence.createMany({
      data: Array.from({ length: 12 }, (_, v) => ({
        packetId: packet.id,
        itemKey: `note-notes-${v % 3}`,
        version: Math.floor(v / 3) + 1,
        kind: "note",
        title: "Notes",
        body: `Finding ${v}`,
        createdAt: at(i + 1),
        ...by,
      })),
    });
    await client.completionProof.create({ data: { packetId: packet.id, data: proofOf(1), createdAt: at(i + 2), ...by } });
    await client.planLogEntry.createMany({
      data: (["in_progress", "review_required"] as const).map((status, s) => ({
        learnerId: profile.id,
        moduleNumber: 1,
        status,
        summary: s ? "Submitted for review" : "Started module 1",
        evidence: "",
        risks: "none",
        next: s ? "Wait for the review." : "Take notes.",
        actorKind: "learner",
        actorLabel: `learner:Queued Learner ${i + 1}`,
        createdAt: at(i + s * 2),
      })),
    });
    queuedPacketId ||= packet.id;
  }

  const { secret } = await createApiToken(user.id, { learnerId: learner.id, name: "bench" });
  return { userId: user.id, reviewerId: reviewer.id, learnerId: learner.id, queuedPacketId, token: secret };
}

/** The learner's library, through its own write functions so every item has its first version. */
export async function seedLibrary(learnerId: string, size: Pick<SeedSize, "patterns" | "playbookEntries">): Promise<void> {
  const client = await connection();
  const random = prng(2026);
  const slugs = Array.from({ length: size.patterns }, (_, i) => `pattern-${String(i).padStart(4, "0")}`);
  const { owner } = await client.learner.findUniqueOrThrow({ where: { id: learnerId }, include: { owner: true } });
  const actor = { kind: "learner" as const, userId: owner.id, label: owner.name };
  await client.$transaction(
    async (tx) => {
      for (const [i, slug] of slugs.entries()) {
        const data = hostilePattern(random, slug, CATEGORIES[i % CATEGORIES.length]!);
        await writePattern(tx, actor, learnerId, null, {
          ...data,
          alternatives: `${data.alternatives}\n\nSee [[${random.pick(slugs)}]].`.trim(),
        });
      }
      for (let i = 0; i < size.playbookEntries; i++) {
        const data = hostileEntry(random, `entry-${String(i).padStart(3, "0")}`);
        await writeEntry(tx, actor, learnerId, null, {
          ...data,
          body: `${data.body}\n\nUses [[${random.pick(slugs)}]] and [[${random.pick(slugs)}]].`,
        });
      }
    },
    { timeout: 600_000 },
  );
}
