import { describe, expect, it } from "vitest";
import { effectiveEntries, type TimeRow, timeTotals } from "./aggregate";

const START = new Date("2026-05-04T08:00:00Z");
const at = (days: number) => new Date(START.getTime() + days * 86_400_000);
let n = 0;
const row = (over: Partial<TimeRow>): TimeRow => ({
  id: `t${++n}`,
  moduleNumber: 1,
  exercise: null,
  source: "timer",
  startedAt: START,
  seconds: 600,
  note: "",
  correctsId: null,
  createdAt: START,
  ...over,
});

describe("time aggregation", () => {
  it("adds nothing up when there are no entries", () => {
    expect(timeTotals(effectiveEntries([]), null, "UTC")).toEqual({ totalSeconds: 0, byModule: new Map(), byWeek: [] });
  });

  it("totals per module, per program week (with empty weeks) and overall", () => {
    const entries = effectiveEntries([
      row({ seconds: 3600 }),
      row({ moduleNumber: 2, startedAt: at(3), seconds: 1800 }),
      row({ moduleNumber: 2, startedAt: at(16), seconds: 900, source: "manual" }),
    ]);
    const totals = timeTotals(entries, START, "UTC");
    expect(totals.totalSeconds).toBe(6300);
    expect([...totals.byModule]).toEqual([
      [1, 3600],
      [2, 2700],
    ]);
    expect(totals.byWeek).toEqual([5400, 0, 900]);
  });

  it("lets the latest correction replace an entry, keeping the whole history", () => {
    const original = row({ id: "orig", seconds: 7200, createdAt: at(0) });
    const first = row({ id: "c1", correctsId: "orig", seconds: 3600, note: "forgot to stop", source: "correction", createdAt: at(1) });
    const second = row({
      id: "c2",
      correctsId: "orig",
      moduleNumber: 3,
      seconds: 2400,
      note: "was module 3",
      source: "correction",
      createdAt: at(2),
    });
    const [entry] = effectiveEntries([second, original, first]);
    expect(entry).toMatchObject({ id: "orig", moduleNumber: 3, seconds: 2400, note: "was module 3", source: "timer", corrected: true });
    expect(entry!.history.map((h) => h.id)).toEqual(["orig", "c1", "c2"]);
    expect(timeTotals([entry!], START, "UTC").byModule.get(3)).toBe(2400);
  });

  it("takes an entry corrected to zero out of the totals", () => {
    const entries = effectiveEntries([row({ id: "x", seconds: 900 }), row({ correctsId: "x", seconds: 0, createdAt: at(1) })]);
    expect(timeTotals(entries, START, "UTC").totalSeconds).toBe(0);
  });

  it("counts a drill stopwatch's time towards its module where no packet timer already ran", () => {
    const minute = 60_000;
    const entries = effectiveEntries([
      row({ id: "timer", startedAt: START, seconds: 20 * 60 }),
      // 10 minutes, of which the first 5 overlap the packet timer.
      row({ id: "drill-1", source: "drill", startedAt: new Date(START.getTime() + 15 * minute), seconds: 10 * 60 }),
      // 8 minutes on its own.
      row({ id: "drill-2", source: "drill", startedAt: new Date(START.getTime() + 60 * minute), seconds: 8 * 60 }),
      // Another module's timer covers none of module 1's drill time.
      row({ id: "other", moduleNumber: 2, startedAt: new Date(START.getTime() + 60 * minute), seconds: 8 * 60 }),
    ]);
    const totals = timeTotals(entries, START, "UTC");
    expect(totals.byModule.get(1)).toBe(20 * 60 + 5 * 60 + 8 * 60);
    expect(totals.byModule.get(2)).toBe(8 * 60);
    expect(totals.totalSeconds).toBe(41 * 60);
  });
});
