import { ChartSvg, type ChartSize, svgUnit, textWidth, ticks, YGrid } from "./chart-frame";

type Bar = { label: string; value: number };

/** Vertical bars with their values, and a dashed reference line (a target) labelled at its end. */
export function BarChart({
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
}) {
  const { width: W, height: H, font: FONT } = size;
  const M = { left: 40, right: 12 + textWidth(reference.label, FONT), top: 18, bottom: 34 };
  const top = ticks(Math.max(reference.value, ...bars.map((b) => b.value)));
  const yTop = top.at(-1)!;
  const y = (v: number) => svgUnit(H - M.bottom - (v / yTop) * (H - M.top - M.bottom));
  const slot = (W - M.left - M.right) / Math.max(1, bars.length);
  const barWidth = svgUnit(Math.min(48, slot * 0.7));
  const every = Math.max(1, Math.ceil((bars.length * FONT * 3) / (W - M.left - M.right)));
  const centre = (i: number) => svgUnit(M.left + slot * i + slot / 2);
  return (
    <ChartSvg id={id} size={size} label={label}>
      <YGrid values={top} y={y} left={M.left} right={W - M.right} fontSize={FONT} />
      <g className="fill-accent">
        {bars.map((bar, i) =>
          bar.value > 0 ? (
            <rect
              key={bar.label}
              x={svgUnit(centre(i) - barWidth / 2)}
              y={y(bar.value)}
              width={barWidth}
              height={svgUnit(y(0) - y(bar.value))}
              rx="2"
            />
          ) : null,
        )}
      </g>
      {slot >= FONT * 2 ? (
        <g className="fill-ink" textAnchor="middle">
          {bars.map((bar, i) => (
            <text key={bar.label} x={centre(i)} y={y(bar.value) - 5}>
              {bar.value}
            </text>
          ))}
        </g>
      ) : null}
      <g className="fill-muted" textAnchor="middle">
        {bars.map((bar, i) =>
          i % every === 0 || i === bars.length - 1 ? (
            <text key={bar.label} x={centre(i)} y={H - M.bottom + 18}>
              {bar.label}
            </text>
          ) : null,
        )}
      </g>
      <line
        x1={M.left}
        x2={W - M.right}
        y1={y(reference.value)}
        y2={y(reference.value)}
        className="stroke-warning"
        strokeWidth="2"
        strokeDasharray="6 5"
      />
      <text x={W - M.right + 4} y={svgUnit(y(reference.value) + FONT / 3)} className="fill-warning">
        {reference.label}
      </text>
    </ChartSvg>
  );
}
