// Work packets in the database: each change validates its input, checks the rules of
// transitions.ts against the learner's current state and writes the change and its plan-log
// entry in one transaction.
import { z } from "zod";
import { type Actor, assertActsFor, provenance } from "../auth/actor";
import { getProgram, moduleByNumber, moduleLabel, type Module, type Program } from "../content";
import { lockLearner, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { appendLogEntry } from "../log/service";
import { checkProof } from "./proof";
import { type Decision, decide, type Status } from "./transitions";
import { count } from "../ui/plural";

export type PacketRow = Prisma.PacketGetPayload<object>;

const ACTIVE_STATUSES: Status[] = ["in_progress", "review_required"];

/** Throws the refusal of a decision as an AppError a form or the API can show. */
export function enforce(decision: Decision): Status {
  if (decision.ok) return decision.to;
  const forbidden = decision.code === "reviewer-only" || decision.code === "own-packet";
  throw new AppError(forbidden ? "forbidden" : "refused", decision.message, {}, decision.code, decision.missing);
}

export type LearnerState = {
  learner: Prisma.LearnerGetPayload<object>;
  /** The time zone of the person who owns the profile. */
  zone: string;
  program: Program;
  /** The latest attempt of each module that has been started. */
  current: Map<number, PacketRow>;
  waived: Set<string>;
};

/** Reads a learner's state for a write, after taking the learner's lock (see `lockLearner`). */
export async function loadLearnerState(tx: Tx, learnerId: string): Promise<LearnerState> {
  await lockLearner(tx, learnerId);
  const row = await tx.learner.findUnique({ where: { id: learnerId }, include: { owner: { select: { timeZone: true } } } });
  if (!row) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner" });
  const { owner, ...learner } = row;
  const program = getProgram(learner.programSlug);
  if (!program) throw new AppError("not-found", `The program ${learner.programSlug} is not available.`);
  const packets = await tx.packet.findMany({ where: { learnerId }, orderBy: { attempt: "asc" } });
  const current = new Map<number, PacketRow>();
  for (const packet of packets) current.set(packet.moduleNumber, packet);
  const waivers = await tx.prerequisiteWaiver.findMany({ where: { learnerId } });
  return { learner, zone: owner.timeZone, program, current, waived: new Set(waivers.map((w) => `${w.moduleNumber}:${w.prerequisite}`)) };
}

/** The state of the learner `actor` writes for, after checking the actor acts for them. */
export async function learnerStateFor(tx: Tx, actor: Actor, learnerId: string): Promise<LearnerState> {
  const state = await loadLearnerState(tx, learnerId);
  assertActsFor(actor, state.learner);
  return state;
}

export function statusOf(state: LearnerState, moduleNumber: number): Status {
  return state.current.get(moduleNumber)?.status ?? "pending";
}

function missingPrerequisites(state: LearnerState, mod: Module): string[] {
  return mod.meta.prerequisites
    .filter((n) => statusOf(state, n) !== "completed" && !state.waived.has(`${mod.meta.number}:${n}`))
    .map((n) => {
      const pre = moduleByNumber(state.program, n);
      return pre ? moduleLabel(pre) : `Module ${n}`;
    });
}

function otherActive(state: LearnerState, moduleNumber: number) {
  for (const packet of state.current.values()) {
    if (packet.moduleNumber !== moduleNumber && ACTIVE_STATUSES.includes(packet.status)) {
      const mod = moduleByNumber(state.program, packet.moduleNumber);
      return { label: mod ? moduleLabel(mod) : `Module ${packet.moduleNumber}`, status: packet.status };
    }
  }
  return null;
}

function moduleOf(state: LearnerState, moduleNumber: number): Module {
  const mod = moduleByNumber(state.program, moduleNumber);
  if (!mod) throw new AppError("not-found", `The program has no module ${moduleNumber}.`, { module: "unknown module" });
  return mod;
}

const StartSchema = z.object({
  learnerId: z.string().min(1),
  moduleNumber: z.coerce.number().int().positive(),
  restart: z.boolean().default(false),
});

/**
 * Starts a module's packet (pending → in_progress). With `restart`, a completed or stuck
 * module gets a new attempt; earlier attempts stay as they are.
 */
export async function startPacket(actor: Actor, input: z.input<typeof StartSchema>): Promise<PacketRow> {
  const parsed = StartSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { learnerId, moduleNumber, restart } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    const mod = moduleOf(state, moduleNumber);
    const existing = state.current.get(moduleNumber);
    const from: Status = restart ? "pending" : statusOf(state, moduleNumber);
    if (restart && existing && existing.status === "review_required") {
      throw new AppError(
        "refused",
        `${moduleLabel(mod)} is waiting for review; it cannot be restarted until the reviewer decides.`,
        {},
        "illegal-transition",
      );
    }
    enforce(
      decide("start", from, {
        actor,
        moduleLabel: moduleLabel(mod),
        missingPrerequisites: missingPrerequisites(state, mod),
        otherActive: otherActive(state, moduleNumber),
      }),
    );
    const attempt = restart && existing ? existing.attempt + 1 : 1;
    const packet = await tx.packet.create({
      data: { learnerId, moduleNumber, attempt, status: "in_progress", startedAt: new Date() },
    });
    await appendLogEntry(tx, {
      learnerId,
      moduleNumber,
      status: "in_progress",
      summary: `${attempt > 1 ? `Restarted ${moduleLabel(mod)} as attempt ${attempt}` : `Started ${moduleLabel(mod)}`} (${actor.kind}: ${actor.label})`,
      evidence: attempt > 1 ? `earlier attempts kept (1–${attempt - 1})` : "none yet",
      risks: "none known",
      next: "Work through the concept text, drills and exercises; attach evidence as you go.",
      actor,
    });
    return packet;
  });
}

export async function loadPacket(tx: Tx, packetId: string): Promise<{ packet: PacketRow; state: LearnerState; mod: Module }> {
  const packet = await tx.packet.findUnique({ where: { id: packetId } });
  if (!packet) throw new AppError("not-found", "No such packet.", { packetId: "unknown packet" });
  const state = await loadLearnerState(tx, packet.learnerId);
  if (state.current.get(packet.moduleNumber)?.id !== packet.id) {
    throw new AppError("refused", "This is an earlier attempt; it is kept as it was. Work on the latest attempt.", {}, "earlier-attempt");
  }
  return { packet, state, mod: moduleOf(state, packet.moduleNumber) };
}

/** Moves a packet only if nobody else changed its status since it was read (no lost updates). */
export async function setStatus(tx: Tx, packet: PacketRow, to: Status, data: Prisma.PacketUpdateInput = {}): Promise<PacketRow> {
  const { count } = await tx.packet.updateMany({
    where: { id: packet.id, status: packet.status },
    data: { ...data, status: to } as Prisma.PacketUpdateManyMutationInput,
  });
  if (count !== 1) throw new AppError("conflict", "The packet changed while you were working on it. Reload and try again.");
  return tx.packet.findUniqueOrThrow({ where: { id: packet.id } });
}

const ReasonSchema = z.object({
  packetId: z.string().min(1),
  reason: z.string().trim().max(2000, "keep the reason under 2,000 characters").default(""),
});

export async function blockPacket(actor: Actor, input: z.input<typeof ReasonSchema>): Promise<PacketRow> {
  const parsed = ReasonSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return transaction(async (tx) => {
    const { packet, state, mod } = await loadPacket(tx, parsed.data.packetId);
    assertActsFor(actor, state.learner);
    const decision = decide("block", packet.status, { actor, moduleLabel: moduleLabel(mod), reason: parsed.data.reason });
    if (!decision.ok && decision.code === "reason-required") {
      throw new AppError("invalid", decision.message, { reason: "Say why the packet is blocked." }, decision.code);
    }
    const to = enforce(decision);
    const updated = await setStatus(tx, packet, to, { blockedReason: parsed.data.reason });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: to,
      summary: `Blocked ${moduleLabel(mod)}: ${parsed.data.reason}`,
      evidence: "none",
      risks: parsed.data.reason,
      next: "Remove the blocker, then unblock the packet.",
      actor,
    });
    return updated;
  });
}

export async function unblockPacket(actor: Actor, input: z.input<typeof ReasonSchema>): Promise<PacketRow> {
  const parsed = ReasonSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return transaction(async (tx) => {
    const { packet, state, mod } = await loadPacket(tx, parsed.data.packetId);
    assertActsFor(actor, state.learner);
    const to = enforce(
      decide("unblock", packet.status, { actor, moduleLabel: moduleLabel(mod), otherActive: otherActive(state, packet.moduleNumber) }),
    );
    const updated = await setStatus(tx, packet, to, { blockedReason: null });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: to,
      summary: `Unblocked ${moduleLabel(mod)}${parsed.data.reason ? `: ${parsed.data.reason}` : ""}`,
      evidence: "none",
      risks: `was blocked: ${packet.blockedReason ?? "no reason recorded"}`,
      next: "Continue the packet.",
      actor,
    });
    return updated;
  });
}

/** Keys of the packet's evidence items (any version), which proof claims may point to. */
async function evidenceKeys(tx: Tx, packetId: string): Promise<Set<string>> {
  const rows = await tx.evidence.findMany({ where: { packetId }, select: { itemKey: true }, distinct: ["itemKey"] });
  return new Set(rows.map((r) => r.itemKey));
}

export async function submitPacket(actor: Actor, input: { packetId: string; proof: unknown }): Promise<PacketRow> {
  if (typeof input?.packetId !== "string" || input.packetId === "")
    throw new AppError("invalid", "Which packet?", { packetId: "required" });
  return transaction(async (tx) => {
    const { packet, state, mod } = await loadPacket(tx, input.packetId);
    assertActsFor(actor, state.learner);
    const keys = await evidenceKeys(tx, packet.id);
    const check = checkProof(input.proof, keys);
    const decision = decide("submit", packet.status, { actor, moduleLabel: moduleLabel(mod), proofMissing: check.missing });
    if (!decision.ok && decision.code === "proof-incomplete") {
      throw new AppError("invalid", decision.message, check.fieldErrors, decision.code, decision.missing);
    }
    const to = enforce(decision);
    const proof = check.proof!;
    await tx.completionProof.create({
      data: { packetId: packet.id, data: proof, ...provenance(actor) },
    });
    const updated = await setStatus(tx, packet, to, { submittedAt: new Date() });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: to,
      summary: `Submitted ${moduleLabel(mod)} for review: validation ${proof.validationStatus}, drills ${proof.drillStatus}; ${proof.rubricSummary}`,
      evidence: `${count(keys.size, "evidence item")}; ${count(proof.claims.length, "claim")} each backed by evidence`,
      risks: proof.risks,
      next: `Reviewer signs off; follow-ups: ${proof.followUps}`,
      actor,
    });
    return updated;
  });
}
