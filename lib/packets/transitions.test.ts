import { describe, expect, it } from "vitest";
import { type Action, actionFor, ACTIONS, decide, type DecisionContext, STATUSES, TRANSITIONS } from "./transitions";

const learner = { kind: "learner", userId: "u-learner", label: "Ada" } as const;
const agent = { kind: "agent", tokenId: "t1", learnerId: "l1", label: "ci-agent" } as const;
const reviewer = { kind: "reviewer", userId: "u-reviewer", label: "Rex" } as const;

const LEGAL: [string, string][] = [
  ["pending", "in_progress"],
  ["in_progress", "blocked"],
  ["blocked", "in_progress"],
  ["in_progress", "review_required"],
  ["review_required", "completed"],
  ["review_required", "in_progress"],
];

describe("the transition table", () => {
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to} is ${legal ? "legal" : "refused"}`, () => {
        expect(actionFor(from, to) !== null).toBe(legal);
      });
    }
  }

  it("refuses every action from every status it does not start from, saying what to do", () => {
    for (const action of ACTIONS) {
      for (const from of STATUSES.filter((s) => s !== TRANSITIONS[action].from)) {
        const decision = decide(action, from, { actor: learner, moduleLabel: "Module 1" });
        expect(decision).toMatchObject({ ok: false, code: "illegal-transition" });
        if (!decision.ok) expect(decision.message).toMatch(/^Module 1 is /);
      }
    }
  });
});

const base: DecisionContext = { actor: learner, moduleLabel: "Module 5" };
const ok = (action: Action, from: (typeof STATUSES)[number], ctx: Partial<DecisionContext> = {}) =>
  decide(action, from, { ...base, ...ctx });

describe("starting and unblocking", () => {
  it("needs completed prerequisites and lists the missing ones", () => {
    const decision = ok("start", "pending", { missingPrerequisites: ["Module 1", "Module 3"] });
    expect(decision).toMatchObject({ ok: false, code: "prerequisites", missing: ["Module 1", "Module 3"] });
    expect(ok("start", "pending", { missingPrerequisites: [] })).toEqual({ ok: true, to: "in_progress" });
  });

  it("allows one active packet at a time, counting packets waiting for review", () => {
    expect(ok("start", "pending", { otherActive: { label: "Module 1", status: "in_progress" } })).toMatchObject({ code: "one-at-a-time" });
    expect(ok("unblock", "blocked", { otherActive: { label: "Module 1", status: "review_required" } })).toMatchObject({
      code: "one-at-a-time",
    });
  });

  it("lets an agent start but not a reviewer", () => {
    expect(ok("start", "pending", { actor: agent })).toMatchObject({ ok: true });
    expect(ok("start", "pending", { actor: reviewer })).toMatchObject({ code: "reviewer-only" });
  });
});

describe("blocking", () => {
  it("needs a reason", () => {
    expect(ok("block", "in_progress", { reason: "  " })).toMatchObject({ code: "reason-required" });
    expect(ok("block", "in_progress", { reason: "Waiting for API access" })).toEqual({ ok: true, to: "blocked" });
  });
});

describe("submitting", () => {
  it("needs a complete proof and lists what is missing", () => {
    expect(ok("submit", "in_progress", { proofMissing: ["validation status", "risks"] })).toMatchObject({
      code: "proof-incomplete",
      missing: ["validation status", "risks"],
    });
    expect(ok("submit", "in_progress", { proofMissing: [], actor: agent })).toEqual({ ok: true, to: "review_required" });
  });
});

describe("reviewing", () => {
  it("is for signed-in reviewers only: learners and agent tokens are refused", () => {
    for (const actor of [learner, agent]) {
      expect(ok("accept", "review_required", { actor, rubricPass: true })).toMatchObject({ code: "reviewer-only" });
      expect(ok("reject", "review_required", { actor })).toMatchObject({ code: "reviewer-only" });
    }
  });

  it("refuses a reviewer's own learner profile", () => {
    expect(ok("accept", "review_required", { actor: reviewer, packetOwnerUserId: "u-reviewer", rubricPass: true })).toMatchObject({
      code: "own-packet",
    });
  });

  it("refuses an accept with a failing score and a reject without actionable feedback", () => {
    expect(ok("accept", "review_required", { actor: reviewer, rubricPass: false, failingDimensions: ["speed"] })).toMatchObject({
      code: "failing-score",
      missing: ["speed"],
    });
    expect(ok("reject", "review_required", { actor: reviewer, feedbackProblem: "Write feedback." })).toMatchObject({
      code: "feedback-required",
    });
    expect(ok("accept", "review_required", { actor: reviewer, rubricPass: true })).toEqual({ ok: true, to: "completed" });
    expect(ok("reject", "review_required", { actor: reviewer, feedbackProblem: null })).toEqual({ ok: true, to: "in_progress" });
  });
});

describe("self-review in solo mode", () => {
  const now = new Date("2026-01-02T12:00:00Z");
  const solo = { enabled: true, coolingOffEndsAt: new Date("2026-01-02T10:00:00Z"), now, checklistComplete: true };

  it("is impossible in normal mode and for anyone but the learner", () => {
    expect(ok("self-accept", "review_required", { solo: { ...solo, enabled: false }, rubricPass: true })).toMatchObject({
      code: "solo-mode-off",
    });
    expect(ok("self-accept", "review_required", { actor: agent, solo, rubricPass: true })).toMatchObject({ code: "reviewer-only" });
  });

  it("waits for the cooling-off period and the checklist", () => {
    expect(
      ok("self-accept", "review_required", { solo: { ...solo, coolingOffEndsAt: new Date("2026-01-02T13:00:00Z") }, rubricPass: true }),
    ).toMatchObject({
      code: "cooling-off",
    });
    expect(ok("self-accept", "review_required", { solo: { ...solo, checklistComplete: false }, rubricPass: true })).toMatchObject({
      code: "checklist-incomplete",
    });
    expect(ok("self-accept", "review_required", { solo, rubricPass: true })).toEqual({ ok: true, to: "completed" });
  });
});
