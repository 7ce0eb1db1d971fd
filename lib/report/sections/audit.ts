// The opening of the status update and its sections 1–3: the repo map, the capability audit
// table and the high-signal findings.
import path from "node:path";
import { dayKey, formatMoment } from "../../time/zone";
import { highSignalFindings } from "../findings";
import { noData, oneLine, plural, table } from "../markdown";
import { type Context, moduleName, packetRoute, rel } from "./context";

export function preamble(ctx: Context): string[] {
  const { learner, program } = ctx.snapshot;
  const started = ctx.audits.filter((a) => a.standing.status !== "pending");
  return [
    "Check for must recent active branch:",
    `//fetch /log/download?learner=${learner.id}`,
    "",
    "Branches:",
    ...(started.length > 0
      ? started.map((a) => `//fetch ${packetRoute(ctx, a)} (attempt ${a.standing.attempt}, ${a.standing.status})`)
      : [`//fetch /programs/${program.slug} (no packet started yet)`]),
    "",
    "Objective:",
    `> Traverse ${learner.name}'s work in the program “${program.meta.title}” and provide a comprehensive status audit. The goal is to assess **progress**, **evidence** and **review readiness** against the program's success metrics, timeline and proficiency end-state.`,
    "---",
    "",
    "Audit Scope",
    "",
    `# 📍${program.meta.metadata.planId}: Status Update (${dayKey(ctx.snapshot.now, ctx.snapshot.zone)})`,
    "",
    `Learner: **${learner.name}**${learner.soloMode ? " (solo mode)" : ""}${learner.importedAt ? ` (imported ${formatMoment(learner.importedAt, ctx.snapshot.zone)} from ${learner.importedFrom ?? "another install"})` : ""} · Program: **${program.meta.title}** (\`${program.slug}\`) · Generated ${formatMoment(ctx.snapshot.now, ctx.snapshot.zone)} from ${plural(ctx.snapshot.packets.length, "packet attempt")}, ${plural(ctx.snapshot.log.entries, "plan-log entry", "plan-log entries")} and ${plural(ctx.snapshot.time.entries.length, "time entry", "time entries")}.`,
  ];
}

export function repoMap(ctx: Context): string[] {
  const { program } = ctx.snapshot;
  const exercises = program.modules.reduce((sum, m) => sum + m.exercises.length, 0);
  const playbook = (["index", "scenarios", "checklists"] as const).filter((part) => program.playbook[part] !== undefined);
  const stubs = ctx.problems.map(
    (p) => `\`${rel(ctx, path.resolve(p.file))}:${p.line}\` ${p.field}: ${oneLine(p.message, 120)} (${p.kind})`,
  );
  const recent = ctx.snapshot.log.recent.map(
    (e) =>
      `${formatMoment(e.createdAt, ctx.snapshot.zone)} · module ${String(e.moduleNumber).padStart(2, "0")} · ${e.status}: ${oneLine(e.summary, 160)} (${e.actorLabel})`,
  );
  return [
    "1. **Repo Map**",
    `   - **Top-level directories.** \`${program.slug}/modules/\` (${plural(program.modules.length, "module")}), \`${program.slug}/exercises/\` (${plural(program.modules.length, "folder")}, ${plural(exercises, "exercise")})${
      playbook.length > 0 ? `, \`${program.slug}/playbook/\` (${playbook.map((p) => `${p}.md`).join(", ")})` : ""
    }.`,
    `   - **Key files.** \`${rel(ctx, program.file)}\` (program metadata, end-state, capability spine, timeline, success metrics), then one file per module:`,
    ...ctx.audits.map(
      (a) =>
        `     - \`${rel(ctx, a.mod.file)}\` — ${moduleName(a)}; ${plural(a.mod.exercises.length, "exercise")} (${a.mod.exercises.map((e) => e.slug).join(", ") || "none"})`,
    ),
    `   - **Stubs & placeholders.** ${stubs.length === 0 ? "None: the content check finds no placeholder, TODO, stub or error in this program." : `${plural(stubs.length, "finding")} of the content check:`}`,
    ...stubs.slice(0, 30).map((s) => `     - ${s}`),
    ...(stubs.length > 30 ? [`     - and ${stubs.length - 30} more (run \`npm run content:check -- ${program.slug}\`)`] : []),
    `   - **Recent changes.** ${recent.length === 0 ? noData("the plan log has no entries yet.") : "The latest plan-log entries, newest first:"}`,
    ...recent.map((r) => `     - ${r}`),
  ];
}

export function capabilityTable(ctx: Context): string[] {
  const rows = ctx.audits.map((a) => [
    `${a.capability} — ${moduleName(a)}`,
    a.status,
    a.artifacts,
    a.gaps.length > 0 ? a.gaps.join("; ") : "none",
    a.risks.length > 0 ? a.risks.join("; ") : "none recorded",
    a.patchPlan,
    a.rollback,
  ]);
  return [
    "2. **Capability Audit Table**",
    "",
    "Status: `Implemented` = module completed · `Partially Implemented` = in progress, blocked or waiting for review · `Stubbed` = the module's content still has placeholders · `Missing` = not started.",
    "",
    table(["Capability", "Status", "Existing Artifacts", "Gaps", "Risks", "Minimal Patch Plan", "Rollback Plan"], rows),
  ];
}

export function findingsSection(ctx: Context): string[] {
  return ["3. **High-Signal Findings**", ...highSignalFindings(ctx.snapshot, ctx.audits, ctx.problems).map((f, i) => `   ${i + 1}. ${f}`)];
}
