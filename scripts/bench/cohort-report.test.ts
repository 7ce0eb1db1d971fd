import { describe, expect, it } from "vitest";
import { nextCohortSize, renderCohortMarkdown, stepPasses, type CohortSetupResult } from "./cohort-report";
import { openLoopResult as result } from "./test-fixtures";
import { arrivals, latencies, readForm } from "./open-loop";

/** Plays the search against a machine that serves exactly `capacity` learners. */
function search(capacity: number, start: number, max = 5000): number[] {
  const steps: { learners: number; passed: boolean }[] = [];
  for (let next = nextCohortSize(steps, start, max); next !== null; next = nextCohortSize(steps, start, max))
    steps.push({ learners: next, passed: next <= capacity });
  return steps.map((s) => s.learners);
}

describe("stepPasses", () => {
  it("holds pages to p95 ≤ 300 ms and p99 ≤ 1 s, limits included, with no error", () => {
    expect(stepPasses(result())).toBe(true);
    expect(stepPasses(result({ pages: { count: 200, p50: 40, p95: 301, p99: 900, max: 900 } }))).toBe(false);
    expect(stepPasses(result({ pages: { count: 200, p50: 40, p95: 200, p99: 1001, max: 1001 } }))).toBe(false);
    expect(stepPasses(result({ errors: 1 }))).toBe(false);
    expect(stepPasses(result({ pages: { count: 0, p50: 0, p95: 0, p99: 0, max: 0 } }))).toBe(false);
  });
});

describe("nextCohortSize", () => {
  it("grows by half while steps pass, then halves the gap twice", () => {
    expect(search(300, 100)).toEqual([100, 150, 225, 338, 282, 310]);
  });
  it("goes down from the start when the first step fails", () => {
    expect(search(60, 200)).toEqual([200, 100, 50, 75, 63]);
  });
  it("stops at the largest size asked for", () => {
    expect(search(10_000, 1000, 1500)).toEqual([1000, 1500]);
  });
  it("gives up below ten learners", () => {
    expect(search(0, 30)).toEqual([30, 15]);
  });
});

describe("the load generator's pieces", () => {
  it("reads a form's hidden fields and checkboxes, entities decoded", () => {
    const html = `<form aria-label="Other"><input type="hidden" name="x" value="1"/></form>
      <form class="a" aria-label="Verdict" method="POST"><input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;ab&quot;}"/>
      <input type="checkbox" name="evidenceSeen" value="e1"/><input name="evidenceSeen" type="checkbox" value="e2"/><input type="text" name="feedback"/></form>`;
    expect(readForm(html, "Verdict")).toEqual({ hidden: [["$ACTION_1:0", '{"id":"ab"}']], checkboxes: { evidenceSeen: ["e1", "e2"] } });
    expect(() => readForm(html, "Missing")).toThrow("no form");
  });
  it("spreads arrivals at the asked rate", () => {
    let a = 1;
    const random = () => ((a = (a * 16807) % 2147483647) - 1) / 2147483646;
    const times = arrivals(10, 1000, random);
    expect(times.length).toBeGreaterThan(9500);
    expect(times.length).toBeLessThan(10500);
    expect(times.every((t, i) => t >= 0 && t < 1000 && (i === 0 || t >= times[i - 1]!))).toBe(true);
    expect(arrivals(0, 10, random)).toEqual([]);
  });
  it("summarises latencies", () => {
    expect(latencies([])).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    const l = latencies(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(l).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});

describe("renderCohortMarkdown", () => {
  it("puts the setups side by side and judges the SQLite goal", () => {
    const setups: CohortSetupResult[] = [
      {
        setup: "SQLite × 1",
        database: "SQLite",
        instances: 1,
        capacity: 100,
        steps: [
          { learners: 100, result: result(), peakRssMb: 300, passed: true },
          { learners: 150, result: result({ errors: 2, errorSamples: ["dashboard: answered 500"] }), peakRssMb: 350, passed: false },
        ],
      },
      {
        setup: "PostgreSQL × 2",
        database: "PostgreSQL 15",
        instances: 2,
        capacity: 0,
        steps: [{ learners: 100, result: result({ errors: 1 }), peakRssMb: 300, passed: false }],
      },
    ];
    const md = renderCohortMarkdown("2026-12-05T00:00:00Z", setups, "Workload.");
    expect(md).toContain("| SQLite × 1 | SQLite | **100** | 10 | 10 | 7.2 | 40 ms / 300 ms / 1000 ms |");
    expect(md).toContain("| PostgreSQL × 2 | PostgreSQL 15 | none passed |");
    expect(md).toContain("**not met** (100)");
    expect(md).toContain("2: dashboard: answered 500");
    expect(md).toContain("### SQLite × 1 at 100 learners, by request");
  });
});
