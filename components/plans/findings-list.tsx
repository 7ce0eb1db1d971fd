import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { planEditRoute } from "@/lib/execplans/links";
import type { Finding } from "@/lib/execplans/rules";

/** The checker's findings, one per line number; for the plan's owner each line links into the editor. */
export function FindingsList({ findings, planId, editable }: { findings: Finding[]; planId: string; editable: boolean }) {
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <>
      <p role="status" className="mb-3 text-sm">
        {findings.length === 0 ? (
          <strong className="text-success">No findings: the plan follows every rule.</strong>
        ) : (
          <>
            <strong>{errors} error(s)</strong>, {findings.length - errors} warning(s).{" "}
            <Link href="/plans/rules" className="underline">
              The rules
            </Link>
          </>
        )}
      </p>
      {findings.length > 0 ? (
        <ol aria-label="Findings" className="space-y-2">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.line}-${i}`} className="rounded border border-line bg-surface p-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                {editable ? (
                  <Link href={planEditRoute(planId, f.line)} className="font-mono underline">
                    Line {f.line}
                  </Link>
                ) : (
                  <span className="font-mono">Line {f.line}</span>
                )}
                <Badge tone={f.severity === "error" ? "danger" : "warning"}>{f.severity}</Badge>
                <Link href={`/plans/rules#${f.rule}`} className="font-mono text-xs text-muted underline">
                  {f.rule}
                </Link>
              </p>
              <p className="mt-1">{f.message}</p>
              <p className="mt-1 text-muted">Fix: {f.hint}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
