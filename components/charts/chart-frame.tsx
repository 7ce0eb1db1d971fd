import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { svg, svgText } from "./svg";

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

/** A chart's drawing box and font size, in SVG units; the SVG scales to its container's width. */
export type ChartSize = { width: number; height: number; font: number };
const NARROW: ChartSize = { width: 340, height: 230, font: 12 };
const WIDE: ChartSize = { width: 560, height: 260, font: 14 };

/**
 * A chart drawn for a phone and for wider screens, one of them shown by CSS, so that its text
 * stays legible at both sizes instead of shrinking with the drawing. `draw` gives the SVG markup
 * at a size (chartSvg).
 */
export function AtTwoSizes({ draw }: { draw: (size: ChartSize) => string }) {
  return (
    <>
      <div className="sm:hidden" dangerouslySetInnerHTML={{ __html: draw(NARROW) }} />
      <div className="hidden sm:block" dangerouslySetInnerHTML={{ __html: draw(WIDE) }} />
    </>
  );
}

export type Tone = "accent" | "muted" | "success";
export type Marker = "circle" | "square";
export const MARKER_SIZE = 4;
export const FILL: Record<Tone, string> = { accent: "fill-accent", muted: "fill-muted", success: "fill-success" };
export const STROKE: Record<Tone, string> = { accent: "stroke-accent", muted: "stroke-muted", success: "stroke-success" };

/** A coordinate to a tenth of an SVG unit: finer than any screen shows, and short to send. */
export const svgUnit = (n: number): number => Math.round(n * 10) / 10;

/** About how wide a label of `text` is at `font`, in SVG units: room to leave for it beside a chart. */
export function textWidth(text: string, font: number): number {
  return svgUnit(text.length * font * 0.58);
}

/**
 * A chart's drawing at one size: the SVG, named by the figure's caption and described by `label`.
 * Its text takes the size's font from here, and the parts of a chart set their colour and anchor
 * once on a group: the drawing is sent twice (as HTML and for React), so every repeated attribute
 * costs twice.
 */
export function chartSvg(id: string, size: ChartSize, label: string, ...parts: string[]): string {
  return svg(
    "svg",
    {
      viewBox: `0 0 ${size.width} ${size.height}`,
      "font-size": size.font,
      class: "h-auto w-full",
      role: "img",
      "aria-labelledby": `${id}-caption`,
      "aria-describedby": `${id}-desc-${size.width}`,
    },
    svg("desc", { id: `${id}-desc-${size.width}` }, svgText(label)),
    ...parts,
  );
}

/** How a series' markers are painted, as the attributes of the group that holds them. */
export const markerPaint = (shape: Marker, tone: Tone) =>
  shape === "circle" ? { class: FILL[tone] } : { class: `${FILL[tone]} stroke-surface`, "stroke-width": 1 };

/** A point of a series: a dot or a square, so two series differ in shape as well as colour; painted by its group (markerPaint). */
export function seriesMarker(shape: Marker, cx: number, cy: number, size: number): string {
  return shape === "circle"
    ? svg("circle", { cx, cy, r: size })
    : svg("rect", { x: svgUnit(cx - size), y: svgUnit(cy - size), width: size * 2, height: size * 2 });
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
export function yGrid(values: number[], y: (v: number) => number, left: number, right: number, fontSize: number): string {
  return (
    svg("g", { class: "stroke-line", "stroke-width": 1 }, ...values.map((t) => svg("line", { x1: left, x2: right, y1: y(t), y2: y(t) }))) +
    svg(
      "g",
      { class: "fill-muted", "text-anchor": "end" },
      ...values.map((t) => svg("text", { x: left - 6, y: svgUnit(y(t) + fontSize / 3) }, svgText(t))),
    )
  );
}
