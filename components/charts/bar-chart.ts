import { type ChartSize, chartSvg, svgUnit, textWidth, ticks, yGrid } from "./chart-frame";
import { svg, svgText } from "./svg";

type Bar = { label: string; value: number };

/** Vertical bars with their values, and a dashed reference line (a target) labelled at its end: SVG markup. */
export function barChart({
  id,
  size,
  label,
  bars,
  reference,
}: {
  id: string;
  size: ChartSize;
  label: string;
  bars: Bar[];
  reference: { value: number; label: string };
}): string {
  const { width: W, height: H, font: FONT } = size;
  const M = { left: 40, right: 12 + textWidth(reference.label, FONT), top: 18, bottom: 34 };
  const top = ticks(Math.max(reference.value, ...bars.map((b) => b.value)));
  const yTop = top.at(-1)!;
  const y = (v: number) => svgUnit(H - M.bottom - (v / yTop) * (H - M.top - M.bottom));
  const slot = (W - M.left - M.right) / Math.max(1, bars.length);
  const barWidth = svgUnit(Math.min(48, slot * 0.7));
  const every = Math.max(1, Math.ceil((bars.length * FONT * 3) / (W - M.left - M.right)));
  const centre = (i: number) => svgUnit(M.left + slot * i + slot / 2);
  return chartSvg(
    id,
    size,
    label,
    yGrid(top, y, M.left, W - M.right, FONT),
    svg(
      "g",
      { class: "fill-accent" },
      ...bars.map((bar, i) =>
        bar.value > 0
          ? svg("rect", {
              x: svgUnit(centre(i) - barWidth / 2),
              y: y(bar.value),
              width: barWidth,
              height: svgUnit(y(0) - y(bar.value)),
              rx: 2,
            })
          : "",
      ),
    ),
    slot >= FONT * 2
      ? svg(
          "g",
          { class: "fill-ink", "text-anchor": "middle" },
          ...bars.map((bar, i) => svg("text", { x: centre(i), y: y(bar.value) - 5 }, svgText(bar.value))),
        )
      : "",
    svg(
      "g",
      { class: "fill-muted", "text-anchor": "middle" },
      ...bars.map((bar, i) =>
        i % every === 0 || i === bars.length - 1 ? svg("text", { x: centre(i), y: H - M.bottom + 18 }, svgText(bar.label)) : "",
      ),
    ),
    svg("line", {
      x1: M.left,
      x2: W - M.right,
      y1: y(reference.value),
      y2: y(reference.value),
      class: "stroke-warning",
      "stroke-width": 2,
      "stroke-dasharray": "6 5",
    }),
    svg("text", { x: W - M.right + 4, y: svgUnit(y(reference.value) + FONT / 3), class: "fill-warning" }, svgText(reference.label)),
  );
}
