// Resolving the module of a path (/api/v1/modules/{module}/…) for a caller: the module of their
// program and its current packet, with a 404 or a refusal the agent can act on.
import type { Module } from "../content";
import { moduleByNumber } from "../content";
import { AppError } from "../errors";
import { currentPacket, currentPackets } from "../packets/queries";
import type { LearnerCaller } from "./caller";
import { packetJson } from "./present";
import { moduleLabel } from "../content";

export function moduleOf(caller: LearnerCaller, moduleNumber: number): Module {
  const mod = moduleByNumber(caller.program, moduleNumber);
  if (!mod)
    throw new AppError("not-found", `The program ${caller.program.slug} has no module ${moduleNumber}.`, { module: "unknown module" });
  return mod;
}

/** The module's current packet; a module not yet started has none to act on. */
export async function startedPacketOf(caller: LearnerCaller, moduleNumber: number) {
  const mod = moduleOf(caller, moduleNumber);
  const packet = await currentPacket(caller.learner.id, moduleNumber);
  if (!packet) {
    throw new AppError(
      "refused",
      `${moduleLabel(mod)} is not started yet, so there is no packet to work on. Start it first (mastery start ${moduleNumber}).`,
      {},
      "not-started",
    );
  }
  return { mod, packet };
}

/** A module's packet as the API shows it, with whether it awaits rework after a rejection. */
export async function packetSummaryOf(caller: LearnerCaller, mod: Module) {
  const packets = await currentPackets(caller.learner.id);
  return packetJson(
    mod,
    packets.find((p) => p.moduleNumber === mod.meta.number),
  );
}
