import { BarChart } from "@/components/charts/bar-chart";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { LineChart } from "@/components/charts/line-chart";
import { hoursOf } from "@/lib/progress/calendar";
import { chartWeeks, cumulativeByWeek } from "@/lib/progress/metrics";
import type { LearnerSnapshot } from "@/lib/progress/snapshot";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS, DIMENSIONS } from "@/lib/rubric/rubric";

/** Cumulative progress against the plan, hours per week, and rubric scores per dimension across modules. */
export function ProgressCharts({ snapshot }: { snapshot: LearnerSnapshot }) {
  const { program, pace, facts, standings } = snapshot;
  const { timeline, successMetrics } = program.meta;
  const points = cumulativeByWeek(timeline, facts, chartWeeks(timeline, pace));
  const weeks = Math.max(snapshot.time.totals.byWeek.length, pace.currentWeek ?? 0);
  const hours = Array.from({ length: weeks }, (_, i) => hoursOf(snapshot.time.totals.byWeek[i] ?? 0));
  const weekly = Math.round((successMetrics.hours.min / timeline.maxWeeks) * 10) / 10;
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const scored = standings.filter((s) => s.latest);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFrame
        id="chart-progress"
        title="Cumulative progress"
        summary={points.length > 0 ? `${pace.completed} of ${pace.total} modules and ${facts.exercisesFinished.length} exercises by week ${pace.currentWeek}; the dashed line is the milestone plan.` : "Starts with your first module."}
        legend={
          <>
            <LegendItem label="Modules completed" />
            <LegendItem label="Exercises finished" tone="success" />
            <LegendItem label="Modules planned by the milestones" dashed tone="muted" />
          </>
        }
        table={{
          headers: ["Week", "Modules completed", "Exercises finished", "Modules planned"],
          rows: points.map((p) => ({ key: String(p.week), cells: [p.week === 0 ? "Start" : `Week ${p.week}`, p.modules, p.exercises, p.planned] })),
        }}
      >
        {points.length > 0 ? (
          <LineChart
            id="chart-progress"
            label="Modules completed, exercises finished and modules planned, at the end of each week."
            xs={points.map((p) => p.week)}
            xLabel={(w) => (w === 0 ? "start" : `w${w}`)}
            series={[
              { name: "planned", values: points.map((p) => p.planned), dashed: true, tone: "muted" },
              { name: "exercises", values: points.map((p) => p.exercises), tone: "success" },
              { name: "modules", values: points.map((p) => p.modules) },
            ]}
          />
        ) : (
          <p className="text-sm text-muted">No data yet.</p>
        )}
      </ChartFrame>
      <ChartFrame
        id="chart-hours"
        title="Hours per week"
        summary={weeks > 0 ? `${hoursOf(snapshot.time.totals.totalSeconds)} h in ${weeks} week(s); about ${weekly} h a week reaches ${successMetrics.hours.min} h in ${timeline.maxWeeks} weeks.` : "Starts with your first timed or added hour."}
        table={{ headers: ["Week", "Hours"], rows: hours.map((h, i) => ({ key: String(i), cells: [`Week ${i + 1}`, h] })) }}
      >
        {weeks > 0 ? (
          <BarChart
            id="chart-hours"
            label="Hours recorded in each program week, with the weekly hours the plan needs."
            bars={hours.map((h, i) => ({ label: `w${i + 1}`, value: h }))}
            reference={{ value: weekly, label: `${weekly} h/week` }}
          />
        ) : (
          <p className="text-sm text-muted">No data yet.</p>
        )}
      </ChartFrame>
      <div className="lg:col-span-2">
        <ChartFrame
          id="chart-scores"
          title="Rubric scores per dimension across modules"
          summary={scored.length > 0 ? `Latest review scores of ${scored.length} module(s); the dashed line is the minimum of ${threshold.minEach}.` : "Appears with the first review."}
          table={{
            headers: ["Dimension", ...program.modules.map((m) => `Module ${m.meta.number}`)],
            rows: DIMENSIONS.map((d) => ({ key: d, cells: [DIMENSION_LABELS[d], ...standings.map((s) => (s.latest ? s.latest.scores[d] : "—"))] })),
          }}
        >
          {scored.length > 0 ? (
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {DIMENSIONS.map((d) => (
                <div key={d}>
                  <p id={`chart-scores-${d}-title`} className="text-sm font-medium">
                    {DIMENSION_LABELS[d]}
                  </p>
                  <BarChart
                    id={`chart-scores-${d}`}
                    labelledBy={`chart-scores-${d}-title`}
                    label={`${DIMENSION_LABELS[d]}: the latest score of each module, 1 to 5.`}
                    width={340}
                    height={180}
                    yMax={5}
                    bars={standings.map((s) => ({ label: `M${s.number}`, value: s.latest?.scores[d] ?? 0, display: s.latest ? String(s.latest.scores[d]) : "–" }))}
                    reference={{ value: threshold.minEach, label: `min ${threshold.minEach}` }}
                  />
                </div>
              ))}
            </div>
          ) : (
            <p className="text-sm text-muted">No data yet.</p>
          )}
        </ChartFrame>
      </div>
    </div>
  );
}
