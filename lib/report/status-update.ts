// The status update of the client's template (seeds/status-update-template.md), generated from
// live state for one learner in one program: the same sections in the same order, every
// placeholder filled or marked as having no data, and the same text for the same data.
import { IMPORTED_COMPLETION } from "../packets/imported";
import path from "node:path";
import { getContent, getProgram } from "../content";
import { AppError } from "../errors";
import { formatTimestamp } from "../log/format";
import { countLogEntries } from "../log/pages";
import { type DrillAttempt, drillAttempt } from "../packets/evidence-data";
import { itemRef, latestTwoVersions } from "../packets/evidence-summary";
import { ProofSchema } from "../packets/proof";
import { isoDate } from "../progress/calendar";
import { learnerSnapshot, type LearnerSnapshot } from "../progress/snapshot";
import { redrillText } from "../redrill/triggers";
import { diffLines } from "../reviews/diff";
import { DIMENSION_LABELS } from "../rubric/rubric";
import { highSignalFindings } from "./findings";
import { fence, noData, oneLine, plural, table } from "./markdown";
import { auditModules, type ModuleAudit } from "./module-audit";

export const REPORT_SECTIONS = [
  "Repo Map",
  "Capability Audit Table",
  "High-Signal Findings",
  "Atomic Diffs",
  "Local Tests & Gates",
  "Reproducibility Checklist",
  "Deferred Items",
  "Error Capture Blocks",
] as const;

const MAX_DIFFS = 10;
const MAX_LISTED_REDRILLS = 5;
const DIFF_CONTEXT = 2;

type Problems = ReturnType<typeof getContent>["problems"];
type VersionPairs = Awaited<ReturnType<typeof latestTwoVersions>>;

/** What the report is computed from: the learner's snapshot, the size of their plan log and the evidence versions its diffs show. */
export type ReportData = { snapshot: LearnerSnapshot; logCount: number; diffs: VersionPairs };

type Context = ReportData & { audits: ModuleAudit[]; problems: Problems };

const rel = (ctx: Context, file: string) =>
  path.posix.join(ctx.snapshot.program.slug, path.relative(ctx.snapshot.program.dir, file).split(path.sep).join("/"));
const moduleName = (audit: ModuleAudit) => `Module ${audit.mod.meta.number}: ${audit.mod.meta.title}`;
const packetRoute = (ctx: Context, audit: ModuleAudit) => `/programs/${ctx.snapshot.program.slug}/modules/${audit.mod.slug}/packet`;

function preamble(ctx: Context): string[] {
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
    `# 📍${program.meta.metadata.planId}: Status Update (${isoDate(ctx.snapshot.now)})`,
    "",
    `Learner: **${learner.name}**${learner.soloMode ? " (solo mode)" : ""}${learner.importedAt ? ` (imported ${formatTimestamp(learner.importedAt)} from ${learner.importedFrom ?? "another install"})` : ""} · Program: **${program.meta.title}** (\`${program.slug}\`) · Generated ${formatTimestamp(ctx.snapshot.now)} from ${plural(ctx.snapshot.packets.length, "packet attempt")}, ${plural(ctx.logCount, "plan-log entry", "plan-log entries")} and ${plural(ctx.snapshot.time.entries.length, "time entry", "time entries")}.`,
  ];
}

function repoMap(ctx: Context): string[] {
  const { program } = ctx.snapshot;
  const exercises = program.modules.reduce((sum, m) => sum + m.exercises.length, 0);
  const playbook = (["index", "scenarios", "checklists"] as const).filter((part) => program.playbook[part] !== undefined);
  const stubs = ctx.problems.map(
    (p) => `\`${rel(ctx, path.resolve(p.file))}:${p.line}\` ${p.field}: ${oneLine(p.message, 120)} (${p.kind})`,
  );
  const recent = ctx.snapshot.log.recent.map(
    (e) =>
      `${formatTimestamp(e.createdAt)} · module ${String(e.moduleNumber).padStart(2, "0")} · ${e.status}: ${oneLine(e.summary, 160)} (${e.actorLabel})`,
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

function capabilityTable(ctx: Context): string[] {
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

function findingsSection(ctx: Context): string[] {
  return ["3. **High-Signal Findings**", ...highSignalFindings(ctx.snapshot, ctx.audits, ctx.problems, ctx.logCount).map((f, i) => `   ${i + 1}. ${f}`)];
}

/** A unified diff with a little context around each change. */
function unifiedDiff(before: string, after: string, from: string, to: string): string {
  const lines = diffLines(before, after);
  const near = lines.map((_, i) => lines.slice(Math.max(0, i - DIFF_CONTEXT), i + DIFF_CONTEXT + 1).some((l) => l.kind !== "same"));
  const out = [`--- ${from}`, `+++ ${to}`];
  lines.forEach((line, i) => {
    if (near[i]) out.push(`${line.kind === "added" ? "+" : line.kind === "removed" ? "-" : " "}${line.text}`);
    else if (near[i - 1] !== false) out.push("@@ … @@");
  });
  return out.join("\n");
}

type EvidenceRow = NonNullable<ReturnType<VersionPairs["get"]>>["latest"];
const evidenceText = (row: EvidenceRow) =>
  [
    row.url ? `url: ${row.url}` : "",
    row.fileName ? `file: ${row.fileName} (${row.fileSize} bytes, sha256 ${row.sha256})` : "",
    row.data && row.kind !== "file" ? `data: ${row.data}` : "",
    row.body,
  ]
    .filter(Boolean)
    .join("\n");

/** Evidence items of the current attempts that have a second version, the latest change first. */
function evidenceChanges(snapshot: LearnerSnapshot) {
  const changes = snapshot.program.modules.flatMap((mod) => {
    const packet = snapshot.current.get(mod.meta.number);
    return packet ? packet.items.filter((item) => item.versions > 1).map((item) => ({ packet, item })) : [];
  });
  return changes.sort((x, y) => y.item.createdAt.getTime() - x.item.createdAt.getTime() || x.item.itemKey.localeCompare(y.item.itemKey));
}

function atomicDiffs(ctx: Context): string[] {
  const changes = evidenceChanges(ctx.snapshot).map(({ packet, item }) => {
    const audit = ctx.audits.find((a) => a.packet === packet)!;
    const { previous, latest } = ctx.diffs.get(itemRef(packet.id, item.itemKey)) ?? {};
    const claimed = (audit.proof?.claims ?? []).some((c) => c.evidence.includes(item.itemKey));
    return { audit, key: item.itemKey, previous, latest, claimed };
  });
  const shown = changes.slice(0, MAX_DIFFS).flatMap(({ previous, latest, ...c }) => {
    if (!previous || !latest) return [];
    const rejectedBetween = c.audit.packet!.reviews.some((r) => r.verdict === "reject" && r.createdAt > previous.createdAt && r.createdAt <= latest.createdAt);
    return [{ ...c, previous, latest, rejectedBetween }];
  });
  if (shown.length === 0)
    return ["4. **Atomic Diffs**", noData("no evidence item has a second version yet; each reworked item will show here as a diff.")];
  return [
    "4. **Atomic Diffs**",
    `${shown.length === 1 ? "The latest evidence change" : `The ${shown.length} latest evidence changes`}, each a new version that leaves the earlier one in place${changes.length > shown.length ? ` (${changes.length - shown.length} older not shown)` : ""}.`,
    ...shown.flatMap((c, i) => [
      `### Atomic Diff ${i + 1} — ${moduleName(c.audit)}: ${c.latest.title} (v${c.previous.version} → v${c.latest.version})`,
      `- **Why:** ${c.rejectedBetween ? "rework after the reviewer's rejection" : "the learner revised the item"} on ${formatTimestamp(c.latest.createdAt)} (by ${c.latest.actorLabel}).`,
      `- **Risk:** ${c.audit.proof ? oneLine(c.audit.proof.risks, 200) : "no completion proof names a risk yet"}.`,
      `- **Rollback:** add version v${c.latest.version + 1} with the text of v${c.previous.version}; versions are never edited or deleted.`,
      `- **Tests/docs:** ${c.claimed ? "backs a claim of the latest completion proof" : "not yet cited by a completion proof claim"}.`,
      fence(
        unifiedDiff(evidenceText(c.previous), evidenceText(c.latest), `${c.key} v${c.previous.version}`, `${c.key} v${c.latest.version}`),
        "diff",
      ),
    ]),
  ];
}

function testsAndGates(ctx: Context): string[] {
  const rows: string[][] = [];
  for (const a of ctx.audits) {
    for (const proofRow of a.packet?.proofs ?? []) {
      const proof = ProofSchema.parse(proofRow.data);
      const when = formatTimestamp(proofRow.createdAt);
      rows.push([
        proof.validationDetail,
        `Build/validation gate of module ${a.mod.meta.number} (proof of ${when})`,
        proof.validationStatus,
        DIMENSION_LABELS.correctness,
      ]);
      rows.push([
        proof.drillDetail,
        `Test/drill gate of module ${a.mod.meta.number} (proof of ${when})`,
        proof.drillStatus,
        `${DIMENSION_LABELS.speed}, ${DIMENSION_LABELS.resilience}`,
      ]);
    }
    const drills = (a.packet?.work ?? []).filter((e) => e.kind === "drill");
    for (const row of drills) {
      const data: Partial<DrillAttempt> = drillAttempt(row.data) ?? {};
      const drill = a.mod.meta.drills.find((d) => d.id === data.drillId);
      const seconds = data.seconds ?? 0;
      const output = `${data.reps ?? 0} rep(s) in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}; ${data.passed ? "met the standard" : "did not meet the standard"}${
        data.withinTimebox === true ? "; within the time box" : data.withinTimebox === false ? "; over the time box" : ""
      }`;
      rows.push([
        `drill ${data.drillId ?? "?"} (${formatTimestamp(row.createdAt)})`,
        drill ? `Module ${a.mod.meta.number} ${drill.level} drill: ${drill.title}` : `Module ${a.mod.meta.number} drill`,
        output,
        drill ? drill.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ") : "—",
      ]);
    }
  }
  for (const item of ctx.snapshot.redrill.items) {
    const text = redrillText(ctx.snapshot.program, item)!;
    for (const result of item.results) {
      rows.push([
        `re-drill ${item.key} (${formatTimestamp(result.at)})`,
        `Spaced re-drill: ${text.title}`,
        result.passed ? "passed" : "failed",
        item.reasons.join("; "),
      ]);
    }
  }
  return [
    "5. **Local Tests & Gates**",
    "",
    "The gates of each completion proof, every drill attempt and every re-drill; coverage names the rubric dimensions they evidence.",
    "",
    rows.length > 0
      ? table(["Command", "Purpose", "Example Output", "ML Test Score Coverage"], rows)
      : table(
          ["Command", "Purpose", "Example Output", "ML Test Score Coverage"],
          [["No data", "no completion proof, drill attempt or re-drill recorded yet", "—", "—"]],
        ),
  ];
}

function reproducibility(ctx: Context): string[] {
  const { snapshot } = ctx;
  const items = snapshot.packets.flatMap((p) => p.items);
  const versions = items.reduce((sum, item) => sum + item.versions, 0);
  const files = items.reduce((sum, item) => sum + item.files, 0);
  const proofs = snapshot.packets.flatMap((p) => p.proofs);
  const claims = proofs.reduce((sum, p) => sum + ProofSchema.parse(p.data).claims.length, 0);
  const submitted = snapshot.packets.filter((p) => p.submittedAt).length;
  const completed = ctx.audits.filter((a) => a.standing.status === "completed");
  const untimed = completed.filter((a) => !snapshot.time.totals.byModule.get(a.mod.meta.number));
  const selfReviewed = completed.filter((a) => a.packet?.reviews.filter((r) => r.verdict !== "rescore").at(-1)?.verdict === "self-review");
  const imported = completed.filter((a) => a.standing.imported);
  const unreviewed = [
    ...(selfReviewed.length > 0 ? [`self-reviewed in solo mode: module ${selfReviewed.map((a) => a.mod.meta.number).join(", ")}`] : []),
    ...(imported.length > 0 ? [`${IMPORTED_COMPLETION}: module ${imported.map((a) => a.mod.meta.number).join(", ")}`] : []),
  ];
  const rows: string[][] = [
    [
      "Evidence versioned, never overwritten",
      versions > 0 ? "✅ done" : "➖ no data",
      versions > 0
        ? `${plural(items.length, "item")} in ${plural(versions, "version")}; the database refuses edits and deletes`
        : "no evidence recorded yet",
    ],
    [
      "Files checksummed",
      files > 0 ? "✅ done" : "➖ no data",
      files > 0 ? `${plural(files, "file")} stored by SHA-256` : "no file attached yet",
    ],
    [
      "Every claim backed by evidence",
      proofs.length > 0 ? "✅ done" : "➖ no data",
      proofs.length > 0
        ? `${plural(claims, "claim")} in ${plural(proofs.length, "proof")}, each pointing to existing evidence`
        : "no completion proof yet",
    ],
    [
      "A completion proof for every submission",
      proofs.length >= submitted ? "✅ done" : "⚠️ missing",
      `${plural(submitted, "attempt")} submitted, ${plural(proofs.length, "proof")} recorded`,
    ],
    [
      "Environment and history captured in the plan log",
      ctx.logCount > 0 ? "✅ done" : "➖ no data",
      `${plural(ctx.logCount, "entry", "entries")}, append-only; every start, block, submission and verdict is logged`,
    ],
    [
      "Time recorded for every completed module",
      completed.length === 0 ? "➖ no data" : untimed.length === 0 ? "✅ done" : "⚠️ missing",
      completed.length === 0
        ? "no module completed yet"
        : untimed.length === 0
          ? "every completed module has time entries"
          : `no time for module ${untimed.map((a) => a.mod.meta.number).join(", ")}`,
    ],
    [
      "Review gate: independent sign-off",
      completed.length === 0 ? "➖ no data" : unreviewed.length === 0 ? "✅ done" : "⚠️ flagged",
      completed.length === 0 ? "no module completed yet" : unreviewed.length === 0 ? "every completed module was accepted by a reviewer" : unreviewed.join("; "),
    ],
    [
      "Program content validated by the content check",
      ctx.problems.length === 0 ? "✅ done" : "⚠️ missing",
      ctx.problems.length === 0 ? "no placeholder, TODO or error" : plural(ctx.problems.length, "finding"),
    ],
    ["Results determinism", "✅ done", "this report is computed from stored rows only: the same data gives the same text"],
  ];
  return ["6. **Reproducibility Checklist**", "", table(["Item", "Status", "Notes"], rows)];
}

function deferredItems(ctx: Context): string[] {
  const items: string[] = [];
  for (const a of ctx.audits) {
    if (a.proof && !/^(none|n\/a|-)\.?$/i.test(a.proof.followUps.trim())) {
      items.push(
        `${moduleName(a)} — follow-ups deferred at submission: ${oneLine(a.proof.followUps, 200)}. *Rationale:* the learner kept them out of the packet's scope; *plan:* pick them up in a later module or a re-drill.`,
      );
    }
  }
  for (const a of ctx.audits) {
    if (a.standing.status === "completed" && a.missingExercises.length > 0) {
      items.push(
        `${moduleName(a)} — completed without results for exercise ${a.missingExercises.join(", ")}. *Rationale:* not needed for the sign-off; *plan:* record them to count toward the exercise target.`,
      );
    }
  }
  for (const a of ctx.audits) {
    if (a.standing.status === "pending" && a.waitingFor.length > 0) {
      items.push(
        `${moduleName(a)} — waits for module ${a.waitingFor.join(", ")}. *Rationale:* it builds on them (learning path); *plan:* start it when they are completed.`,
      );
    }
  }
  for (const key of [...ctx.snapshot.waived].sort()) {
    const [moduleNumber, prerequisite] = key.split(":");
    items.push(
      `Module ${moduleNumber} — prerequisite module ${prerequisite} waived by a reviewer. *Rationale:* prior experience; *plan:* revisit module ${prerequisite} if the reviews show gaps.`,
    );
  }
  return [
    "7. **Deferred Items**",
    ...(items.length > 0
      ? items.map((i) => `   - ${i}`)
      : [`   - ${noData("nothing is deferred: no follow-ups, skipped exercises, locked modules or waivers.")}`]),
  ];
}

function errorCaptureBlock(ctx: Context, a: ModuleAudit): string[] {
  const packet = a.packet!;
  const last = ctx.snapshot.log.recent.find((e) => e.moduleNumber === a.mod.meta.number);
  return [
    ":::",
    `Question for ChatGPT @codex ${formatTimestamp(packet.updatedAt)}:`,
    `While performing [${a.mod.meta.number}:${a.mod.meta.title} work packet, attempt ${packet.attempt}], encountered the following error:`,
    oneLine(packet.blockedReason ?? "the packet is blocked without a recorded reason", 500),
    `Context: started ${packet.startedAt ? formatTimestamp(packet.startedAt) : "—"}; ${plural(a.standing.evidence.length, "evidence item")}; gaps: ${a.gaps.join("; ") || "none"}${
      last ? `; last log entry: ${oneLine(last.summary, 160)}` : ""
    }.`,
    "What are the possible causes, and how can this be resolved while preserving intended functionality?",
    ":::",
  ];
}

function errorCapture(ctx: Context): string[] {
  const blocked = ctx.audits.filter((a) => a.standing.status === "blocked" && a.packet);
  return [
    "8. **Error Capture Blocks**",
    `   - ${blocked.length > 0 ? `${plural(blocked.length, "blocked packet")}: ${blocked.map(moduleName).join(", ")}.` : noData("no packet is blocked, so there is no error to capture.")}`,
    ...blocked.flatMap((a) => ["", ...errorCaptureBlock(ctx, a)]),
  ];
}

function taskSequence(ctx: Context): string {
  const active = ctx.audits.filter((a) => ["in_progress", "blocked", "review_required"].includes(a.standing.status));
  const nextStart = ctx.audits.find((a) => a.standing.status === "pending" && a.waitingFor.length === 0 && a.problems.length === 0);
  const due = ctx.snapshot.redrill.due.map((item) => redrillText(ctx.snapshot.program, item)!.title);
  const blocked = active.filter((a) => a.standing.status === "blocked");
  const deferred = ctx.audits.filter((a) => a.proof && !/^(none|n\/a|-)\.?$/i.test(a.proof.followUps.trim()));
  const list = (items: string[], none: string) => (items.length > 0 ? items.map((i) => `     - ${i}`) : [`     - ${none}`]);
  return [
    "Codex-ready Task Sequence:",
    "  1. Preparation:",
    ...list(
      [
        ...(ctx.snapshot.time.running ? [`stop the timer running since ${formatTimestamp(ctx.snapshot.time.running.startedAt)}`] : []),
        ...active.map((a) => `open ${packetRoute(ctx, a)} (${a.standing.status}${a.rejected ? ", review feedback to answer" : ""})`),
      ],
      nextStart
        ? `open ${packetRoute(ctx, nextStart)} and start ${moduleName(nextStart)}`
        : "no packet to open: every module is completed or waiting",
    ),
    "  2. Search & Mapping:",
    ...list(
      active.map((a) => `${moduleName(a)}: ${a.gaps.join("; ") || "no gaps"}`),
      "no active packet to map",
    ),
    "  3. Best-Effort Construction:",
    ...list(
      [
        ...active.filter((a) => a.standing.status === "in_progress").map((a) => `${moduleName(a)}: ${a.patchPlan}`),
        ...due.slice(0, MAX_LISTED_REDRILLS).map((title) => `re-drill ${title}`),
        ...(due.length > MAX_LISTED_REDRILLS ? [`and ${due.length - MAX_LISTED_REDRILLS} more re-drills (see the dashboard)`] : []),
      ],
      "nothing to construct now",
    ),
    "  4. Controlled Pruning:",
    ...list(
      deferred.map((a) => `${moduleName(a)}: keep the follow-ups (${oneLine(a.proof!.followUps, 120)}) out of this packet`),
      "nothing to prune",
    ),
    "  5. Error Capture:",
    ...list(
      blocked.map((a) => `${moduleName(a)}: ask the question block of section 8 (${oneLine(a.packet?.blockedReason ?? "", 120)})`),
      "no blocked packet; when a step fails, record the question block of section 8 with its timestamp, step, error and context",
    ),
    "  6. Finalization:",
    ...list(
      [
        ...active.filter((a) => a.standing.status === "in_progress").map((a) => `submit the completion proof of ${moduleName(a)}`),
        ...active.filter((a) => a.standing.status === "review_required").map((a) => `reviewer signs off ${moduleName(a)}`),
        "regenerate this status update and compare it with the previous one",
      ],
      "regenerate this status update",
    ),
  ].join("\n");
}

function script(ctx: Context): string {
  const { program } = ctx.snapshot;
  return [
    "#!/bin/sh",
    `# Regenerates this status update for ${ctx.snapshot.learner.name} (${program.slug}) from the running app,`,
    "# checks that every section is present, and prints an error-capture question when a step fails.",
    "# Needs an API token of this learner profile (Settings); everything stays on this machine.",
    "set -u",
    'BASE="${MASTERY_URL:-http://127.0.0.1:3000}"',
    'OUT="status-update-$(date -u +%Y-%m-%d).md"',
    "capture() {",
    '  printf \':::\\nQuestion for ChatGPT @codex %s:\\nWhile performing [%s], encountered the following error:\\n%s\\nContext: %s\\nWhat are the possible causes, and how can this be resolved while preserving intended functionality?\\n:::\\n\' "$(date -u +"%Y-%m-%d %H:%M UTC")" "$1" "$2" "$3" >&2',
    "  exit 1",
    "}",
    '[ -n "${MASTERY_TOKEN:-}" ] || capture "1:Preparation" "MASTERY_TOKEN is not set" "create a token in Settings and export MASTERY_TOKEN"',
    'curl --fail --silent --show-error -H "Authorization: Bearer $MASTERY_TOKEN" "$BASE/api/v1/reports/status" -o "$OUT" 2>curl.err ||',
    '  capture "2:Search & Mapping" "$(cat curl.err)" "GET $BASE/api/v1/reports/status"',
    `for section in ${REPORT_SECTIONS.map((s) => `"${s}"`).join(" ")}; do`,
    '  grep -q "\\*\\*$section\\*\\*" "$OUT" || capture "6:Finalization" "section $section is missing" "$OUT"',
    "done",
    'echo "Wrote $OUT"',
  ].join("\n");
}

function reminder(ctx: Context): string {
  const open = ctx.audits.reduce((sum, a) => sum + a.openComments, 0);
  return `> **Reminder:** ${plural(open, "open review comment")} ${open === 1 ? "is" : "are"} tracked on the packet pages, and the whole history is in the plan log (/log); this report does not repeat them.`;
}

/** The report for already-loaded data: pure, so the same data always gives the same text. */
export function renderStatusUpdate(data: ReportData, problems: Problems): string {
  const ctx: Context = { ...data, audits: auditModules(data.snapshot, problems), problems };
  return [
    ...preamble(ctx),
    "",
    ...repoMap(ctx),
    "",
    ...capabilityTable(ctx),
    "",
    ...findingsSection(ctx),
    "",
    ...atomicDiffs(ctx),
    "",
    ...testsAndGates(ctx),
    "",
    ...reproducibility(ctx),
    "",
    ...deferredItems(ctx),
    "",
    ...errorCapture(ctx),
    "",
    "---",
    "",
    "## Codex-ready Task Sequence",
    fence(taskSequence(ctx), "text"),
    "",
    "**Additional Deliverable — Executable Script**",
    fence(script(ctx), "sh"),
    "",
    reminder(ctx),
    "",
  ].join("\n");
}

/** The status update for a learner in their program, as of `now`. */
export async function statusUpdateMarkdown(learnerId: string, programSlug: string, now: Date): Promise<string> {
  const program = getProgram(programSlug);
  if (!program) throw new AppError("not-found", `There is no program ${programSlug}.`, { program: "unknown program" });
  const [snapshot, logCount] = await Promise.all([learnerSnapshot(learnerId, now), countLogEntries({ learnerId })]);
  if (snapshot.learner.programSlug !== programSlug) {
    throw new AppError("invalid", `${snapshot.learner.name}'s learner profile is in ${snapshot.learner.programSlug}, not ${programSlug}.`, {
      program: "not this learner's program",
    });
  }
  const shown = evidenceChanges(snapshot).slice(0, MAX_DIFFS);
  const diffs = await latestTwoVersions(shown.map(({ packet, item }) => ({ packetId: packet.id, itemKey: item.itemKey, version: item.version })));
  const problems = getContent().problems.filter((p) => p.program === programSlug);
  return renderStatusUpdate({ snapshot, logCount, diffs }, problems);
}

/** The download's file name: `status-update-YYYY-MM-DD-<learner>.md`. */
export function statusUpdateFileName(learnerName: string, now: Date): string {
  return `status-update-${isoDate(now)}-${learnerName.replace(/[^\w-]+/g, "_")}.md`;
}
