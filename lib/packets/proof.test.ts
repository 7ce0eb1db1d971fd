import { describe, expect, it } from "vitest";
import { checkProof } from "./proof";

const scores = { correctness: 4, speed: 4, resilience: 4, judgment: 4, maintainability: 4, collaboration: 4 };
const complete = {
  validationStatus: "passing",
  validationDetail: "scripts/validate.sh exit 0",
  drillStatus: "passing",
  drillDetail: "3 reps in 28 minutes",
  selfScores: scores,
  rubricSummary: "All 4s",
  risks: "Hook not yet on CI",
  followUps: "Add the hook to CI",
  claims: [{ claim: "The hook blocks a broken commit", evidence: ["note-1"] }],
};
const evidence = new Set(["note-1", "file-2"]);

describe("checkProof", () => {
  it("accepts a complete proof whose claims point to existing evidence", () => {
    expect(checkProof(complete, evidence)).toMatchObject({ missing: [], proof: { risks: "Hook not yet on CI" } });
  });

  it("lists every missing part in words", () => {
    const { missing, proof } = checkProof({ selfScores: { ...scores, speed: undefined }, claims: [] }, evidence);
    expect(proof).toBeNull();
    expect(missing).toEqual(
      expect.arrayContaining([
        "build/validation status",
        "build/validation details",
        "test/drill status",
        "test/drill details",
        "self-score for Speed/Fluency",
        "rubric score summary",
        "risks",
        "follow-ups",
        "assessment claims with evidence",
      ]),
    );
  });

  it("refuses a claim without evidence or with evidence that does not exist", () => {
    expect(checkProof({ ...complete, claims: [{ claim: "x", evidence: [] }] }, evidence).missing).toEqual(["evidence for claim 1"]);
    const result = checkProof({ ...complete, claims: [complete.claims[0], { claim: "y", evidence: ["gone"] }] }, evidence);
    expect(result.missing).toEqual(["evidence for claim 2 (it points to items that do not exist)"]);
    expect(result.fieldErrors["claims.1.evidence"]).toBe("unknown evidence: gone");
  });
});
