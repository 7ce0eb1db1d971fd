// The status update of the client's template (seeds/status-update-template.md), generated from
// live state for one learner in one program: the same sections in the same order, every
// placeholder filled or marked as having no data, and the same text for the same data.
import { getContent, getProgram } from "../content";
import { AppError } from "../errors";
import { latestTwoVersions } from "../packets/evidence-summary";
import { learnerSnapshot } from "../progress/snapshot";
import { dayKey } from "../time/zone";
import { fence } from "./markdown";
import { auditModules } from "./module-audit";
import { capabilityTable, findingsSection, preamble, repoMap } from "./sections/audit";
import { deferredItems, errorCapture, reproducibility, testsAndGates } from "./sections/checklists";
import type { Context, Problems, ReportData } from "./sections/context";
import { atomicDiffs, evidenceChanges, MAX_DIFFS } from "./sections/diffs";
import { reminder, script, taskSequence } from "./sections/tasks";

export { REPORT_SECTIONS } from "./sections/context";

/**
 * The report for already-loaded data, section by section: pure, so the same data always gives the
 * same text. The report is its sections with a blank line between them.
 */
function renderStatusUpdate(data: ReportData, problems: Problems): string[] {
  const ctx: Context = { ...data, audits: auditModules(data.snapshot, problems), problems };
  return [
    preamble(ctx),
    repoMap(ctx),
    capabilityTable(ctx),
    findingsSection(ctx),
    atomicDiffs(ctx),
    testsAndGates(ctx),
    reproducibility(ctx),
    deferredItems(ctx),
    errorCapture(ctx),
    [
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
    ],
  ].map((lines) => lines.join("\n"));
}

/**
 * The status update for a learner in their program, as of `now`, section by section: a page
 * renders each on its own, so the one that says when it was generated is the only one that
 * changes from minute to minute.
 */
export async function statusUpdateSections(learnerId: string, programSlug: string, now: Date): Promise<string[]> {
  const program = getProgram(programSlug);
  if (!program) throw new AppError("not-found", `There is no program ${programSlug}.`, { program: "unknown program" });
  const snapshot = await learnerSnapshot(learnerId, now);
  if (snapshot.learner.programSlug !== programSlug) {
    throw new AppError("invalid", `${snapshot.learner.name}'s learner profile is in ${snapshot.learner.programSlug}, not ${programSlug}.`, {
      program: "not this learner's program",
    });
  }
  const shown = evidenceChanges(snapshot).slice(0, MAX_DIFFS);
  const diffs = await latestTwoVersions(
    shown.map(({ packet, item }) => ({ packetId: packet.id, itemKey: item.itemKey, version: item.version })),
  );
  const problems = getContent().problems.filter((p) => p.program === programSlug);
  return renderStatusUpdate({ snapshot, diffs }, problems);
}

/** The status update for a learner in their program, as of `now`. */
export async function statusUpdateMarkdown(learnerId: string, programSlug: string, now: Date): Promise<string> {
  return (await statusUpdateSections(learnerId, programSlug, now)).join("\n\n");
}

/** The download's file name: `status-update-YYYY-MM-DD-<learner>.md`, on the learner's day. */
export function statusUpdateFileName(learnerName: string, now: Date, zone: string): string {
  return `status-update-${dayKey(now, zone)}-${learnerName.replace(/[^\w-]+/g, "_")}.md`;
}
