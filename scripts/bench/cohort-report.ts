// The cohort benchmark's rules and report: when a step of load passes, which step comes next in
// the search for the largest cohort that passes, and the side-by-side Markdown of the setups.
import type { OpenLoopResult } from "./open-loop";
import { table } from "./markdown-table";

const PAGE_P95_MS = 300;
const PAGE_P99_MS = 1000;
/** The goal for one SQLite process on this machine. */
export const SQLITE_GOAL_LEARNERS = 1000;

export type CohortStep = { learners: number; result: OpenLoopResult; peakRssMb: number; passed: boolean };
export type CohortSetupResult = { setup: string; database: string; instances: number; steps: CohortStep[]; capacity: number };
export type CohortRun = { at: string; workload: string; setups: CohortSetupResult[] };

/** Pages within p95 ≤ 300 ms and p99 ≤ 1 s, no error, and the generator kept to its plan. */
export function stepPasses(result: OpenLoopResult): boolean {
  return result.errors === 0 && result.pages.count > 0 && result.pages.p95 <= PAGE_P95_MS && result.pages.p99 <= PAGE_P99_MS;
}

/**
 * The next cohort size to try, or null when the search is done: up by half while steps pass,
 * halving from the start when the first fails, then two halvings of the gap between the largest
 * size that passed and the smallest that failed (or until the gap is within 5 %).
 */
export function nextCohortSize(steps: Pick<CohortStep, "learners" | "passed">[], start: number, max: number): number | null {
  if (steps.length === 0) return start;
  const passed = steps.filter((s) => s.passed).map((s) => s.learners);
  const failed = steps.filter((s) => !s.passed).map((s) => s.learners);
  const best = passed.length ? Math.max(...passed) : 0;
  const worst = failed.length ? Math.min(...failed) : Infinity;
  if (worst === Infinity) {
    const next = Math.min(max, Math.round(best * 1.5));
    return next > best ? next : null;
  }
  if (best === 0) {
    const next = Math.floor(worst / 2);
    return next >= 10 ? next : null;
  }
  // The bracket exists from the first step at which one size has passed and one has failed.
  const bracketed = Math.max(
    steps.findIndex((s) => s.passed),
    steps.findIndex((s) => !s.passed),
  );
  const refinements = steps.length - 1 - bracketed;
  if (refinements >= 2 || worst - best <= Math.max(5, best * 0.05)) return null;
  return Math.round((best + worst) / 2);
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The capacity of every setup side by side, the step at capacity in detail, and every step tried. */
export function renderCohortMarkdown(at: string, setups: CohortSetupResult[], workload: string): string {
  const atCapacity = (s: CohortSetupResult) => s.steps.find((step) => step.learners === s.capacity && step.passed);
  const summary = table(
    [
      "setup",
      "database",
      "active learners served",
      "reviewers",
      "agents",
      "requests/s offered",
      "pages p50 / p95 / p99",
      "writes p95",
      "API p95",
      "errors",
      "peak memory per instance",
    ],
    setups.map((s) => {
      const step = atCapacity(s);
      if (!step) return [s.setup, s.database, "none passed", "", "", "", "", "", "", "", ""];
      const r = step.result;
      return [
        s.setup,
        s.database,
        `**${s.capacity}**`,
        String(r.reviewers),
        String(r.agents),
        r.offeredPerSecond.toFixed(1),
        `${ms(r.pages.p50)} / ${ms(r.pages.p95)} / ${ms(r.pages.p99)}`,
        ms(r.writes.p95),
        ms(r.api.p95),
        String(r.errors),
        `${step.peakRssMb.toFixed(0)} MB`,
      ];
    }),
  );
  const steps = setups.map(
    (s) =>
      `### ${s.setup}\n\n${table(
        ["learners", "requests/s", "pages p50", "pages p95", "pages p99", "writes p95", "API p95", "errors", "peak memory", "verdict"],
        s.steps.map((step) => [
          String(step.learners),
          step.result.offeredPerSecond.toFixed(1),
          ms(step.result.pages.p50),
          ms(step.result.pages.p95),
          ms(step.result.pages.p99),
          ms(step.result.writes.p95),
          ms(step.result.api.p95),
          step.result.errors ? `${step.result.errors}: ${step.result.errorSamples[0] ?? ""}` : "0",
          `${step.peakRssMb.toFixed(0)} MB`,
          step.passed ? "passes" : "**fails**",
        ]),
      )}`,
  );
  const pages = setups.map((s) => {
    const step = atCapacity(s);
    if (!step) return "";
    const rows = Object.entries(step.result.byName)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, l]) => [name, String(l.count), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)]);
    return `### ${s.setup} at ${s.capacity} learners, by request\n\n${table(["request", "count", "p50", "p95", "p99", "max"], rows)}`;
  });
  const sqlite = setups.find((s) => s.setup.startsWith("SQLite"));
  const goal = sqlite
    ? `Goal: at least ${SQLITE_GOAL_LEARNERS.toLocaleString("en")} active learners on SQLite × 1: ${sqlite.capacity >= SQLITE_GOAL_LEARNERS ? "met" : `**not met** (${sqlite.capacity})`}.`
    : "";
  return `${[
    `# Cohort capacity ${at}`,
    `${workload} A step passes with pages at p95 ≤ ${PAGE_P95_MS} ms and p99 ≤ ${PAGE_P99_MS} ms and no error of any request. ${goal}`,
    `## Capacity, side by side\n\n${summary}`,
    ...pages.filter(Boolean),
    `## Every step\n\n${steps.join("\n\n")}`,
  ].join("\n\n")}\n`;
}
