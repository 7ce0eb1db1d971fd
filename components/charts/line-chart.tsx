import { ticks, YGrid } from "./chart-frame";

export type LineSeries = { name: string; values: number[]; dashed?: boolean; tone?: "accent" | "muted" | "success" };

const W = 640;
const H = 240;
const M = { left: 40, right: 16, top: 12, bottom: 34 };

/** Lines over a numbered x axis (e.g. program weeks), drawn with theme colours so both themes read. */
export function LineChart({ id, label, xs, xLabel, series, yMax }: { id: string; label: string; xs: number[]; xLabel: (x: number) => string; series: LineSeries[]; yMax?: number }) {
  const top = ticks(Math.max(yMax ?? 0, ...series.flatMap((s) => s.values)));
  const yTop = top.at(-1)!;
  const x = (i: number) => M.left + (xs.length <= 1 ? 0 : (i / (xs.length - 1)) * (W - M.left - M.right));
  const y = (v: number) => H - M.bottom - (v / yTop) * (H - M.top - M.bottom);
  const every = Math.max(1, Math.ceil(xs.length / 10));
  const stroke = { accent: "stroke-accent", muted: "stroke-muted", success: "stroke-success" };
  const fill = { accent: "fill-accent", muted: "fill-muted", success: "fill-success" };
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-desc`}>
      <desc id={`${id}-desc`}>{label}</desc>
      <YGrid values={top} y={y} left={M.left} right={W - M.right} />
      {xs.map((value, i) =>
        i % every === 0 || i === xs.length - 1 ? (
          <text key={value} x={x(i)} y={H - M.bottom + 16} textAnchor="middle" className="fill-muted text-[13px]">
            {xLabel(value)}
          </text>
        ) : null,
      )}
      {series.map((s) => {
        const tone = s.tone ?? "accent";
        return (
          <g key={s.name}>
            <polyline
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
              fill="none"
              className={stroke[tone]}
              strokeWidth="2.5"
              strokeLinejoin="round"
              strokeDasharray={s.dashed ? "6 5" : undefined}
            />
            {s.dashed ? null : s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r="3" className={fill[tone]} />)}
          </g>
        );
      })}
    </svg>
  );
}
