import { describe, expect, it } from "vitest";
import { feedbackProblem } from "./feedback";

describe("feedbackProblem", () => {
  it("refuses empty, too short and itemless feedback", () => {
    expect(feedbackProblem("   ", 0)).toMatch(/Write feedback/);
    expect(feedbackProblem("Redo it.", 0)).toMatch(/too short/);
    expect(feedbackProblem("This is not good enough yet, please improve it overall.", 0)).toMatch(/at least one thing to change/);
  });

  it("accepts a list item or a pinned comment as the thing to change", () => {
    expect(feedbackProblem("Nearly there. Please fix:\n- Attach the timing log for drill 2", 0)).toBeNull();
    expect(feedbackProblem("Nearly there.\n1. Re-run validate.sh and attach the output", 0)).toBeNull();
    expect(feedbackProblem("See my comment on the session trace, then resubmit.", 1)).toBeNull();
  });
});
