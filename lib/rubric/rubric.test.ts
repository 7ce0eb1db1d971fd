import { describe, expect, it } from "vitest";
import { evaluateRubric, remediationFor, RubricScoresSchema } from "./rubric";

const all = (n: number) => ({ correctness: n, speed: n, resilience: n, judgment: n, maintainability: n, collaboration: n });

describe("evaluateRubric with the default threshold (min 3 in all, average at least 4)", () => {
  it("passes all 4s and exactly the threshold", () => {
    expect(evaluateRubric(all(4))).toMatchObject({ pass: true, average: 4, total: 24, belowMinimum: [], weak: [] });
    expect(evaluateRubric({ ...all(4), speed: 3, judgment: 5 }).pass).toBe(true);
  });

  it("fails a dimension below 3 even with a high average", () => {
    const result = evaluateRubric({ ...all(5), resilience: 2 });
    expect(result).toMatchObject({ pass: false, belowMinimum: ["resilience"], weak: ["resilience"] });
    expect(result.average).toBeGreaterThan(4);
  });

  it("fails an average below 4 and names the dimensions under 4 as weak", () => {
    const result = evaluateRubric({ ...all(4), speed: 3, judgment: 3 });
    expect(result).toMatchObject({ pass: false, average: 3.67, belowMinimum: [], weak: ["speed", "judgment"] });
  });

  it("uses a program's own threshold", () => {
    expect(evaluateRubric(all(3), { minEach: 2, minAverage: 3 }).pass).toBe(true);
  });
});

describe("RubricScoresSchema", () => {
  it("refuses missing, fractional and out-of-range scores, naming the dimension", () => {
    const result = RubricScoresSchema.safeParse({ ...all(4), speed: 6, judgment: 2.5, collaboration: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["collaboration", "judgment", "speed"]);
  });
});

describe("remediationFor", () => {
  it("lists the drills and failure modes that train the weak dimensions", () => {
    const mod = {
      drills: [
        { id: "a", title: "A", level: "easy" as const, prompt: "", dimensions: ["speed" as const] },
        { id: "b", title: "B", level: "hard" as const, prompt: "", dimensions: ["judgment" as const, "correctness" as const] },
      ],
      failureModes: [
        { symptom: "s", cause: "c", fix: "f", dimension: "speed" as const },
        { symptom: "t", cause: "c", fix: "f", dimension: "resilience" as const },
      ],
    };
    const remediation = remediationFor(mod, ["speed"]);
    expect(remediation.drills.map((d) => d.id)).toEqual(["a"]);
    expect(remediation.failureModes.map((f) => f.symptom)).toEqual(["s"]);
  });
});
