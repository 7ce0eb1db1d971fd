// Drill stopwatches on the server, like the packet timer: starting one stores its start, so a
// reload or another device shows the time still running; stopping it records the drill attempt
// with the measured seconds and appends the time to the module's hours (source "drill").
import { z } from "zod";
import { type Actor, assertActsFor } from "../auth/actor";
import { moduleLabel } from "../content";
import { transaction, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { addEvidence } from "./evidence";
import { loadPacket } from "./service";

const PacketSchema = z.object({ packetId: z.string().min(1, "choose a packet") });
const StartSchema = PacketSchema.extend({ drillId: z.string().regex(/^[a-z0-9-]+$/, "choose a drill") });
const StopSchema = PacketSchema.extend({
  reps: z.coerce.number().int().min(0, "reps cannot be negative").max(1000),
  /** A form's checkbox sends "on"; the API sends true. */
  passed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  title: z.string().default("Drill attempt"),
  body: z.string().default(""),
});

/** The packet, refused unless the actor acts for its learner and the packet is open for work. */
async function workablePacket(tx: Tx, actor: Actor, packetId: string) {
  const loaded = await loadPacket(tx, packetId);
  assertActsFor(actor, loaded.state.learner);
  if (loaded.packet.status === "completed" || loaded.packet.status === "pending") {
    throw new AppError("refused", `${moduleLabel(loaded.mod)} is not open for work: start it first.`, {}, "illegal-transition");
  }
  return loaded;
}

/** The drill stopwatch running on a packet, if any. */
export async function runningDrill(tx: Tx, packetId: string) {
  return tx.drillRun.findUnique({ where: { packetId } });
}

/** Starts the stopwatch of one of the module's drills; one runs per packet at a time. */
export async function startDrill(actor: Actor, input: z.input<typeof StartSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = StartSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The drill stopwatch was not started: some fields need attention.");
  const { packetId, drillId } = parsed.data;
  try {
    return await transaction(async (tx) => {
      const { mod } = await workablePacket(tx, actor, packetId);
      if (!mod.meta.drills.some((d) => d.id === drillId))
        throw new AppError("invalid", "That drill is not part of this module.", { drillId: "unknown drill" });
      const running = await runningDrill(tx, packetId);
      if (running) throw new AppError("refused", "A drill stopwatch is already running: stop it first.", {}, "timer-running");
      return tx.drillRun.create({ data: { packetId, drillId, startedAt: now } });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("refused", "A drill stopwatch is already running: stop it first.", {}, "timer-running");
    throw error;
  }
}

/**
 * Stops the packet's drill stopwatch and records the attempt with the seconds it ran, appending
 * the same time to the module's hours; answers the attempt's evidence row.
 */
export async function stopDrill(actor: Actor, input: z.input<typeof StopSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = StopSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The drill attempt was not recorded: some fields need attention.");
  const { packetId, reps, passed, title, body } = parsed.data;
  return transaction(async (tx) => {
    const { packet } = await workablePacket(tx, actor, packetId);
    const run = await runningDrill(tx, packetId);
    if (!run)
      throw new AppError("refused", "No drill stopwatch is running: it was already stopped. Reload to see it.", {}, "timer-not-running");
    await tx.drillRun.delete({ where: { id: run.id } });
    const seconds = Math.max(1, Math.round((now.getTime() - run.startedAt.getTime()) / 1000));
    await tx.timeEntry.create({
      data: {
        learnerId: packet.learnerId,
        packetId,
        moduleNumber: packet.moduleNumber,
        source: "drill",
        startedAt: run.startedAt,
        seconds,
        note: `Drill ${run.drillId}`,
        createdAt: now,
      },
    });
    return addEvidence(actor, packetId, { kind: "drill", drillId: run.drillId, reps, seconds, passed, title, body });
  });
}

/** Stops the packet's drill stopwatch without recording anything. */
export async function discardDrill(actor: Actor, input: z.input<typeof PacketSchema> | Record<string, unknown>) {
  const parsed = PacketSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The drill stopwatch was not stopped.");
  return transaction(async (tx) => {
    await workablePacket(tx, actor, parsed.data.packetId);
    await tx.drillRun.deleteMany({ where: { packetId: parsed.data.packetId } });
  });
}
