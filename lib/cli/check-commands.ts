// The kit and check commands: copy the program's kit into a practice repository, and run an
// exercise's machine checks there, on this machine, optionally recording the run as the
// exercise's machine-checked result.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { version } from "../../package.json";
import { decodeKit, type KitFile, type KitFileAnswer, materializeKit, planKitFiles, writeKitFiles } from "../checks/kit";
import { type CheckResult, type CheckSpec, runChecks } from "../checks/run";
import { type Command, idempotencyOption, post, type RunContext } from "./command-kit";
import { CliError, EXIT, usageError } from "./exit-codes";
import { count, nounFor } from "../ui/plural";

type Exercise = { slug: string; number: number; title: string; successCriteria: string[]; checks: CheckSpec[] };

async function fetchKit(ctx: RunContext): Promise<{ program: string; kit: KitFile[] }> {
  const { body } = await ctx.call({ method: "GET", path: "/api/v1/program" });
  const program = (body as { learner: { program: string } }).learner.program;
  const answer = await ctx.call({ method: "GET", path: `/api/v1/programs/${program}/kit` });
  try {
    return { program, kit: decodeKit((answer.body as { files: KitFileAnswer[] }).files) };
  } catch (error) {
    throw new CliError(EXIT.failed, (error as Error).message);
  }
}

const STATUS_LABELS: Record<CheckResult["status"], string> = {
  pass: "PASS",
  fail: "FAIL",
  timeout: "TIMEOUT",
  "missing-tool": "MISSING TOOL",
};

function describeResult(result: CheckResult): string[] {
  const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
  const how =
    result.status === "pass"
      ? seconds
      : result.status === "fail"
        ? `exit ${result.exitCode ?? "?"}, ${seconds}`
        : result.status === "timeout"
          ? `stopped at the time limit after ${seconds}`
          : `not run: needs ${result.missing.join(", ")} on PATH`;
  const lines = [`  ${STATUS_LABELS[result.status].padEnd(7)} ${result.id}: ${result.proves} (${how})`];
  if (result.status !== "pass" && result.output) {
    if (result.outputCut) lines.push("          … (output cut: its last lines follow)");
    lines.push(...result.output.split("\n").map((line) => `          | ${line}`));
  }
  return lines;
}

function describeRun(exercise: Exercise, label: string, results: CheckResult[]): string[] {
  const lines: string[] = [];
  exercise.successCriteria.forEach((criterion, index) => {
    const backing = results.filter((r) => r.criterion === index + 1);
    if (backing.length === 0) return;
    lines.push("", `Criterion ${index + 1}: ${criterion}`, ...backing.flatMap(describeResult));
  });
  const passed = results.filter((r) => r.status === "pass").length;
  return [
    label,
    ...lines,
    "",
    `${passed} of ${results.length} checks passed${passed === results.length ? "." : ": the exercise is not machine-checked yet."}`,
  ];
}

const EXERCISE_ARG = /^([1-9]\d?)\.([1-9]\d?)$/;

async function check(ctx: RunContext) {
  const match = EXERCISE_ARG.exec(ctx.args.exercise!);
  if (!match) throw usageError(`<exercise> is module.exercise, such as 4.1, not "${ctx.args.exercise}".`);
  const [, moduleNumber, exerciseNumber] = match;
  const dir = path.resolve(typeof ctx.options.dir === "string" ? ctx.options.dir : ".");
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw usageError(`${dir} is not a folder: give the practice repository with --dir.`);
  const { body } = await ctx.call({ method: "GET", path: `/api/v1/modules/${moduleNumber}` });
  const exercise = (body as { module: { exercises: Exercise[] } }).module.exercises.find((e) => e.number === Number(exerciseNumber));
  if (!exercise) throw usageError(`Module ${moduleNumber} has no exercise ${exerciseNumber}: see mastery module ${moduleNumber}.`);
  const label = `Exercise ${moduleNumber}.${exerciseNumber}: ${exercise.title}`;
  if (exercise.checks.length === 0) {
    return { text: `${label}\nIt has no machine checks: its reviewer reads the evidence.`, json: { exercise: exercise.slug, results: [] } };
  }
  const { program, kit } = await fetchKit(ctx);
  const ranAt = new Date().toISOString();
  const folder = materializeKit(kit);
  let results: CheckResult[];
  try {
    results = await runChecks(exercise.checks, { cwd: dir, kit: folder.dir });
  } finally {
    folder.remove();
  }
  const passed = results.every((r) => r.status === "pass");
  const text = describeRun(exercise, `${label}\nChecked ${dir} with the ${program} kit`, results);
  const run = { exercise: exercise.slug, cliVersion: version, ranAt, kit: kit.map((f) => ({ path: f.path, sha256: f.sha256 })), results };
  let attached: unknown = null;
  if (ctx.options.attach) {
    try {
      const answer = await post(ctx, `/api/v1/modules/${moduleNumber}/checks`, run);
      attached = answer.body;
      const { evidence } = answer.body as { evidence: { itemKey: string; version: number } };
      text.push(`Attached to the module ${moduleNumber} packet as ${evidence.itemKey} v${evidence.version}.`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      throw new CliError(error.exitCode, `${text.join("\n")}\n\nThe run was not attached. ${error.message}`, error.body);
    }
  }
  return { text: text.join("\n"), json: { ...run, passed, attached }, exitCode: passed ? EXIT.ok : EXIT.checkFailed };
}

async function kitInit(ctx: RunContext) {
  const dir = path.resolve(ctx.args.dir!);
  const { program, kit } = await fetchKit(ctx);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) throw usageError(`${dir} exists and is not a folder.`);
  const plan = planKitFiles(dir, kit, ctx.options.force === true);
  if (plan.length === 0) return { text: `The ${program} kit has no files to copy.`, json: { program, dir, files: [] } };
  const differs = plan.filter((w) => w.outcome === "differs");
  if (differs.length > 0) {
    throw usageError(
      [
        `Nothing written: ${count(differs.length, "file")} in ${dir} ${nounFor(differs.length, "differs", "differ")} from the kit:`,
        ...differs.map((w) => `  ${w.path}`),
        "Run again with --force to overwrite them.",
      ].join("\n"),
    );
  }
  mkdirSync(dir, { recursive: true });
  writeKitFiles(dir, kit, plan);
  const executable = new Set(kit.filter((f) => f.executable).map((f) => f.path));
  const lines = plan.map((w) => `  ${w.outcome.padEnd(11)} ${w.path}${executable.has(`files/${w.path}`) ? " (executable)" : ""}`);
  return { text: [`Copied the ${program} kit into ${dir}:`, ...lines].join("\n"), json: { program, dir, files: plan } };
}

export const CHECK_COMMANDS: Command[] = [
  {
    name: "kit init",
    summary: "Copy the program's kit (scripts and starter files) into your practice repository",
    args: [{ name: "dir", help: "the practice repository (created if missing)" }],
    options: { force: { type: "boolean", help: "overwrite files that differ from the kit" } },
    examples: ["mastery kit init ~/practice", "mastery kit init . --force"],
    run: kitInit,
  },
  {
    name: "check",
    summary: "Run an exercise's machine checks in your practice repository, on this machine",
    args: [{ name: "exercise", help: "module.exercise, e.g. 4.1" }],
    options: {
      dir: { type: "string", value: "DIR", help: "the practice repository (default: the current folder)" },
      attach: { type: "boolean", help: "record the run as the exercise's machine-checked result in its module's packet" },
      ...idempotencyOption,
    },
    examples: ["mastery check 4.1", "mastery check 4.1 --dir ~/practice --attach"],
    run: check,
  },
];
