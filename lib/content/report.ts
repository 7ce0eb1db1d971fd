// The text report of content problems shared by `content:check` and the authoring page.
import { describeEstimate, estimateModuleMinutes } from "./hours";
import { type ContentIndex, failingProblems } from "./loader";
import { count } from "../ui/plural";

export function formatProblemReport(index: ContentIndex, only: string[] = []): { text: string; failing: number } {
  const inScope = (program: string) => only.length === 0 || only.includes(program);
  const failing = new Set(failingProblems(index));
  const problems = index.problems.filter((p) => inScope(p.program));
  const lines: string[] = [];
  const slugs = [...new Set([...index.programs.map((p) => p.slug), ...problems.map((p) => p.program)])].filter(inScope).sort();
  for (const slug of slugs) {
    const program = index.programs.find((p) => p.slug === slug);
    const own = problems.filter((p) => p.program === slug);
    const exercises = program?.modules.reduce((sum, m) => sum + m.exercises.length, 0) ?? 0;
    const label = program ? `${program.meta.title}${program.meta.template ? " (template)" : ""}` : "(program file invalid)";
    lines.push(`${slug}: ${label} — ${count(program?.modules.length ?? 0, "module")}, ${count(exercises, "exercise")}, ${count(own.length, "problem")}`);
    if (program && !program.meta.template) {
      for (const m of program.modules) {
        lines.push(`  module ${m.meta.number} ${m.meta.title}: stated ${m.meta.hours.min}–${m.meta.hours.max} h, estimate ${describeEstimate(estimateModuleMinutes(m))}`);
      }
    }
    const allowed = own.filter((p) => !failing.has(p));
    const listAllowed = only.includes(slug);
    if (allowed.length > 0 && !listAllowed) {
      lines.push(`  ${count(allowed.length, "placeholder")} left, allowed in a template; list them with: npm run content:check -- ${slug}`);
    }
    for (const p of own) {
      if (!failing.has(p) && !listAllowed) continue;
      const tag = failing.has(p) ? (p.kind === "error" ? "error" : p.kind) : `${p.kind} (allowed in a template)`;
      lines.push(`  ${p.file}:${p.line}  ${p.field}  ${p.message}  [${tag}]`);
    }
  }
  const toFix = problems.filter((p) => failing.has(p)).length;
  lines.push(toFix === 0 ? "Content OK." : `${count(toFix, "problem")} to fix.`);
  return { text: lines.join("\n"), failing: toFix };
}
