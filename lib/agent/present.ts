// Domain rows in the shapes of the API's answers (schemas.ts): dates as ISO text, JSON columns
// parsed, provenance as actor kind and label.
import { isImportedCompletion } from "../packets/imported";
import type { z } from "zod";
import type { Module, Program } from "../content";
import { moduleRoute } from "../content/links";
import type { Prisma } from "../generated/prisma/client";
import { formatLogEntry } from "../log/format";
import { EvidenceDataSchema } from "../packets/evidence-data";
import type { NextStep } from "../packets/next-step";
import type { PacketDetail } from "../packets/queries";
import type { ChecklistItem } from "../reviews/checklist";
import type { LearnerCaller } from "./caller";
import type { ChecklistAnswer, EvidenceItem, FeedbackAnswer, LearnerInfo, LogEntry, NextStepAnswer, PacketSummary } from "./schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;

type PacketRow = Prisma.PacketGetPayload<object> & { rejected?: boolean };

export function packetJson(mod: Module, packet: PacketRow | null | undefined): z.input<typeof PacketSummary> {
  return {
    module: mod.meta.number,
    slug: mod.slug,
    title: mod.meta.title,
    status: packet?.status ?? "pending",
    packetId: packet?.id ?? null,
    attempt: packet?.attempt ?? null,
    blockedReason: packet?.blockedReason ?? null,
    awaitingRework: packet?.status === "in_progress" && packet.rejected === true,
    imported: packet ? isImportedCompletion(packet) : false,
    startedAt: iso(packet?.startedAt ?? null),
    submittedAt: iso(packet?.submittedAt ?? null),
    completedAt: iso(packet?.completedAt ?? null),
  };
}

export function evidenceJson(row: Prisma.EvidenceGetPayload<object>): z.input<typeof EvidenceItem> {
  return {
    id: row.id,
    itemKey: row.itemKey,
    version: row.version,
    kind: row.kind,
    title: row.title,
    body: row.body,
    url: row.url,
    fileName: row.fileName,
    fileType: row.fileType,
    fileSize: row.fileSize,
    sha256: row.sha256,
    data: EvidenceDataSchema.nullable().parse(row.data),
    actor: { kind: row.actorKind, label: row.actorLabel },
    createdAt: row.createdAt.toISOString(),
  };
}

export function logEntryJson(row: Prisma.PlanLogEntryGetPayload<object>): z.input<typeof LogEntry> {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    module: row.moduleNumber,
    status: row.status,
    summary: row.summary,
    evidence: row.evidence,
    risks: row.risks,
    next: row.next,
    actor: row.actorLabel,
    text: formatLogEntry(row),
  };
}

const NEXT_COMMANDS: Partial<Record<NextStep["kind"], (n: number) => string>> = {
  start: (n) => `mastery start ${n}`,
  continue: (n) => `mastery evidence add ${n} --note -`,
  rework: (n) => `mastery feedback ${n}`,
  unblock: (n) => `mastery unblock ${n}`,
};

export function nextStepJson(next: NextStep): z.input<typeof NextStepAnswer> {
  const moduleNumber = "moduleNumber" in next ? next.moduleNumber : null;
  const command = moduleNumber !== null ? (NEXT_COMMANDS[next.kind]?.(moduleNumber) ?? null) : null;
  return { kind: next.kind, module: moduleNumber, text: next.text, command };
}

export function checklistJson(checklist: ChecklistItem[]): z.input<typeof ChecklistAnswer>["checklist"] {
  return checklist.map(({ number, text, done }) => ({ number, text, done }));
}

export function feedbackJson(
  detail: Pick<PacketDetail, "reviews" | "comments">,
): Omit<z.input<typeof FeedbackAnswer>, "packet" | "timeZone"> {
  return {
    reviews: detail.reviews.map((r) => ({
      id: r.id,
      verdict: r.verdict as "accept" | "reject" | "rescore" | "self-review",
      reviewer: r.reviewerName,
      scores: r.scoresParsed,
      remarks: r.remarksParsed,
      feedback: r.feedback,
      checklist: checklistJson(r.checklist),
      remediation: r.remediationParsed
        ? {
            dimensions: r.remediationParsed.dimensions,
            drills: r.remediationParsed.drills.map(({ id, title, level }) => ({ id, title, level })),
            failureModes: r.remediationParsed.failureModes.map(({ symptom, cause, fix }) => ({ symptom, cause, fix })),
          }
        : null,
      createdAt: r.createdAt.toISOString(),
    })),
    comments: detail.comments.map((c) => ({
      id: c.id,
      evidenceItemKey: c.evidenceItemKey,
      body: c.body,
      author: c.authorName,
      createdAt: c.createdAt.toISOString(),
      resolution: c.resolution ? { note: c.resolution.note, createdAt: c.resolution.createdAt.toISOString() } : null,
    })),
  };
}

export function moduleUrl(program: Program, mod: Module): string {
  return moduleRoute(program.slug, mod.slug);
}

export function learnerJson(caller: LearnerCaller): z.input<typeof LearnerInfo> {
  const { learner } = caller;
  return {
    id: learner.id,
    name: learner.name,
    program: learner.programSlug,
    soloMode: learner.soloMode,
    timeZone: caller.zone,
    via: caller.via,
  };
}
