import { describe, expect, it } from "vitest";
import type { CohortRun } from "./cohort-report";
import type { LighthouseScores } from "./lighthouse";
import type { LoadResult } from "./load";
import { type BenchResult, compareResults, evaluateBudgets, FLOOR, renderMarkdown } from "./report";
import { openLoopResult } from "./test-fixtures";

const KB = 1024;
const load = (name: string, concurrency: number, medianMs: number, bytes: number): LoadResult => ({
  name,
  concurrency,
  requests: 100,
  medianMs,
  p95Ms: medianMs * 2,
  requestsPerSecond: 1000 / medianMs,
  bytes,
});
const page = (name: string, medianMs: number, html: number, js: number | null, main = true) => ({
  name,
  path: `/${name}`,
  main,
  c1: load(name, 1, medianMs, html),
  c10: load(name, 10, medianMs * 8, html),
  javascriptGzipBytes: js,
});
const scores = (performance: number[], accessibility = [100, 100, 100]): LighthouseScores => ({
  runs: performance.map((p, i) => ({ performance: p, accessibility: accessibility[i]! })),
  performance: Math.min(...performance),
  accessibility: Math.min(...accessibility),
  failing: [],
  desktopPerformance: 100,
  desktopAccessibility: 100,
  desktopFailing: [],
});
const step = (learners: number, passed: boolean, peakRssMb: number) => ({
  learners,
  passed,
  peakRssMb,
  result: openLoopResult({ learners }),
});
const cohort = (sqliteCapacity: number, sqliteMb: number, postgresMb: number): CohortRun => ({
  at: "2026-11-21T12:00:00.000Z",
  workload: "A workload.",
  setups: [
    {
      setup: "SQLite × 1",
      database: "SQLite",
      instances: 1,
      capacity: sqliteCapacity,
      steps: [step(sqliteCapacity, true, sqliteMb), step(sqliteCapacity * 2, false, 500)],
    },
    { setup: "PostgreSQL × 2", database: "PostgreSQL 15", instances: 2, capacity: 150, steps: [step(150, true, postgresMb)] },
  ],
});

function result(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    at: "2026-11-21T12:00:00.000Z",
    dataset: { patterns: 1000 },
    frameworkJavascriptGzipBytes: 130 * KB,
    pages: [
      page("dashboard", 25, 150 * KB, 150 * KB),
      page("module", 12, 100 * KB, 140 * KB),
      page(FLOOR, 10, 20 * KB, null, false),
      page("static file (ceiling)", 2, 100 * KB, null, false),
      page("API: search", 4, 5 * KB, null, false),
    ],
    lighthouse: { dashboard: scores([95, 97, 99]) },
    figures: {
      "playbook export (one file) p95 (ms)": 300,
      "search, content and library p95 (ms)": 12,
      "health p95 during a hostile library upload (ms)": 250,
      "longest wait of a read during a large library import (ms)": 250,
      "p95 of page requests during a large library import (ms)": 300,
    },
    cohort: cohort(1000, 400, 390),
    ...overrides,
  };
}

describe("evaluateBudgets", () => {
  it("holds every figure to its limit, limits included", () => {
    const verdicts = Object.fromEntries(evaluateBudgets(result()).map((b) => [b.name, b.met]));
    expect(verdicts).toEqual({
      "dashboard: median at concurrency 1": true,
      "dashboard: HTML": true,
      "dashboard: JavaScript (gzip)": true,
      "module: median at concurrency 1": true,
      "module: HTML": true,
      "module: JavaScript (gzip)": true,
      "dashboard: Lighthouse performance (mobile), every run": true,
      "dashboard: Lighthouse accessibility (mobile), every run": true,
      "cohort capacity, SQLite × 1": true,
      "server peak memory at cohort capacity, SQLite × 1": true,
      "server peak memory at cohort capacity, PostgreSQL × 2 (each instance)": true,
      "p95 of page requests during a 1,300-item library import": true,
      "longest wait of an in-process read during a 1,300-item library import": true,
      "health p95 during a hostile library upload": true,
      "playbook export p95": true,
      "search p95 (in process)": true,
      "search p95 (API, concurrency 1)": true,
    });
  });

  it("measures a page's cost against the programs list and its JavaScript against the framework's runtime", () => {
    const heavy = result({
      pages: [
        page("dashboard", 25.1, 150 * KB + 1, 150 * KB + 1),
        page(FLOOR, 10, 20 * KB, null, false),
        page("static file (ceiling)", 2, 1, null, false),
      ],
    });
    const verdicts = evaluateBudgets(heavy).filter((b) => b.name.startsWith("dashboard:") && !b.name.includes("Lighthouse"));
    expect(verdicts).toEqual([
      { name: "dashboard: median at concurrency 1", limit: "≤ 2.5× the programs list (25.0 ms)", value: "25.1 ms (2.5×)", met: false },
      { name: "dashboard: HTML", limit: "≤ 150.0 KB", value: "150.0 KB", met: false },
      { name: "dashboard: JavaScript (gzip)", limit: "≤ framework 130.0 KB + 20.0 KB", value: "150.0 KB (app 20.0 KB)", met: false },
    ]);
  });

  it("holds every page to the median of the programs list's medians timed beside the main pages, not to the list's own job", () => {
    const beside = (name: string, medianMs: number, floorMedianMs: number) => {
      const p = page(name, medianMs, 100 * KB, null);
      return { ...p, c1: { ...p.c1, floorMedianMs } };
    };
    const paired = result({
      pages: [
        beside("dashboard", 26, 13),
        beside("module", 20, 9),
        beside("patterns", 24, 10),
        page(FLOOR, 12, 20 * KB, null, false),
        page("static file (ceiling)", 2, 1, null, false),
      ],
    });
    const verdict = (name: string) => evaluateBudgets(paired).find((b) => b.name === `${name}: median at concurrency 1`);
    expect(verdict("dashboard")).toEqual({
      name: "dashboard: median at concurrency 1",
      limit: "≤ 2.5× the programs list (25.0 ms)",
      value: "26.0 ms (2.6×)",
      met: false,
    });
    expect(verdict("patterns")?.met).toBe(true);
    const markdown = renderMarkdown(paired, []);
    expect(markdown).toContain("| 2.6× (beside it 13.0 ms) |");
    expect(markdown).toContain("with each main page (each in brackets), 10.0 ms in this run.");
    expect(compareResults(paired, paired).find((c) => c.key === "dashboard c1 median / programs list")?.after).toBeCloseTo(2.6);
  });

  it("misses a Lighthouse budget when any one of the runs falls short", () => {
    const verdicts = evaluateBudgets(result({ lighthouse: { "review page": scores([99, 94, 100], [100, 100, 98]) } })).filter((b) =>
      b.name.includes("Lighthouse"),
    );
    expect(verdicts).toEqual([
      { name: "review page: Lighthouse performance (mobile), every run", limit: "≥ 95", value: "99, 94, 100 (3 runs)", met: false },
      { name: "review page: Lighthouse accessibility (mobile), every run", limit: "100", value: "100, 100, 98 (3 runs)", met: false },
    ]);
  });

  it("misses the cohort budgets below the goal, above the memory limit, or when the cohort was not measured", () => {
    const missed = (r: BenchResult) => evaluateBudgets(r).filter((b) => !b.met);
    expect(missed(result({ cohort: cohort(999, 401, 390) })).map((b) => `${b.name}: ${b.value}`)).toEqual([
      "cohort capacity, SQLite × 1: 999 active learners",
      "server peak memory at cohort capacity, SQLite × 1: 401 MB at 999 learners",
    ]);
    expect(missed(result({ cohort: undefined })).map((b) => `${b.name}: ${b.value}`)).toEqual([
      "cohort capacity, SQLite × 1: not measured",
    ]);
  });

  it("holds the mastery command's --help and status to 300 ms each, when measured", () => {
    const base = result();
    const cli = result({ figures: { ...base.figures, "CLI: mastery --help median (ms)": 300, "CLI: mastery status median (ms)": 301 } });
    const verdicts = evaluateBudgets(cli).filter((b) => b.name.startsWith("mastery "));
    expect(verdicts).toEqual([
      { name: "mastery --help (whole process, median)", limit: "≤ 300 ms", value: "300.0 ms", met: true },
      { name: "mastery status (whole process, median)", limit: "≤ 300 ms", value: "301.0 ms", met: false },
    ]);
  });
});

describe("compareResults and renderMarkdown", () => {
  it("pairs every measure present in both runs and shows the change", () => {
    const before = result();
    const after = result({ figures: { ...before.figures, "playbook export (one file) p95 (ms)": 150 }, cohort: cohort(1200, 380, 390) });
    const comparison = compareResults(after, before);
    expect(comparison.find((c) => c.key === "playbook export (one file) p95 (ms)")).toEqual({
      key: "playbook export (one file) p95 (ms)",
      before: 300,
      after: 150,
    });
    expect(comparison.find((c) => c.key === "cohort capacity, SQLite × 1 (learners)")).toEqual({
      key: "cohort capacity, SQLite × 1 (learners)",
      before: 1000,
      after: 1200,
    });
    expect(comparison.find((c) => c.key === "dashboard c1 median / programs list")).toEqual({
      key: "dashboard c1 median / programs list",
      before: 2.5,
      after: 2.5,
    });
    const markdown = renderMarkdown(after, evaluateBudgets(after), comparison);
    expect(markdown).toContain("## Budgets: 17 met, 0 missed");
    expect(markdown).toContain("| playbook export (one file) p95 (ms) | 300.0 | 150.0 | -50.0% |");
    expect(markdown).toContain(
      "| module `/module` | 12.0 ms | 1.2× | 24.0 ms | 83.3 | 96.0 ms | 192.0 ms | 10.4 | 16.7% | 140.0 KB | 100.0 KB |",
    );
    expect(markdown).toContain("| dashboard | 95, 97, 99 | 100, 100, 100 | 100 | 100 |");
    expect(markdown).toContain("## Cohort capacity 2026-11-21T12:00:00.000Z");
    expect(markdown).toContain("### Capacity, side by side");
  });

  it("says when the cohort was not measured", () => {
    const markdown = renderMarkdown(result({ cohort: undefined }), []);
    expect(markdown).toContain("## Cohort capacity\n\nNot measured in this run.");
  });
});
