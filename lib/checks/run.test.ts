// The check runner with real bash processes: pass, fail, a missing tool, the time limit (and
// what the check left running), and the output tail.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchFolders } from "@/test/scratch";
import { type CheckSpec, missingTools, OUTPUT_TAIL, outputTail, runCheck, runChecks } from "./run";

const repo = scratchFolders("mastery-check-repo-")();
const kit = scratchFolders("mastery-check-kit-")();
writeFileSync(path.join(kit, "hello.sh"), 'echo "kit says hello from $PWD"\n');

const check = (fields: Partial<CheckSpec>): CheckSpec => ({
  id: "a-check",
  criterion: 1,
  proves: "something holds",
  run: "true",
  requires: [],
  timeoutSeconds: 30,
  ...fields,
});

/** Whether a process runs: a killed one may stay a zombie until its new parent reaps it. */
const isRunning = (pid: number) => {
  const stat = path.join("/proc", String(pid), "stat");
  return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8"));
};

describe("runCheck", () => {
  it("passes on exit 0, in the practice repository, with the kit as $MASTERY_KIT", async () => {
    const result = await runCheck(check({ run: 'bash "$MASTERY_KIT/hello.sh"' }), { cwd: repo, kit });
    expect(result).toMatchObject({
      id: "a-check",
      criterion: 1,
      status: "pass",
      exitCode: 0,
      output: `kit says hello from ${repo}`,
      outputCut: false,
      missing: [],
    });
    expect(result.command).toBe('bash "$MASTERY_KIT/hello.sh"');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("fails on any other exit code, keeping stdout and stderr", async () => {
    const result = await runCheck(check({ run: "echo out; echo err >&2; exit 3" }), { cwd: repo, kit });
    expect(result).toMatchObject({ status: "fail", exitCode: 3 });
    expect(result.output.split("\n").sort()).toEqual(["err", "out"]);
  });

  it("does not run a check whose tool is not on PATH", async () => {
    const marker = path.join(repo, "ran");
    const result = await runCheck(check({ run: `touch ${marker}`, requires: ["git", "no-such-tool-for-mastery"] }), { cwd: repo, kit });
    expect(result).toMatchObject({ status: "missing-tool", exitCode: null, missing: ["no-such-tool-for-mastery"] });
    expect(existsSync(marker)).toBe(false);
    expect(missingTools(["bash", "no-such-tool-for-mastery"])).toEqual(["no-such-tool-for-mastery"]);
  });

  it("stops a check at its time limit, with what it started in the background", async () => {
    const pidFile = path.join(repo, "sleeper.pid");
    const result = await runCheck(check({ run: `sleep 60 & echo $! > ${pidFile}; echo started; wait`, timeoutSeconds: 1 }), {
      cwd: repo,
      kit,
    });
    expect(result).toMatchObject({ status: "timeout", exitCode: null });
    expect(result.output).toBe("started\n(stopped after 1 s)");
    expect(result.durationMs).toBeLessThan(30_000);
    const sleeper = Number(readFileSync(pidFile, "utf8"));
    await expect.poll(() => isRunning(sleeper)).toBe(false);
  });

  it("keeps the last lines of a long output and says it was cut", async () => {
    const result = await runCheck(check({ run: "seq 1 200000; exit 1" }), { cwd: repo, kit });
    expect(result).toMatchObject({ status: "fail", exitCode: 1, outputCut: true });
    const lines = result.output.split("\n");
    expect(lines).toHaveLength(OUTPUT_TAIL.lines);
    expect(lines.at(-1)).toBe("200000");
    expect(lines[0]).toBe(String(200000 - OUTPUT_TAIL.lines + 1));
  });

  it("runs several checks in order and reports each", async () => {
    const results = await runChecks([check({ id: "first" }), check({ id: "second", run: "false", criterion: 2 })], { cwd: repo, kit });
    expect(results.map((r) => [r.id, r.criterion, r.status])).toEqual([
      ["first", 1, "pass"],
      ["second", 2, "fail"],
    ]);
  });
});

describe("outputTail", () => {
  it("cuts long lines to the character limit from the end", () => {
    const { output, outputCut } = outputTail(`${"x".repeat(OUTPUT_TAIL.chars)}END\n`);
    expect(outputCut).toBe(true);
    expect(output).toHaveLength(OUTPUT_TAIL.chars);
    expect(output.endsWith("END")).toBe(true);
    expect(outputTail("short\n")).toEqual({ output: "short", outputCut: false });
  });
});
