// `npx tsx scripts/bench/execplan-check.ts`: generates a conforming 2,000-line ExecPlan and
// prints the checker's median and p95 time over repeated runs, alone and against a previous
// revision (which adds the history rules).
import { checkPlan } from "../../lib/execplans/check";
import { planTemplate } from "../../lib/execplans/template";
import { TASK_TYPES } from "../../lib/execplans/format";
import { percentile } from "./server";

const TARGET_LINES = 2000;
const RUNS = 60;

function section(text: string, heading: string, body: string[]): string {
  const start = text.indexOf(`## ${heading}\n`);
  const end = text.indexOf("\n## ", start + 1);
  return `${text.slice(0, start)}## ${heading}\n\n${body.join("\n")}\n${end < 0 ? "" : text.slice(end)}`;
}

/** A plan of about `lines` lines: most of it task rows, journal entries and decisions, as a long-running plan grows. */
function generatePlan(lines: number, extraNotes = 0): string {
  const rows = Math.floor(lines * 0.55);
  const journal = Math.floor(lines * 0.15);
  const decisions = Math.floor(lines * 0.1);
  let text = planTemplate({ title: "A long-running plan", date: "2026-01-05" })
    .replace("{repository} / {branch}", "acme/billing / main")
    .replace("{what is in scope, and its priority}", "the billing rewrite; high")
    .replace("{in-repository paths only}", "docs/plans/billing.md");
  const paragraph = (topic: string, n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${topic} paragraph ${i + 1} explains the work in \`src/billing/module${i}.ts:${i + 1}\` for a newcomer.\n`,
    );
  text = section(text, "Purpose / Big Picture", paragraph("Purpose", 10));
  text = section(
    text,
    "Success Criteria / Acceptance Tests",
    Array.from({ length: 40 }, (_, i) => `- [ ] \`npm test -- billing-${i}\` passes.`),
  );
  text = section(text, "Tech Stack, Constraints, Development Approach", paragraph("Stack", 10));
  text = section(text, "Context & Orientation", [
    "A fixture (fixed test data loaded before a test) seeds every account.",
    "",
    ...paragraph("Context", 20),
  ]);
  text = section(text, "High-Level Phase Plan", paragraph("Milestone", 16));
  const statuses = ["completed", "pending", "blocked"] as const;
  text = section(text, "Detailed Phase Task Steps", [
    "| ID | Phase | Task | Type | Files | Status | Evidence |",
    "|---|---|---|---|---|---|---|",
    ...Array.from({ length: rows }, (_, i) => {
      const status = i === 2 ? "in_progress" : statuses[i % statuses.length]!;
      return `| ${i + 1} | M${(i % 8) + 1} | Task ${i + 1} of the rewrite | ${TASK_TYPES[i % TASK_TYPES.length]} | \`src/billing/part${i}.ts:${i + 1}\` | ${status} | ${status === "pending" ? "" : `commit ${i.toString(16)}`} |`;
    }),
  ]);
  text = section(
    text,
    "Progress Per Session",
    Array.from(
      { length: journal },
      (_, i) => `- 2026-02-${String((i % 28) + 1).padStart(2, "0")}: session ${i + 1} finished task ${i + 1}.`,
    ),
  );
  text = section(text, "Surprises & Discoveries", ["None yet."]);
  text = section(
    text,
    "Decision Log",
    Array.from({ length: decisions }, (_, i) => `- 2026-02-01 — D${i + 1}: decision number ${i + 1}. Reason: reason ${i + 1}.`),
  );
  text = section(text, "Dependencies, Security/Privacy/Compliance, Observability", ["None."]);
  text = section(text, "Test Plan and Quality Gates", [
    "Unit tests per milestone.",
    "",
    "| Gate | Command | Where | Expected |",
    "|---|---|---|---|",
    "| Unit | `npm test` | CI (continuous integration) | pass |",
  ]);
  for (const heading of ["Idempotence & Recovery", "Artifacts & Notes", "PR & Review", "Outcomes & Retrospective"])
    text = section(text, heading, paragraph(heading, 4));
  const notes = Array.from(
    { length: 10 + extraNotes },
    (_, i) => `- 2026-02-${String((i % 28) + 1).padStart(2, "0")} — Revision ${i + 1}: updated the task rows.`,
  );
  text = section(text, "Revision Notes", notes);
  const padding = TARGET_LINES - text.split("\n").length;
  return padding > 0 ? text.replace("## Artifacts & Notes\n\n", `## Artifacts & Notes\n\n${"Notes line.\n".repeat(padding)}`) : text;
}

function measure(run: () => void): { median: number; p95: number } {
  run();
  const times = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const previous = generatePlan(TARGET_LINES);
const plan = generatePlan(TARGET_LINES, 1);
const result = checkPlan(plan, { previous });
const alone = measure(() => checkPlan(plan));
const withHistory = measure(() => checkPlan(plan, { previous }));
console.log(
  `ExecPlan checker on a ${plan.split("\n").length}-line plan (${result.progress.total} tasks, ${result.findings.length} findings), ${RUNS} runs:`,
);
console.log(`  check             median ${alone.median.toFixed(1)} ms   p95 ${alone.p95.toFixed(1)} ms`);
console.log(`  check + history   median ${withHistory.median.toFixed(1)} ms   p95 ${withHistory.p95.toFixed(1)} ms`);
