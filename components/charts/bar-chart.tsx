import { ticks, YGrid } from "./chart-frame";

export type Bar = { label: string; value: number; display?: string };

/** Vertical bars with their values, and an optional dashed reference line (a target or threshold). */
export function BarChart({
  id,
  label,
  bars,
  yMax,
  reference,
  width = 640,
  height = 220,
  labelledBy,
}: {
  id: string;
  label: string;
  bars: Bar[];
  yMax?: number;
  reference?: { value: number; label: string };
  width?: number;
  height?: number;
  labelledBy?: string;
}) {
  const W = width;
  const H = height;
  const M = { left: 40, right: reference ? 12 + reference.label.length * 8 : 16, top: 18, bottom: 30 };
  const top = ticks(Math.max(yMax ?? 0, reference?.value ?? 0, ...bars.map((b) => b.value)));
  const yTop = top.at(-1)!;
  const y = (v: number) => H - M.bottom - (v / yTop) * (H - M.top - M.bottom);
  const slot = (W - M.left - M.right) / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.7);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={labelledBy ?? `${id}-caption`} aria-describedby={`${id}-desc`}>
      <desc id={`${id}-desc`}>{label}</desc>
      <YGrid values={top} y={y} left={M.left} right={W - M.right} />
      {bars.map((bar, i) => {
        const cx = M.left + slot * i + slot / 2;
        return (
          <g key={bar.label}>
            {bar.value > 0 ? <rect x={cx - barWidth / 2} y={y(bar.value)} width={barWidth} height={y(0) - y(bar.value)} rx="2" className="fill-accent" /> : null}
            <text x={cx} y={y(bar.value) - 4} textAnchor="middle" className="fill-ink text-[13px]">
              {bar.display ?? bar.value}
            </text>
            <text x={cx} y={H - M.bottom + 16} textAnchor="middle" className="fill-muted text-[13px]">
              {bar.label}
            </text>
          </g>
        );
      })}
      {reference ? (
        <g>
          <line x1={M.left} x2={W - M.right} y1={y(reference.value)} y2={y(reference.value)} className="stroke-warning" strokeWidth="2" strokeDasharray="6 5" />
          <text x={W - M.right + 4} y={y(reference.value) + 4} className="fill-warning text-[13px]">
            {reference.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
