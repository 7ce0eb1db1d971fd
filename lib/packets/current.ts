// The latest attempt of each module a learner has started, with whether its last verdict was a
// rejection: what progress, the next step, the packet list and the API read.
import { db } from "../db";
import { latestVerdict } from "../reviews/history";

export async function currentPackets(learnerId: string) {
  const client = await db();
  const packets = await client.packet.findMany({
    where: { learnerId },
    orderBy: { attempt: "asc" },
    include: { reviews: { orderBy: { createdAt: "asc" }, select: { verdict: true } } },
  });
  const current = new Map<number, (typeof packets)[number]>();
  for (const p of packets) current.set(p.moduleNumber, p);
  return [...current.values()].map(({ reviews, ...packet }) => ({ ...packet, rejected: latestVerdict(reviews)?.verdict === "reject" }));
}
export type CurrentPacket = Awaited<ReturnType<typeof currentPackets>>[number];

/** The latest attempt at one module, or null when the learner has not started it. */
export async function currentPacket(learnerId: string, moduleNumber: number) {
  const client = await db();
  return client.packet.findFirst({ where: { learnerId, moduleNumber }, orderBy: { attempt: "desc" } });
}
