import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { dayKey } from "@/lib/time/zone";
import type { MilestoneState, Pace } from "@/lib/progress/metrics";
import { count } from "@/lib/ui/plural";

const MILESTONE: Record<MilestoneState, { text: string; tone: "success" | "warning" | "danger" | "accent" | "neutral" }> = {
  done: { text: "Done", tone: "success" },
  late: { text: "Done late", tone: "warning" },
  current: { text: "This stage", tone: "accent" },
  upcoming: { text: "Upcoming", tone: "neutral" },
  overdue: { text: "Overdue", tone: "danger" },
};

function paceSentence(pace: Pace, zone: string): string {
  const target = `${pace.target.min}–${pace.target.max} a week`;
  if (pace.state === "not-started") return `Not started yet. At ${target}, the ${count(pace.total, "module")} take the planned weeks.`;
  if (pace.state === "finished")
    return `All ${count(pace.total, "module")} completed, the last on ${dayKey(pace.projectedFinish!, zone)} (week ${pace.projectedWeek}).`;
  const projection = pace.projectedFinish
    ? `At this pace the last module is done on ${dayKey(pace.projectedFinish, zone)} (week ${pace.projectedWeek}).`
    : "No projection until the first module is completed.";
  return `Week ${pace.currentWeek}: ${pace.completed} of ${count(pace.total, "module")}, ${pace.modulesPerWeek} a week against the suggested ${target}. ${projection}`;
}

/** Pace against the program's suggested rate and its week-by-week milestones, with the warnings; days in the learner's zone. */
export function PacePanel({ pace, zone }: { pace: Pace; zone: string }) {
  return (
    <div className="grid gap-3">
      <p className="card p-4">
        {paceSentence(pace, zone)}
        {pace.plannedFinish ? (
          <span className="block text-sm text-muted">
            The plan ends between {dayKey(pace.plannedFinish.earliest, zone)} and {dayKey(pace.plannedFinish.latest, zone)}.
          </span>
        ) : null}
      </p>
      {pace.behind ? (
        <div role="status" aria-label="Behind schedule" className="rounded-lg border border-warning bg-warning-soft p-4">
          <p className="font-semibold">Behind schedule</p>
          <ul className="list-disc pl-5 text-sm">
            {pace.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="table-stack">
        <DataTable
          label="Milestones"
          headers={["Weeks", "Milestone", "Modules", "Due", "State"]}
          rowHeaders
          rows={pace.milestones.map((m) => ({
            key: `${m.fromWeek}-${m.toWeek}`,
            cells: [
              `${m.fromWeek}–${m.toWeek}`,
              m.label,
              `${m.completed.length} of ${m.modules.length} (${m.modules.join(", ")})`,
              m.due ? dayKey(m.due, zone) : "—",
              <Badge key="state" tone={MILESTONE[m.state].tone}>
                {MILESTONE[m.state].text}
              </Badge>,
            ],
          }))}
        />
      </div>
    </div>
  );
}
