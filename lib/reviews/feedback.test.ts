import { describe, expect, it } from "vitest";
import { feedbackProblem, splitFeedback } from "./feedback";

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

describe("splitFeedback", () => {
  it("turns each list item into a checklist line and keeps the prose", () => {
    expect(splitFeedback("Close, but:\n- Label every tool message\n* Attach the log\n2) Re-run validate.sh\n\nThanks!")).toEqual({
      prose: "Close, but:\n\nThanks!",
      items: ["Label every tool message", "Attach the log", "Re-run validate.sh"],
    });
  });

  it("joins an indented continuation to its item and ignores empty markers", () => {
    expect(splitFeedback("- Label every tool\n  message by role\n-\nDone")).toEqual({
      prose: "-\nDone",
      items: ["Label every tool message by role"],
    });
  });

  it("reads a browser form's CRLF line ends like LF", () => {
    expect(splitFeedback("Close:\r\n- Label every tool message\r\n- Attach the log").items).toEqual([
      "Label every tool message",
      "Attach the log",
    ]);
  });

  it("gives no items for prose only", () => {
    expect(splitFeedback("See my comment on the trace.")).toEqual({ prose: "See my comment on the trace.", items: [] });
  });
});
