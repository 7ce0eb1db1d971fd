// Where a learner stands against the program's success metrics and timeline: the metrics as
// progress bars, pace in modules per week, the milestones, a projected finish date from the
// actual pace and the warnings when they fall behind. Pure: the caller passes the facts and now.
import type { ModuleMeta, ProgramMeta } from "../content/schema";
import { DAY_MS, dayKey, startOfDayAt } from "../time/zone";
import { count, nounFor } from "../ui/plural";
import { formatDuration, hoursOf, programWeek, WEEK_MS, weekStart } from "./calendar";

export type ProgressFacts = {
  now: Date;
  /** The learner's time zone: their days and program weeks fall in it. */
  zone: string;
  /** The learner's first activity (first packet started or first time entry), or null. */
  start: Date | null;
  completions: { moduleNumber: number; at: Date }[];
  exercisesFinished: { key: string; at: Date }[];
  patterns: number;
  playbookEntries: number;
  totalSeconds: number;
  lastActivity: Date | null;
};

type MetricKey = "modules" | "exercises" | "patterns" | "playbook" | "hours";
export type Metric = { key: MetricKey; label: string; value: number; target: number; percent: number; text: string; met: boolean };

const percentOf = (value: number, target: number) => (target <= 0 ? 100 : Math.min(100, Math.round((value / target) * 100)));

/** The playbook entries a program's modules ask for in their Document phase: the playbook's target. */
export const playbookAdditions = (modules: { meta: Pick<ModuleMeta, "playbook"> }[]) =>
  modules.reduce((sum, m) => sum + m.meta.playbook.length, 0);

export function successMetrics(targets: ProgramMeta["successMetrics"], playbookTarget: number, facts: ProgressFacts): Metric[] {
  const metric = (key: MetricKey, label: string, value: number, target: number, text: string): Metric => ({
    key,
    label,
    value,
    target,
    percent: percentOf(value, target),
    text,
    met: value >= target,
  });
  const modules = facts.completions.length;
  const exercises = facts.exercisesFinished.length;
  const hours = hoursOf(facts.totalSeconds);
  return [
    metric("modules", "Modules completed", modules, targets.modules, `${modules} of ${targets.modules} completed`),
    metric("exercises", "Exercises finished", exercises, targets.exercises, `${exercises} of ${targets.exercises} finished`),
    metric("patterns", "Patterns documented", facts.patterns, targets.patterns, `${facts.patterns} of ${targets.patterns}+ documented`),
    metric(
      "playbook",
      "Personal playbook",
      facts.playbookEntries,
      playbookTarget,
      `${facts.playbookEntries} of ${count(playbookTarget, "entry", "entries")}${targets.playbook ? "" : " (optional in this program)"}`,
    ),
    metric(
      "hours",
      "Hours invested",
      hours,
      targets.hours.min,
      `${facts.totalSeconds === 0 ? "0 h" : formatDuration(facts.totalSeconds)} of ${targets.hours.min}–${targets.hours.max} h`,
    ),
  ];
}

export type MilestoneState = "done" | "late" | "current" | "upcoming" | "overdue";
type MilestoneStatus = {
  label: string;
  fromWeek: number;
  toWeek: number;
  modules: number[];
  completed: number[];
  state: MilestoneState;
  /** The day after the milestone's last week, when its modules are due. */
  due: Date | null;
  doneAt: Date | null;
};

type PaceState = "not-started" | "below" | "within" | "above" | "finished";

export type Pace = {
  state: PaceState;
  currentWeek: number | null;
  weeksElapsed: number;
  completed: number;
  total: number;
  modulesPerWeek: number | null;
  target: { min: number; max: number };
  /** Modules due by the milestones whose weeks have ended. */
  expectedByNow: number;
  projectedFinish: Date | null;
  projectedWeek: number | null;
  plannedFinish: { earliest: Date; latest: Date } | null;
  idleDays: number | null;
  behind: boolean;
  warnings: string[];
  milestones: MilestoneStatus[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function pace(timeline: ProgramMeta["timeline"], totalModules: number, facts: ProgressFacts): Pace {
  const { now, start, zone } = facts;
  const done = new Map(facts.completions.map((c) => [c.moduleNumber, c.at]));
  const completed = done.size;
  const finished = totalModules > 0 && completed >= totalModules;
  const currentWeek = start ? programWeek(start, now, zone) : null;
  const weeksElapsed = start ? Math.max(0, (now.getTime() - startOfDayAt(start, zone).getTime()) / WEEK_MS) : 0;
  const milestones = timeline.milestones.map((m): MilestoneStatus => {
    const completedHere = m.modules.filter((n) => done.has(n));
    const due = start ? weekStart(start, m.toWeek + 1, zone) : null;
    const doneAt =
      completedHere.length === m.modules.length ? new Date(Math.max(...completedHere.map((n) => done.get(n)!.getTime()))) : null;
    const state: MilestoneState =
      doneAt !== null
        ? due && doneAt >= due
          ? "late"
          : "done"
        : currentWeek === null || currentWeek < m.fromWeek
          ? "upcoming"
          : currentWeek > m.toWeek
            ? "overdue"
            : "current";
    return { label: m.label, fromWeek: m.fromWeek, toWeek: m.toWeek, modules: m.modules, completed: completedHere, state, due, doneAt };
  });
  const target = timeline.modulesPerWeek;
  if (!start || currentWeek === null) {
    return {
      state: "not-started",
      currentWeek: null,
      weeksElapsed: 0,
      completed,
      total: totalModules,
      modulesPerWeek: null,
      target,
      expectedByNow: 0,
      projectedFinish: null,
      projectedWeek: null,
      plannedFinish: null,
      idleDays: null,
      behind: false,
      warnings: [],
      milestones,
    };
  }
  const expectedByNow = new Set(timeline.milestones.filter((m) => m.toWeek < currentWeek).flatMap((m) => m.modules)).size;
  const rate = completed / Math.max(weeksElapsed, 1);
  const lastCompletion = completed > 0 ? new Date(Math.max(...facts.completions.map((c) => c.at.getTime()))) : null;
  const projectedFinish = finished
    ? lastCompletion
    : completed > 0
      ? new Date(now.getTime() + ((totalModules - completed) / rate) * WEEK_MS)
      : null;
  const projectedWeek = projectedFinish ? programWeek(start, projectedFinish, zone) : null;
  const idleDays = facts.lastActivity ? Math.max(0, Math.floor((now.getTime() - facts.lastActivity.getTime()) / DAY_MS)) : null;
  const warnings: string[] = [];
  if (!finished) {
    if (completed < expectedByNow) {
      const ended = Math.max(...timeline.milestones.filter((m) => m.toWeek < currentWeek).map((m) => m.toWeek));
      warnings.push(
        `Behind the milestones: ${count(expectedByNow, "module")} ${nounFor(expectedByNow, "was", "were")} due by the end of week ${ended}, ${completed} completed.`,
      );
    }
    if (projectedWeek !== null && projectedWeek > timeline.maxWeeks) {
      warnings.push(
        `At this pace the last module is done in week ${projectedWeek} (${dayKey(projectedFinish!, zone)}), after the ${timeline.maxWeeks}-week plan.`,
      );
    } else if (projectedWeek === null && currentWeek > timeline.maxWeeks) {
      warnings.push(`Week ${currentWeek} of a ${timeline.maxWeeks}-week plan with no module completed yet.`);
    }
    if (idleDays !== null && idleDays >= 14) warnings.push(`No activity for ${idleDays} days.`);
  }
  return {
    state: finished ? "finished" : rate < target.min ? "below" : rate > target.max ? "above" : "within",
    currentWeek,
    weeksElapsed: round2(weeksElapsed),
    completed,
    total: totalModules,
    modulesPerWeek: round2(rate),
    target,
    expectedByNow,
    projectedFinish,
    projectedWeek,
    plannedFinish: { earliest: weekStart(start, timeline.minWeeks + 1, zone), latest: weekStart(start, timeline.maxWeeks + 1, zone) },
    idleDays,
    behind: warnings.length > 0,
    warnings,
    milestones,
  };
}

export type ProgressSeries = {
  /** The chart's weeks: 0 (the start) to the plan's last week, or to today when that is later. */
  weeks: number[];
  /** Modules completed and exercises finished by the end of each week that has begun: it stops at the current week. */
  actual: { week: number; modules: number; exercises: number }[];
  /** Modules the milestones plan by the end of each week, from the start to the plan's last week. */
  planned: { week: number; modules: number }[];
};

/** Cumulative progress week by week (week 0 is the start), and the milestone plan as its own series; empty before the start. */
export function progressSeries(timeline: ProgramMeta["timeline"], facts: ProgressFacts, p: Pace): ProgressSeries {
  if (!facts.start || p.currentWeek === null) return { weeks: [], actual: [], planned: [] };
  const start = facts.start;
  const upTo = (week: number, items: { at: Date }[]) => {
    const end = weekStart(start, week + 1, facts.zone);
    return items.filter((item) => item.at < end).length;
  };
  const weeksUpTo = (last: number) => Array.from({ length: last + 1 }, (_, week) => week);
  return {
    weeks: weeksUpTo(Math.max(timeline.maxWeeks, p.currentWeek)),
    actual: weeksUpTo(p.currentWeek).map((week) => ({
      week,
      modules: upTo(week, facts.completions),
      exercises: upTo(week, facts.exercisesFinished),
    })),
    planned: weeksUpTo(timeline.maxWeeks).map((week) => ({
      week,
      modules: new Set(timeline.milestones.filter((m) => m.toWeek <= week).flatMap((m) => m.modules)).size,
    })),
  };
}
