import {
  type ChartSize,
  chartSvg,
  FILL,
  MARKER_SIZE,
  type Marker,
  markerPaint,
  seriesMarker,
  STROKE,
  svgUnit,
  textWidth,
  ticks,
  type Tone,
  yGrid,
} from "./chart-frame";
import { svg, svgText } from "./svg";

/**
 * One line: `values[i]` belongs to `xs[i]`, and a series may stop early (an actual series ends at
 * today while the plan runs on). `label` is written at the line's end, so no one needs the legend
 * to tell the lines apart.
 */
export type LineSeries = { name: string; label: string; values: number[]; tone: Tone; dashed?: boolean; marker?: Marker; width?: number };

/** End labels sorted top to bottom and moved apart until none overlaps the one above it. */
function spreadLabels<T extends { y: number }>(labels: T[], gap: number): T[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) {
    const above = sorted[i - 1]!;
    if (sorted[i]!.y - above.y < gap) sorted[i] = { ...sorted[i]!, y: above.y + gap };
  }
  return sorted;
}

/** Lines over a numbered x axis (e.g. program weeks), each with its own dash and marker and a label at its end, in theme colours: SVG markup. */
export function lineChart({
  id,
  size,
  label,
  xs,
  xLabel,
  series,
  now,
}: {
  id: string;
  size: ChartSize;
  label: string;
  xs: number[];
  xLabel: (x: number) => string;
  series: LineSeries[];
  /** The index in `xs` of today, marked with a vertical line. */
  now?: number;
}): string {
  const { width: W, height: H, font: FONT } = size;
  const last = xs.length - 1;
  const endsAtRight = series.filter((s) => s.values.length - 1 >= last);
  const M = { left: 40, right: 12 + Math.max(0, ...endsAtRight.map((s) => textWidth(s.label, FONT) + 8)), top: 18, bottom: 34 };
  const top = ticks(Math.max(...series.flatMap((s) => s.values)));
  const yTop = top.at(-1)!;
  const x = (i: number) => svgUnit(M.left + (last <= 0 ? 0 : (i / last) * (W - M.left - M.right)));
  const y = (v: number) => svgUnit(H - M.bottom - (v / yTop) * (H - M.top - M.bottom));
  const every = Math.max(1, Math.ceil((xs.length * FONT * 3) / (W - M.left - M.right)));
  const ends = spreadLabels(
    series
      .filter((s) => s.values.length > 0)
      .map((s) => {
        const i = s.values.length - 1;
        const inside = i < last || x(i) + 8 + textWidth(s.label, FONT) <= W;
        return {
          name: s.name,
          label: s.label,
          tone: s.tone,
          x: inside ? x(i) + 8 : x(i) - 8,
          anchor: inside ? ("start" as const) : ("end" as const),
          y: svgUnit(y(s.values[i]!) + FONT / 3),
        };
      }),
    FONT + 2,
  );
  return chartSvg(
    id,
    size,
    label,
    yGrid(top, y, M.left, W - M.right, FONT),
    svg(
      "g",
      { class: "fill-muted", "text-anchor": "middle" },
      ...xs.map((value, i) =>
        i % every === 0 || i === last ? svg("text", { x: x(i), y: H - M.bottom + 18 }, svgText(xLabel(value))) : "",
      ),
    ),
    now !== undefined && now < last
      ? svg(
          "g",
          {},
          svg("line", {
            x1: x(now),
            x2: x(now),
            y1: M.top,
            y2: H - M.bottom,
            class: "stroke-muted",
            "stroke-width": 1,
            "stroke-dasharray": "2 3",
          }),
          svg("text", { x: x(now), y: M.top - 5, "text-anchor": "middle", class: "fill-muted", "font-size": FONT - 2 }, "now"),
        )
      : "",
    ...series.map((s) =>
      svg(
        "g",
        {},
        svg("polyline", {
          points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(" "),
          fill: "none",
          class: STROKE[s.tone],
          "stroke-width": s.width ?? 2.5,
          "stroke-linejoin": "round",
          "stroke-dasharray": s.dashed ? "7 5" : undefined,
        }),
        s.marker
          ? svg("g", markerPaint(s.marker, s.tone), ...s.values.map((v, i) => seriesMarker(s.marker!, x(i), y(v), MARKER_SIZE)))
          : "",
      ),
    ),
    ...ends.map((end) => {
      const width = textWidth(end.label, FONT) + 6;
      return svg(
        "g",
        {},
        svg("rect", {
          x: svgUnit(end.anchor === "start" ? end.x - 3 : end.x - width + 3),
          y: svgUnit(end.y - FONT + 1),
          width,
          height: FONT + 3,
          rx: 2,
          class: "fill-surface",
          opacity: 0.9,
        }),
        svg("text", { x: end.x, y: end.y, "text-anchor": end.anchor, class: `${FILL[end.tone]} font-medium` }, svgText(end.label)),
      );
    }),
  );
}
