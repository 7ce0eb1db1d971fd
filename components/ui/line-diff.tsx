import type { DiffLine } from "@/lib/diff";

/** A line diff as a scrollable block: additions and removals marked with + and - and colour. */
export function LineDiff({ lines, label }: { lines: DiffLine[]; label: string }) {
  return (
    <pre className="overflow-x-auto rounded border border-line bg-sunken p-2 text-sm" tabIndex={0} aria-label={label}>
      {lines.map((l, i) => (
        <span
          key={i}
          className={`block ${l.kind === "added" ? "bg-success-soft" : l.kind === "removed" ? "bg-danger-soft line-through" : ""}`}
        >
          {l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}
          {l.text}
        </span>
      ))}
    </pre>
  );
}
