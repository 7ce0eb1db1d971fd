// The work-packet status model (async-plan template §3.1) and the rules of every transition,
// as pure functions: the service applies them inside a transaction, the UI only mirrors them.
import { z } from "zod";
import type { Actor } from "../auth/actor";

export const STATUSES = ["pending", "in_progress", "blocked", "review_required", "completed"] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const ACTIONS = ["start", "block", "unblock", "submit", "accept", "reject", "self-accept"] as const;
export type Action = (typeof ACTIONS)[number];

/** Every legal move of the status model; anything else is refused. */
export const TRANSITIONS: Record<Action, { from: Status; to: Status }> = {
  start: { from: "pending", to: "in_progress" },
  block: { from: "in_progress", to: "blocked" },
  unblock: { from: "blocked", to: "in_progress" },
  submit: { from: "in_progress", to: "review_required" },
  accept: { from: "review_required", to: "completed" },
  reject: { from: "review_required", to: "in_progress" },
  "self-accept": { from: "review_required", to: "completed" },
};

export function actionFor(from: Status, to: Status): Action | null {
  return (Object.keys(TRANSITIONS) as Action[]).find((a) => TRANSITIONS[a].from === from && TRANSITIONS[a].to === to) ?? null;
}

type RefusalCode =
  | "illegal-transition"
  | "prerequisites"
  | "one-at-a-time"
  | "reason-required"
  | "proof-incomplete"
  | "reviewer-only"
  | "own-packet"
  | "feedback-required"
  | "failing-score"
  | "solo-mode-off"
  | "cooling-off"
  | "checklist-incomplete";

export type Decision = { ok: true; to: Status } | { ok: false; code: RefusalCode; message: string; missing?: string[] };

const refuse = (code: RefusalCode, message: string, missing?: string[]): Decision => ({ ok: false, code, message, missing });

const STATUS_WORDS: Record<Status, string> = {
  pending: "not started",
  in_progress: "in progress",
  blocked: "blocked",
  review_required: "waiting for review",
  completed: "completed",
};

const NEXT_STEP: Record<Status, string> = {
  pending: "Start it first.",
  in_progress: "Work on it, then submit it for review with a completion proof.",
  blocked: "Unblock it first.",
  review_required: "Wait for the reviewer to accept or reject it.",
  completed: "Restart it as a new attempt if you want to redo it.",
};

export type DecisionContext = {
  actor: Actor;
  moduleLabel: string;
  /** Prerequisite module labels neither completed nor waived. */
  missingPrerequisites?: string[];
  /** Another packet of the learner that is in progress or waiting for review, if any. */
  otherActive?: { label: string; status: Status } | null;
  reason?: string;
  proofMissing?: string[];
  /** The learner profile's owner, to stop a reviewer approving their own packet. */
  packetOwnerUserId?: string;
  feedbackProblem?: string | null;
  rubricPass?: boolean;
  failingDimensions?: string[];
  solo?: { enabled: boolean; coolingOffEndsAt: Date | null; now: Date; checklistComplete: boolean };
};

/** Decides whether `action` may move a packet in status `from`; never throws. */
export function decide(action: Action, from: Status, ctx: DecisionContext): Decision {
  const rule = TRANSITIONS[action];
  if (rule.from !== from) {
    return refuse("illegal-transition", `${ctx.moduleLabel} is ${STATUS_WORDS[from]}, so it cannot be ${verb(action)}. ${NEXT_STEP[from]}`);
  }
  const { actor } = ctx;
  const isReviewer = actor.kind === "reviewer";
  switch (action) {
    case "start":
    case "unblock": {
      if (isReviewer)
        return refuse("reviewer-only", "Only the learner (or their agent) works on a packet; a reviewer cannot start or unblock it.");
      if (action === "start" && ctx.missingPrerequisites && ctx.missingPrerequisites.length > 0) {
        return refuse(
          "prerequisites",
          `${ctx.moduleLabel} starts after ${ctx.missingPrerequisites.join(", ")} ${ctx.missingPrerequisites.length === 1 ? "is" : "are"} completed. Finish ${ctx.missingPrerequisites.length === 1 ? "it" : "them"} first, or ask your reviewer to waive a prerequisite.`,
          ctx.missingPrerequisites,
        );
      }
      if (ctx.otherActive) {
        const waiting = ctx.otherActive.status === "review_required";
        return refuse(
          "one-at-a-time",
          waiting
            ? `${ctx.otherActive.label} is waiting for review: the plan pauses at review until the reviewer signs it off, one packet at a time.`
            : `${ctx.otherActive.label} is already in progress: work one packet at a time. Submit or block it first.`,
        );
      }
      return { ok: true, to: rule.to };
    }
    case "block":
      if (isReviewer) return refuse("reviewer-only", "Only the learner (or their agent) can block their packet.");
      if (!ctx.reason || ctx.reason.trim().length < 3) {
        return refuse(
          "reason-required",
          "Say why the packet is blocked: the reason is shown to your reviewer and written to the plan log.",
        );
      }
      return { ok: true, to: rule.to };
    case "submit":
      if (isReviewer) return refuse("reviewer-only", "Only the learner (or their agent) submits a packet for review.");
      if (ctx.proofMissing && ctx.proofMissing.length > 0) {
        return refuse("proof-incomplete", `The completion proof is incomplete. Missing: ${ctx.proofMissing.join("; ")}.`, ctx.proofMissing);
      }
      return { ok: true, to: rule.to };
    case "accept":
    case "reject": {
      if (actor.kind !== "reviewer") {
        return refuse(
          "reviewer-only",
          `Only a signed-in reviewer can ${action} a packet; ${actor.kind === "agent" ? "an agent token" : "a learner"} never can.`,
        );
      }
      if (ctx.packetOwnerUserId === actor.userId) {
        return refuse("own-packet", "This packet belongs to your own learner profile: another reviewer must review it.");
      }
      if (action === "reject" && ctx.feedbackProblem) return refuse("feedback-required", ctx.feedbackProblem);
      if (action === "accept" && ctx.rubricPass === false) {
        return refuse(
          "failing-score",
          `The score does not reach the pass threshold (weak: ${(ctx.failingDimensions ?? []).join(", ")}). Reject with feedback instead: the learner gets the weak dimensions as remediation work.`,
          ctx.failingDimensions,
        );
      }
      return { ok: true, to: rule.to };
    }
    case "self-accept": {
      if (actor.kind !== "learner") return refuse("reviewer-only", "Only the learner can record a self-review, and only in solo mode.");
      const solo = ctx.solo;
      if (!solo?.enabled) return refuse("solo-mode-off", "This program has a reviewer: self-review is only possible in solo mode.");
      if (solo.coolingOffEndsAt && solo.now < solo.coolingOffEndsAt) {
        return refuse(
          "cooling-off",
          `Self-review opens at ${solo.coolingOffEndsAt.toISOString()} (a cooling-off period after submitting). Come back then.`,
        );
      }
      if (!solo.checklistComplete) return refuse("checklist-incomplete", "Work through every item of the self-review checklist first.");
      if (ctx.rubricPass === false) {
        return refuse(
          "failing-score",
          `Your score does not reach the pass threshold (weak: ${(ctx.failingDimensions ?? []).join(", ")}).`,
          ctx.failingDimensions,
        );
      }
      return { ok: true, to: rule.to };
    }
  }
}

function verb(action: Action): string {
  return {
    start: "started",
    block: "blocked",
    unblock: "unblocked",
    submit: "submitted for review",
    accept: "accepted",
    reject: "rejected",
    "self-accept": "self-reviewed",
  }[action];
}
