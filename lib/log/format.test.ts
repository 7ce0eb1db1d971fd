import { describe, expect, it } from "vitest";
import { formatLog, formatLogEntry } from "./format";

describe("formatLogEntry", () => {
  it("writes the template's block, one field per line, with empty fields as none", () => {
    const text = formatLogEntry({
      createdAt: new Date("2026-03-04T05:06:59Z"),
      moduleNumber: 3,
      status: "review_required",
      summary: "Submitted for review\nwith proof",
      evidence: "03_timed-drill-results.md (v2)",
      risks: "",
      next: "Reviewer signs off",
    });
    expect(text).toBe(
      [
        "[2026-03-04 05:06 UTC] module=03 status=review_required",
        "summary=Submitted for review with proof",
        "evidence=03_timed-drill-results.md (v2)",
        "risks=none",
        "next=Reviewer signs off",
      ].join("\n"),
    );
  });

  it("separates entries with a blank line", () => {
    const entry = { createdAt: new Date(0), moduleNumber: 1, status: "pending", summary: "s", evidence: "e", risks: "r", next: "n" };
    expect(formatLog([entry, entry]).split("\n\n")).toHaveLength(2);
    expect(formatLog([])).toBe("");
  });
});
