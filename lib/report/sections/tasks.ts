// The closing of the status update: the task sequence, the script that regenerates the report
// and the reminder about open review comments.
import { formatMoment } from "../../time/zone";
import { redrillText } from "../../redrill/triggers";
import { oneLine, plural } from "../markdown";
import { type Context, moduleName, packetRoute, REPORT_SECTIONS } from "./context";

const MAX_LISTED_REDRILLS = 5;

export function taskSequence(ctx: Context): string {
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
        ...(ctx.snapshot.time.running
          ? [`stop the timer running since ${formatMoment(ctx.snapshot.time.running.startedAt, ctx.snapshot.zone)}`]
          : []),
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

export function script(ctx: Context): string {
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

export function reminder(ctx: Context): string {
  const open = ctx.audits.reduce((sum, a) => sum + a.openComments, 0);
  return `> **Reminder:** ${plural(open, "open review comment")} ${open === 1 ? "is" : "are"} tracked on the packet pages, and the whole history is in the plan log (/log); this report does not repeat them.`;
}
