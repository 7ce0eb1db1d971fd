// Evidence and artifacts of a packet: every change is a new version of an item, files are
// stored once under the data folder by checksum, nothing earlier is ever overwritten.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, isUniqueViolation } from "../errors";
import { FileNameSchema, MAX_FILE_BYTES, readStoredFile, storeFile } from "../files";
import { fileLimitMessage } from "../security/file-size";
import { appendLogEntry } from "../log/service";
import { mayRead } from "../auth/access";
import { type Actor, assertActsFor, provenance } from "../auth/actor";
import type { SignedIn } from "../auth/session";
import { moduleLabel } from "../content";
import { db, transaction, type Tx } from "../db";
import { loadPacket } from "./service";
import type { EvidenceData } from "./evidence-data";
import { type CheckRun, CheckRunSchema } from "./check-run";
import type { Exercise } from "../content";
import { exerciseItemKey, exitTicketItemKey } from "./requirements";

const title = z.string().trim().min(1, "give the evidence a title").max(200, "keep the title under 200 characters");
/** The number of the module's listed artifact a note, link or file is (0-based), if it is one. */
const artifact = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number().int().min(0, "choose a listed artifact").optional(),
);
const itemKey = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, "an item key is lowercase letters, digits and dashes")
  .optional();

const EvidenceInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("note"),
    itemKey,
    title,
    artifact,
    body: z.string().trim().min(1, "write the note").max(100_000, "keep notes under 100,000 characters"),
  }),
  z.object({
    kind: z.literal("link"),
    itemKey,
    title,
    artifact,
    url: z.url({ protocol: /^https?$/, error: "enter a full http(s) address" }),
    body: z.string().trim().max(5000).default(""),
  }),
  z.object({
    kind: z.literal("file"),
    itemKey,
    title,
    artifact,
    fileName: FileNameSchema,
    fileType: z.string().trim().max(200).default("application/octet-stream"),
    bytes: z
      .instanceof(Uint8Array, { error: "choose a file" })
      .refine((b) => b.byteLength > 0, "the file is empty")
      .refine((b) => b.byteLength <= MAX_FILE_BYTES, fileLimitMessage(MAX_FILE_BYTES)),
    body: z.string().trim().max(5000).default(""),
  }),
  z.object({
    kind: z.literal("exercise"),
    itemKey,
    title,
    exercise: z.string().regex(/^[a-z0-9-]+$/, "choose an exercise"),
    body: z.string().trim().min(1, "describe the result and where its evidence is").max(100_000),
    /** A run of the exercise's machine checks: the result is then machine-checked. */
    check: CheckRunSchema.optional(),
  }),
  z.object({
    kind: z.literal("drill"),
    itemKey,
    title,
    drillId: z.string().regex(/^[a-z0-9-]+$/, "choose a drill"),
    reps: z.coerce.number().int().min(0, "reps cannot be negative").max(1000),
    seconds: z.coerce
      .number()
      .int()
      .min(1, "record how long it took")
      .max(24 * 3600, "a drill is under a day"),
    passed: z.coerce.boolean(),
    body: z.string().trim().max(5000).default(""),
  }),
  z.object({
    kind: z.literal("exit-ticket"),
    itemKey,
    title,
    question: z.coerce.number().int().min(0).max(2),
    body: z.string().trim().min(1, "write your answer").max(20_000),
  }),
]);
export type EvidenceInput = z.input<typeof EvidenceInputSchema>;

function newItemKey(kind: string): string {
  return `${kind}-${randomUUID().slice(0, 8)}`;
}

/** A run may report only the checks the exercise declares, each with the criterion it backs. */
function assertDeclaredChecks(exercise: Exercise, run: CheckRun): void {
  run.results.forEach((result, index) => {
    const declared = exercise.meta.checks.find((c) => c.id === result.id);
    if (!declared)
      throw new AppError("invalid", `Exercise ${exercise.slug} has no check "${result.id}".`, {
        [`results.${index}.id`]: "not a check of this exercise",
      });
    if (declared.criterion !== result.criterion)
      throw new AppError("invalid", `The check "${result.id}" backs criterion ${declared.criterion}.`, {
        [`results.${index}.criterion`]: `expected ${declared.criterion}`,
      });
  });
}

/** Keeps one item per drill and per exit-ticket question, so re-answering makes a new version. */
function stableKey(input: z.infer<typeof EvidenceInputSchema>): string | undefined {
  if (input.kind === "exit-ticket") return exitTicketItemKey(input.question);
  if (input.kind === "exercise") return input.check ? `check-${input.exercise}` : exerciseItemKey(input.exercise);
  return input.itemKey;
}

/** The next version number of an item, and the kind its versions have (none for a new item). */
async function nextVersion(tx: Tx, packetId: string, key: string): Promise<{ version: number; kind?: string }> {
  const latest = await tx.evidence.findFirst({
    where: { packetId, itemKey: key },
    orderBy: { version: "desc" },
    select: { version: true, kind: true },
  });
  return { version: (latest?.version ?? 0) + 1, kind: latest?.kind };
}

/** Adds an evidence item or a new version of one; `input` is validated here, whatever sends it. */
export async function addEvidence(actor: Actor, packetId: string, input: EvidenceInput | Record<string, unknown>) {
  const parsed = EvidenceInputSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error, "The evidence was not saved: some fields need attention.");
  const data = parsed.data;
  const stored = data.kind === "file" ? await storeFile(data.bytes) : null;
  try {
    return await transaction(async (tx) => {
      const { packet, state, mod } = await loadPacket(tx, packetId);
      assertActsFor(actor, state.learner);
      if (packet.status === "completed" || packet.status === "pending") {
        throw new AppError(
          "refused",
          `${moduleLabel(mod)} is ${packet.status === "completed" ? "completed: restart it as a new attempt to add evidence" : "not started: start it first"}.`,
          {},
          "illegal-transition",
        );
      }
      if (data.kind === "drill" && !mod.meta.drills.some((d) => d.id === data.drillId)) {
        throw new AppError("invalid", "That drill is not part of this module.", { drillId: "unknown drill" });
      }
      const exercise = data.kind === "exercise" ? mod.exercises.find((e) => e.slug === data.exercise) : undefined;
      if (data.kind === "exercise" && !exercise) {
        throw new AppError("invalid", "That exercise is not part of this module.", { exercise: "unknown exercise" });
      }
      if (data.kind === "exercise" && data.check) assertDeclaredChecks(exercise!, data.check);
      const key = stableKey(data) ?? newItemKey(data.kind);
      const { version, kind } = await nextVersion(tx, packet.id, key);
      if (data.itemKey && version === 1)
        throw new AppError("not-found", "There is no evidence item with that key to add a version to.", { itemKey: "unknown item" });
      if (kind !== undefined && kind !== data.kind)
        throw new AppError("invalid", `That item is a ${kind}: a new version of it is a ${kind} too.`, {
          itemKey: `choose a ${data.kind} item`,
        });
      if ("artifact" in data && data.artifact !== undefined && data.artifact >= mod.meta.artifacts.length)
        throw new AppError("invalid", "That artifact is not listed by this module.", { artifact: "unknown artifact" });
      const drill = data.kind === "drill" ? mod.meta.drills.find((d) => d.id === data.drillId) : undefined;
      const extra: EvidenceData | null =
        data.kind === "drill"
          ? {
              drillId: data.drillId,
              reps: data.reps,
              seconds: data.seconds,
              passed: data.passed,
              withinTimebox: drill?.timebox ? data.reps >= drill.timebox.reps && data.seconds <= drill.timebox.minutes * 60 : null,
            }
          : data.kind === "exit-ticket"
            ? { question: data.question }
            : data.kind === "exercise"
              ? { exercise: data.exercise, ...(data.check ? { check: data.check } : {}) }
              : "artifact" in data && data.artifact !== undefined
                ? { artifact: data.artifact }
                : null;
      const row = await tx.evidence.create({
        data: {
          packetId: packet.id,
          itemKey: key,
          version,
          kind: data.kind,
          title: data.title,
          body: data.body,
          url: data.kind === "link" ? data.url : null,
          fileName: data.kind === "file" ? data.fileName : null,
          fileType: data.kind === "file" ? data.fileType : null,
          fileSize: data.kind === "file" ? data.bytes.byteLength : null,
          filePath: stored?.relative ?? null,
          sha256: stored?.sha256 ?? null,
          ...(extra ? { data: extra } : {}),
          ...provenance(actor),
        },
      });
      await appendLogEntry(tx, {
        learnerId: packet.learnerId,
        moduleNumber: packet.moduleNumber,
        status: packet.status,
        summary: `${version > 1 ? "New version of" : "Added"} ${data.kind} evidence "${data.title}"`,
        evidence: `${key} v${version}${stored ? ` (sha256 ${stored.sha256.slice(0, 12)})` : ""}`,
        risks: "none",
        next:
          packet.status === "review_required"
            ? "The reviewer sees this delta before deciding."
            : "Continue, then submit with a completion proof.",
        actor,
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "Someone added a version of this item at the same moment. Reload and try again.");
    throw error;
  }
}

/** The latest version of each evidence item of a packet, and all versions in order. */
export async function listEvidence(tx: Tx, packetId: string) {
  const all = await tx.evidence.findMany({ where: { packetId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] });
  const latest = new Map<string, (typeof all)[number]>();
  for (const row of all) {
    const seen = latest.get(row.itemKey);
    if (!seen || row.version > seen.version) latest.set(row.itemKey, row);
  }
  return { all, latest: [...latest.values()] };
}

/** A stored file artifact for someone who may read its learner's data; to anyone else it does not exist. */
export async function readEvidenceFile(signedIn: SignedIn, evidenceId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const row = await (await db()).evidence.findUnique({ where: { id: evidenceId }, include: { packet: { include: { learner: true } } } });
  if (!row?.sha256 || !mayRead(signedIn, row.packet.learner)) throw new AppError("not-found", "No such file.", { id: "unknown file" });
  return { bytes: await readStoredFile(row.sha256), fileName: row.fileName ?? "file" };
}
