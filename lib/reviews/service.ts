// The review gate: a reviewer's accept or reject (pinned to the evidence versions they saw),
// the solo-mode self-review, comments pinned to evidence, prerequisite waivers and the queue.
import { z } from "zod";
import { moduleByNumber, moduleLabel } from "../content";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { appendLogEntry } from "../log/service";
import { listEvidence } from "../packets/evidence";
import { enforce, type LearnerState, loadLearnerState, loadPacket, setStatus, statusOf } from "../packets/service";
import { decide } from "../packets/transitions";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS, evaluateRubric, remediationFor, RubricScoresSchema } from "../rubric/rubric";
import { feedbackProblem } from "./feedback";
import { SELF_REVIEW_CHECKLIST } from "./self-review";
import { assertActsFor, type Actor } from "../auth/actor";
import { EvidenceSeenSchema } from "./stored";
import { count } from "../ui/plural";

const ReviewSchema = z.object({
  packetId: z.string().min(1),
  verdict: z.enum(["accept", "reject"], { error: "choose a verdict: accept (Approve) or reject (Request changes)" }),
  scores: RubricScoresSchema,
  remarks: z.record(z.string(), z.string().trim().max(2000)).default({}),
  feedback: z.string().max(20_000, "keep feedback under 20,000 characters").default(""),
  /** Ids of the evidence versions the reviewer had in front of them. */
  evidenceSeen: z.array(z.string()).default([]),
});
export type ReviewInput = z.input<typeof ReviewSchema>;

function reviewerOnly(actor: Actor): Extract<Actor, { kind: "reviewer" }> {
  if (actor.kind !== "reviewer") {
    throw new AppError(
      "forbidden",
      `Only a signed-in reviewer can do this; ${actor.kind === "agent" ? "an agent token" : "a learner"} never can.`,
      {},
      "reviewer-only",
    );
  }
  return actor;
}

/** A reviewer never acts on a learner profile of their own. */
function assertNotOwnProfile(reviewer: Extract<Actor, { kind: "reviewer" }>, state: LearnerState): void {
  if (state.learner.ownerId === reviewer.userId) {
    throw new AppError("forbidden", "This learner profile is your own: another reviewer must do this.", {}, "own-packet");
  }
}

type ParsedReview = z.output<typeof ReviewSchema>;

function parseReview(input: ReviewInput | Record<string, unknown>): ParsedReview {
  const parsed = ReviewSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The review was not saved: some fields need attention.");
  return parsed.data;
}

/** Every rule a verdict must pass, checked without writing: what it would do, or the AppError that refuses it. */
async function checkVerdict(tx: Tx, actor: Actor, { packetId, verdict, scores, feedback, evidenceSeen }: ParsedReview) {
  const { packet, state, mod } = await loadPacket(tx, packetId);
  const comments = await tx.reviewComment.count({ where: { packetId, resolution: null } });
  const rubric = evaluateRubric(scores, state.program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD);
  const decision = decide(verdict, packet.status, {
    actor,
    moduleLabel: moduleLabel(mod),
    packetOwnerUserId: state.learner.ownerId,
    rubricPass: rubric.pass,
    failingDimensions: rubric.weak.map((d) => DIMENSION_LABELS[d]),
    feedbackProblem: verdict === "reject" ? feedbackProblem(feedback, comments) : null,
  });
  if (!decision.ok && decision.code === "feedback-required")
    throw new AppError("invalid", decision.message, { feedback: decision.message }, decision.code);
  const to = enforce(decision);
  const reviewer = reviewerOnly(actor);
  const { latest } = await listEvidence(tx, packet.id);
  const unseen = latest.filter((row) => !evidenceSeen.includes(row.id));
  if (unseen.length > 0) {
    throw new AppError(
      "conflict",
      `New evidence arrived while you were reviewing: ${unseen.map((r) => `"${r.title}" v${r.version}`).join(", ")}. Look at the delta, then decide again.`,
      {},
      "new-evidence",
    );
  }
  return { packet, state, mod, rubric, to, reviewer, latest };
}

/** What a verdict would record, for the reviewer to confirm: every rule is checked, nothing is written. */
export async function previewVerdict(actor: Actor, input: ReviewInput | Record<string, unknown>) {
  const review = parseReview(input);
  return transaction(async (tx) => {
    const { state, mod, rubric } = await checkVerdict(tx, actor, review);
    return {
      verdict: review.verdict,
      learnerName: state.learner.name,
      moduleLabel: moduleLabel(mod),
      average: rubric.average,
      pass: rubric.pass,
    };
  });
}

export async function reviewPacket(actor: Actor, input: ReviewInput | Record<string, unknown>) {
  const parsed = parseReview(input);
  const { packetId, verdict, scores, remarks, feedback } = parsed;
  return transaction(async (tx) => {
    const { packet, mod, rubric, to, reviewer, latest } = await checkVerdict(tx, actor, parsed);
    const remediation = verdict === "reject" && !rubric.pass ? remediationFor(mod.meta, rubric.weak) : null;
    const review = await tx.review.create({
      data: {
        packetId,
        reviewerId: reviewer.userId,
        reviewerName: reviewer.label,
        verdict,
        scores,
        remarks,
        feedback,
        ...(remediation ? { remediation } : {}),
        evidenceSeen: latest.map((r) => r.id),
      },
    });
    await setStatus(tx, packet, to, to === "completed" ? { completedAt: new Date() } : {});
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: to,
      summary:
        verdict === "accept"
          ? `Accepted ${moduleLabel(mod)} (rubric average ${rubric.average})`
          : `Rejected ${moduleLabel(mod)} with feedback (rubric average ${rubric.average}${rubric.pass ? "" : `; remediation: ${rubric.weak.map((d) => DIMENSION_LABELS[d]).join(", ")}`})`,
      evidence: `reviewed ${count(latest.length, "evidence item")} at their latest versions`,
      risks: verdict === "accept" ? "none" : feedback.split("\n")[0]!.slice(0, 200),
      next: verdict === "accept" ? "Start the next available module." : "Rework: answer the feedback, add evidence versions, resubmit.",
      actor: reviewer,
    });
    return review;
  });
}

const RescoreSchema = z.object({
  packetId: z.string().min(1),
  scores: RubricScoresSchema,
  remarks: z.record(z.string(), z.string().trim().max(2000)).default({}),
  note: z.string().trim().min(10, "say why the scores change (10 characters or more)").max(5000),
});

/**
 * A reviewer corrects their scores after a verdict: a new review row (history is never
 * edited). An accepted packet cannot be rescored below the pass threshold.
 */
export async function rescorePacket(actor: Actor, input: z.input<typeof RescoreSchema> | Record<string, unknown>) {
  const parsed = RescoreSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The scores were not saved: some fields need attention.");
  const reviewer = reviewerOnly(actor);
  const { packetId, scores, remarks, note } = parsed.data;
  return transaction(async (tx) => {
    const { packet, state, mod } = await loadPacket(tx, packetId);
    assertNotOwnProfile(reviewer, state);
    const earlier = await tx.review.findFirst({
      where: { packetId, verdict: { in: ["accept", "reject"] } },
      orderBy: { createdAt: "desc" },
    });
    if (!earlier)
      throw new AppError("refused", "There is no reviewer verdict to rescore yet: review the packet first.", {}, "illegal-transition");
    const rubric = evaluateRubric(scores, state.program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD);
    if (packet.status === "completed" && !rubric.pass) {
      throw new AppError(
        "refused",
        `These scores do not reach the pass threshold (weak: ${rubric.weak.map((d) => DIMENSION_LABELS[d]).join(", ")}), but the packet is accepted. Ask the learner to restart the module as a new attempt instead.`,
        {},
        "failing-score",
      );
    }
    const review = await tx.review.create({
      data: {
        packetId,
        reviewerId: reviewer.userId,
        reviewerName: reviewer.label,
        verdict: "rescore",
        scores,
        remarks,
        feedback: note,
        evidenceSeen: EvidenceSeenSchema.parse(earlier.evidenceSeen),
      },
    });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: packet.status,
      summary: `Rescored ${moduleLabel(mod)} (rubric average ${rubric.average}): ${note}`,
      evidence: "same evidence versions as the verdict",
      risks: "none",
      next: "none",
      actor: reviewer,
    });
    return review;
  });
}

const SelfReviewSchema = z.object({
  packetId: z.string().min(1),
  scores: RubricScoresSchema,
  checklist: z.array(z.string()).default([]),
  reflection: z.string().trim().min(20, "write what you checked and what you would improve (20 characters or more)").max(20_000),
});

/** Solo mode only: the learner records a self-review after the cooling-off period. */
export async function selfReviewPacket(actor: Actor, input: z.input<typeof SelfReviewSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = SelfReviewSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The self-review was not saved: some fields need attention.");
  const { packetId, scores, checklist, reflection } = parsed.data;
  return transaction(async (tx) => {
    const { packet, state, mod } = await loadPacket(tx, packetId);
    if (actor.kind === "learner") assertActsFor(actor, state.learner);
    const rubric = evaluateRubric(scores, state.program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD);
    const coolingOffEndsAt = packet.submittedAt ? new Date(packet.submittedAt.getTime() + state.learner.coolingOffHours * 3_600_000) : null;
    const to = enforce(
      decide("self-accept", packet.status, {
        actor,
        moduleLabel: moduleLabel(mod),
        rubricPass: rubric.pass,
        failingDimensions: rubric.weak.map((d) => DIMENSION_LABELS[d]),
        solo: {
          enabled: state.learner.soloMode,
          coolingOffEndsAt,
          now,
          checklistComplete: SELF_REVIEW_CHECKLIST.every((item) => checklist.includes(item.id)),
        },
      }),
    );
    const { latest } = await listEvidence(tx, packet.id);
    const review = await tx.review.create({
      data: {
        packetId,
        reviewerId: actor.kind === "learner" ? actor.userId : "",
        reviewerName: actor.label,
        verdict: "self-review",
        scores,
        feedback: reflection,
        evidenceSeen: latest.map((r) => r.id),
      },
    });
    await setStatus(tx, packet, to, { completedAt: now });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: to,
      summary: `Self-reviewed ${moduleLabel(mod)} in solo mode (not a reviewer's accept; rubric average ${rubric.average})`,
      evidence: `self-review checklist complete; ${count(latest.length, "evidence item")}`,
      risks: "no independent reviewer",
      next: "Start the next available module.",
      actor,
    });
    return review;
  });
}

const CommentSchema = z.object({
  packetId: z.string().min(1),
  evidenceItemKey: z.string().min(1, "choose the evidence item"),
  body: z.string().trim().min(3, "write the comment").max(5000, "keep comments under 5,000 characters"),
});

export async function addReviewComment(actor: Actor, input: z.input<typeof CommentSchema>) {
  const parsed = CommentSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const reviewer = reviewerOnly(actor);
  return transaction(async (tx) => {
    const { packet, state } = await loadPacket(tx, parsed.data.packetId);
    assertNotOwnProfile(reviewer, state);
    const item = await tx.evidence.findFirst({ where: { packetId: packet.id, itemKey: parsed.data.evidenceItemKey } });
    if (!item)
      throw new AppError("invalid", "That evidence item is not part of this packet.", { evidenceItemKey: "unknown evidence item" });
    return tx.reviewComment.create({ data: { ...parsed.data, authorId: reviewer.userId, authorName: reviewer.label } });
  });
}

const ResolveSchema = z.object({
  commentId: z.string().min(1),
  note: z.string().trim().min(3, "say what you changed").max(5000),
});

export async function resolveReviewComment(actor: Actor, input: z.input<typeof ResolveSchema>) {
  const parsed = ResolveSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return transaction(async (tx) => {
    const comment = await tx.reviewComment.findUnique({ where: { id: parsed.data.commentId }, include: { resolution: true } });
    if (!comment) throw new AppError("not-found", "No such comment.", { commentId: "unknown comment" });
    const { state } = await loadPacket(tx, comment.packetId);
    assertActsFor(actor, state.learner);
    if (comment.resolution) throw new AppError("conflict", "This comment is already resolved.");
    return tx.commentResolution.create({ data: { commentId: comment.id, note: parsed.data.note } });
  });
}

const WaiverSchema = z.object({
  learnerId: z.string().min(1),
  moduleNumber: z.coerce.number().int().positive(),
  prerequisite: z.coerce.number().int().positive(),
  reason: z.string().trim().min(10, "write why the prerequisite can be skipped (10 characters or more)").max(2000),
});

export async function waivePrerequisite(actor: Actor, input: z.input<typeof WaiverSchema>) {
  const parsed = WaiverSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const reviewer = reviewerOnly(actor);
  const { learnerId, moduleNumber, prerequisite, reason } = parsed.data;
  return transaction(async (tx) => {
    const state = await loadLearnerState(tx, learnerId);
    assertNotOwnProfile(reviewer, state);
    const mod = moduleByNumber(state.program, moduleNumber);
    if (!mod?.meta.prerequisites.includes(prerequisite)) {
      throw new AppError("invalid", `Module ${prerequisite} is not a prerequisite of module ${moduleNumber}.`, {
        prerequisite: "not a prerequisite of this module",
      });
    }
    if (state.waived.has(`${moduleNumber}:${prerequisite}`)) throw new AppError("conflict", "That prerequisite is already waived.");
    const waiver = await tx.prerequisiteWaiver.create({
      data: { learnerId, moduleNumber, prerequisite, reason, reviewerId: reviewer.userId },
    });
    await appendLogEntry(tx, {
      learnerId,
      moduleNumber,
      status: statusOf(state, moduleNumber),
      summary: `Waived prerequisite module ${prerequisite} for ${moduleLabel(mod)}: ${reason}`,
      evidence: "reviewer's written waiver",
      risks: `module ${prerequisite} not completed first`,
      next: `The learner may start ${moduleLabel(mod)} once its other prerequisites are met.`,
      actor: reviewer,
    });
    return waiver;
  });
}
