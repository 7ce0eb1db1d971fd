// Everything the dashboard and the status-update report show about one learner, read in one go
// and computed from the same rows, so the two never disagree.
import { isImportedCompletion } from "../packets/imported";
import { getProgram, moduleByNumber, type Program } from "../content";
import { db } from "../db";
import { AppError } from "../errors";
import { stampedMemo } from "../stamped-memo";
import type { Prisma } from "../generated/prisma/client";
import { exerciseSlug } from "../packets/evidence-data";
import { evidenceSummary, type PacketEvidence } from "../packets/evidence-summary";
import { type NextStep, nextStep } from "../packets/next-step";
import { isDue, type RedrillItem } from "../redrill/schedule";
import { latestVerdict } from "../reviews/history";
import { drillFacts, learnerSchedule, type PacketHistory, redrillText } from "../redrill/triggers";
import { type RubricScores, RubricScoresSchema } from "../rubric/rubric";
import { ProofSchema } from "../packets/proof";
import { type EffectiveEntry, effectiveEntries, type TimeTotals, timeTotals } from "../time/aggregate";
import type { ModuleStanding } from "./capabilities";
import { learnerStamp, logEntriesIn, rowsHeld } from "./learner-stamp";
import { type IndicatorState, indicatorStates } from "./indicators";
import { type Metric, type Pace, pace, playbookAdditions, type ProgressFacts, successMetrics } from "./metrics";

const PACKET_INCLUDE = {
  proofs: { orderBy: { createdAt: "asc" } },
  reviews: { orderBy: { createdAt: "asc" } },
  comments: { include: { resolution: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.PacketInclude;

/** A packet attempt with its proofs, reviews and comments, and its evidence (items at their latest version, exercise and drill rows). */
export type SnapshotPacket = Prisma.PacketGetPayload<{ include: typeof PACKET_INCLUDE }> & PacketEvidence;
type LogRow = Prisma.PlanLogEntryGetPayload<object>;

export type LearnerSnapshot = {
  now: Date;
  learner: Prisma.LearnerGetPayload<object>;
  /** The learner's time zone (their person's): days, program weeks and re-drill days fall in it. */
  zone: string;
  program: Program;
  /** Every attempt, oldest first within a module. */
  packets: SnapshotPacket[];
  /** The latest attempt of each started module. */
  current: Map<number, SnapshotPacket>;
  standings: ModuleStanding[];
  time: { entries: EffectiveEntry[]; totals: TimeTotals; running: Prisma.RunningTimerGetPayload<object> | null };
  redrill: { items: RedrillItem[]; due: RedrillItem[] };
  indicators: IndicatorState[];
  library: { patterns: number; playbookEntries: number };
  /** The latest plan-log entries, and how many the learner has in all. */
  log: { recent: LogRow[]; entries: number };
  /** Prerequisites a reviewer waived, as `module:prerequisite`. */
  waived: Set<string>;
  facts: ProgressFacts;
  metrics: Metric[];
  pace: Pace;
  next: NextStep;
};

const latestOf = (dates: (Date | null | undefined)[]) => {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
};
const earliestOf = (dates: (Date | null | undefined)[]) => {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

function standingOf(program: Program, number: number, title: string, packet: SnapshotPacket | undefined): ModuleStanding {
  if (!packet)
    return {
      number,
      title,
      status: "pending",
      imported: false,
      attempt: 0,
      packetId: null,
      evidence: [],
      drillAttempts: [],
      exercisesDone: [],
      latest: null,
    };
  const evidence = packet.items;
  const review = packet.reviews.at(-1);
  return {
    number,
    title,
    status: packet.status,
    imported: isImportedCompletion(packet),
    attempt: packet.attempt,
    packetId: packet.id,
    evidence: evidence.map((e) => ({ key: e.itemKey, kind: e.kind, title: e.title, version: e.version })),
    drillAttempts: drillFacts([history(packet)]).map(({ drillId, passed, withinTimebox }) => ({ drillId, passed, withinTimebox })),
    exercisesDone: [...new Set(evidence.filter((e) => e.kind === "exercise").map((e) => exerciseSlug(e.data) ?? ""))].filter((slug) =>
      moduleByNumber(program, number)?.exercises.some((ex) => ex.slug === slug),
    ),
    latest: review
      ? {
          scores: RubricScoresSchema.parse(review.scores),
          self: selfScoresBefore(packet, review.createdAt),
          verdict: review.verdict,
          reviewer: review.reviewerName,
          at: review.createdAt,
        }
      : null,
  };
}

/** The self-score of the last proof sent before a review, or null when there is none that reads as a proof. */
function selfScoresBefore(packet: SnapshotPacket, at: Date): RubricScores | null {
  const proof = packet.proofs.filter((p) => p.createdAt <= at).at(-1);
  const parsed = proof ? ProofSchema.safeParse(proof.data) : null;
  return parsed?.success ? parsed.data.selfScores : null;
}

/** The rows re-drill triggers read: reviews, and drill attempts among the work rows. */
const history = (packet: SnapshotPacket): PacketHistory => ({
  moduleNumber: packet.moduleNumber,
  reviews: packet.reviews,
  evidence: packet.work,
});

/** What follows from the learner's rows alone, not from the moment: kept while their stamp is unchanged. */
type LearnerRecord = Omit<
  LearnerSnapshot,
  "now" | "learner" | "zone" | "program" | "redrill" | "facts" | "metrics" | "pace" | "next" | "log"
> & {
  log: Omit<LearnerSnapshot["log"], "entries">;
  redrillItems: RedrillItem[];
  facts: Omit<ProgressFacts, "now">;
  states: ModuleState[];
};
type ModuleState = Parameters<typeof nextStep>[1][number];

/**
 * Records are kept for the learners most recently seen, up to 10,000 rows held one by one behind
 * them together (evidence, reviews, time entries…: a cohort learner's record holds 136 and takes
 * about 50 KB, so some 70 of them, under 4 MB), as the evidence summaries are: a server's active
 * learners come back within minutes.
 */
const records = stampedMemo("learner record", 10_000, rowsHeld);
// Content is loaded once per process, and again in development when a file changes: a record is
// worked out from one program object, which a stamp names by a number.
const programNumbers = new WeakMap<Program, number>();
let programsSeen = 0;
const programNumber = (program: Program) => programNumbers.get(program) ?? programNumbers.set(program, ++programsSeen).get(program)!;

export async function learnerSnapshot(learnerId: string, now = new Date()): Promise<LearnerSnapshot> {
  const client = await db();
  const [row, stamp] = await Promise.all([
    client.learner.findUnique({ where: { id: learnerId }, include: { owner: { select: { timeZone: true } } } }),
    learnerStamp(learnerId),
  ]);
  if (!row) throw new AppError("not-found", "No such learner profile.", { learner: "unknown learner profile" });
  const { owner, ...learner } = row;
  const zone = owner.timeZone;
  const program = getProgram(learner.programSlug);
  if (!program) throw new AppError("not-found", `The program ${learner.programSlug} is not available.`);
  const record = await records(learnerId, `${stamp}|${zone}|${program.slug}|${programNumber(program)}`, () =>
    readRecord(learnerId, program, zone),
  );
  const { redrillItems, facts: lasting, states, ...kept } = record;
  const due = redrillItems.filter((item) => isDue(item, now));
  const facts: ProgressFacts = { ...lasting, now };
  return {
    ...kept,
    // The stamp counts them already: its count is the one this record was read under.
    log: { ...kept.log, entries: logEntriesIn(stamp) },
    now,
    learner,
    zone,
    program,
    redrill: { items: redrillItems, due },
    facts,
    metrics: successMetrics(program.meta.successMetrics, playbookAdditions(program.modules), facts),
    pace: pace(program.meta.timeline, program.modules.length, facts),
    next: nextStep(
      program,
      states,
      due.map((item) => ({ moduleNumber: item.moduleNumber, title: redrillText(program, item)!.title })),
    ),
  };
}

async function readRecord(learnerId: string, program: Program, zone: string): Promise<LearnerRecord> {
  const client = await db();
  const where = { learnerId };
  const [packetRows, evidence, timeRows, running, results, marks, patterns, playbookEntries, recent, waivers] = await Promise.all([
    client.packet.findMany({ where, orderBy: [{ moduleNumber: "asc" }, { attempt: "asc" }], include: PACKET_INCLUDE }),
    evidenceSummary(learnerId),
    client.timeEntry.findMany({ where, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
    client.runningTimer.findUnique({ where }),
    client.redrillResult.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    client.indicatorMark.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    client.pattern.count({ where: { learnerId, archived: false } }),
    client.playbookEntry.count({ where: { learnerId, archived: false } }),
    client.planLogEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 5 }),
    client.prerequisiteWaiver.findMany({ where }),
  ]);
  const packets = packetRows.map((p): SnapshotPacket => ({ ...p, ...(evidence.get(p.id) ?? { items: [], work: [] }) }));
  const current = new Map<number, SnapshotPacket>();
  for (const packet of packets) current.set(packet.moduleNumber, packet);
  const standings = program.modules.map((m) => standingOf(program, m.meta.number, m.meta.title, current.get(m.meta.number)));

  const entries = effectiveEntries(timeRows);
  const start = earliestOf([...packets.map((p) => p.startedAt), ...entries.map((e) => e.startedAt), running?.startedAt]);
  const totals = timeTotals(entries, start, zone);
  const redrillItems = learnerSchedule(program, packets.map(history), results, zone);

  const exercisesFinished = new Map<string, Date>();
  for (const packet of packets) {
    const exercises = moduleByNumber(program, packet.moduleNumber)?.exercises ?? [];
    for (const row of packet.work) {
      const slug = row.kind === "exercise" ? exerciseSlug(row.data) : undefined;
      const key = `${packet.moduleNumber}:${slug}`;
      if (slug && exercises.some((e) => e.slug === slug) && !exercisesFinished.has(key)) exercisesFinished.set(key, row.createdAt);
    }
  }
  const facts: Omit<ProgressFacts, "now"> = {
    zone,
    start,
    completions: [...current.values()]
      .filter((p) => p.status === "completed")
      .map((p) => ({ moduleNumber: p.moduleNumber, at: p.completedAt ?? p.updatedAt })),
    exercisesFinished: [...exercisesFinished].map(([key, at]) => ({ key, at })),
    patterns,
    playbookEntries,
    totalSeconds: totals.totalSeconds,
    lastActivity: latestOf([
      recent[0]?.createdAt,
      ...timeRows.map((r) => r.createdAt),
      running?.startedAt,
      results.at(-1)?.createdAt,
      marks.at(-1)?.createdAt,
    ]),
  };
  return {
    packets,
    current,
    standings,
    time: { entries, totals, running },
    redrillItems,
    indicators: indicatorStates(program.meta.successMetrics, marks),
    library: { patterns, playbookEntries },
    log: { recent },
    waived: new Set(waivers.map((w) => `${w.moduleNumber}:${w.prerequisite}`)),
    facts,
    states: [...current.values()].map((p) => ({
      moduleNumber: p.moduleNumber,
      status: p.status,
      rejected: latestVerdict(p.reviews)?.verdict === "reject",
    })),
  };
}
