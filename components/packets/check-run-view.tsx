import { Badge } from "@/components/ui/badge";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Moment } from "@/components/ui/moment";
import { checkRun } from "@/lib/packets/evidence-data";
import { runPassed } from "@/lib/packets/check-run";

const STATUS = {
  pass: { label: "pass", tone: "success" },
  fail: { label: "fail", tone: "danger" },
  timeout: { label: "timed out", tone: "danger" },
  "missing-tool": { label: "missing tool", tone: "warning" },
} as const;

/**
 * A machine-check run recorded by `mastery check --attach` on the learner's machine: each check's
 * result, the criterion it backs and what it proves, with the command and its output's last lines.
 * Renders nothing for evidence that is not a check run.
 */
export function CheckRunView({ data }: { data: Prisma.JsonValue | null }) {
  const run = checkRun(data);
  if (!run) return null;
  const passed = run.results.filter((r) => r.status === "pass").length;
  return (
    <div className="mt-2 rounded border border-line p-2 text-sm" role="group" aria-label="Machine-checked result">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={runPassed(run) ? "success" : "danger"}>Machine-checked</Badge>
        <span>
          {passed} of {run.results.length} checks passed
        </span>
        <span className="text-xs text-muted">
          ran <Moment at={new Date(run.ranAt)} /> on the learner&apos;s machine with mastery {run.cliVersion}, kit of {run.kit.length} files
        </span>
      </p>
      <ul className="mt-2 space-y-2" aria-label="Checks">
        {run.results.map((result) => (
          <li key={result.id}>
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS[result.status].tone}>{STATUS[result.status].label}</Badge>
              <strong>{result.id}</strong>
              <span className="text-xs text-muted">
                {result.status === "missing-tool"
                  ? `not run: needs ${result.missing.join(", ")}`
                  : `${result.exitCode === null ? "stopped" : `exit ${result.exitCode}`}, ${(result.durationMs / 1000).toFixed(1)} s`}
              </span>
            </p>
            <p>
              Criterion {result.criterion}: {result.proves}
            </p>
            <details className="mt-1">
              <summary className="cursor-pointer">Command and output of {result.id}</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-sunken p-2 text-xs">
                <code>
                  $ {result.command}
                  {"\n"}
                  {result.outputCut ? "… (output cut: its last lines follow)\n" : ""}
                  {result.output || "(no output)"}
                </code>
              </pre>
            </details>
          </li>
        ))}
      </ul>
      {run.kit.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer">Kit files it ran with (sha256)</summary>
          <ul className="mt-1 font-mono text-xs">
            {run.kit.map((file) => (
              <li key={file.path}>
                {file.sha256.slice(0, 12)}… {file.path}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
