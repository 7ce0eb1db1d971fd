import { Link } from "@/components/ui/link";
import { barChart } from "@/components/charts/bar-chart";
import { AtTwoSizes, ChartFrame, EmptyChart, LegendItem } from "@/components/charts/chart-frame";
import { lineChart } from "@/components/charts/line-chart";
import { RubricTable } from "@/components/progress/rubric-table";
import { hoursOf } from "@/lib/progress/calendar";
import { progressSeries } from "@/lib/progress/metrics";
import type { LearnerSnapshot } from "@/lib/progress/snapshot";
import { count } from "@/lib/ui/plural";

function CumulativeProgress({ snapshot }: { snapshot: LearnerSnapshot }) {
  const { program, pace, facts } = snapshot;
  const { weeks, actual, planned } = progressSeries(program.meta.timeline, facts, pace);
  const title = "Cumulative progress";
  if (weeks.length === 0)
    return (
      <EmptyChart id="chart-progress" title={title}>
        Starts when work on the first module begins.
      </EmptyChart>
    );
  const today = actual.at(-1)!;
  const plan = (week: number) => planned.find((p) => p.week === week)?.modules;
  const atWeek = (week: number) => actual.find((a) => a.week === week);
  return (
    <ChartFrame
      id="chart-progress"
      title={title}
      summary={`${today.modules} of ${count(pace.total, "module")} and ${count(today.exercises, "exercise")} by week ${pace.currentWeek}; the dashed line is the milestone plan to week ${program.meta.timeline.maxWeeks}.`}
      legend={
        <>
          <LegendItem label="Modules completed" marker="circle" />
          <LegendItem label="Exercises finished" tone="success" marker="square" />
          <LegendItem label="Modules planned by the milestones" dashed tone="muted" />
        </>
      }
      table={{
        headers: ["Week", "Modules completed", "Exercises finished", "Modules planned"],
        rows: weeks.map((week) => ({
          key: String(week),
          cells: [week === 0 ? "Start" : `Week ${week}`, atWeek(week)?.modules ?? "—", atWeek(week)?.exercises ?? "—", plan(week) ?? "—"],
        })),
      }}
    >
      <AtTwoSizes
        draw={(size) =>
          lineChart({
            id: "chart-progress",
            size,
            label:
              "Modules completed and exercises finished at the end of each week so far, and the modules the milestones plan to the end of the program.",
            xs: weeks,
            xLabel: (w) => (w === 0 ? "start" : `w${w}`),
            now: pace.currentWeek!,
            series: [
              {
                name: "planned",
                label: `plan ${planned.at(-1)!.modules}`,
                values: planned.map((p) => p.modules),
                tone: "muted",
                dashed: true,
              },
              {
                name: "modules",
                label: `modules ${today.modules}`,
                values: actual.map((a) => a.modules),
                tone: "accent",
                marker: "circle",
                width: 3.5,
              },
              {
                name: "exercises",
                label: `exercises ${today.exercises}`,
                values: actual.map((a) => a.exercises),
                tone: "success",
                marker: "square",
                width: 2,
              },
            ],
          })
        }
      />
    </ChartFrame>
  );
}

function HoursPerWeek({ snapshot }: { snapshot: LearnerSnapshot }) {
  const { program, pace, time } = snapshot;
  const { timeline, successMetrics } = program.meta;
  const title = "Hours per week";
  if (time.totals.totalSeconds === 0)
    return (
      <EmptyChart id="chart-hours" title={title}>
        No hours recorded yet: start a timer on a packet or{" "}
        <Link href="/time" className="text-accent underline">
          add time
        </Link>
        .
      </EmptyChart>
    );
  const weeks = Math.max(time.totals.byWeek.length, pace.currentWeek ?? 0);
  const hours = Array.from({ length: weeks }, (_, i) => hoursOf(time.totals.byWeek[i] ?? 0));
  const weekly = Math.round((successMetrics.hours.min / timeline.maxWeeks) * 10) / 10;
  return (
    <ChartFrame
      id="chart-hours"
      title={title}
      summary={`${hoursOf(time.totals.totalSeconds)} h in ${count(weeks, "week")}; about ${weekly} h a week reaches ${successMetrics.hours.min} h in ${count(timeline.maxWeeks, "week")}.`}
      table={{ headers: ["Week", "Hours"], rows: hours.map((h, i) => ({ key: String(i), cells: [`Week ${i + 1}`, h] })) }}
    >
      <AtTwoSizes
        draw={(size) =>
          barChart({
            id: "chart-hours",
            size,
            label: "Hours recorded in each program week, with the weekly hours the plan needs.",
            bars: hours.map((h, i) => ({ label: `w${i + 1}`, value: h })),
            reference: { value: weekly, label: `${weekly} h/week` },
          })
        }
      />
    </ChartFrame>
  );
}

/** Cumulative progress against the plan, hours per week, and the latest rubric scores as a module × dimension table. */
export function ProgressCharts({ snapshot }: { snapshot: LearnerSnapshot }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CumulativeProgress snapshot={snapshot} />
      <HoursPerWeek snapshot={snapshot} />
      <div className="min-w-0 lg:col-span-2">
        <RubricTable standings={snapshot.standings} threshold={snapshot.program.meta.rubric.passThreshold} />
      </div>
    </div>
  );
}
