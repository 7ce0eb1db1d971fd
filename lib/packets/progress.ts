// A signed-in learner's progress in a program, for the dashboard and the learning path.
import type { SignedIn } from "../auth/session";
import type { Program } from "../content";
import { db } from "../db";
import { type NextStep, nextStep } from "./next-step";

export type Progress = { learnerName: string; completed: Set<number>; next: NextStep };

export async function progressFor(signedIn: SignedIn | null, program: Program): Promise<Progress | null> {
  if (!signedIn?.learnerId) return null;
  const client = await db();
  const learner = await client.learner.findUnique({ where: { id: signedIn.learnerId } });
  if (!learner || learner.programSlug !== program.slug) return null;
  const packets = await client.packet.findMany({
    where: { learnerId: learner.id },
    orderBy: { attempt: "asc" },
    include: { reviews: { where: { verdict: { not: "rescore" } }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const current = new Map<number, (typeof packets)[number]>();
  for (const p of packets) current.set(p.moduleNumber, p);
  const states = [...current.values()].map((p) => ({ moduleNumber: p.moduleNumber, status: p.status, rejected: p.reviews[0]?.verdict === "reject" }));
  return {
    learnerName: learner.name,
    completed: new Set(states.filter((s) => s.status === "completed").map((s) => s.moduleNumber)),
    next: nextStep(program, states),
  };
}
