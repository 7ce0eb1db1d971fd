// A chart's drawing as SVG markup, from its numbers: the sizes it is drawn at, the frame every
// chart shares (its box, caption link, grid and markers) and the theme colours its parts take.
// Pure functions, used on the server and in the browser alike (chart-picture.tsx).
import { svg, svgText } from "./svg";

/** A chart's drawing box and font size, in SVG units; the SVG scales to its container's width. */
export type ChartSize = { width: number; height: number; font: number };
export const NARROW: ChartSize = { width: 340, height: 230, font: 12 };
export const WIDE: ChartSize = { width: 560, height: 260, font: 14 };

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
 * once on a group: the page's HTML carries the drawing at two sizes, so every repeated attribute
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
