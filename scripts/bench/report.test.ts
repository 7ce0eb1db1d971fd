import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { type BenchResult, compareResults, evaluateBudgets, renderMarkdown } from "./report";

const load = (name: string, concurrency: number, p95Ms: number, requestsPerSecond: number): LoadResult => ({
  name,
  concurrency,
  requests: 100,
  medianMs: p95Ms / 2,
  p95Ms,
  requestsPerSecond,
  bytes: 1000,
});
const page = (name: string, p95: number, rps: number, js: number | null, main = true) => ({ name, path: `/${name}`, main, c1: load(name, 1, p95 / 4, rps), c10: load(name, 10, p95, rps), javascriptGzipBytes: js });

function result(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    at: "2026-11-21T12:00:00.000Z",
    dataset: { patterns: 1000 },
    pages: [page("dashboard", 50, 300, 120 * 1024), page("module", 40, 500, 100 * 1024), page("static file (ceiling)", 5, 1000, null, false), page("API: search", 51, 400, null, false)],
    lighthouse: { dashboard: { performance: 95, accessibility: 100, desktopPerformance: 100, desktopAccessibility: 100, failing: [], desktopFailing: [] } },
    figures: {
      "playbook export (one file) p95 (ms)": 300,
      "search, content and library p95 (ms)": 12,
      "server peak memory (MB)": 400.5,
      "health p95 during a hostile library upload (ms)": 250,
      "longest wait of a read during a large library import (ms)": 250,
    },
    ...overrides,
  };
}

describe("evaluateBudgets", () => {
  it("holds every figure to its limit, limits included", () => {
    const verdicts = Object.fromEntries(evaluateBudgets(result()).map((b) => [b.name, b.met]));
    expect(verdicts).toEqual({
      "dashboard: p95 at concurrency 10": true,
      "dashboard: JavaScript (gzip)": true,
      "module: p95 at concurrency 10": true,
      "module: JavaScript (gzip)": true,
      "module: throughput / static ceiling": true,
      "dashboard: Lighthouse performance": true,
      "dashboard: Lighthouse accessibility": true,
      "playbook export p95": true,
      "search p95 (in process)": true,
      "search p95 (API, concurrency 10)": false,
      "health p95 during a hostile library upload": true,
      "longest wait of other requests during a 1,300-item library import": true,
      "server peak memory": false,
    });
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

  it("misses a static-content page below half the ceiling's throughput and a score below its floor", () => {
    const slow = result({
      pages: [page("module", 40, 499, 100 * 1024), page("static file (ceiling)", 5, 1000, null, false)],
      lighthouse: { module: { performance: 94, accessibility: 99, desktopPerformance: 100, desktopAccessibility: 99, failing: ["color-contrast"], desktopFailing: [] } },
    });
    const missed = evaluateBudgets(slow).filter((b) => !b.met).map((b) => b.name);
    expect(missed).toEqual(["module: throughput / static ceiling", "module: Lighthouse performance", "module: Lighthouse accessibility", "server peak memory"]);
  });
});

describe("compareResults and renderMarkdown", () => {
  it("pairs every measure present in both runs and shows the change", () => {
    const before = result();
    const after = result({ figures: { ...before.figures, "playbook export (one file) p95 (ms)": 150 } });
    const comparison = compareResults(after, before);
    expect(comparison.find((c) => c.key === "playbook export (one file) p95 (ms)")).toEqual({ key: "playbook export (one file) p95 (ms)", before: 300, after: 150 });
    expect(comparison.find((c) => c.key === "module c10 req/s")).toEqual({ key: "module c10 req/s", before: 500, after: 500 });
    const markdown = renderMarkdown(after, evaluateBudgets(after), comparison);
    expect(markdown).toContain("## Budgets: 11 met, 2 missed");
    expect(markdown).toContain("| playbook export (one file) p95 (ms) | 300.0 | 150.0 | -50.0% |");
    expect(markdown).toContain("| module `/module` | 5.0 ms | 10.0 ms | 500.0 | 20.0 ms | 40.0 ms | 500.0 | 50.0% | 100.0 KB | 1.0 KB |");
  });
});
