/** A labelled bar from 0 to 100%; the text beside it says the same for everyone. */
export function ProgressBar({ label, percent, text, met }: { label: string; percent: number; text: string; met?: boolean }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
        className="mt-1 h-2.5 w-full overflow-hidden rounded-full border border-line bg-sunken"
      >
        <div className={`h-full rounded-full ${met ? "bg-success" : "bg-accent"}`} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
