import type { Progress } from "@/lib/execplans/task-table";

/** Percent of tasks completed by phase, from the plan's Detailed Phase Task Steps table. */
export function PlanProgress({ progress, label }: { progress: Progress; label: string }) {
  if (progress.total === 0) return <p className="text-sm text-muted">The task table has no tasks yet.</p>;
  const rows = [...progress.phases, { phase: "All tasks", done: progress.done, total: progress.total, percent: progress.percent }];
  return (
    <ul aria-label={label} className="space-y-2 text-sm">
      {rows.map((row, i) => (
        <li
          key={row.phase}
          className={`grid grid-cols-[minmax(4rem,8rem)_1fr_auto] items-center gap-2 ${i === rows.length - 1 ? "border-t border-line pt-2 font-medium" : ""}`}
        >
          <span className="truncate" title={row.phase}>
            {row.phase}
          </span>
          <progress
            className="h-2 w-full accent-accent"
            max={100}
            value={row.percent}
            aria-label={`${row.phase}: ${row.done} of ${row.total} tasks completed`}
          />
          <span className="tabular-nums">
            {row.done}/{row.total} · {row.percent}%
          </span>
        </li>
      ))}
    </ul>
  );
}
