// A run of an exercise's machine checks as `mastery check --attach` records it: per check the
// command, status, exit code, duration and the tail of its output, with the checksums of the kit it
// ran with and the command's version. Stored as the `check` of an exercise evidence version; its
// presence is what marks the result machine-checked.
import { z } from "zod";
import { CHECK_STATUSES, OUTPUT_TAIL } from "../checks/run";

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case check id");

const CheckResultSchema = z
  .strictObject({
    id: kebab,
    criterion: z.number().int().positive(),
    proves: z.string().max(1000),
    command: z.string().min(1).max(5000),
    status: z.enum(CHECK_STATUSES),
    exitCode: z.number().int().min(0).max(255).nullable(),
    durationMs: z.number().int().min(0).max(3_600_000),
    output: z.string().max(OUTPUT_TAIL.chars + 200, `the output tail is at most ${OUTPUT_TAIL.chars} characters`),
    outputCut: z.boolean(),
    missing: z.array(z.string().regex(/^[\w.+-]+$/, "expected a command name")).max(20),
  })
  .superRefine((result, ctx) => {
    if ((result.status === "pass") !== (result.exitCode === 0))
      ctx.addIssue({ code: "custom", path: ["exitCode"], message: "a check passes exactly when it exits 0" });
    if ((result.status === "missing-tool") !== result.missing.length > 0)
      ctx.addIssue({ code: "custom", path: ["missing"], message: "name the missing tools exactly when the status is missing-tool" });
  });

export const CheckRunSchema = z.strictObject({
  cliVersion: z.string().min(1).max(40),
  ranAt: z.iso.datetime({ error: "an ISO date and time, e.g. 2026-12-04T10:00:00.000Z" }),
  kit: z
    .array(z.strictObject({ path: z.string().min(1).max(300), sha256: z.string().regex(/^[0-9a-f]{64}$/, "a sha256 in hex") }))
    .max(1000),
  results: z.array(CheckResultSchema).min(1, "a run has at least one check").max(100),
});
export type CheckRun = z.infer<typeof CheckRunSchema>;

/** Whether every check of the run passed. */
export function runPassed(run: CheckRun): boolean {
  return run.results.every((r) => r.status === "pass");
}

/** One line for the evidence body: how many passed, and which did not. */
export function runSummary(run: CheckRun): string {
  const passed = run.results.filter((r) => r.status === "pass").length;
  const others = run.results.filter((r) => r.status !== "pass").map((r) => `${r.id} (${r.status})`);
  return `${passed} of ${run.results.length} checks passed${others.length > 0 ? `; not passed: ${others.join(", ")}` : ""}.`;
}
