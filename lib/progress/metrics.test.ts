import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../content/loader";
import { pace, playbookAdditions, type ProgressFacts, progressSeries, successMetrics } from "./metrics";

const program = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;
const { timeline, successMetrics: targets } = program.meta;
const additions = playbookAdditions(program.modules);
const START = new Date("2026-01-05T00:00:00Z");
const day = (n: number) => new Date(START.getTime() + n * 86_400_000);

function facts(over: Partial<ProgressFacts>): ProgressFacts {
  return {
    now: day(0),
    zone: "UTC",
    start: START,
    completions: [],
    exercisesFinished: [],
    patterns: 0,
    playbookEntries: 0,
    totalSeconds: 0,
    lastActivity: START,
    ...over,
  };
}
const completed = (...days: number[]) => days.map((d, i) => ({ moduleNumber: i + 1, at: day(d) }));

describe("success metrics", () => {
  it("shows every target at zero when nothing is done", () => {
    const metrics = successMetrics(targets, additions, facts({ start: null, lastActivity: null }));
    expect(metrics.map((m) => [m.key, m.percent, m.text])).toEqual([
      ["modules", 0, "0 of 8 completed"],
      ["exercises", 0, "0 of 36 finished"],
      ["patterns", 0, "0 of 30+ documented"],
      ["playbook", 0, "0 of 30 entries"],
      ["hours", 0, "0 h of 45–55 h"],
    ]);
    expect(metrics.every((m) => !m.met)).toBe(true);
  });

  it("caps bars at 100% and marks the targets met", () => {
    const exercises = Array.from({ length: 40 }, (_, i) => ({ key: `e${i}`, at: day(1) }));
    const metrics = successMetrics(
      targets,
      additions,
      facts({
        completions: completed(1, 2, 3, 4, 5, 6, 7, 8),
        exercisesFinished: exercises,
        patterns: 31,
        playbookEntries: 30,
        totalSeconds: 50 * 3600,
      }),
    );
    expect(metrics.map((m) => [m.key, m.percent, m.met])).toEqual([
      ["modules", 100, true],
      ["exercises", 100, true],
      ["patterns", 100, true],
      ["playbook", 100, true],
      ["hours", 100, true],
    ]);
    expect(metrics.find((m) => m.key === "hours")!.text).toBe("50 h 00 min of 45–55 h");
    expect(metrics.find((m) => m.key === "playbook")!.text).toBe("30 of 30 entries");
  });
});

describe("pace and projection", () => {
  it("has no pace, projection or warning before the learner starts", () => {
    const p = pace(timeline, 8, facts({ start: null, lastActivity: null, now: day(30) }));
    expect(p).toMatchObject({
      state: "not-started",
      currentWeek: null,
      modulesPerWeek: null,
      projectedFinish: null,
      behind: false,
      warnings: [],
    });
    expect(p.milestones.map((m) => m.state)).toEqual(["upcoming", "upcoming", "upcoming", "upcoming"]);
  });

  it("gives no projection while nothing is completed, and warns once the first milestone has passed", () => {
    expect(pace(timeline, 8, facts({ now: day(10) }))).toMatchObject({
      currentWeek: 2,
      modulesPerWeek: 0,
      projectedFinish: null,
      behind: false,
      state: "below",
    });
    const late = pace(timeline, 8, facts({ now: day(15), lastActivity: day(14) }));
    expect(late).toMatchObject({ currentWeek: 3, expectedByNow: 1, behind: true });
    expect(late.warnings).toEqual(["Behind the milestones: 1 module was due by the end of week 2, 0 completed."]);
    expect(late.milestones[0]!.state).toBe("overdue");
  });

  it("projects the finish from the actual pace, counting at least a week", () => {
    const p = pace(timeline, 8, facts({ now: day(14), completions: completed(3, 6, 10, 13), lastActivity: day(13) }));
    expect(p).toMatchObject({ currentWeek: 3, modulesPerWeek: 2, state: "within", behind: false, warnings: [] });
    expect(p.projectedFinish!.toISOString()).toBe(day(28).toISOString());
    expect(p.projectedWeek).toBe(5);
    const early = pace(timeline, 8, facts({ now: day(2), completions: completed(1) }));
    expect(early.modulesPerWeek).toBe(1);
    expect(early.projectedWeek).toBe(8);
  });

  it("reports the finish date when every module is done, with no warnings", () => {
    const p = pace(timeline, 8, facts({ now: day(80), completions: completed(5, 12, 18, 25, 33, 40, 47, 52), lastActivity: day(52) }));
    expect(p).toMatchObject({ state: "finished", behind: false, warnings: [], projectedWeek: 8 });
    expect(p.projectedFinish!.toISOString()).toBe(day(52).toISOString());
    expect(p.milestones.map((m) => m.state)).toEqual(["done", "done", "done", "done"]);
  });

  it("marks a milestone done late when its last module came after its weeks", () => {
    const p = pace(timeline, 8, facts({ now: day(20), completions: [{ moduleNumber: 1, at: day(16) }] }));
    expect(p.milestones[0]!.state).toBe("late");
  });

  it("after a long pause, stretches the projection past the plan and says how long it has been quiet", () => {
    const p = pace(timeline, 8, facts({ now: day(70), completions: completed(3, 6), lastActivity: day(6) }));
    expect(p.currentWeek).toBe(11);
    expect(p.modulesPerWeek).toBe(0.2);
    expect(p.projectedWeek).toBe(41);
    expect(p.behind).toBe(true);
    expect(p.warnings).toEqual([
      "Behind the milestones: 8 modules were due by the end of week 8, 2 completed.",
      `At this pace the last module is done in week 41 (${day(280).toISOString().slice(0, 10)}), after the 8-week plan.`,
      "No activity for 64 days.",
    ]);
  });
});

describe("playbook target", () => {
  it("is the entries the modules ask for, so three entries fill a tenth of the bar, not all of it", () => {
    expect(additions).toBe(program.modules.reduce((sum, m) => sum + m.meta.playbook.length, 0));
    const playbook = successMetrics(targets, additions, facts({ playbookEntries: 3 })).find((m) => m.key === "playbook")!;
    expect([playbook.percent, playbook.met, playbook.text]).toEqual([10, false, "3 of 30 entries"]);
    const optional = successMetrics({ ...targets, playbook: false }, 8, facts({ playbookEntries: 1 })).find((m) => m.key === "playbook")!;
    expect(optional.text).toBe("1 of 8 entries (optional in this program)");
  });
});

describe("cumulative progress", () => {
  const worked = facts({
    now: day(16),
    completions: completed(3, 9),
    exercisesFinished: [
      { key: "1:a", at: day(1) },
      { key: "1:b", at: day(8) },
    ],
  });

  it("ends the actual series at the current week and runs the plan to the end of the program", () => {
    const series = progressSeries(timeline, worked, pace(timeline, 8, worked));
    expect(series.weeks).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(series.actual).toEqual([
      { week: 0, modules: 0, exercises: 0 },
      { week: 1, modules: 1, exercises: 1 },
      { week: 2, modules: 2, exercises: 2 },
      { week: 3, modules: 2, exercises: 2 },
    ]);
    expect(series.planned.map((p) => p.modules)).toEqual([0, 0, 1, 1, 4, 4, 6, 6, 8]);
  });

  it("stretches the weeks past the plan when today is later, with the plan still ending at its last week", () => {
    const late = facts({ now: day(75), completions: completed(3) });
    const series = progressSeries(timeline, late, pace(timeline, 8, late));
    expect(series.actual.at(-1)).toEqual({ week: 11, modules: 1, exercises: 0 });
    expect(series.weeks.at(-1)).toBe(11);
    expect(series.planned.at(-1)).toEqual({ week: 8, modules: 8 });
  });

  it("is empty before the learner starts", () => {
    const none = facts({ start: null });
    expect(progressSeries(timeline, none, pace(timeline, 8, none))).toEqual({ weeks: [], actual: [], planned: [] });
  });
});
