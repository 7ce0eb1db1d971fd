// Running an exercise's machine checks on the learner's machine: each check is `bash -c RUN` in
// the practice repository with the kit's folder as $MASTERY_KIT, in a process group of its own that
// is killed at the time limit. Exit 0 passes; a tool it needs that is not on PATH fails it unrun.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** A check as an exercise declares it (content/README.md, `checks:`). */
export type CheckSpec = {
  id: string;
  criterion: number;
  proves: string;
  run: string;
  requires: string[];
  timeoutSeconds: number;
};

export const CHECK_STATUSES = ["pass", "fail", "timeout", "missing-tool"] as const;
type CheckStatus = (typeof CHECK_STATUSES)[number];

export type CheckResult = {
  id: string;
  criterion: number;
  proves: string;
  command: string;
  status: CheckStatus;
  /** Null when the check did not run to an exit: a missing tool, or killed at the time limit. */
  exitCode: number | null;
  durationMs: number;
  /** The end of what it printed (stdout and stderr together). */
  output: string;
  /** Whether `output` is only the end of a longer output. */
  outputCut: boolean;
  /** The required tools not found on PATH. */
  missing: string[];
};

/** How much output a result keeps: the last lines, at most this many characters. */
export const OUTPUT_TAIL = { lines: 40, chars: 4000 } as const;
/** Output held in memory while a check runs, before the tail is taken. */
const HELD_BYTES = 64 * 1024;

/** The required tools that are not an executable file in any folder of PATH. */
export function missingTools(tools: string[], pathVariable = process.env.PATH ?? ""): string[] {
  const folders = pathVariable.split(path.delimiter).filter(Boolean);
  const found = (tool: string) =>
    folders.some((folder) => {
      try {
        accessSync(path.join(folder, tool), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  return tools.filter((tool) => !found(tool));
}

/** The last lines of an output, within the character limit, and whether anything was left out. */
export function outputTail(text: string, droppedBefore = false): { output: string; outputCut: boolean } {
  let lines = text.split("\n");
  if (lines.at(-1) === "") lines = lines.slice(0, -1);
  let cut = droppedBefore;
  if (lines.length > OUTPUT_TAIL.lines) {
    lines = lines.slice(-OUTPUT_TAIL.lines);
    cut = true;
  }
  let output = lines.join("\n");
  if (output.length > OUTPUT_TAIL.chars) {
    output = output.slice(-OUTPUT_TAIL.chars);
    cut = true;
  }
  return { output, outputCut: cut };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group has already exited.
  }
}

/** Runs one check in `cwd` with the kit at `kit`; never throws for what the check does. */
export function runCheck(check: CheckSpec, options: { cwd: string; kit: string; env?: NodeJS.ProcessEnv }): Promise<CheckResult> {
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), MASTERY_KIT: options.kit };
  const base = { id: check.id, criterion: check.criterion, proves: check.proves, command: check.run };
  const missing = missingTools(["bash", ...check.requires], env.PATH);
  if (missing.length > 0) {
    return Promise.resolve({ ...base, status: "missing-tool", exitCode: null, durationMs: 0, output: "", outputCut: false, missing });
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", check.run], { cwd: options.cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const held: Buffer[] = [];
    let heldBytes = 0;
    let dropped = false;
    const hold = (chunk: Buffer) => {
      held.push(chunk);
      heldBytes += chunk.byteLength;
      while (heldBytes - held[0]!.byteLength >= HELD_BYTES) {
        heldBytes -= held.shift()!.byteLength;
        dropped = true;
      }
    };
    child.stdout.on("data", hold);
    child.stderr.on("data", hold);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, check.timeoutSeconds * 1000);
    let exitCode: number | null = null;
    let settled = false;
    const settle = (result: Omit<CheckResult, keyof typeof base | "missing">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...base, ...result, missing: [] });
    };
    child.on("error", (error) =>
      settle({
        status: "fail",
        exitCode: null,
        durationMs: Math.round(performance.now() - started),
        output: error.message,
        outputCut: false,
      }),
    );
    // What the check left running in the background goes with it, so its output pipes close.
    child.on("exit", (code) => {
      exitCode = code;
      killGroup(child.pid);
    });
    child.on("close", () => {
      const text = Buffer.concat(held).toString("utf8");
      const tail = outputTail(timedOut ? `${text.replace(/\n$/, "")}\n(stopped after ${check.timeoutSeconds} s)` : text, dropped);
      const status: CheckStatus = timedOut ? "timeout" : exitCode === 0 ? "pass" : "fail";
      settle({ status, exitCode: timedOut ? null : exitCode, durationMs: Math.round(performance.now() - started), ...tail });
    });
  });
}

/** Runs the checks one after another. */
export async function runChecks(
  checks: CheckSpec[],
  options: { cwd: string; kit: string; env?: NodeJS.ProcessEnv },
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check, options));
  return results;
}
