// Re-drills in the database: the schedule is read from a learner's reviews, drill attempts and
// earlier results; recording a result appends a row, which moves the item's schedule.
import { z } from "zod";
import type { Program } from "../content";
import { AppError } from "../errors";
import { learnerStateFor } from "../packets/service";
import { isDue, parseRedrillKey, type RedrillItem } from "./schedule";
import { learnerSchedule } from "./triggers";
import { dayKey } from "../time/zone";
import type { Actor } from "../auth/actor";
import { transaction, type Tx } from "../db";

async function scheduleInTx(tx: Tx, learnerId: string, program: Program, zone: string): Promise<RedrillItem[]> {
  const [packets, results] = await Promise.all([
    tx.packet.findMany({
      where: { learnerId },
      select: {
        moduleNumber: true,
        reviews: { select: { createdAt: true, reviewerName: true, verdict: true, scores: true } },
        evidence: { where: { kind: "drill" }, select: { kind: true, itemKey: true, version: true, createdAt: true, data: true } },
      },
    }),
    tx.redrillResult.findMany({ where: { learnerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return learnerSchedule(program, packets, results, zone);
}

const ResultSchema = z.object({
  learnerId: z.string().min(1),
  item: z.string().refine((key) => parseRedrillKey(key) !== null, "choose a re-drill item"),
  outcome: z.enum(["pass", "fail"], { error: "say whether the re-drill went well" }),
  note: z.string().trim().max(2000, "keep the note under 2,000 characters").default(""),
});

/** Records how a due re-drill went; a pass moves it to the next interval, a fail starts it over. */
export async function recordRedrill(actor: Actor, input: z.input<typeof ResultSchema> | Record<string, unknown>, now = new Date()) {
  const parsed = ResultSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The re-drill was not recorded: some fields need attention.");
  const { learnerId, item: key, outcome, note } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    const item = (await scheduleInTx(tx, learnerId, state.program, state.zone)).find((i) => i.key === key);
    if (!item || item.retired)
      throw new AppError("refused", "That item is not scheduled for re-drill.", { item: "not scheduled" }, "not-scheduled");
    if (!isDue(item, now)) {
      throw new AppError(
        "refused",
        `That re-drill is not due until ${dayKey(item.dueAt, state.zone)}: spacing is what makes it stick.`,
        {},
        "not-due",
      );
    }
    return tx.redrillResult.create({
      data: {
        learnerId,
        moduleNumber: item.moduleNumber,
        itemKind: item.kind,
        itemRef: item.ref,
        passed: outcome === "pass",
        note,
        dueAt: item.dueAt,
        createdAt: now,
      },
    });
  });
}
