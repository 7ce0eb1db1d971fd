// What comes back for re-drill, from the module content: the low dimensions of an attempt's
// latest review bring back the module's matching drills and failure modes and its exit-ticket
// questions; a failed or over-time drill attempt brings back that drill. Also the text a
// learner practises for an item.
import type { Program } from "../content";
import { moduleByNumber } from "../content";
import type { Prisma } from "../generated/prisma/client";
import { drillAttempt } from "../packets/evidence-data";
import {
  DEFAULT_THRESHOLD,
  DIMENSION_LABELS,
  DIMENSIONS,
  type PassThreshold,
  remediationFor,
  type RubricScores,
  RubricScoresSchema,
} from "../rubric/rubric";
import { type RedrillItem, type RedrillKind, type RedrillRef, redrillSchedule, type RedrillTrigger } from "./schedule";

export type ReviewFact = { moduleNumber: number; at: Date; reviewer: string; verdict: string; scores: RubricScores };
export type DrillAttemptFact = { moduleNumber: number; at: Date; drillId: string; passed: boolean; withinTimebox: boolean | null };

/** A dimension is low when it is below the average the pass threshold asks for. */
function lowDimensions(scores: RubricScores, threshold: PassThreshold) {
  return DIMENSIONS.filter((d) => scores[d] < threshold.minAverage);
}

export function redrillTriggers(
  program: Program,
  threshold: PassThreshold,
  reviews: readonly ReviewFact[],
  drills: readonly DrillAttemptFact[],
): RedrillTrigger[] {
  const triggers: RedrillTrigger[] = [];
  for (const review of reviews) {
    const mod = moduleByNumber(program, review.moduleNumber);
    const low = lowDimensions(review.scores, threshold);
    if (!mod || low.length === 0) continue;
    const reason = `${low.map((d) => `${DIMENSION_LABELS[d]} ${review.scores[d]}`).join(", ")} in the ${review.verdict} by ${review.reviewer}`;
    const at = review.at;
    const { drills: matching, failureModes } = remediationFor(mod.meta, low);
    for (const drill of matching) triggers.push({ moduleNumber: mod.meta.number, kind: "drill", ref: drill.id, at, reason });
    for (const mode of failureModes) {
      triggers.push({
        moduleNumber: mod.meta.number,
        kind: "failure-mode",
        ref: String(mod.meta.failureModes.indexOf(mode) + 1),
        at,
        reason,
      });
    }
    mod.meta.exitTicket.forEach((_, index) =>
      triggers.push({ moduleNumber: mod.meta.number, kind: "exit-ticket", ref: String(index + 1), at, reason }),
    );
  }
  for (const attempt of drills) {
    if (attempt.passed && attempt.withinTimebox !== false) continue;
    const reason = attempt.passed ? "the drill ran over its time box" : "the drill attempt did not meet its standard";
    triggers.push({ moduleNumber: attempt.moduleNumber, kind: "drill", ref: attempt.drillId, at: attempt.at, reason });
  }
  return triggers;
}

export type RedrillText = { title: string; prompt: string; answer?: string };

/** What to practise for an item, or null when the content no longer has it. */
export function redrillText(program: Program, item: RedrillRef): RedrillText | null {
  const mod = moduleByNumber(program, item.moduleNumber);
  if (!mod) return null;
  const label = `Module ${mod.meta.number}`;
  if (item.kind === "drill") {
    const drill = mod.meta.drills.find((d) => d.id === item.ref);
    return drill ? { title: `${label} drill (${drill.level}): ${drill.title}`, prompt: drill.prompt } : null;
  }
  const index = Number(item.ref) - 1;
  if (item.kind === "failure-mode") {
    const mode = mod.meta.failureModes[index];
    return mode
      ? {
          title: `${label} failure mode ${index + 1}`,
          prompt: `${mode.symptom} Name the likely cause and the fix before you look.`,
          answer: `Cause: ${mode.cause} Fix: ${mode.fix}`,
        }
      : null;
  }
  const question = mod.meta.exitTicket[index];
  return question ? { title: `${label} exit ticket ${index + 1}`, prompt: question } : null;
}

/** The rows of a packet the triggers read: its reviews and its evidence (only drill attempts count). */
export type PacketHistory = {
  moduleNumber: number;
  reviews: { createdAt: Date; reviewerName: string; verdict: string; scores: Prisma.JsonValue }[];
  evidence: { kind: string; itemKey: string; version: number; createdAt: Date; data: Prisma.JsonValue | null }[];
};

/** The latest review of each attempt (a verdict or a rescore): what the reviewer now finds weak. */
function reviewFacts(packets: readonly PacketHistory[]): ReviewFact[] {
  return packets.flatMap((p) => {
    const latest = [...p.reviews].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
    return latest
      ? [
          {
            moduleNumber: p.moduleNumber,
            at: latest.createdAt,
            reviewer: latest.reviewerName,
            verdict: latest.verdict,
            scores: RubricScoresSchema.parse(latest.scores),
          },
        ]
      : [];
  });
}

/** Drill attempts at their latest version (a new version of an attempt replaces it). */
export function drillFacts(packets: readonly PacketHistory[]): DrillAttemptFact[] {
  return packets.flatMap((p) => {
    const latest = new Map<string, PacketHistory["evidence"][number]>();
    for (const row of p.evidence) {
      if (row.kind === "drill" && (latest.get(row.itemKey)?.version ?? 0) < row.version) latest.set(row.itemKey, row);
    }
    return [...latest.values()].map((row) => {
      const data = drillAttempt(row.data);
      return {
        moduleNumber: p.moduleNumber,
        at: row.createdAt,
        drillId: data?.drillId ?? "",
        passed: data?.passed ?? false,
        withinTimebox: data?.withinTimebox ?? null,
      };
    });
  });
}

export type ResultRow = { moduleNumber: number; itemKind: string; itemRef: string; passed: boolean; createdAt: Date };

/** A learner's re-drill schedule: items the content still has, soonest due first, due on days of their time zone. */
export function learnerSchedule(
  program: Program,
  packets: readonly PacketHistory[],
  results: readonly ResultRow[],
  zone: string,
): RedrillItem[] {
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const triggers = redrillTriggers(program, threshold, reviewFacts(packets), drillFacts(packets));
  const outcomes = results.map((r) => ({
    moduleNumber: r.moduleNumber,
    kind: r.itemKind as RedrillKind,
    ref: r.itemRef,
    at: r.createdAt,
    passed: r.passed,
  }));
  return redrillSchedule(triggers, outcomes, zone).filter((item) => redrillText(program, item) !== null);
}
