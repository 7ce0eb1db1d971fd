import {
  ChartSvg,
  type ChartSize,
  FILL,
  MARKER_SIZE,
  type Marker,
  markerPaint,
  SeriesMarker,
  STROKE,
  svgUnit,
  textWidth,
  ticks,
  type Tone,
  YGrid,
} from "./chart-frame";

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

/** Lines over a numbered x axis (e.g. program weeks), each with its own dash and marker and a label at its end, in theme colours. */
export function LineChart({
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
}) {
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
  return (
    <ChartSvg id={id} size={size} label={label}>
      <YGrid values={top} y={y} left={M.left} right={W - M.right} fontSize={FONT} />
      <g className="fill-muted" textAnchor="middle">
        {xs.map((value, i) =>
          i % every === 0 || i === last ? (
            <text key={value} x={x(i)} y={H - M.bottom + 18}>
              {xLabel(value)}
            </text>
          ) : null,
        )}
      </g>
      {now !== undefined && now < last ? (
        <g>
          <line x1={x(now)} x2={x(now)} y1={M.top} y2={H - M.bottom} className="stroke-muted" strokeWidth="1" strokeDasharray="2 3" />
          <text x={x(now)} y={M.top - 5} textAnchor="middle" className="fill-muted" fontSize={FONT - 2}>
            now
          </text>
        </g>
      ) : null}
      {series.map((s) => (
        <g key={s.name}>
          <polyline
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
            fill="none"
            className={STROKE[s.tone]}
            strokeWidth={s.width ?? 2.5}
            strokeLinejoin="round"
            strokeDasharray={s.dashed ? "7 5" : undefined}
          />
          {s.marker ? (
            <g {...markerPaint(s.marker, s.tone)}>
              {s.values.map((v, i) => (
                <SeriesMarker key={i} shape={s.marker!} cx={x(i)} cy={y(v)} size={MARKER_SIZE} />
              ))}
            </g>
          ) : null}
        </g>
      ))}
      {ends.map((end) => {
        const width = textWidth(end.label, FONT) + 6;
        return (
          <g key={end.name}>
            <rect
              x={svgUnit(end.anchor === "start" ? end.x - 3 : end.x - width + 3)}
              y={svgUnit(end.y - FONT + 1)}
              width={width}
              height={FONT + 3}
              rx="2"
              className="fill-surface"
              opacity="0.9"
            />
            <text x={end.x} y={end.y} textAnchor={end.anchor} className={`${FILL[end.tone]} font-medium`}>
              {end.label}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
