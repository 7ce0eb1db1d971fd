// The content:check report: problems per program and each module's hours estimate.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "./loader";
import { formatProblemReport } from "./report";

describe("formatProblemReport", () => {
  it("shows every module's stated hours and estimate for a real program, and none for a template", () => {
    const { text } = formatProblemReport(loadContent(path.resolve("content")));
    const estimates = text.split("\n").filter((line) => /^ {2}module \d+ /.test(line));
    expect(estimates).toHaveLength(8);
    expect(estimates[4]).toMatch(/^ {2}module 5 Planning & Execution: stated [\d.]+–[\d.]+ h, estimate [\d.]+ h = reading \d+ min \(\d+ words\) \+ exercises \d+ min \+ drills \d+ min \+ mini-assessment \d+ min$/);
  });
});
