// Fills a fresh database with a learner who completed all eight modules of the bundled program
// over seven weeks: evidence with versions, proofs, reviews, time, re-drills, checklist marks, a
// pattern library and a long plan log. For the dashboard benchmark and for looking at the charts.
import { hashPassphrase } from "../../lib/auth/passphrase";
import { getProgram } from "../../lib/content";
import { db } from "../../lib/db";

export type SeedSize = { logEntries: number; patterns: number };
export const BENCH_PASSPHRASE = "bench-passphrase-1";

const DAY = 86_400_000;
const scores = (base: number, low?: string) =>
  JSON.stringify({ correctness: base, speed: base, resilience: base, judgment: base, maintainability: base, collaboration: base, ...(low ? { [low]: 3 } : {}) });

/** Seeds the database `db()` points at and returns the learner's ids. */
export async function seedProgress(size: SeedSize, now = new Date()) {
  const program = getProgram("codex-mastery");
  if (!program) throw new Error("the bundled program codex-mastery is missing");
  const client = await db();
  const start = new Date(now.getTime() - 52 * DAY);
  const at = (days: number, hours = 10) => new Date(start.getTime() + days * DAY + hours * 3_600_000);
  const passphraseHash = await hashPassphrase(BENCH_PASSPHRASE);
  const user = await client.user.create({ data: { name: "Bench Learner", role: "learner", passphraseHash } });
  const reviewer = await client.user.create({ data: { name: "Bench Reviewer", role: "reviewer", passphraseHash } });
  const learner = await client.learner.create({ data: { name: "Bench Learner", ownerId: user.id, programSlug: program.slug, createdAt: start } });
  const actor = { actorKind: "learner", actorId: user.id, actorLabel: "Bench Learner" };
  const lows = ["speed", undefined, "resilience", undefined, "judgment", undefined, "collaboration", undefined];

  for (const [index, mod] of program.modules.entries()) {
    const n = mod.meta.number;
    const begin = index * 6;
    const packet = await client.packet.create({
      data: { learnerId: learner.id, moduleNumber: n, status: "completed", startedAt: at(begin), submittedAt: at(begin + 4), completedAt: at(begin + 5), createdAt: at(begin), updatedAt: at(begin + 5) },
    });
    const evidence = [
      ...[1, 2].map((version) => ({ itemKey: "note-notes", version, kind: "note", title: `${mod.meta.title} notes`, body: `Notes on module ${n}\n${"- a finding\n".repeat(version * 3)}`, data: null, createdAt: at(begin + version) })),
      ...mod.exercises.map((e) => ({ itemKey: `exercise-${e.slug}`, version: 1, kind: "exercise", title: "Exercise result", body: "All criteria met.", data: JSON.stringify({ exercise: e.slug }), createdAt: at(begin + 2) })),
      ...mod.meta.drills.map((d, i) => ({
        itemKey: `drill-${d.id}`,
        version: 1,
        kind: "drill",
        title: "Drill attempt",
        body: "",
        data: JSON.stringify({ drillId: d.id, reps: 3, seconds: 900 + i * 120, passed: i !== 1, withinTimebox: d.timebox ? i === 0 : null }),
        createdAt: at(begin + 3),
      })),
      ...mod.meta.exitTicket.map((_, i) => ({ itemKey: `exit-ticket-${i + 1}`, version: 1, kind: "exit-ticket", title: `Exit ticket ${i + 1}`, body: "An answer.", data: JSON.stringify({ question: i }), createdAt: at(begin + 3) })),
    ];
    await client.evidence.createMany({ data: evidence.map((e) => ({ ...e, packetId: packet.id, ...actor })) });
    const proof = {
      validationStatus: "passing",
      validationDetail: "scripts/validate.sh exited 0",
      drillStatus: "passing",
      drillDetail: "every drill within its time box but one",
      selfScores: JSON.parse(scores(4)),
      rubricSummary: "4 in every dimension",
      risks: "none known",
      followUps: n === 3 ? "Measure the speed-up on a second project" : "none",
      claims: [{ claim: "The notes cover the module", evidence: ["note-notes"] }],
    };
    await client.completionProof.create({ data: { packetId: packet.id, data: JSON.stringify(proof), createdAt: at(begin + 4), ...actor } });
    await client.review.create({
      data: { packetId: packet.id, reviewerId: reviewer.id, reviewerName: "Bench Reviewer", verdict: "accept", scores: scores(4, lows[index]), evidenceSeen: "[]", createdAt: at(begin + 5) },
    });
    await client.timeEntry.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({ learnerId: learner.id, packetId: packet.id, moduleNumber: n, source: i % 2 ? "manual" : "timer", startedAt: at(begin + i, 9), seconds: 1800 + i * 300, createdAt: at(begin + i, 11) })),
    });
  }

  await client.redrillResult.createMany({
    data: [1, 3].map((n) => ({ learnerId: learner.id, moduleNumber: n, itemKind: "exit-ticket", itemRef: "1", passed: true, dueAt: at((n - 1) * 6 + 6), createdAt: at((n - 1) * 6 + 6, 12) })),
  });
  await client.indicatorMark.createMany({
    data: program.meta.successMetrics.qualitative.slice(0, 2).map((item, i) => ({ learnerId: learner.id, kind: "qualitative", item, checked: true, note: "Shown in a review", createdAt: at(20 + i) })),
  });
  for (let offset = 0; offset < size.patterns; offset += 500) {
    const batch = Array.from({ length: Math.min(500, size.patterns - offset) }, (_, i) => offset + i);
    await client.pattern.createMany({
      data: batch.map((i) => ({
        learnerId: learner.id,
        slug: `pattern-${i}`,
        version: 1,
        title: `Pattern ${i}`,
        category: ["speed", "quality", "debugging", "planning", "architecture"][i % 5]!,
        problem: "A recurring problem.",
        whenToUse: "When it recurs.",
        howToApply: "Apply the steps.",
        sourceModule: (i % 8) + 1,
        createdAt: at(i % 50),
        updatedAt: at(i % 50),
      })),
    });
  }
  await client.playbookEntry.createMany({
    data: ["quick-reference", "scenario", "checklist", "decision-tree"].map((kind, i) => ({ learnerId: learner.id, slug: `entry-${i}`, version: 1, kind, title: `Entry ${i}`, body: "- [ ] a step", createdAt: at(10 + i), updatedAt: at(10 + i) })),
  });
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
  return { userId: user.id, reviewerId: reviewer.id, learnerId: learner.id };
}
