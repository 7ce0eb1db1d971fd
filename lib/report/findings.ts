// The status update's high-signal findings: what needs attention first (overdue reviews,
// blocked packets, failing dimensions, pace), then where the learner stands on every success
// metric, so there are always at least ten and never more than twenty.
import type { ContentProblem } from "../content";
import { formatDuration } from "../progress/calendar";
import { DAY_MS, dayKey, formatMoment } from "../time/zone";
import type { LearnerSnapshot } from "../progress/snapshot";
import { redrillText } from "../redrill/triggers";
import { oneLine, plural } from "./markdown";
import type { ModuleAudit } from "./module-audit";
import { count } from "../ui/plural";

/** A submission waiting longer than this is an overdue review. */
const OVERDUE_REVIEW_DAYS = 2;
/** A running timer older than this was probably forgotten. */
const LONG_TIMER_HOURS = 8;
const MAX_FINDINGS = 20;

const label = (audit: ModuleAudit) => `Module ${audit.mod.meta.number} (${audit.mod.meta.title})`;
const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

export function highSignalFindings(
  snapshot: LearnerSnapshot,
  audits: readonly ModuleAudit[],
  problems: readonly ContentProblem[],
): string[] {
  const { now, pace, program } = snapshot;
  const urgent: string[] = [];
  for (const audit of audits) {
    const submitted = audit.packet?.submittedAt;
    if (audit.standing.status === "review_required" && submitted && days(submitted, now) >= OVERDUE_REVIEW_DAYS) {
      urgent.push(
        `**Overdue review:** ${label(audit)} has waited ${count(days(submitted, now), "day")} for sign-off (submitted ${dayKey(submitted, snapshot.zone)}).`,
      );
    }
  }
  for (const audit of audits) {
    if (audit.standing.status === "blocked")
      urgent.push(`**Blocked:** ${label(audit)}: ${oneLine(audit.packet?.blockedReason ?? "no reason recorded", 160)}.`);
  }
  for (const audit of audits) {
    if (audit.failing.length > 0) {
      urgent.push(
        `**Failing dimensions:** ${label(audit)} scored ${audit.failing.join(", ")} in the latest ${audit.standing.latest!.verdict} by ${audit.standing.latest!.reviewer}.`,
      );
    }
  }
  for (const audit of audits) {
    if (audit.rejected)
      urgent.push(
        `**Rework pending:** ${label(audit)} was sent back with feedback; ${audit.openComments > 0 ? plural(audit.openComments, "comment") + " still open" : "answer it item by item"}.`,
      );
  }
  for (const warning of pace.warnings) urgent.push(`**Behind schedule:** ${warning}`);
  for (const audit of audits) {
    const proof = audit.standing.status !== "completed" ? audit.proof : null;
    if (proof && (proof.validationStatus === "failing" || proof.drillStatus === "failing")) {
      urgent.push(
        `**Failing gate:** ${label(audit)}'s latest proof reports validation ${proof.validationStatus} and drills ${proof.drillStatus}.`,
      );
    }
  }
  const due = snapshot.redrill.due;
  if (due.length > 0) {
    urgent.push(
      `**Re-drills due:** ${plural(due.length, "item")}, the oldest since ${dayKey(due[0]!.dueAt, snapshot.zone)} (${redrillText(program, due[0]!)!.title}).`,
    );
  }
  const running = snapshot.time.running;
  if (running && now.getTime() - running.startedAt.getTime() >= LONG_TIMER_HOURS * 3_600_000) {
    urgent.push(
      `**Timer left running:** started ${formatMoment(running.startedAt, snapshot.zone)} on module ${running.moduleNumber}; stop it and correct the entry if it was forgotten.`,
    );
  }
  if (problems.length > 0)
    urgent.push(
      `**Content:** the content check finds ${plural(problems.length, "placeholder, TODO or error", "placeholders, TODOs or errors")} in this program.`,
    );

  const standing: string[] = [];
  standing.push(
    pace.state === "not-started"
      ? `**Pace:** not started; at ${pace.target.min}–${pace.target.max} modules a week the program takes ${program.meta.timeline.minWeeks}–${program.meta.timeline.maxWeeks} weeks.`
      : pace.state === "finished"
        ? `**Pace:** all ${count(pace.total, "module")} completed, the last on ${dayKey(pace.projectedFinish!, snapshot.zone)} (week ${pace.projectedWeek}).`
        : `**Pace:** week ${pace.currentWeek}, ${pace.modulesPerWeek} modules a week against ${pace.target.min}–${pace.target.max}; ${
            pace.projectedFinish
              ? `projected finish ${dayKey(pace.projectedFinish, snapshot.zone)} (week ${pace.projectedWeek})`
              : "no projection until a module is completed"
          }.`,
  );
  for (const metric of snapshot.metrics) standing.push(`**${metric.label}:** ${metric.text}${metric.met ? " — target met" : ""}.`);
  const busiest = [...snapshot.time.totals.byModule].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  standing.push(
    busiest
      ? `**Time:** most on module ${busiest[0]} (${formatDuration(busiest[1])}); ${plural(snapshot.time.entries.length, "time entry", "time entries")} in all.`
      : "**Time:** no time recorded yet; start a timer on a packet or add time by hand.",
  );
  const ticked = snapshot.indicators.filter((i) => i.checked).length;
  standing.push(`**Qualitative checklist and behavioural indicators:** ${ticked} of ${snapshot.indicators.length} ticked.`);
  const scheduled = snapshot.redrill.items.filter((i) => !i.retired).length;
  standing.push(
    `**Re-drill:** ${plural(scheduled, "item")} scheduled, ${snapshot.redrill.items.length - scheduled} retired after their last interval; ${due.length} due now.`,
  );
  const last = snapshot.log.recent[0];
  standing.push(
    `**Plan log:** ${plural(snapshot.log.entries, "entry", "entries")}${last ? `; last change ${formatMoment(last.createdAt, snapshot.zone)}` : ""}.`,
  );
  return [...urgent, ...standing].slice(0, MAX_FINDINGS);
}
