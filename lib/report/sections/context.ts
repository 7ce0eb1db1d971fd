// What every section of the status update reads, and the names the sections share.
import path from "node:path";
import type { getContent } from "../../content";
import type { latestTwoVersions } from "../../packets/evidence-summary";
import type { LearnerSnapshot } from "../../progress/snapshot";
import type { ModuleAudit } from "../module-audit";

/** The numbered sections of the report, in order; the script it ends with checks that each is present. */
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

export type Problems = ReturnType<typeof getContent>["problems"];
export type VersionPairs = Awaited<ReturnType<typeof latestTwoVersions>>;

/** What the report is computed from: the learner's snapshot, the size of their plan log and the evidence versions its diffs show. */
export type ReportData = { snapshot: LearnerSnapshot; diffs: VersionPairs };

export type Context = ReportData & { audits: ModuleAudit[]; problems: Problems };

export const rel = (ctx: Context, file: string) =>
  path.posix.join(ctx.snapshot.program.slug, path.relative(ctx.snapshot.program.dir, file).split(path.sep).join("/"));
export const moduleName = (audit: ModuleAudit) => `Module ${audit.mod.meta.number}: ${audit.mod.meta.title}`;
export const packetRoute = (ctx: Context, audit: ModuleAudit) => `/programs/${ctx.snapshot.program.slug}/modules/${audit.mod.slug}/packet`;
