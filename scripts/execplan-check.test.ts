// The checker's command line: exit codes and the file:line report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const FIXTURES = "lib/execplans/fixtures";
const scratch = mkdtempSync(path.join(tmpdir(), "execplan-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/execplan-check.ts", ...args], { encoding: "utf8" });

describe("npm run execplan:check", () => {
  it("exits 0 for a conforming plan and 0 for warnings only", () => {
    const ok = run(`${FIXTURES}/conforming.md`);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`${FIXTURES}/conforming.md: Profile: ExecPlan spec template`);
    expect(ok.stdout).toContain("conforms to the ExecPlan rules; 14 of 14 sections written; tasks 2/5 done (40%)");
    const openai = run(`${FIXTURES}/real/wireframe-public-api-surface.md`);
    expect(openai.status).toBe(0);
    expect(openai.stdout).toContain("Profile: OpenAI PLANS.md");
    expect(openai.stdout).toContain("conforms to the ExecPlan rules; 10 of 10 sections written.");
    const warning = run(`${FIXTURES}/placeholder-left.md`);
    expect(warning.status).toBe(0);
    expect(warning.stdout).toContain(`${FIXTURES}/placeholder-left.md:82  warning  placeholder-left`);
  });

  it("exits 1 with file:line, rule and fix hint when a plan has an error", () => {
    const result = run(`${FIXTURES}/conforming.md`, `${FIXTURES}/nested-fence.md`);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/nested-fence\.md:53 {2}error {2}nested-fence {2}A triple-backtick code fence opens here/);
    expect(result.stdout).toContain("fix: Indent commands");
  });

  it("compares with a previous revision and reads a term list", () => {
    expect(run(`${FIXTURES}/decision-log-shrank.md`, "--previous", `${FIXTURES}/conforming.md`).stdout).toContain("decision-log-shrank");
    const terms = path.join(scratch, "terms.txt");
    writeFileSync(terms, "# project terms\ninvoice\n");
    const result = run(`${FIXTURES}/conforming.md`, "--terms", terms);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("“invoice” is used");
  });

  it("exits 2 on a usage or read error", () => {
    expect(run().status).toBe(2);
    const missing = run(path.join(scratch, "nope.md"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Cannot read");
  });
});
