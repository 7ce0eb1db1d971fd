// Read models for the plan pages, the packet workspace and the review page, and who may read
// a plan: the learner who owns it and any reviewer.
import type { SignedIn } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { checkPlan } from "./check";
import { parseTermList } from "./jargon";
import { currentAttachmentRows } from "./service";

const REVISION_SUMMARY = {
  id: true,
  number: true,
  title: true,
  status: true,
  source: true,
  errors: true,
  warnings: true,
  tasksDone: true,
  tasksTotal: true,
  actorKind: true,
  actorLabel: true,
  createdAt: true,
} as const;

/** The learner profiles whose plans a person may read: their own, or everyone's for a reviewer. */
async function readableLearnerIds(signedIn: SignedIn): Promise<string[] | "all"> {
  if (signedIn.asReviewer) return "all";
  const own = await (await db()).learner.findMany({ where: { ownerId: signedIn.user.id }, select: { id: true } });
  return own.map((l) => l.id);
}

/** Plans with their latest revision's summary, most recently saved first. */
export async function listPlans(signedIn: SignedIn) {
  const ids = await readableLearnerIds(signedIn);
  const plans = await (
    await db()
  ).execPlan.findMany({
    where: ids === "all" ? {} : { learnerId: { in: ids } },
    orderBy: { updatedAt: "desc" },
    include: {
      learner: { select: { id: true, name: true, ownerId: true, programSlug: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: REVISION_SUMMARY },
    },
  });
  return plans.map(({ revisions, ...plan }) => ({ ...plan, latest: revisions[0]! }));
}

/** A plan the person may read, with every revision's summary (newest last); another learner's plan is not found, so its existence does not leak. */
export async function readablePlan(signedIn: SignedIn, planId: string) {
  const plan = await (
    await db()
  ).execPlan.findUnique({
    where: { id: planId },
    include: {
      learner: { select: { id: true, name: true, ownerId: true, programSlug: true } },
      revisions: { orderBy: { number: "asc" }, select: REVISION_SUMMARY },
    },
  });
  if (!plan || (!signedIn.asReviewer && plan.learner.ownerId !== signedIn.user.id)) throw new AppError("not-found", "No such plan.");
  const owned = plan.learner.ownerId === signedIn.user.id;
  return { ...plan, terms: parseTermList(plan.terms), latest: plan.revisions.at(-1)!, owned };
}
export type ReadablePlan = Awaited<ReturnType<typeof readablePlan>>;

/** One revision's text, or null. */
export async function revisionText(planId: string, number: number): Promise<string | null> {
  const row = await (await db()).execPlanRevision.findUnique({ where: { planId_number: { planId, number } }, select: { body: true } });
  return row?.body ?? null;
}

/** A revision checked as it was saved: against the revision before it, with the plan's word list. */
export async function checkedRevision(planId: string, number: number, terms: string[]) {
  const [text, previous] = await Promise.all([revisionText(planId, number), number > 1 ? revisionText(planId, number - 1) : null]);
  if (text === null) return null;
  return { number, text, previous, result: checkPlan(text, { previous, terms }) };
}

/** Where a plan is attached now: packet, module and pinned revision. */
export async function planAttachments(planId: string) {
  const client = await db();
  const rows = (await currentAttachmentRows(client, { planId })).filter((r) => r.action === "attach");
  const packets = await client.packet.findMany({ where: { id: { in: rows.map((r) => r.packetId) } } });
  return rows.map((row) => ({ ...row, packet: packets.find((p) => p.id === row.packetId)! }));
}

const OPEN_STATUSES = ["in_progress", "blocked", "review_required"];

/** Packets of the learner a plan can be attached to: started, open, latest attempt of their module. */
export async function attachablePackets(learnerId: string) {
  const packets = await (await db()).packet.findMany({ where: { learnerId }, orderBy: [{ moduleNumber: "asc" }, { attempt: "asc" }] });
  const latest = new Map(packets.map((p) => [p.moduleNumber, p]));
  return [...latest.values()].filter((p) => OPEN_STATUSES.includes(p.status));
}

/** The plans attached to a packet now, each with its pinned revision checked and its progress. */
export async function packetPlans(packetId: string) {
  const client = await db();
  const rows = (await currentAttachmentRows(client, { packetId })).filter((r) => r.action === "attach");
  if (rows.length === 0) return [];
  const planIds = rows.map((r) => r.planId);
  const [plans, pinned, latest, texts] = await Promise.all([
    client.execPlan.findMany({ where: { id: { in: planIds } }, select: { id: true, terms: true } }),
    client.execPlanRevision.findMany({ where: { id: { in: rows.map((r) => r.revisionId) } }, select: REVISION_SUMMARY }),
    client.execPlanRevision.groupBy({ by: ["planId"], where: { planId: { in: planIds } }, _max: { number: true } }),
    client.execPlanRevision.findMany({
      where: { OR: rows.map((r) => ({ planId: r.planId, number: { in: [r.revision.number, r.revision.number - 1] } })) },
      select: { planId: true, number: true, body: true },
    }),
  ]);
  const textOf = (planId: string, number: number) => texts.find((t) => t.planId === planId && t.number === number)?.body ?? null;
  return rows.map((row) => {
    const plan = plans.find((p) => p.id === row.planId)!;
    const revision = pinned.find((r) => r.id === row.revisionId)!;
    return {
      planId: plan.id,
      attachedAt: row.createdAt,
      attachedBy: row.actorLabel,
      pinned: revision,
      latestNumber: latest.find((l) => l.planId === plan.id)!._max.number!,
      result: checkPlan(textOf(plan.id, revision.number)!, {
        previous: textOf(plan.id, revision.number - 1),
        terms: parseTermList(plan.terms),
      }),
    };
  });
}
export type PacketPlan = Awaited<ReturnType<typeof packetPlans>>[number];
