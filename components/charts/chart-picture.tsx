"use client";
// A chart drawn from its numbers where the page is rendered: on the server for the HTML, and in the
// browser when the page hydrates. A server component would send its drawing twice more, as markup
// in the data React reads, for each of the two sizes; this sends the numbers once.
import { barChart, type BarChartData } from "./bar-chart";
import { type ChartSize, NARROW, WIDE } from "./drawing";
import { lineChart, type LineChartData } from "./line-chart";

export type ChartData = ({ kind: "line" } & LineChartData) | ({ kind: "bar" } & BarChartData);

const draw = (chart: ChartData, size: ChartSize) => (chart.kind === "line" ? lineChart({ ...chart, size }) : barChart({ ...chart, size }));

/**
 * A chart drawn for a phone and for wider screens, one of them shown by CSS, so that its text
 * stays legible at both sizes instead of shrinking with the drawing.
 */
export function ChartPicture({ chart }: { chart: ChartData }) {
  return (
    <>
      <div className="sm:hidden" dangerouslySetInnerHTML={{ __html: draw(chart, NARROW) }} />
      <div className="hidden sm:block" dangerouslySetInnerHTML={{ __html: draw(chart, WIDE) }} />
    </>
  );
}
