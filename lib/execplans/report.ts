// The text report of a check: one line per finding as file:line, with its rule, message and
// fix hint, then a summary line. Used by `npm run execplan:check`.
import type { CheckResult } from "./check";

export function formatCheckReport(file: string, result: CheckResult): string {
  const lines = result.findings.map((f) => `${file}:${f.line}  ${f.severity}  ${f.rule}  ${f.message}\n    fix: ${f.hint}`);
  const progress =
    result.progress.total > 0 ? `; tasks ${result.progress.done}/${result.progress.total} done (${result.progress.percent}%)` : "";
  lines.push(
    result.findings.length === 0
      ? `${file}: conforms to the ExecPlan rules${progress}.`
      : `${file}: ${result.errors} error(s), ${result.warnings} warning(s)${progress}.`,
  );
  return lines.join("\n");
}
