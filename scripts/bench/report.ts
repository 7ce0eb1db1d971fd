// The benchmark's result: its shape, the budgets it is held to, the Markdown tables, and the
// comparison with an earlier run's JSON.
import { type CohortRun, renderCohortMarkdown, SQLITE_GOAL_LEARNERS } from "./cohort-report";
import type { LighthouseScores } from "./lighthouse";
import type { LoadResult } from "./load";
import { table } from "./markdown-table";
import { percentile } from "./server";

export type PageResult = { name: string; path: string; main: boolean; c1: LoadResult; c10: LoadResult; javascriptGzipBytes: number | null };
export type BenchResult = {
  at: string;
  dataset: Record<string, number>;
  pages: PageResult[];
  /** The framework's own runtime (the build's root main files), gzipped: the JavaScript every page sends before any of the app's. */
  frameworkJavascriptGzipBytes: number;
  lighthouse: Record<string, LighthouseScores>;
  figures: Record<string, number>;
  /** The cohort capacity run, absent when the run skipped it (`--quick`, `--only`, `--skip-cohort`). */
  cohort?: CohortRun;
};
export type Budget = { name: string; limit: string; value: string; met: boolean };

const CEILING = "static file (ceiling)";
/** The app's own smallest page: the reference every main page's cost is measured against. */
export const FLOOR = "smallest page (programs list)";
const FLOOR_RATIO = 2.5;
const HTML_LIMIT_BYTES = 150 * 1024;
const APP_JAVASCRIPT_ALLOWANCE_BYTES = 20 * 1024;
const LIGHTHOUSE_PERFORMANCE = 95;
const MEMORY_LIMIT_MB = 400;
const REQUEST_P95_LIMIT_MS = 300;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const runs = (values: number[]) => `${values.join(", ")} (${values.length} runs)`;

/** The cohort budgets: SQLite × 1 serves the goal, and every setup's server stays within its memory at its capacity. */
function cohortBudgets(cohort: CohortRun | undefined): Budget[] {
  if (!cohort)
    return [
      {
        name: "cohort capacity, SQLite × 1",
        limit: `≥ ${SQLITE_GOAL_LEARNERS.toLocaleString("en")} active learners`,
        value: "not measured",
        met: false,
      },
    ];
  const budgets: Budget[] = [];
  for (const setup of cohort.setups) {
    const atCapacity = setup.steps.find((step) => step.learners === setup.capacity && step.passed);
    if (setup.instances === 1)
      budgets.push({
        name: `cohort capacity, ${setup.setup}`,
        limit: `≥ ${SQLITE_GOAL_LEARNERS.toLocaleString("en")} active learners`,
        value: `${setup.capacity} active learners`,
        met: setup.capacity >= SQLITE_GOAL_LEARNERS,
      });
    budgets.push({
      name: `server peak memory at cohort capacity, ${setup.setup}${setup.instances > 1 ? " (each instance)" : ""}`,
      limit: `≤ ${MEMORY_LIMIT_MB} MB`,
      value: atCapacity ? `${atCapacity.peakRssMb.toFixed(0)} MB at ${setup.capacity} learners` : "no size passed",
      met: atCapacity !== undefined && atCapacity.peakRssMb <= MEMORY_LIMIT_MB,
    });
  }
  return budgets;
}

/**
 * The programs list's median that every page's cost is held to: the median of the floors timed in
 * turns with each main page, which are spread over the run, so that neither a slow phase of the
 * machine nor one page whose turns ran slow decides it; in a result without them, the programs
 * list's own job.
 */
function runFloor(result: BenchResult): number | undefined {
  const beside = result.pages.flatMap((p) => (p.c1.floorMedianMs === undefined ? [] : [p.c1.floorMedianMs]));
  return beside.length > 0 ? percentile(beside, 50) : result.pages.find((p) => p.name === FLOOR)?.c1.medianMs;
}

/** Every budget of the performance issue, each with the measured value. */
export function evaluateBudgets(result: BenchResult): Budget[] {
  const javascriptLimit = result.frameworkJavascriptGzipBytes + APP_JAVASCRIPT_ALLOWANCE_BYTES;
  const budgets: Budget[] = [];
  const floor = runFloor(result);
  for (const page of result.pages.filter((p) => p.main)) {
    if (floor !== undefined)
      budgets.push({
        name: `${page.name}: median at concurrency 1`,
        limit: `≤ ${FLOOR_RATIO}× the programs list (${ms(floor * FLOOR_RATIO)})`,
        value: `${ms(page.c1.medianMs)} (${(page.c1.medianMs / floor).toFixed(1)}×)`,
        met: page.c1.medianMs <= floor * FLOOR_RATIO,
      });
    budgets.push({
      name: `${page.name}: HTML`,
      limit: `≤ ${kb(HTML_LIMIT_BYTES)}`,
      value: kb(page.c1.bytes),
      met: page.c1.bytes <= HTML_LIMIT_BYTES,
    });
    if (page.javascriptGzipBytes !== null)
      budgets.push({
        name: `${page.name}: JavaScript (gzip)`,
        limit: `≤ framework ${kb(result.frameworkJavascriptGzipBytes)} + ${kb(APP_JAVASCRIPT_ALLOWANCE_BYTES)}`,
        value: `${kb(page.javascriptGzipBytes)} (app ${kb(page.javascriptGzipBytes - result.frameworkJavascriptGzipBytes)})`,
        met: page.javascriptGzipBytes <= javascriptLimit,
      });
  }
  for (const [page, scores] of Object.entries(result.lighthouse)) {
    const performance = scores.runs.map((r) => r.performance);
    const accessibility = scores.runs.map((r) => r.accessibility);
    budgets.push(
      {
        name: `${page}: Lighthouse performance (mobile), every run`,
        limit: `≥ ${LIGHTHOUSE_PERFORMANCE}`,
        value: runs(performance),
        met: performance.every((score) => score >= LIGHTHOUSE_PERFORMANCE),
      },
      {
        name: `${page}: Lighthouse accessibility (mobile), every run`,
        limit: "100",
        value: runs(accessibility),
        met: accessibility.every((score) => score === 100),
      },
    );
  }
  budgets.push(...cohortBudgets(result.cohort));
  const figure = (key: string) => result.figures[key];
  const within = (name: string, key: string, limit: number) => {
    const value = figure(key);
    if (value !== undefined) budgets.push({ name, limit: `≤ ${limit} ms`, value: ms(value), met: value <= limit });
  };
  within(
    "p95 of page requests during a 1,300-item library import",
    "p95 of page requests during a large library import (ms)",
    REQUEST_P95_LIMIT_MS,
  );
  within(
    "longest wait of an in-process read during a 1,300-item library import",
    "longest wait of a read during a large library import (ms)",
    250,
  );
  within("health p95 during a hostile library upload", "health p95 during a hostile library upload (ms)", 250);
  within("playbook export p95", "playbook export (one file) p95 (ms)", 300);
  within("search p95 (in process)", "search, content and library p95 (ms)", 50);
  const apiSearch = result.pages.find((p) => p.name === "API: search");
  if (apiSearch)
    budgets.push({
      name: "search p95 (API, concurrency 1)",
      limit: "≤ 50 ms",
      value: ms(apiSearch.c1.p95Ms),
      met: apiSearch.c1.p95Ms <= 50,
    });
  for (const command of ["--help", "status"])
    within(`mastery ${command} (whole process, median)`, `CLI: mastery ${command} median (ms)`, 300);
  return budgets;
}

/** Every number of a result under a stable key, for comparing two runs. */
function flatten(result: BenchResult): Record<string, number> {
  const flat: Record<string, number> = { ...result.figures };
  const floor = runFloor(result);
  for (const page of result.pages) {
    for (const c of ["c1", "c10"] as const) {
      flat[`${page.name} ${c} median (ms)`] = page[c].medianMs;
      flat[`${page.name} ${c} p95 (ms)`] = page[c].p95Ms;
      flat[`${page.name} ${c} req/s`] = page[c].requestsPerSecond;
    }
    if (floor) flat[`${page.name} c1 median / programs list`] = page.c1.medianMs / floor;
    flat[`${page.name} HTML (KB)`] = page.c1.bytes / 1024;
    if (page.javascriptGzipBytes !== null) flat[`${page.name} JavaScript (gzip KB)`] = page.javascriptGzipBytes / 1024;
  }
  if (result.frameworkJavascriptGzipBytes) flat["framework JavaScript (gzip KB)"] = result.frameworkJavascriptGzipBytes / 1024;
  for (const [page, scores] of Object.entries(result.lighthouse)) {
    flat[`${page} Lighthouse performance, lowest run`] = scores.performance;
    flat[`${page} Lighthouse accessibility, lowest run`] = scores.accessibility;
  }
  for (const setup of result.cohort?.setups ?? []) {
    flat[`cohort capacity, ${setup.setup} (learners)`] = setup.capacity;
    const atCapacity = setup.steps.find((step) => step.learners === setup.capacity && step.passed);
    if (atCapacity) flat[`cohort peak memory at capacity, ${setup.setup} (MB)`] = atCapacity.peakRssMb;
  }
  return flat;
}

export type Comparison = { key: string; before: number; after: number }[];

export function compareResults(after: BenchResult, before: BenchResult): Comparison {
  const old = flatten(before);
  return Object.entries(flatten(after))
    .filter(([key]) => key in old)
    .map(([key, value]) => ({ key, before: old[key]!, after: value }));
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** A page's median against the run's floor, with the floor timed in turns with the page when it was. */
function ratioToFloor(floor: number | undefined, page: PageResult): string {
  if (!floor) return "";
  const ratio = `${fixed(page.c1.medianMs / floor)}×`;
  return page.c1.floorMedianMs === undefined ? ratio : `${ratio} (beside it ${ms(page.c1.floorMedianMs)})`;
}

export function renderMarkdown(result: BenchResult, budgets: Budget[], comparison?: Comparison): string {
  const ceiling = result.pages.find((p) => p.name === CEILING)!.c10.requestsPerSecond;
  const floor = runFloor(result);
  const pages = table(
    [
      "address",
      "c1 median",
      "vs programs list",
      "c1 p95",
      "c1 req/s",
      "c10 median",
      "c10 p95",
      "c10 req/s",
      "vs static",
      "JS gzip",
      "HTML",
    ],
    result.pages.map((p) => [
      `${p.name} \`${p.path.length > 40 ? `${p.path.slice(0, 37)}…` : p.path}\``,
      ms(p.c1.medianMs),
      ratioToFloor(floor, p),
      ms(p.c1.p95Ms),
      fixed(p.c1.requestsPerSecond),
      ms(p.c10.medianMs),
      ms(p.c10.p95Ms),
      fixed(p.c10.requestsPerSecond),
      `${fixed((p.c10.requestsPerSecond / ceiling) * 100)}%`,
      p.javascriptGzipBytes === null ? "" : kb(p.javascriptGzipBytes),
      kb(p.c1.bytes),
    ]),
  );
  const lighthouse = table(
    ["page", "performance (mobile), each run", "accessibility (mobile), each run", "performance (desktop)", "accessibility (desktop)"],
    Object.entries(result.lighthouse).map(([page, s]) => [
      page,
      s.runs.map((r) => r.performance).join(", "),
      s.runs.map((r) => r.accessibility).join(", "),
      String(s.desktopPerformance),
      String(s.desktopAccessibility),
    ]),
  );
  // Audits that count towards the score (weight above 0) and the machine's load; the JSON keeps them all.
  const counted = (line: string) => !/, weight 0\)/.test(line);
  const audits = Object.entries(result.lighthouse)
    .flatMap(([page, s]) => [
      ...s.failing.filter(counted).map((line) => `- ${page} (mobile): ${line}`),
      ...s.desktopFailing.filter(counted).map((line) => `- ${page} (desktop): ${line}`),
    ])
    .join("\n");
  const figures = table(
    ["measure", "value"],
    Object.entries(result.figures).map(([key, value]) => [key, fixed(value)]),
  );
  const dataset = Object.entries(result.dataset)
    .map(([what, n]) => `${n.toLocaleString("en")} ${what}`)
    .join(", ");
  const verdicts = table(
    ["budget", "limit", "measured", "met"],
    budgets.map((b) => [b.name, b.limit, b.value, b.met ? "yes" : "**no**"]),
  );
  const missed = budgets.filter((b) => !b.met).length;
  const sections = [
    `# Benchmark ${result.at}`,
    `Dataset: ${dataset}. Production build on 127.0.0.1; load from a second process over keep-alive connections; times are to the last byte.`,
    `## Pages and API reads\n\nThe framework's own runtime is ${kb(result.frameworkJavascriptGzipBytes)} of JavaScript (gzip); "vs programs list" is each median at concurrency 1 against the app's smallest page: the median of the programs list's medians timed in turns with each main page (each in brackets), ${floor ? ms(floor) : "not measured"} in this run.\n\n${pages}`,
    `## Lighthouse\n\n${lighthouse}${audits ? `\n\nBelow full marks:\n\n${audits}` : ""}`,
    `## Exports, content, search, CLI, memory\n\n${figures}`,
    result.cohort
      ? renderCohortMarkdown(result.cohort.at, result.cohort.setups, result.cohort.workload).replace(/^#/gm, "##").trim()
      : "## Cohort capacity\n\nNot measured in this run.",
    `## Budgets: ${budgets.length - missed} met, ${missed} missed\n\n${verdicts}`,
  ];
  if (comparison) {
    sections.push(
      `## Compared with the earlier run\n\n${table(
        ["measure", "before", "after", "change"],
        comparison.map((c) => [
          c.key,
          fixed(c.before),
          fixed(c.after),
          c.before === 0 ? "" : `${c.after >= c.before ? "+" : ""}${fixed(((c.after - c.before) / c.before) * 100)}%`,
        ]),
      )}`,
    );
  }
  return `${sections.join("\n\n")}\n`;
}
