import { Link } from "@/components/ui/link";
import { DataTable } from "@/components/ui/data-table";
import type { Program } from "@/lib/content";
import { formatDuration } from "@/lib/progress/calendar";
import type { TimeTotals } from "@/lib/time/aggregate";

/** Time per module and in total, against the program's hours. */
export function TimeSummary({ program, totals, timeHref }: { program: Program; totals: TimeTotals; timeHref?: string }) {
  const { hours } = program.meta.successMetrics;
  return (
    <div className="grid gap-2">
      <p>
        <strong>{totals.totalSeconds === 0 ? "No time recorded yet" : `${formatDuration(totals.totalSeconds)} in total`}</strong>
        <span className="text-muted"> · the program plans {hours.min}–{hours.max} h</span>
        {timeHref ? (
          <>
            {" · "}
            <Link href={timeHref} className="underline">
              Time entries: add, correct, per week
            </Link>
          </>
        ) : null}
      </p>
      <DataTable
        label="Time per module"
        headers={["Module", "Time", "Planned"]}
        rowHeaders
        rows={program.modules.map((m) => ({
          key: String(m.meta.number),
          cells: [`${m.meta.number}. ${m.meta.title}`, totals.byModule.get(m.meta.number) ? formatDuration(totals.byModule.get(m.meta.number)!) : "—", `${m.meta.hours.min}–${m.meta.hours.max} h`],
        }))}
      />
    </div>
  );
}
