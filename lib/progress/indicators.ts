// The program's qualitative checklist and behavioural indicators, ticked by the learner with a
// note. Every tick or untick is a new row; the latest row of an item is its state.
import { z } from "zod";
import type { ProgramMeta } from "../content/schema";
import { AppError } from "../errors";
import { learnerStateFor } from "../packets/service";
import type { Actor } from "../auth/actor";
import { transaction } from "../db";

export const INDICATOR_KINDS = { qualitative: "Qualitative checklist", behavioral: "Behavioural indicators" } as const;
export type IndicatorKind = keyof typeof INDICATOR_KINDS;

export type MarkRow = { kind: string; item: string; checked: boolean; note: string; createdAt: Date };
export type IndicatorState = { kind: IndicatorKind; item: string; checked: boolean; note: string; at: Date | null; history: MarkRow[] };

function indicatorItems(metrics: ProgramMeta["successMetrics"]): { kind: IndicatorKind; item: string }[] {
  return [
    ...metrics.qualitative.map((item) => ({ kind: "qualitative" as const, item })),
    ...metrics.behavioral.map((item) => ({ kind: "behavioral" as const, item })),
  ];
}

/** Each item of the program with its current state and its history, newest first. */
export function indicatorStates(metrics: ProgramMeta["successMetrics"], marks: readonly MarkRow[]): IndicatorState[] {
  return indicatorItems(metrics).map(({ kind, item }) => {
    const history = marks.filter((m) => m.kind === kind && m.item === item).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const latest = history[0];
    return { kind, item, checked: latest?.checked ?? false, note: latest?.note ?? "", at: latest?.createdAt ?? null, history };
  });
}

const MarkSchema = z
  .object({
    learnerId: z.string().min(1),
    kind: z.enum(Object.keys(INDICATOR_KINDS) as [IndicatorKind, ...IndicatorKind[]], { error: "choose the checklist or the indicators" }),
    item: z.string().min(1, "choose an item"),
    checked: z.boolean(),
    note: z.string().trim().max(2000, "keep the note under 2,000 characters").default(""),
  })
  .refine((mark) => !mark.checked || mark.note.length >= 3, {
    message: "say what shows it: an example, a packet or a link",
    path: ["note"],
  });

export async function markIndicator(actor: Actor, input: z.input<typeof MarkSchema> | Record<string, unknown>) {
  const parsed = MarkSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "Not saved: some fields need attention.");
  const { learnerId, kind, item, checked, note } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    if (!indicatorItems(state.program.meta.successMetrics).some((i) => i.kind === kind && i.item === item)) {
      throw new AppError("invalid", "That item is not on the program's checklist.", { item: "unknown item" });
    }
    const latest = await tx.indicatorMark.findFirst({ where: { learnerId, kind, item }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if ((latest?.checked ?? false) === checked && (latest?.note ?? "") === note) {
      throw new AppError(
        "refused",
        checked ? "Already ticked with this note: change the note to add to it." : "This item is not ticked.",
        {},
        "unchanged",
      );
    }
    return tx.indicatorMark.create({ data: { learnerId, kind, item, checked, note } });
  });
}
