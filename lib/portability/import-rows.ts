// The rows of a learner export, checked and confined before anything is written. Every table has
// a strict schema (its columns, their types, and the app's own schemas for the JSON it stores);
// every row gets a new id; every reference must point at a row of the same import, so an import
// can never touch another learner, packet, plan or person. Who acted is rewritten: the learner's
// own actions become the importing user's, everyone else's keep their name but no id of this
// install, and verdicts carry `importedAt` ("imported, not reviewed here").
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { storedTime } from "../db";
import { AppError } from "../errors";
import { FileNameSchema, storedPath } from "../files";
import { PLAYBOOK_KINDS } from "../content/schema";
import { CategorySlugSchema, PatternInputSchema, PlaybookEntryInputSchema } from "../library/schema";
import { EvidenceDataSchema } from "../packets/evidence-data";
import { ProofSchema } from "../packets/proof";
import { STATUSES } from "../packets/transitions";
import { INDICATOR_KINDS, type IndicatorKind } from "../progress/indicators";
import { REDRILL_KINDS } from "../redrill/schedule";
import { RemediationSchema, RubricScoresSchema } from "../rubric/rubric";

type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** The id given to people of another install wherever a row names who acted. */
const IMPORTED_PERSON = "imported";

const TEXT_MAX = 1_000_000;
const id = z.string().min(1).max(200);
const text = (max = TEXT_MAX) => z.string().max(max);
const optionalText = (max = TEXT_MAX) => text(max).nullable();
const count = z.number().int().min(0);
const positive = z.number().int().positive();
const bool = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);
const date = z.union([z.string().max(64), z.number()]).transform((value, ctx) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
  return parsed;
});
/** A column holding JSON, parsed by the schema the app writes it with. */
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
const actorKind = z.enum(["learner", "agent", "reviewer"]);
const actor = { actorKind, actorId: text(200), actorLabel: text(200) };
/** Who saved a library version; exports made before it was recorded name nobody, which reads as the learner. */
const savedBy = { actorKind: actorKind.default("learner"), actorId: text(200).default(""), actorLabel: text(200).default("") };

type Table = {
  schema: z.ZodObject;
  /** Columns that point at another imported row, and the table of that row. */
  refs?: Record<string, string>;
  /** Columns written as JSON text. */
  jsonColumns?: string[];
};

/** Every exported table, parents before children. */
export const TABLES: Record<string, Table> = {
  Learner: {
    schema: z.strictObject({
      id,
      name: text(60).min(1),
      ownerId: id,
      programSlug: text(200),
      soloMode: bool,
      coolingOffHours: z.number().int().min(0).max(168),
      createdAt: date,
      importedAt: date.nullable().optional(),
      importedFrom: optionalText(500).optional(),
    }),
  },
  Packet: {
    schema: z.strictObject({
      id,
      learnerId: id,
      moduleNumber: positive,
      attempt: positive,
      status: z.enum(STATUSES),
      blockedReason: optionalText(5000),
      startedAt: date.nullable(),
      submittedAt: date.nullable(),
      completedAt: date.nullable(),
      importedAt: date.nullable().optional(),
      createdAt: date,
      updatedAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
  Evidence: {
    schema: z.strictObject({
      id,
      packetId: id,
      itemKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
      version: positive,
      kind: z.enum(["note", "link", "file", "exercise", "drill", "exit-ticket"]),
      title: text(200),
      body: text(),
      url: optionalText(5000),
      fileName: optionalText(200),
      filePath: optionalText(200),
      fileType: optionalText(200),
      fileSize: count.nullable(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
      data: json(EvidenceDataSchema).nullable(),
      ...actor,
      createdAt: date,
    }),
    refs: { packetId: "Packet" },
    jsonColumns: ["data"],
  },
  CompletionProof: {
    schema: z.strictObject({ id, packetId: id, data: json(ProofSchema), ...actor, createdAt: date }),
    refs: { packetId: "Packet" },
    jsonColumns: ["data"],
  },
  Review: {
    schema: z.strictObject({
      id,
      packetId: id,
      reviewerId: text(200),
      reviewerName: text(200),
      verdict: z.enum(["accept", "reject", "rescore", "self-review"]),
      scores: json(RubricScoresSchema),
      remarks: json(z.record(z.string(), z.string())),
      feedback: text(),
      remediation: json(RemediationSchema).nullable(),
      evidenceSeen: json(z.array(id)),
      importedAt: date.nullable().optional(),
      createdAt: date,
    }),
    refs: { packetId: "Packet" },
    jsonColumns: ["scores", "remarks", "remediation", "evidenceSeen"],
  },
  ReviewComment: {
    schema: z.strictObject({
      id,
      packetId: id,
      evidenceItemKey: text(80),
      body: text(),
      authorId: text(200),
      authorName: text(200),
      createdAt: date,
    }),
    refs: { packetId: "Packet" },
  },
  FeedbackTick: {
    schema: z.strictObject({ id, reviewId: id, number: positive, createdAt: date }),
    refs: { reviewId: "Review" },
  },
  CommentResolution: {
    schema: z.strictObject({ id, commentId: id, note: text(), createdAt: date }),
    refs: { commentId: "ReviewComment" },
  },
  PlanLogEntry: {
    schema: z.strictObject({
      id,
      learnerId: id,
      moduleNumber: count,
      status: z.enum(STATUSES),
      summary: text(),
      evidence: text(),
      risks: text(),
      next: text(),
      actorKind,
      actorLabel: text(200),
      createdAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
  PrerequisiteWaiver: {
    schema: z.strictObject({
      id,
      learnerId: id,
      moduleNumber: positive,
      prerequisite: positive,
      reason: text(),
      reviewerId: text(200),
      createdAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
  PatternCategory: {
    schema: z.strictObject({ id, learnerId: id, slug: CategorySlugSchema, createdAt: date }),
    refs: { learnerId: "Learner" },
  },
  Pattern: {
    schema: z.strictObject({
      id,
      learnerId: id,
      slug: text(200),
      version: positive,
      title: text(500),
      category: text(200),
      tags: json(z.array(z.string().max(200))),
      problem: text(),
      whenToUse: text(),
      howToApply: text(),
      tradeOffs: text(),
      alternatives: text(),
      examples: text(),
      sourceModule: positive.nullable(),
      sourceExercise: optionalText(200),
      archived: bool,
      createdAt: date,
      updatedAt: date,
    }),
    refs: { learnerId: "Learner" },
    jsonColumns: ["tags"],
  },
  PatternVersion: {
    schema: z.strictObject({ id, patternId: id, version: positive, data: json(PatternInputSchema), ...savedBy, createdAt: date }),
    refs: { patternId: "Pattern" },
    jsonColumns: ["data"],
  },
  PlaybookEntry: {
    schema: z.strictObject({
      id,
      learnerId: id,
      slug: text(200),
      version: positive,
      kind: z.enum(PLAYBOOK_KINDS),
      title: text(500),
      body: text(),
      archived: bool,
      createdAt: date,
      updatedAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
  PlaybookEntryVersion: {
    schema: z.strictObject({ id, entryId: id, version: positive, data: json(PlaybookEntryInputSchema), ...savedBy, createdAt: date }),
    refs: { entryId: "PlaybookEntry" },
    jsonColumns: ["data"],
  },
  ChecklistTick: {
    schema: z.strictObject({ id, entryId: id, itemKey: text(2000), createdAt: date }),
    refs: { entryId: "PlaybookEntry" },
  },
  ExecPlan: {
    schema: z.strictObject({ id, learnerId: id, terms: text(), createdAt: date, updatedAt: date }),
    refs: { learnerId: "Learner" },
  },
  ExecPlanRevision: {
    schema: z.strictObject({
      id,
      planId: id,
      number: positive,
      body: text(),
      title: text(500),
      status: text(200),
      source: z.enum(["template", "edit", "import"]),
      errors: count,
      warnings: count,
      tasksDone: count,
      tasksTotal: count,
      ...actor,
      createdAt: date,
    }),
    refs: { planId: "ExecPlan" },
  },
  ExecPlanAttachment: {
    schema: z.strictObject({
      id,
      planId: id,
      packetId: id,
      revisionId: id,
      action: z.enum(["attach", "detach"]),
      ...actor,
      createdAt: date,
    }),
    refs: { planId: "ExecPlan", packetId: "Packet", revisionId: "ExecPlanRevision" },
  },
  RunningTimer: {
    schema: z.strictObject({
      id,
      learnerId: id,
      packetId: id.nullable(),
      moduleNumber: positive,
      exercise: optionalText(200),
      startedAt: date,
    }),
    refs: { learnerId: "Learner", packetId: "Packet" },
  },
  DrillRun: {
    schema: z.strictObject({ id, packetId: id, drillId: z.string().regex(/^[a-z0-9-]+$/), startedAt: date }),
    refs: { packetId: "Packet" },
  },
  TimeEntry: {
    schema: z.strictObject({
      id,
      learnerId: id,
      packetId: id.nullable(),
      moduleNumber: positive,
      exercise: optionalText(200),
      source: z.enum(["timer", "manual", "correction", "drill"]),
      startedAt: date,
      seconds: count,
      note: text(),
      correctsId: id.nullable(),
      createdAt: date,
    }),
    refs: { learnerId: "Learner", packetId: "Packet", correctsId: "TimeEntry" },
  },
  RedrillResult: {
    schema: z.strictObject({
      id,
      learnerId: id,
      moduleNumber: positive,
      itemKind: z.enum(REDRILL_KINDS),
      itemRef: text(200),
      passed: bool,
      note: text(),
      dueAt: date,
      createdAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
  IndicatorMark: {
    schema: z.strictObject({
      id,
      learnerId: id,
      kind: z.enum(Object.keys(INDICATOR_KINDS) as [IndicatorKind, ...IndicatorKind[]]),
      item: text(2000),
      checked: bool,
      note: text(),
      createdAt: date,
    }),
    refs: { learnerId: "Learner" },
  },
};

/** What the import is written as: the importing user, the time, where it came from. */
export type Confinement = {
  ownerId: string;
  soloMode: boolean;
  now: Date;
  importedFrom: string;
  /** The checksums and sizes of the files the import carries, each already verified. */
  files: ReadonlyMap<string, number>;
};

const ACTIVE = new Set(["in_progress", "blocked", "review_required"]);

const refuse = (table: string, index: number, message: string, field = `tables.${table}`) =>
  new AppError("invalid", `${table} row ${index + 1} ${message}; nothing was imported.`, { [field]: `row ${index + 1}: ${message}` });

/** The id of this install a person of the export becomes: the importing user for the learner's own actions, none for anyone else. */
function personId(kind: string, ownerId: string): string {
  return kind === "learner" ? ownerId : IMPORTED_PERSON;
}

/**
 * Checks every row of an export and returns the rows to write, table by table, re-keyed and
 * confined to the new profile, with values in the form the database stores.
 */
export function confineRows(tables: Record<string, Row[]>, into: Confinement): { table: string; rows: Row[] }[] {
  const ids = new Map<string, Map<string, string>>(Object.keys(TABLES).map((table) => [table, new Map()]));
  const out: { table: string; rows: Row[] }[] = [];
  for (const [table, spec] of Object.entries(TABLES)) {
    const rows: Row[] = [];
    for (const [index, original] of (tables[table] ?? []).entries()) {
      const parsed = spec.schema.safeParse(original);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const column = issue.path[0];
        const message =
          issue.code === "unrecognized_keys"
            ? `has an unknown column "${issue.keys[0]}"`
            : `has a bad value in "${String(column)}" (${issue.message})`;
        throw refuse(table, index, message);
      }
      const row = { ...(parsed.data as Record<string, unknown>) };
      for (const [column, target] of Object.entries(spec.refs ?? {})) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const mapped = ids.get(target)!.get(String(value));
        if (!mapped) throw refuse(table, index, `points at a ${target} row that is not part of this import ("${column}")`);
        row[column] = mapped;
      }
      const newId = randomUUID();
      ids.get(table)!.set(String(row.id), newId);
      row.id = newId;
      confine(table, row, into, ids, index);
      rows.push(stored(row, spec.jsonColumns ?? []));
    }
    out.push({ table, rows });
  }
  const active = (out.find((t) => t.table === "Packet")?.rows ?? []).filter((p) => ACTIVE.has(String(p.status)));
  if (active.length > 1) {
    throw new AppError("invalid", "The export has more than one packet in progress or waiting for review; nothing was imported.", {
      "tables.Packet": "at most one active packet",
    });
  }
  return out;
}

/** The table-specific part: who acted, what is marked as imported, where files are. */
function confine(
  table: string,
  row: Record<string, unknown>,
  into: Confinement,
  ids: Map<string, Map<string, string>>,
  index: number,
): void {
  if ("actorKind" in row && "actorId" in row) row.actorId = personId(String(row.actorKind), into.ownerId);
  switch (table) {
    case "Learner":
      Object.assign(row, { ownerId: into.ownerId, soloMode: into.soloMode, importedAt: into.now, importedFrom: into.importedFrom });
      break;
    case "Packet":
      row.importedAt = into.now;
      break;
    case "Review": {
      row.reviewerId = row.verdict === "self-review" ? into.ownerId : IMPORTED_PERSON;
      row.importedAt = into.now;
      const seen = ids.get("Evidence")!;
      row.evidenceSeen = (row.evidenceSeen as string[]).map((evidenceId) => {
        const mapped = seen.get(evidenceId);
        if (!mapped) throw refuse("Review", index, 'names an evidence version that is not part of this import ("evidenceSeen")');
        return mapped;
      });
      break;
    }
    case "ReviewComment":
      row.authorId = IMPORTED_PERSON;
      break;
    case "PrerequisiteWaiver":
      row.reviewerId = IMPORTED_PERSON;
      break;
    case "Evidence": {
      const isFile = row.kind === "file";
      const sha256 = row.sha256 as string | null;
      if (isFile !== (sha256 !== null))
        throw refuse("Evidence", index, isFile ? "is a file without its checksum" : "carries a file checksum but is not a file");
      if (sha256 !== null) {
        if (!into.files.has(sha256)) throw refuse("Evidence", index, 'points at a file the export does not carry ("sha256")');
        if (row.fileSize !== into.files.get(sha256)) throw refuse("Evidence", index, 'gives a size that is not its file\'s ("fileSize")');
        if (!FileNameSchema.safeParse(row.fileName).success)
          throw refuse("Evidence", index, 'has a file name with folders or control characters ("fileName")');
      }
      row.filePath = sha256 === null ? null : storedPath(sha256);
      break;
    }
  }
}

/** A checked row in the form the database stores it: times as ISO text (as Prisma writes them), flags as 0/1, JSON as text. */
function stored(row: Record<string, unknown>, jsonColumns: string[]): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => {
      if (value === null || value === undefined) return [column, null];
      if (jsonColumns.includes(column)) return [column, JSON.stringify(value)];
      if (value instanceof Date) return [column, storedTime(value)];
      if (typeof value === "boolean") return [column, value ? 1 : 0];
      return [column, value as Cell];
    }),
  );
}
