// A note appended to the plan log by the learner or their agent: a progress snapshot that does
// not change the packet's status, written with the module's current status.
import { z } from "zod";
import { moduleByNumber, moduleLabel } from "../content";
import { AppError } from "../errors";
import { learnerStateFor, statusOf } from "../packets/service";
import { appendLogEntry } from "./service";
import type { Actor } from "../auth/actor";
import { transaction } from "../db";

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `keep it under ${max.toLocaleString("en")} characters`);

export const LogNoteSchema = z.object({
  learnerId: z.string().min(1),
  moduleNumber: z.coerce.number().int().positive(),
  summary: line(2000).min(3, "say what changed (3 characters or more)"),
  evidence: line(2000).default(""),
  risks: line(2000).default(""),
  next: line(2000).default(""),
});

export async function appendLogNote(actor: Actor, input: z.input<typeof LogNoteSchema>) {
  const parsed = LogNoteSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The log entry was not saved: some fields need attention.");
  const { learnerId, moduleNumber, summary, evidence, risks, next } = parsed.data;
  return transaction(async (tx) => {
    const state = await learnerStateFor(tx, actor, learnerId);
    const mod = moduleByNumber(state.program, moduleNumber);
    if (!mod) throw new AppError("not-found", `The program has no module ${moduleNumber}.`, { module: "unknown module" });
    return appendLogEntry(tx, {
      learnerId,
      moduleNumber,
      status: statusOf(state, moduleNumber),
      summary: `Note on ${moduleLabel(mod)}: ${summary}`,
      evidence,
      risks,
      next,
      actor,
    });
  });
}
