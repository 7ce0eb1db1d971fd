// The benchmark's large dataset, written into the database `db()` points at: one learner who
// completed all eight modules of the bundled program over seven weeks (evidence with many
// versions, proofs, reviews, time, re-drills, checklist marks, a long plan log, a library of
// hostile Markdown with wiki-links, ExecPlans), plus other learners whose packets wait in the
// reviewer's queue.
import { sealData } from "iron-session";
import { hashPassphrase } from "../../lib/auth/passphrase";
import { createApiToken } from "../../lib/agent/tokens";
import { openSession } from "../../lib/auth/sessions";
import { getProgram } from "../../lib/content";
import { BULK_WRITE_TIMEOUT_MS, connection, insertRows, transaction } from "../../lib/db";
import { createPlan } from "../../lib/execplans/service";
import { newPatternRows } from "../../lib/library/patterns";
import { newEntryRows } from "../../lib/library/playbook";
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
const scores = (base: number, low?: string) => ({
  correctness: base,
  speed: base,
  resilience: base,
  judgment: base,
  maintainability: base,
  collaboration: base,
  ...(low ? { [low]: 3 } : {}),
});
export const proofOf = (n: number) => ({
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

/**
 * A signed-in browser's cookie, as signing in makes it: a session row, named by the cookie
 * sealed with the server's secret.
 */
export async function sessionCookie(user: { id: string }, learnerId: string | undefined, secret: string): Promise<string> {
  const session = await openSession(user.id, "mastery-bench");
  return `mastery_session=${await sealData({ sessionId: session.id, userId: user.id, learnerId }, { password: secret })}`;
}

type Client = Awaited<ReturnType<typeof connection>>;
type Provenance = { actorKind: "learner"; actorId: string; actorLabel: string };

/** `count` versions of a packet's three note items, in order (v1 of each, then v2 of each…), as evidence rows. */
export function noteVersions(
  packetId: string,
  count: number,
  by: Provenance,
  row: (v: number) => { title: string; body: string; createdAt: Date },
) {
  return Array.from({ length: count }, (_, v) => ({
    packetId,
    itemKey: `note-notes-${v % 3}`,
    version: Math.floor(v / 3) + 1,
    kind: "note",
    ...row(v),
    ...by,
  }));
}
type Person = { id: string; name: string };

/**
 * One learner's history, the large dataset's shape at any scale: the first `completed` modules
 * of the bundled program done over six days each (note evidence with many versions, exercises,
 * drills, exit tickets, a proof, an accepting review, time), a library, a plan log spread over
 * that time, and ExecPlans.
 */
export async function seedLearnerHistory(
  client: Client,
  people: { user: Person; reviewer: Person; learnerId: string },
  size: Pick<SeedSize, "logEntries" | "evidenceVersions" | "patterns" | "playbookEntries" | "plans">,
  options: { completed: number; start: Date; seed: number },
): Promise<void> {
  const program = getProgram("codex-mastery")!;
  const { user, reviewer, learnerId } = people;
  const at = (days: number, hours = 10) => new Date(options.start.getTime() + days * DAY + hours * 3_600_000);
  const actor = { actorKind: "learner" as const, actorId: user.id, actorLabel: user.name };
  const lows = ["speed", undefined, "resilience", undefined, "judgment", undefined, "collaboration", undefined];
  const modules = program.modules.slice(0, options.completed);
  const notesPerModule = Math.max(2, Math.ceil(size.evidenceVersions / Math.max(1, modules.length)) - 12);

  for (const [index, mod] of modules.entries()) {
    const n = mod.meta.number;
    const begin = index * 6;
    const packet = await client.packet.create({
      data: {
        learnerId,
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
      ...mod.exercises.map((e) => ({
        itemKey: `exercise-${e.slug}`,
        version: 1,
        kind: "exercise",
        title: "Exercise result",
        body: "All criteria met.",
        data: { exercise: e.slug },
        createdAt: at(begin + 2),
      })),
      ...mod.meta.drills.map((d, i) => ({
        itemKey: `drill-${d.id}`,
        version: 1,
        kind: "drill",
        title: "Drill attempt",
        body: "",
        data: { drillId: d.id, reps: 3, seconds: 900 + i * 120, passed: i !== 1, withinTimebox: d.timebox ? i === 0 : null },
        createdAt: at(begin + 3),
      })),
      ...mod.meta.exitTicket.map((_, i) => ({
        itemKey: `exit-ticket-${i + 1}`,
        version: 1,
        kind: "exit-ticket",
        title: `Exit ticket ${i + 1}`,
        body: "An answer.",
        data: { question: i },
        createdAt: at(begin + 3),
      })),
    ];
    await client.evidence.createMany({ data: evidence.map((e) => ({ ...e, packetId: packet.id, ...actor })) });
    await client.completionProof.create({ data: { packetId: packet.id, data: proofOf(n), createdAt: at(begin + 4), ...actor } });
    await client.review.create({
      data: {
        packetId: packet.id,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        verdict: "accept",
        scores: scores(4, lows[index]),
        evidenceSeen: [],
        createdAt: at(begin + 5),
      },
    });
    await client.timeEntry.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        learnerId,
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
    data: [1, 3]
      .filter((n) => n <= modules.length)
      .map((n) => ({
        learnerId,
        moduleNumber: n,
        itemKind: "exit-ticket",
        itemRef: "1",
        passed: true,
        dueAt: at((n - 1) * 6 + 6),
        createdAt: at((n - 1) * 6 + 6, 12),
      })),
  });
  await client.indicatorMark.createMany({
    data: program.meta.successMetrics.qualitative.slice(0, Math.min(2, modules.length)).map((item, i) => ({
      learnerId,
      kind: "qualitative",
      item,
      checked: true,
      note: "Shown in a review",
      createdAt: at(20 + i),
    })),
  });

  await seedLibrary(learnerId, user, size, options.seed);

  const span = Math.max(1, modules.length) * 6 * DAY;
  for (let offset = 0; offset < size.logEntries; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, size.logEntries - offset) }, (_, i) => offset + i);
    await client.planLogEntry.createMany({
      data: batch.map((i) => ({
        learnerId,
        moduleNumber: (i % Math.max(1, modules.length)) + 1,
        status: "in_progress",
        summary: `Added note evidence "entry ${i}"`,
        evidence: `note-${i} v1`,
        risks: "none",
        next: "Continue.",
        actorKind: "learner",
        actorLabel: `learner:${user.name}`,
        createdAt: new Date(options.start.getTime() + Math.floor((i / size.logEntries) * span)),
      })),
    });
  }

  const planActor = { kind: "learner" as const, userId: user.id, label: user.name };
  for (let i = 0; i < size.plans; i++)
    await createPlan(planActor, { learnerId, title: `Plan ${i + 1}: ${program.modules[i % 8]!.meta.title}` });
}

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
  const learner = await client.learner.create({
    data: { name: "Bench Learner", ownerId: user.id, programSlug: program.slug, createdAt: start },
  });
  await seedLearnerHistory(client, { user, reviewer, learnerId: learner.id }, size, {
    completed: program.modules.length,
    start,
    seed: 2026,
  });

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
      data: noteVersions(packet.id, 12, by, (v) => ({ title: "Notes", body: `Finding ${v}`, createdAt: at(i + 1) })),
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

/**
 * The learner's library: every pattern and entry with its first version, written in bulk as an
 * import writes them (`newPatternRows`, `newEntryRows`), with wiki-links between them.
 */
export async function seedLibrary(
  learnerId: string,
  owner: Person,
  size: Pick<SeedSize, "patterns" | "playbookEntries">,
  seed = 2026,
): Promise<void> {
  const random = prng(seed);
  const slugs = Array.from({ length: size.patterns }, (_, i) => `pattern-${String(i).padStart(4, "0")}`);
  const actor = { kind: "learner" as const, userId: owner.id, label: owner.name };
  const patterns = slugs.map((slug, i) => {
    const data = hostilePattern(random, slug, CATEGORIES[i % CATEGORIES.length]!);
    return { ...data, alternatives: `${data.alternatives}\n\nSee [[${random.pick(slugs)}]].`.trim() };
  });
  const entries = Array.from({ length: size.playbookEntries }, (_, i) => {
    const data = hostileEntry(random, `entry-${String(i).padStart(3, "0")}`);
    return { ...data, body: `${data.body}\n\nUses [[${random.pick(slugs)}]] and [[${random.pick(slugs)}]].` };
  });
  const now = new Date();
  await transaction(
    async (tx) => {
      for (const { table, rows } of [...newPatternRows(actor, learnerId, patterns, now), ...newEntryRows(actor, learnerId, entries, now)])
        await insertRows(tx, table, rows);
    },
    { timeoutMs: BULK_WRITE_TIMEOUT_MS },
  );
}
