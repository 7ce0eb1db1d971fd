// The text report of a check: the profile, one line per finding as file:line, with its rule,
// message and fix hint, then a summary line with the sections written. Used by `npm run execplan:check`.
import type { CheckResult } from "./check";
import { count } from "../ui/plural";

export function formatCheckReport(file: string, result: CheckResult): string {
  const lines = [`${file}: Profile: ${result.profile.name}`];
  lines.push(...result.findings.map((f) => `${file}:${f.line}  ${f.severity}  ${f.rule}  ${f.message}\n    fix: ${f.hint}`));
  const sections = `; ${result.outline.written} of ${result.outline.total} sections written`;
  const tasks =
    result.progress.total > 0 ? `; tasks ${result.progress.done}/${result.progress.total} done (${result.progress.percent}%)` : "";
  lines.push(
    result.findings.length === 0
      ? `${file}: conforms to the ExecPlan rules${sections}${tasks}.`
      : `${file}: ${count(result.errors, "error")}, ${count(result.warnings, "warning")}${sections}${tasks}.`,
  );
  return lines.join("\n");
}
