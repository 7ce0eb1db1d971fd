import { ProgressBar } from "@/components/ui/progress-bar";
import type { Metric } from "@/lib/progress/metrics";

/** The program's quantitative success metrics as progress bars. */
export function MetricBars({ metrics }: { metrics: Metric[] }) {
  return (
    <ul className="grid gap-4 card p-4 sm:grid-cols-2" aria-label="Success metrics">
      {metrics.map((m) => (
        <li key={m.key}>
          <ProgressBar label={m.label} percent={m.percent} text={m.text} met={m.met} />
        </li>
      ))}
    </ul>
  );
}
