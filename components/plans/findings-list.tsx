import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Finding } from "@/lib/execplans/rules";
import { CodeText } from "./code-text";

type Props = {
  findings: Finding[];
  label: string;
  /** How a finding's line number is shown: a link into the editor, a button that moves the cursor, or text. */
  lineControl?: (line: number) => ReactNode;
};

/** The checker's findings in line order, each with its severity, rule, message and fix hint. */
export function FindingsList({ findings, label, lineControl = (line) => <span className="font-mono">Line {line}</span> }: Props) {
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
        <ol aria-label={label} className="space-y-2">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.line}-${i}`} className="rounded border border-line bg-surface p-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                {lineControl(f.line)}
                <Badge tone={f.severity === "error" ? "danger" : "warning"}>{f.severity}</Badge>
                <Link href={`/plans/rules#${f.rule}`} className="font-mono text-xs text-muted underline">
                  {f.rule}
                </Link>
              </p>
              <p className="mt-1">
                <CodeText text={f.message} />
              </p>
              <p className="mt-1 text-muted">
                Fix: <CodeText text={f.hint} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
