import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";

export type ChartTable = { headers: string[]; rows: { key: string; cells: ReactNode[] }[] };

/** A chart with its caption, a one-line reading of it, a legend, and the same numbers as a table. */
export function ChartFrame({ id, title, summary, legend, table, children }: { id: string; title: string; summary: string; legend?: ReactNode; table: ChartTable; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 rounded-lg border border-line bg-surface p-3">
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

/** A legend entry whose line sample matches the series in the chart (solid or dashed, not colour alone). */
export function LegendItem({ label, dashed, tone = "accent" }: { label: string; dashed?: boolean; tone?: "accent" | "muted" | "success" }) {
  const stroke = { accent: "stroke-accent", muted: "stroke-muted", success: "stroke-success" }[tone];
  return (
    <span className="inline-flex items-center gap-1.5">
      <svg width="28" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="28" y2="4" className={stroke} strokeWidth="2.5" strokeDasharray={dashed ? "5 4" : undefined} />
      </svg>
      {label}
    </span>
  );
}

/** Up to about six round tick values from 0 to at least `max`. */
export function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const raw = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100) / 100);
}

/** Horizontal grid lines with their values on the left, for a chart of the given plot box. */
export function YGrid({ values, y, left, right }: { values: number[]; y: (v: number) => number; left: number; right: number }) {
  return values.map((t) => (
    <g key={t}>
      <line x1={left} x2={right} y1={y(t)} y2={y(t)} className="stroke-line" strokeWidth="1" />
      <text x={left - 6} y={y(t) + 4} textAnchor="end" className="fill-muted text-[13px]">
        {t}
      </text>
    </g>
  ));
}
