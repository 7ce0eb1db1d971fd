// The packet workflow against a real SQLite database and the bundled program.
import { beforeAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";
import { RemediationSchema } from "../rubric/rubric";

withTestDatabase("packets-test-");
const { db } = await import("../db");
const { startPacket, blockPacket, unblockPacket, submitPacket } = await import("./service");
const { addEvidence, listEvidence } = await import("./evidence");
const { reviewPacket, rescorePacket, selfReviewPacket, waivePrerequisite, addReviewComment, resolveReviewComment } =
  await import("../reviews/service");
const { listLogEntries } = await import("../log/service");
const { setFeedbackTick } = await import("../reviews/checklist");
const { packetDetail } = await import("./queries");
const { reviewQueueRows, waiverChoices } = await import("../reviews/queue");
const { SELF_REVIEW_CHECKLIST } = await import("../reviews/self-review");

let learnerId: string;
let learner: Actor;
let reviewer: Actor;
let ownReviewer: Actor;
const agent = (learnerId: string, tokenId = "tok-1"): Actor => ({ kind: "agent", tokenId, learnerId, label: "ci-agent" });
const scores = (n: number) => ({ correctness: n, speed: n, resilience: n, judgment: n, maintainability: n, collaboration: n });

function proofFor(keys: string[]) {
  return {
    validationStatus: "passing",
    validationDetail: "scripts/validate.sh exit 0",
    drillStatus: "passing",
    drillDetail: "all drills within their time boxes",
    selfScores: scores(4),
    rubricSummary: "4 in every dimension",
    risks: "none known",
    followUps: "none",
    claims: [{ claim: "The trace is labelled by role", evidence: keys }],
  };
}

async function expectRefusal(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "AppError", code, ...(reason ? { reason } : {}) });
  return error as { message: string; missing?: string[]; fieldErrors: Record<string, string> };
}

beforeAll(async () => {
  const client = await db();
  const ada = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const rex = await client.user.create({ data: { name: "Rex", role: "reviewer", passphraseHash: "x" } });
  const ria = await client.user.create({ data: { name: "Ria", role: "reviewer", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: ada.id, programSlug: "codex-mastery" } })).id;
  await client.learner.create({ data: { name: "Ria learning", ownerId: ria.id, programSlug: "codex-mastery" } });
  learner = { kind: "learner", userId: ada.id, label: "Ada" };
  reviewer = { kind: "reviewer", userId: rex.id, label: "Rex" };
  ownReviewer = { kind: "reviewer", userId: ria.id, label: "Ria" };
});

describe("a packet from start to sign-off", () => {
  let packetId: string;
  let noteKey: string;

  it("starts module 1 and refuses module 5 for its prerequisites", async () => {
    const packet = await startPacket(learner, { learnerId, moduleNumber: 1 });
    packetId = packet.id;
    expect(packet).toMatchObject({ status: "in_progress", attempt: 1 });
    const refusal = await expectRefusal(startPacket(learner, { learnerId, moduleNumber: 5 }), "refused", "prerequisites");
    expect(refusal.missing).toEqual([
      "Module 1: Codex Code Internals",
      "Module 2: Advanced Customization",
      "Module 3: Speed & Efficiency Patterns",
      "Module 4: Quality & Verification",
    ]);
  });

  it("allows one packet at a time, even when a reviewer waived a prerequisite", async () => {
    const offered = async () =>
      (await waiverChoices("someone-else")).find((l) => l.id === learnerId)!.choices.map((c) => `${c.moduleNumber}:${c.prerequisite}`);
    expect(await offered()).toContain("2:1");
    await waivePrerequisite(reviewer, { learnerId, moduleNumber: 2, prerequisite: 1, reason: "Already did this at work last year" });
    expect(await offered()).not.toContain("2:1");
    expect(await offered()).toContain("5:1");
    await expectRefusal(startPacket(learner, { learnerId, moduleNumber: 2 }), "refused", "one-at-a-time");
    await expectRefusal(startPacket(reviewer, { learnerId, moduleNumber: 3 }), "forbidden", "learner-only");
  });

  it("needs a reason to block, and unblocks", async () => {
    const refusal = await expectRefusal(blockPacket(learner, { packetId, reason: "" }), "invalid", "reason-required");
    expect(refusal.fieldErrors.reason).toBeTruthy();
    expect((await blockPacket(learner, { packetId, reason: "Waiting for a sandbox repository" })).blockedReason).toBe(
      "Waiting for a sandbox repository",
    );
    expect((await unblockPacket(learner, { packetId })).status).toBe("in_progress");
  });

  it("refuses a submission without a complete proof, listing what is missing", async () => {
    const refusal = await expectRefusal(submitPacket(learner, { packetId, proof: {} }), "invalid", "proof-incomplete");
    expect(refusal.missing).toEqual(expect.arrayContaining(["build/validation status", "risks", "assessment claims with evidence"]));
  });

  it("versions evidence and submits with a proof backed by it", async () => {
    const note = await addEvidence(learner, packetId, { kind: "note", title: "Session trace", body: "First draft" });
    noteKey = note.itemKey;
    const v2 = await addEvidence(learner, packetId, { kind: "note", itemKey: noteKey, title: "Session trace", body: "Second draft" });
    expect(v2.version).toBe(2);
    await addEvidence(learner, packetId, {
      kind: "drill",
      title: "Role labelling",
      drillId: "role-labelling",
      reps: 3,
      seconds: 800,
      passed: true,
    });
    const packet = await submitPacket(learner, { packetId, proof: proofFor([noteKey]) });
    expect(packet.status).toBe("review_required");
    expect(await reviewQueueRows("someone-else", "waiting")).toEqual([
      expect.objectContaining({ packetId, own: false, attempt: 1, selfScoreAverage: 4, evidenceItems: 2, unresolvedComments: 0 }),
    ]);
  });

  it("never lets a learner or an agent accept, nor a reviewer their own profile", async () => {
    const client = await db();
    const seen = (await listEvidence(client, packetId)).latest.map((r) => r.id);
    for (const actor of [learner, agent(learnerId)]) {
      await expectRefusal(
        reviewPacket(actor, { packetId, verdict: "accept", scores: scores(5), evidenceSeen: seen }),
        "forbidden",
        "reviewer-only",
      );
    }
    const riaLearner = await client.learner.findFirstOrThrow({ where: { name: "Ria learning" } });
    const riaActor: Actor = { kind: "learner", userId: riaLearner.ownerId, label: "Ria" };
    const own = await startPacket(riaActor, { learnerId: riaLearner.id, moduleNumber: 1 });
    const note = await addEvidence(riaActor, own.id, { kind: "note", title: "n", body: "b" });
    await submitPacket(riaActor, { packetId: own.id, proof: proofFor([note.itemKey]) });
    await expectRefusal(
      reviewPacket(ownReviewer, { packetId: own.id, verdict: "accept", scores: scores(5), evidenceSeen: [note.id] }),
      "forbidden",
      "own-packet",
    );
  });

  it("refuses a rejection without actionable feedback and an accept with a failing score", async () => {
    const seen = (await listEvidence(await db(), packetId)).latest.map((r) => r.id);
    await expectRefusal(
      reviewPacket(reviewer, { packetId, verdict: "reject", scores: scores(4), feedback: "", evidenceSeen: seen }),
      "invalid",
      "feedback-required",
    );
    await expectRefusal(
      reviewPacket(reviewer, { packetId, verdict: "accept", scores: { ...scores(4), speed: 2 }, evidenceSeen: seen }),
      "refused",
      "failing-score",
    );
  });

  it("rejects with feedback: the packet returns with remediation and earlier evidence kept", async () => {
    const client = await db();
    const seen = (await listEvidence(client, packetId)).latest.map((r) => r.id);
    await addReviewComment(reviewer, { packetId, evidenceItemKey: noteKey, body: "Label the tool messages too." });
    const review = await reviewPacket(reviewer, {
      packetId,
      verdict: "reject",
      scores: { ...scores(4), speed: 2 },
      feedback: "Good start. Please change:\n- Label every tool message in the trace",
      evidenceSeen: seen,
    });
    expect(review.remediation).toMatchObject({ dimensions: ["speed"] });
    expect(RemediationSchema.parse(review.remediation).drills.map((d) => d.id)).toContain("role-labelling");
    const packet = await client.packet.findUniqueOrThrow({ where: { id: packetId } });
    expect(packet.status).toBe("in_progress");
    expect((await listEvidence(client, packetId)).all).toHaveLength(3);
  });

  it("turns the feedback's list into a checklist only the learner marks, and only while reworking", async () => {
    await expectRefusal(setFeedbackTick(reviewer, { packetId, number: 1, done: true }), "forbidden");
    await expectRefusal(setFeedbackTick(agent("another-learner"), { packetId, number: 1, done: true }), "forbidden");
    const outOfRange = await expectRefusal(setFeedbackTick(learner, { packetId, number: 2, done: true }), "invalid");
    expect(outOfRange.fieldErrors).toEqual({ number: "no such item" });
    expect(await setFeedbackTick(agent(learnerId), { packetId, number: 1, done: true })).toEqual([
      { number: 1, text: "Label every tool message in the trace", done: true },
    ]);
    expect((await setFeedbackTick(learner, { packetId, number: 1, done: false }))[0]!.done).toBe(false);
    await setFeedbackTick(learner, { packetId, number: 1, done: true });
    const reject = (await packetDetail(packetId))!.reviews.at(-1)!;
    expect(reject.checklist).toEqual([{ number: 1, text: "Label every tool message in the trace", done: true }]);
  });

  it("resubmits after rework; a verdict on stale evidence is refused, then the accept completes the packet", async () => {
    const client = await db();
    const comment = await client.reviewComment.findFirstOrThrow({ where: { packetId } });
    await resolveReviewComment(learner, { commentId: comment.id, note: "Labelled all tool messages" });
    await addEvidence(learner, packetId, {
      kind: "note",
      itemKey: noteKey,
      title: "Session trace",
      body: "Third draft with tool messages",
    });
    await expectRefusal(submitPacket(agent("another-learner"), { packetId, proof: proofFor([noteKey]) }), "forbidden");
    await submitPacket(learner, { packetId, proof: proofFor([noteKey]) });
    await expectRefusal(setFeedbackTick(learner, { packetId, number: 1, done: false }), "refused", "not-reworking");
    const before = (await listEvidence(client, packetId)).latest.map((r) => r.id);
    await addEvidence(learner, packetId, { kind: "link", title: "CI run", url: "https://ci.example.org/run/1" });
    await expectRefusal(
      reviewPacket(reviewer, { packetId, verdict: "accept", scores: scores(4), evidenceSeen: before }),
      "conflict",
      "new-evidence",
    );
    const now = (await listEvidence(client, packetId)).latest.map((r) => r.id);
    await reviewPacket(reviewer, { packetId, verdict: "accept", scores: scores(4), evidenceSeen: now });
    expect((await client.packet.findUniqueOrThrow({ where: { id: packetId } })).status).toBe("completed");
    expect((await startPacket(learner, { learnerId, moduleNumber: 3 })).status).toBe("in_progress");
  });

  it("lets a reviewer correct scores as a new review, never below the threshold on an accepted packet", async () => {
    await expectRefusal(rescorePacket(learner, { packetId, scores: scores(5), note: "Better than I first thought" }), "forbidden");
    await expectRefusal(
      rescorePacket(reviewer, { packetId, scores: { ...scores(4), judgment: 2 }, note: "Judgment was weaker" }),
      "refused",
      "failing-score",
    );
    const review = await rescorePacket(reviewer, {
      packetId,
      scores: { ...scores(4), judgment: 5 },
      note: "The decision log was excellent",
    });
    expect(review.verdict).toBe("rescore");
    const verdicts = (await (await db()).review.findMany({ where: { packetId }, orderBy: { createdAt: "asc" } })).map((r) => r.verdict);
    expect(verdicts).toEqual(["reject", "accept", "rescore"]);
  });

  it("logs every step in the template's fields, in order", async () => {
    const entries = await listLogEntries({ learnerId, moduleNumber: 1 });
    const statuses = entries.map((e) => e.status);
    expect(statuses[0]).toBe("in_progress");
    expect(statuses).toContain("blocked");
    expect(statuses.filter((s) => s === "review_required").length).toBeGreaterThanOrEqual(2);
    expect(statuses.at(-1)).toBe("completed");
    expect(entries.at(-1)!.summary).toMatch(/^Rescored Module 1/);
    expect(entries.every((e) => e.summary && e.evidence && e.risks && e.next)).toBe(true);
    expect(entries.some((e) => e.actorLabel === "reviewer:Rex")).toBe(true);
  });

  it("restarts a completed module as a new attempt and keeps the first", async () => {
    const client = await db();
    const current = await client.packet.findFirstOrThrow({ where: { learnerId, moduleNumber: 3 } });
    await blockPacket(learner, { packetId: current.id, reason: "Switching to redo module 1" });
    const second = await startPacket(learner, { learnerId, moduleNumber: 1, restart: true });
    expect(second.attempt).toBe(2);
    const attempts = await client.packet.findMany({ where: { learnerId, moduleNumber: 1 }, orderBy: { attempt: "asc" } });
    expect(attempts.map((p) => p.status)).toEqual(["completed", "in_progress"]);
  });
});

describe("solo mode", () => {
  it("allows a self-review only in solo mode, after the cooling-off period and the checklist", async () => {
    const client = await db();
    const solo = await client.user.create({ data: { name: "Sol", role: "learner", passphraseHash: "x" } });
    const profile = await client.learner.create({ data: { name: "Sol", ownerId: solo.id, programSlug: "codex-mastery" } });
    const actor: Actor = { kind: "learner", userId: solo.id, label: "Sol" };
    const packet = await startPacket(actor, { learnerId: profile.id, moduleNumber: 1 });
    const note = await addEvidence(actor, packet.id, { kind: "note", title: "n", body: "b" });
    await submitPacket(actor, { packetId: packet.id, proof: proofFor([note.itemKey]) });
    const all = SELF_REVIEW_CHECKLIST.map((item) => item.id);
    const input = { packetId: packet.id, scores: scores(4), checklist: all, reflection: "Checked every criterion against the evidence." };
    await expectRefusal(selfReviewPacket(actor, input), "refused", "solo-mode-off");
    await client.learner.update({ where: { id: profile.id }, data: { soloMode: true } });
    await expectRefusal(selfReviewPacket(actor, input), "refused", "cooling-off");
    const later = new Date(Date.now() + 13 * 3_600_000);
    await expectRefusal(selfReviewPacket(actor, { ...input, checklist: all.slice(1) }, later), "refused", "checklist-incomplete");
    const review = await selfReviewPacket(actor, input, later);
    expect(review.verdict).toBe("self-review");
    expect((await client.packet.findUniqueOrThrow({ where: { id: packet.id } })).status).toBe("completed");
  });
});
