import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { CheckResult } from "@/lib/execplans/check";
import { CodeText } from "./code-text";
import { count } from "@/lib/ui/plural";

type Props = {
  result: Pick<CheckResult, "findings" | "outline" | "profile">;
  label: string;
  /** How a finding's line number is shown: a link into the editor, a button that moves the cursor, or text. */
  lineControl?: (line: number) => ReactNode;
};

/**
 * The checker's result: the profile the plan follows, how many sections are written and what is
 * still to write, then the findings in line order, each with its severity, rule, message and fix hint.
 */
export function FindingsList({ result, label, lineControl = (line) => <span className="font-mono">Line {line}</span> }: Props) {
  const { findings, outline, profile } = result;
  const errors = findings.filter((f) => f.severity === "error").length;
  const written = `${outline.written} of ${outline.total} sections written`;
  return (
    <>
      <p className="mb-1 text-sm text-muted">Profile: {profile.name}</p>
      <p className="mb-2 flex items-center gap-2 text-sm">
        <progress className="h-2 w-24 accent-accent" max={outline.total} value={outline.written} aria-label={written} />
        <span>{written}</span>
      </p>
      {outline.todo.length > 0 ? (
        <ol aria-label="Still to write" className="mb-3 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
          {outline.todo.map((item) => (
            <li key={`${item.line}-${item.label}`}>
              {lineControl(item.line)}: {item.label}
            </li>
          ))}
        </ol>
      ) : null}
      <p role="status" className="mb-3 text-sm">
        {findings.length === 0 ? (
          <strong className="text-success">No findings: the plan follows every rule.</strong>
        ) : (
          <>
            <strong>{count(errors, "error")}</strong>, {count(findings.length - errors, "warning")}.{" "}
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
