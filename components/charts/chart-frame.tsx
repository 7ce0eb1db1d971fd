import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { type Marker, markerPaint, seriesMarker, STROKE, type Tone } from "./drawing";
import { svg } from "./svg";

export type ChartTable = { headers: string[]; rows: { key: string; cells: ReactNode[] }[] };

/** A chart with its caption, a one-line reading of it, a legend, and the same numbers as a table. */
export function ChartFrame({
  id,
  title,
  summary,
  legend,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  legend?: ReactNode;
  table: ChartTable;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 card p-3">
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      <p className="mb-2 text-sm text-muted">{summary}</p>
      {children}
      {legend ? <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">{legend}</div> : null}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent underline">Show as a table</summary>
        <div className="mt-2">
          <DataTable label={`${title} as a table`} headers={table.headers} rows={table.rows} rowHeaders />
        </div>
      </details>
    </figure>
  );
}

/** A legend entry whose sample matches the series in the chart: its dash and its marker, not colour alone. */
export function LegendItem({ label, dashed, tone = "accent", marker }: { label: string; dashed?: boolean; tone?: Tone; marker?: Marker }) {
  const sample = svg(
    "svg",
    { width: 28, height: 10, "aria-hidden": "true" },
    svg("line", { x1: 0, y1: 5, x2: 28, y2: 5, class: STROKE[tone], "stroke-width": 2.5, "stroke-dasharray": dashed ? "5 4" : undefined }),
    marker ? svg("g", markerPaint(marker, tone), seriesMarker(marker, 14, 5, 3.5)) : "",
  );
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="contents" dangerouslySetInnerHTML={{ __html: sample }} />
      {label}
    </span>
  );
}

/** A chart with nothing to draw yet: its title and one line saying what will fill it, instead of empty axes. */
export function EmptyChart({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 self-start card p-3">
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      <p className="text-sm text-muted">{children}</p>
    </figure>
  );
}
