// A learner's progress in a program, for the dashboard, the learning path and the API.
import type { SignedIn } from "../auth/session";
import type { Program } from "../content";
import { db } from "../db";
import { type CurrentPacket, currentPackets } from "./current";
import { isImportedCompletion } from "./imported";
import { type NextStep, nextStep } from "./next-step";

export type Progress = {
  learnerName: string;
  completed: Set<number>;
  /** Completed modules whose verdict was given in another install (an imported profile). */
  imported: Set<number>;
  next: NextStep;
  packets: CurrentPacket[];
};

/** Progress of a learner profile in its program. */
export async function learnerProgress(learner: { id: string; name: string }, program: Program): Promise<Progress> {
  const packets = await currentPackets(learner.id);
  return {
    learnerName: learner.name,
    completed: new Set(packets.filter((p) => p.status === "completed").map((p) => p.moduleNumber)),
    imported: new Set(packets.filter(isImportedCompletion).map((p) => p.moduleNumber)),
    next: nextStep(program, packets),
    packets,
  };
}

/** The signed-in learner's progress, when they have a profile in `program`. */
export async function progressFor(signedIn: SignedIn | null, program: Program): Promise<Progress | null> {
  if (!signedIn?.learnerId) return null;
  const learner = await (await db()).learner.findUnique({ where: { id: signedIn.learnerId } });
  if (!learner || learner.programSlug !== program.slug) return null;
  return learnerProgress(learner, program);
}
