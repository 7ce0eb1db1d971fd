// A learner profile holding every kind of data a learner export carries, written through the
// domain functions into the database `db()` points at: import this after withTestDatabase.
import type { Actor } from "../lib/auth/actor";
import { db } from "../lib/db";
import { attachPlan, createPlan, saveRevision } from "../lib/execplans/service";
import { addCategory, createPattern, setPatternArchived, updatePattern } from "../lib/library/patterns";
import { createEntry, setTick, updateEntry } from "../lib/library/playbook";
import { checklistKeys, parseChecklist } from "../lib/library/structure";
import { startDrill, stopDrill } from "../lib/packets/drill-runs";
import { addEvidence } from "../lib/packets/evidence";
import { startPacket, submitPacket } from "../lib/packets/service";
import { markIndicator } from "../lib/progress/indicators";
import { recordRedrill } from "../lib/redrill/service";
import { setFeedbackTick } from "../lib/reviews/checklist";
import { addReviewComment, resolveReviewComment, reviewPacket, waivePrerequisite } from "../lib/reviews/service";
import { addTimeEntry, correctTimeEntry, startTimer, stopTimer } from "../lib/time/service";

const DAY = 86_400_000;
export const scores = (n: number) => ({ correctness: n, speed: n, resilience: n, judgment: n, maintainability: n, collaboration: n });
/** A completion proof that claims the evidence item `noteKey`. */
export const proof = (noteKey: string) => ({
  validationStatus: "passing",
  validationDetail: "exit 0",
  drillStatus: "passing",
  drillDetail: "in time",
  selfScores: scores(4),
  rubricSummary: "4s",
  risks: "none known",
  followUps: "none",
  claims: [{ claim: "done", evidence: [noteKey] }],
});

/** The bytes of the one uploaded file. */
export const UPLOADED = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255, 1, 2, 3]);

/**
 * Ada (learner) and Rex (reviewer), and Ada's profile in codex-mastery: module 1 rejected with
 * feedback, comments and ticks, reworked and accepted; module 2 started on a waiver, with a
 * running timer, a running drill stopwatch and an attached ExecPlan; time of every source;
 * re-drill results; indicator marks; patterns and playbook entries with versions, tags and ticks.
 */
export async function seedLearnerWithEverything(): Promise<{ learnerId: string; ada: Actor; rex: Actor }> {
  const client = await db();
  const adaUser = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const rexUser = await client.user.create({ data: { name: "Rex", role: "reviewer", passphraseHash: "x" } });
  const learnerId = (await client.learner.create({ data: { name: "Ada Lovelace", ownerId: adaUser.id, programSlug: "codex-mastery" } })).id;
  const ada: Actor = { kind: "learner", userId: adaUser.id, label: "Ada" };
  const agent: Actor = { kind: "agent", tokenId: "token-1", learnerId, label: "ada-laptop-agent" };
  const rex: Actor = { kind: "reviewer", userId: rexUser.id, label: "Rex" };

  await waivePrerequisite(rex, { learnerId, moduleNumber: 2, prerequisite: 1, reason: "Ada ran the internals workshop last term." });

  const packet = (await startPacket(ada, { learnerId, moduleNumber: 1 })).id;
  const note = await addEvidence(ada, packet, {
    kind: "note",
    title: "Trace | labelled",
    body: "Ünïcode — and a ``` fence\n\n---\n<script>x</script>",
  });
  await addEvidence(ada, packet, {
    kind: "note",
    itemKey: note.itemKey,
    title: "Trace | labelled",
    body: "Second version, with 🧪 in it.",
  });
  await addEvidence(ada, packet, { kind: "file", title: "Screenshot", fileName: "shot.png", fileType: "image/png", bytes: UPLOADED });
  await addEvidence(agent, packet, { kind: "link", title: "Run log", url: "https://example.org/run?id=1&x=%20", body: "from the agent" });
  await addEvidence(ada, packet, { kind: "exercise", title: "Baseline", exercise: "baseline-and-trace", body: "Baseline recorded." });
  await addEvidence(ada, packet, { kind: "exit-ticket", title: "Exit ticket 1", question: 0, body: "Because the loop re-reads." });
  await startDrill(ada, { packetId: packet, drillId: "role-labelling" });
  await stopDrill(ada, { packetId: packet, reps: 3, passed: true, body: "three clean reps" });
  await startTimer(ada, { learnerId, moduleNumber: 1, exercise: "baseline-and-trace" }, new Date(Date.now() - 3_600_000));
  await stopTimer(ada, { learnerId, note: "first session" });
  const manual = await addTimeEntry(ada, {
    learnerId,
    moduleNumber: 1,
    date: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10),
    minutes: 45,
    note: "reading",
  });
  await correctTimeEntry(ada, {
    learnerId,
    entryId: manual.id,
    moduleNumber: 1,
    date: manual.startedAt.toISOString().slice(0, 10),
    minutes: 50,
    note: "forgot the last five minutes",
  });

  await submitPacket(ada, { packetId: packet, proof: proof(note.itemKey) });
  const comment = await addReviewComment(rex, { packetId: packet, evidenceItemKey: note.itemKey, body: "Which run is this trace from?" });
  const seen = async () => (await client.evidence.findMany({ where: { packetId: packet } })).map((e) => e.id);
  await reviewPacket(rex, {
    packetId: packet,
    verdict: "reject",
    scores: { ...scores(4), speed: 2 },
    remarks: { speed: "The drill ran long." },
    feedback: "Please change:\n- time the drill\n- name the run",
    evidenceSeen: await seen(),
  });
  await recordRedrill(ada, { learnerId, item: "1:drill:role-labelling", outcome: "pass", note: "clean" }, new Date(Date.now() + 2 * DAY));
  await setFeedbackTick(ada, { packetId: packet, number: 2, done: true });
  await resolveReviewComment(ada, { commentId: comment.id, note: "The second run, now named in the title." });
  await addEvidence(ada, packet, { kind: "note", itemKey: note.itemKey, title: "Trace of run 2", body: "Named." });
  await submitPacket(ada, { packetId: packet, proof: proof(note.itemKey) });
  await reviewPacket(rex, { packetId: packet, verdict: "accept", scores: scores(4), feedback: "Good.", evidenceSeen: await seen() });

  const second = (await startPacket(ada, { learnerId, moduleNumber: 2 })).id;
  const { plan, revision } = await createPlan(ada, { learnerId, title: "Split the fragments" });
  await saveRevision(ada, { planId: plan.id, body: `${revision.body}\nA line added on the second save.\n`, baseRevision: 1 });
  await attachPlan(ada, { planId: plan.id, packetId: second });
  await startDrill(ada, { packetId: second, drillId: "fragment-split" });
  await startTimer(ada, { learnerId, moduleNumber: 2 });

  await markIndicator(ada, {
    learnerId,
    kind: "behavioral",
    item: "Systematic approach to debugging",
    checked: true,
    note: "bisected the flaky test",
  });
  await markIndicator(ada, { learnerId, kind: "behavioral", item: "Systematic approach to debugging", checked: false, note: "" });

  await addCategory(ada, learnerId, { slug: "security" });
  const pattern = {
    title: "Batch independent reads",
    category: "speed",
    tags: "context, reads",
    problem: "Round trips cost minutes.",
    whenToUse: "Several reads, none decides another.",
    howToApply: "Name every read in one request; see [[threat-model-first]].",
    sourceModule: 1,
  };
  await createPattern(ada, learnerId, pattern);
  await updatePattern(ada, learnerId, "batch-independent-reads", { ...pattern, whenToUse: "Several reads — none decides another." });
  await createPattern(agent, learnerId, { ...pattern, title: "Threat model first", category: "security", tags: "", sourceModule: null });
  await setPatternArchived(ada, learnerId, "threat-model-first", true);
  const checklist = { title: "Before a bundle", kind: "checklist", body: "- [ ] apply [[batch-independent-reads]]\n- [ ] check the size" };
  await createEntry(ada, learnerId, checklist);
  const entry = await updateEntry(ada, learnerId, "before-a-bundle", { ...checklist, body: `${checklist.body}\n- [ ] sign it` });
  await setTick(ada, learnerId, "before-a-bundle", checklistKeys(parseChecklist(entry!.body))[2]!, true);
  await createEntry(agent, learnerId, { title: "Codex flags", kind: "quick-reference", body: "`--model` picks the model." });
  return { learnerId, ada, rex };
}
