// ExecPlans in the database: create from the template or an imported file, save revisions
// (append-only, checked on every save, refused when the Decision Log or the revision notes
// shrink), set the plan's word list, and attach a pinned revision to a work packet.
import { z } from "zod";
import { AppError, isUniqueViolation } from "../errors";
import { FileNameSchema } from "../files";
import { appendLogEntry } from "../log/service";
import { loadPacket } from "../packets/service";
import { checkPlan } from "./check";
import { normaliseText } from "./document";
import { DEFAULT_TERMS, MAX_TERM_LENGTH, MAX_TERMS, parseTermList } from "./jargon";
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES, MAX_PLAN_CHARS } from "./limits";
import { REFUSING_RULES } from "./rules";
import { planTemplate } from "./template";
import { type Actor, assertActsFor, type LearnerRef, provenance } from "../auth/actor";
import { learnerTimeZone } from "../auth/people";
import { moduleLabel } from "../content";
import { lockLearner, transaction, type Tx } from "../db";
import { dayKey } from "../time/zone";
import { count } from "../ui/plural";

const body = z
  .string({ error: "write the plan" })
  .transform((text) => normaliseText(text).replace(/\s*$/, "\n"))
  .refine((text) => text.trim() !== "", "write the plan")
  .refine((text) => text.length <= MAX_PLAN_CHARS, `keep the plan under ${MAX_PLAN_CHARS.toLocaleString("en")} characters`)
  .refine((text) => !text.includes("\0"), "the plan must be text");

const TitleSchema = z
  .string({ error: "give the plan a title" })
  .trim()
  .min(3, "use at least 3 characters")
  .max(120, "use at most 120 characters")
  .refine((t) => !/[{}\n]/.test(t), "a title has no braces or line breaks");

const TermsSchema = z
  .string()
  .max(20_000, "keep the list under 20,000 characters")
  .transform(parseTermList)
  .refine((terms) => terms.length <= MAX_TERMS, `use at most ${MAX_TERMS} terms`)
  .refine((terms) => terms.every((t) => t.length <= MAX_TERM_LENGTH), `keep each term under ${MAX_TERM_LENGTH} characters`)
  .refine((terms) => terms.every((t) => /\p{L}/u.test(t)), "each term needs at least one letter");

async function loadLearner(tx: Tx, learnerId: string): Promise<LearnerRef> {
  await lockLearner(tx, learnerId);
  const learner = await tx.learner.findUnique({ where: { id: learnerId }, select: { id: true, ownerId: true } });
  if (!learner) throw new AppError("not-found", "No such learner profile.", { learnerId: "unknown learner" });
  return learner;
}

async function loadPlan(tx: Tx, planId: string) {
  const plan = await tx.execPlan.findUnique({ where: { id: planId }, include: { learner: { select: { id: true, ownerId: true } } } });
  if (!plan) throw new AppError("not-found", "No such plan.", { planId: "unknown plan" });
  await lockLearner(tx, plan.learnerId);
  return plan;
}

async function latestRevision(tx: Tx, planId: string) {
  return tx.execPlanRevision.findFirstOrThrow({ where: { planId }, orderBy: { number: "desc" } });
}

type NewRevision = {
  planId: string;
  number: number;
  text: string;
  previous: string | null;
  terms: string;
  source: "template" | "edit" | "import";
  actor: Actor;
};

async function writeRevision(tx: Tx, revision: NewRevision) {
  const result = checkPlan(revision.text, { previous: revision.previous, terms: parseTermList(revision.terms) });
  const refusal = result.findings.find((f) => REFUSING_RULES.includes(f.rule));
  if (refusal) {
    throw new AppError(
      "refused",
      "Not saved: the Decision Log and the revision notes only grow. Put back what was removed; to reverse a decision, add an entry that supersedes it.",
      { body: `Line ${refusal.line}: ${refusal.message}` },
      refusal.rule,
    );
  }
  const row = await tx.execPlanRevision.create({
    data: {
      planId: revision.planId,
      number: revision.number,
      body: revision.text,
      title: result.title ?? "Untitled plan",
      status: result.status ?? "",
      source: revision.source,
      errors: result.errors,
      warnings: result.warnings,
      tasksDone: result.progress.done,
      tasksTotal: result.progress.total,
      ...provenance(revision.actor),
    },
  });
  if (revision.number > 1) await tx.execPlan.update({ where: { id: revision.planId }, data: { updatedAt: new Date() } });
  return { revision: row, result };
}

async function createWithFirstRevision(actor: Actor, learnerId: string, text: string, source: "template" | "import") {
  return transaction(async (tx) => {
    assertActsFor(actor, await loadLearner(tx, learnerId));
    const terms = DEFAULT_TERMS.join("\n");
    const plan = await tx.execPlan.create({ data: { learnerId, terms } });
    const { revision, result } = await writeRevision(tx, { planId: plan.id, number: 1, text, previous: null, terms, source, actor });
    return { plan, revision, result };
  });
}

const CreateSchema = z.object({ learnerId: z.string().min(1, "choose a learner profile"), title: TitleSchema });

/** A new plan from the canonical template, dated today in the learner's time zone. */
export async function createPlan(actor: Actor, input: z.input<typeof CreateSchema>, today = new Date()) {
  const parsed = CreateSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The plan was not created: some fields need attention.");
  const date = dayKey(today, await learnerTimeZone(parsed.data.learnerId));
  const text = planTemplate({ title: parsed.data.title, date });
  return createWithFirstRevision(actor, parsed.data.learnerId, text, "template");
}

const ImportSchema = z.object({
  learnerId: z.string().min(1, "choose a learner profile"),
  fileName: FileNameSchema.refine(
    (name) => IMPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)),
    `choose a Markdown file (${IMPORT_EXTENSIONS.join(", ")})`,
  ),
  bytes: z
    .instanceof(Uint8Array, { error: "choose a file" })
    .refine((b) => b.byteLength > 0, "the file is empty")
    .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, "files are limited to 512 KB"),
});

/** A new plan from an existing ExecPlan file; it is checked like any revision, conforming or not. */
export async function importPlan(actor: Actor, input: z.input<typeof ImportSchema> | Record<string, unknown>) {
  const parsed = ImportSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The file was not imported: some fields need attention.");
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(parsed.data.bytes);
  } catch {
    throw new AppError("invalid", "The file was not imported: it is not UTF-8 text.", { file: "not a UTF-8 text file" });
  }
  const text = body.safeParse(decoded);
  if (!text.success) throw new AppError("invalid", "The file was not imported.", { file: text.error.issues[0]!.message });
  return createWithFirstRevision(actor, parsed.data.learnerId, text.data, "import");
}

const SaveSchema = z.object({
  planId: z.string().min(1),
  body,
  baseRevision: z.coerce.number({ error: "reload the editor" }).int().min(1, "reload the editor"),
});

/**
 * Saves the text as the next revision. Refused when another revision was saved since
 * `baseRevision` (no lost update) or when Decision Log entries or revision notes disappear.
 */
export async function saveRevision(actor: Actor, input: z.input<typeof SaveSchema> | Record<string, unknown>) {
  const parsed = SaveSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The plan was not saved: some fields need attention.");
  const { planId, baseRevision } = parsed.data;
  try {
    return await transaction(async (tx) => {
      const plan = await loadPlan(tx, planId);
      assertActsFor(actor, plan.learner);
      const latest = await latestRevision(tx, planId);
      if (latest.number !== baseRevision) {
        throw new AppError(
          "conflict",
          `Revision ${latest.number} was saved since you opened revision ${baseRevision}. Copy your text, reload the editor and apply your change again.`,
          {},
          "stale-revision",
        );
      }
      if (latest.body === parsed.data.body)
        return { revision: latest, result: checkPlan(latest.body, { terms: parseTermList(plan.terms) }), unchanged: true };
      const saved = await writeRevision(tx, {
        planId,
        number: latest.number + 1,
        text: parsed.data.body,
        previous: latest.body,
        terms: plan.terms,
        source: "edit",
        actor,
      });
      return { ...saved, unchanged: false };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "Someone saved this plan at the same moment. Reload the editor and try again.", {}, "stale-revision");
    throw error;
  }
}

const TermsInputSchema = z.object({ planId: z.string().min(1), terms: TermsSchema });

/** Replaces the plan's word list (the terms the checker requires to be defined). */
export async function setPlanTerms(actor: Actor, input: z.input<typeof TermsInputSchema>) {
  const parsed = TermsInputSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The word list was not saved: some fields need attention.");
  return transaction(async (tx) => {
    const plan = await loadPlan(tx, parsed.data.planId);
    assertActsFor(actor, plan.learner);
    return tx.execPlan.update({ where: { id: plan.id }, data: { terms: parsed.data.terms.join("\n") } });
  });
}

const AttachSchema = z.object({ planId: z.string().min(1), packetId: z.string().min(1, "choose a packet") });

/** The latest attachment row of each plan on a packet (attached or detached). */
export async function currentAttachmentRows(tx: Tx, where: { packetId: string } | { planId: string }) {
  const rows = await tx.execPlanAttachment.findMany({
    where,
    orderBy: { createdAt: "asc" },
    include: { revision: { select: { number: true } } },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.planId}:${row.packetId}`, row);
  return [...latest.values()];
}
type AttachmentRow = Awaited<ReturnType<typeof currentAttachmentRows>>[number];

type AttachInput = z.input<typeof AttachSchema>;

/** Runs `work` on the plan, the packet (latest attempt, same learner) and the plan's current attachment to it, in one transaction. */
async function onPacket<T>(
  actor: Actor,
  input: AttachInput,
  verb: string,
  work: (tx: Tx, found: Awaited<ReturnType<typeof loadPacket>> & { planId: string; current: AttachmentRow | undefined }) => Promise<T>,
): Promise<T> {
  const parsed = AttachSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, `The plan was not ${verb}: some fields need attention.`);
  return transaction(async (tx) => {
    const plan = await loadPlan(tx, parsed.data.planId);
    assertActsFor(actor, plan.learner);
    const found = await loadPacket(tx, parsed.data.packetId);
    if (found.packet.learnerId !== plan.learnerId) {
      throw new AppError("forbidden", "A plan is attached only to packets of its own learner profile.", {
        packetId: "another learner's packet",
      });
    }
    const current = (await currentAttachmentRows(tx, { planId: plan.id })).find(
      (row) => row.packetId === found.packet.id && row.action === "attach",
    );
    return work(tx, { ...found, planId: plan.id, current });
  });
}

/**
 * Attaches the plan's latest revision to a packet of the same learner (or pins the latest
 * revision when an earlier one is attached), with a plan-log entry. The packet must be started
 * and not completed.
 */
export async function attachPlan(actor: Actor, input: AttachInput) {
  return onPacket(actor, input, "attached", async (tx, { planId, packet, mod, current }) => {
    if (packet.status === "pending" || packet.status === "completed") {
      const why = packet.status === "pending" ? "not started: start it first" : "completed: restart it as a new attempt to attach a plan";
      throw new AppError("refused", `${moduleLabel(mod)} is ${why}.`, { packetId: "not an open packet" }, "illegal-transition");
    }
    const latest = await latestRevision(tx, planId);
    if (current?.revisionId === latest.id) {
      const message = `Revision ${latest.number} of this plan is already attached to ${moduleLabel(mod)}.`;
      throw new AppError("refused", message, { packetId: "already attached" }, "already-attached");
    }
    const attachment = await tx.execPlanAttachment.create({
      data: { planId, packetId: packet.id, revisionId: latest.id, action: "attach", ...provenance(actor) },
    });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: packet.status,
      summary: current
        ? `Pinned revision ${latest.number} of ExecPlan "${latest.title}"`
        : `Attached ExecPlan "${latest.title}" (revision ${latest.number})`,
      evidence: `execplan ${planId} r${latest.number}: ${latest.tasksDone}/${latest.tasksTotal} tasks completed; checker ${count(latest.errors, "error")}, ${count(latest.warnings, "warning")}`,
      risks: latest.errors > 0 ? `the plan has ${count(latest.errors, "checker error")}` : "none",
      next:
        packet.status === "review_required"
          ? "The reviewer sees the pinned revision."
          : "Keep the plan's task table current; pin the latest revision before submitting.",
      actor,
    });
    return { attachment, revision: latest, moduleLabel: moduleLabel(mod) };
  });
}

/** Detaches a plan from a packet (a new row; the earlier attachment stays in the history). */
export async function detachPlan(actor: Actor, input: AttachInput) {
  return onPacket(actor, input, "detached", async (tx, { planId, packet, mod, current }) => {
    if (!current)
      throw new AppError("refused", `This plan is not attached to ${moduleLabel(mod)}.`, { packetId: "not attached" }, "not-attached");
    if (packet.status === "completed") {
      throw new AppError("refused", `${moduleLabel(mod)} is completed: its evidence is kept as it was reviewed.`, {}, "illegal-transition");
    }
    const attachment = await tx.execPlanAttachment.create({
      data: { planId, packetId: packet.id, revisionId: current.revisionId, action: "detach", ...provenance(actor) },
    });
    await appendLogEntry(tx, {
      learnerId: packet.learnerId,
      moduleNumber: packet.moduleNumber,
      status: packet.status,
      summary: `Detached ExecPlan (revision ${current.revision.number}) from ${moduleLabel(mod)}`,
      evidence: `execplan ${planId}`,
      risks: "none",
      next: "Attach a plan again if the packet needs one.",
      actor,
    });
    return attachment;
  });
}
