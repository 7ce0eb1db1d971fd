// A recorded check run: its summary line, and when its exercise counts as done.
import { describe, expect, it } from "vitest";
import { type CheckRun, CheckRunSchema, runSummary } from "./check-run";
import { checkRun, exerciseSlug } from "./evidence-data";

const result = (id: string, status: "pass" | "fail" | "timeout") => ({
  id,
  criterion: 1,
  proves: "it holds",
  command: "true",
  status,
  exitCode: status === "pass" ? 0 : status === "fail" ? 1 : null,
  durationMs: 5,
  output: "",
  outputCut: false,
  missing: [],
});
const run = (...results: ReturnType<typeof result>[]): CheckRun =>
  CheckRunSchema.parse({ cliVersion: "0.1.0", ranAt: "2026-12-04T10:00:00.000Z", kit: [], results });

describe("a check run", () => {
  it("sums up what passed and names what did not", () => {
    expect(runSummary(run(result("a", "pass"), result("b", "pass")))).toBe("2 of 2 checks passed.");
    expect(runSummary(run(result("a", "pass"), result("b", "timeout")))).toBe("1 of 2 checks passed; not passed: b (timeout).");
  });

  it("counts its exercise as done only when every check passed", () => {
    const passing = { exercise: "red-first", check: run(result("a", "pass")) };
    const failing = { exercise: "red-first", check: run(result("a", "pass"), result("b", "fail")) };
    expect(exerciseSlug(passing)).toBe("red-first");
    expect(exerciseSlug(failing)).toBeUndefined();
    expect(exerciseSlug({ exercise: "red-first" })).toBe("red-first");
    expect(checkRun(failing)?.results).toHaveLength(2);
    expect(checkRun({ exercise: "red-first" })).toBeNull();
  });
});
