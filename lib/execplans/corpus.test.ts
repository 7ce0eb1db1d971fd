// The checker on real public ExecPlans (fixtures/real, sources in its README): it detects each plan's
// profile and reports exactly the findings listed here, each one true, so it has no false findings.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlan } from "./check";
import { parsePlan } from "./document";
import { revisionNotes } from "./revision-notes";

const REAL = path.join(import.meta.dirname, "fixtures", "real");
const read = (name: string) => readFileSync(path.join(REAL, name), "utf8");

type Expected = { profile: "execplan-spec" | "plans-md"; findings: [line: number, rule: string, why: string][] };

const PLANS_MD_MISSING = "PLANS.md requires this section and the plan lacks it";

const CORPUS: Record<string, Expected> = {
  "enaible-codex-template.md": {
    profile: "execplan-spec",
    findings: [
      [85, "task-table-malformed", "separator has 6 cells, header 5: GFM renders no table"],
      [102, "task-table-malformed", "row 17 is shifted one cell right (6 cells)"],
      [103, "task-table-malformed", "row 18 is shifted one cell right (6 cells)"],
      [104, "task-table-malformed", "row 19 is shifted one cell right (6 cells)"],
      [105, "task-table-malformed", "row 20 is shifted one cell right (6 cells)"],
      [174, "jargon-undefined", "“Last CI run” uses CI, never defined"],
    ],
  },
  "enaible-cli-migration.md": {
    profile: "execplan-spec",
    findings: [
      [17, "jargon-undefined", "CI used 6 times, never defined"],
      [84, "task-table-malformed", "separator has 8 cells, header 5: GFM renders no table"],
      [98, "jargon-undefined", "“output fixtures”: fixture never defined"],
      [107, "task-table-malformed", "`fresh|merge|update|sync` in a code span splits task 23 into 8 cells"],
      [179, "section-missing", "Idempotence & Recovery, which the spec's template includes, is absent"],
      [179, "section-missing", "Artifacts & Notes, which the spec's template includes, is absent"],
    ],
  },
  "enaible-cli-unification.md": {
    profile: "execplan-spec",
    findings: [[64, "path-line-missing", "Code task 3 names `.enaible/schema.json` with no line; the template asks path:line"]],
  },
  "wireframe-15-1-2-wireframe-verification-crate.md": {
    profile: "plans-md",
    findings: [
      [60, "jargon-undefined", "CI never defined"],
      [184, "section-missing", PLANS_MD_MISSING],
      [184, "section-missing", PLANS_MD_MISSING],
      [184, "section-missing", PLANS_MD_MISSING],
      [184, "section-missing", PLANS_MD_MISSING],
      [184, "section-missing", PLANS_MD_MISSING],
    ],
  },
  "wireframe-16-2-1-client-message-api.md": { profile: "plans-md", findings: [] },
  "wireframe-9-1-1-instance-aware-payload-wrapper.md": { profile: "plans-md", findings: [] },
  "wireframe-error-surface-coherence.md": { profile: "plans-md", findings: [] },
  "wireframe-public-api-surface.md": { profile: "plans-md", findings: [] },
  "coreex-multi-tenancy-orders.md": {
    profile: "plans-md",
    findings: [
      [23, "jargon-undefined", "middleware never defined"],
      [120, "jargon-undefined", "database migrations never defined"],
    ],
  },
  "devkit-native-readiness-degraded-guard.md": {
    profile: "plans-md",
    findings: [
      [47, "jargon-undefined", "“static CI”: CI never defined"],
      [48, "jargon-undefined", "“fixture overlays”: fixture never defined"],
      [53, "section-missing", PLANS_MD_MISSING],
      [53, "section-missing", PLANS_MD_MISSING],
      [53, "section-missing", PLANS_MD_MISSING],
      [95, "section-missing", PLANS_MD_MISSING],
    ],
  },
  "devkit-quiet-overlay-runtime-guard.md": {
    profile: "plans-md",
    findings: [
      [21, "section-missing", "Surprises & Discoveries is a living section PLANS.md calls not optional"],
      [30, "section-missing", PLANS_MD_MISSING],
      [30, "section-missing", PLANS_MD_MISSING],
      [30, "section-missing", PLANS_MD_MISSING],
      [49, "section-missing", PLANS_MD_MISSING],
    ],
  },
};

describe("the checker on real public ExecPlans", () => {
  it("holds at least ten plans of both profiles, every one classified", () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(new Set(Object.values(CORPUS).map((c) => c.profile))).toEqual(new Set(["execplan-spec", "plans-md"]));
  });

  for (const [file, expected] of Object.entries(CORPUS)) {
    it(`${file}: detects ${expected.profile} and reports only the listed true findings`, () => {
      const result = checkPlan(read(file));
      expect(result.profile.id).toBe(expected.profile);
      expect(result.findings.map((f) => [f.line, f.rule])).toEqual(expected.findings.map(([line, rule]) => [line, rule]));
    });
  }

  it("reads a revision note written as prose at the bottom", () => {
    const notes = revisionNotes(parsePlan(read("wireframe-public-api-surface.md")));
    expect(notes).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/^Revision note: Initial draft created on 2026-02-18/) }),
    ]);
  });

  it("reports one finding, not a cascade, for a plan wrapped whole in a fence", () => {
    const result = checkPlan(`\`\`\`md\n${read("enaible-cli-unification.md")}\`\`\`\n`);
    expect(result.findings.map((f) => f.rule)).toEqual(["nested-fence", "path-line-missing"]);
  });
});
