// Time spent, from the append-only entries: the latest correction of an entry replaces it, and
// the effective entries add up per module, per program week and in total. A drill stopwatch's
// time counts where no packet timer of the same module was already running.
import { programWeek } from "../progress/calendar";

export type TimeRow = {
  id: string;
  moduleNumber: number;
  exercise: string | null;
  source: string;
  startedAt: Date;
  seconds: number;
  note: string;
  correctsId: string | null;
  createdAt: Date;
};

/** An entry as it counts now, with every row that made it (the original first). */
export type EffectiveEntry = Omit<TimeRow, "correctsId"> & { history: TimeRow[]; corrected: boolean };

const byCreation = (a: TimeRow, b: TimeRow) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export function effectiveEntries(rows: readonly TimeRow[]): EffectiveEntry[] {
  const corrections = new Map<string, TimeRow[]>();
  for (const row of rows) {
    if (row.correctsId) corrections.set(row.correctsId, [...(corrections.get(row.correctsId) ?? []), row]);
  }
  return rows
    .filter((row) => row.correctsId === null)
    .map((original) => {
      const history = [original, ...(corrections.get(original.id) ?? []).sort(byCreation)];
      const latest = history.at(-1)!;
      return {
        id: original.id,
        moduleNumber: latest.moduleNumber,
        exercise: latest.exercise,
        source: original.source,
        startedAt: latest.startedAt,
        seconds: latest.seconds,
        note: latest.note,
        createdAt: original.createdAt,
        history,
        corrected: history.length > 1,
      };
    })
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id));
}

export type TimeTotals = {
  totalSeconds: number;
  byModule: Map<number, number>;
  /** Seconds per program week, for weeks 1 … the last week with time (missing weeks are 0). */
  byWeek: number[];
};

const spanOf = (entry: EffectiveEntry) => [entry.startedAt.getTime(), entry.startedAt.getTime() + entry.seconds * 1000] as const;

/** The seconds of a drill entry that no timer entry of its module covers, so the same minutes never count twice. */
function drillSecondsUncovered(drill: EffectiveEntry, entries: readonly EffectiveEntry[]): number {
  const [start, end] = spanOf(drill);
  const covering = entries
    .filter((e) => e.source === "timer" && e.moduleNumber === drill.moduleNumber)
    .map((e) => spanOf(e))
    .map(([from, to]) => [Math.max(from, start), Math.min(to, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = start;
  for (const [from, to] of covering) {
    if (to > Math.max(from, reached)) covered += to - Math.max(from, reached);
    reached = Math.max(reached, to);
  }
  return Math.round((end - start - covered) / 1000);
}

/** Totals of the effective entries; an entry counts in the program week of the learner's day it started on. */
export function timeTotals(entries: readonly EffectiveEntry[], start: Date | null, zone: string): TimeTotals {
  const byModule = new Map<number, number>();
  const byWeek: number[] = [];
  let totalSeconds = 0;
  for (const entry of entries) {
    const seconds = entry.source === "drill" ? drillSecondsUncovered(entry, entries) : entry.seconds;
    totalSeconds += seconds;
    byModule.set(entry.moduleNumber, (byModule.get(entry.moduleNumber) ?? 0) + seconds);
    if (start) {
      const week = programWeek(start, entry.startedAt, zone);
      while (byWeek.length < week) byWeek.push(0);
      byWeek[week - 1]! += seconds;
    }
  }
  return { totalSeconds, byModule, byWeek };
}
