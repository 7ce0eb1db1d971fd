// The rows of a learner export, checked and confined before anything is written. Every column of
// every table is declared here, once: its type in the export (what a version 2 file states, and
// what a version 1 file's values are read by) and its rule (limits, fixed sets, and the app's own
// schemas for the JSON it stores), which together make each table's strict schema. Every row gets
// a new id; every reference must point at a row of the same import, so an import can never touch
// another learner, packet, plan or person. Who acted is rewritten: the learner's own actions
// become the importing user's, everyone else's keep their name but no id of this install, and
// verdicts carry `importedAt` ("imported, not reviewed here").
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { StoredRow } from "../db";
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
import { type ColumnType, DatetimeSchema, storedValue } from "./column-types";

/** A row of an export: column name to value, in the typed form of its column (column-types.ts). */
export type Row = Record<string, unknown>;

/** The id given to people of another install wherever a row names who acted. */
const IMPORTED_PERSON = "imported";

/** A column: its type in the export, and the rule its values meet (times come out as Date). */
type Column = { type: ColumnType; rule: z.ZodType };
const column = (type: ColumnType, rule: z.ZodType): Column => ({ type, rule });
const nullable = ({ type, rule }: Column): Column => column(type, rule.nullable());
/** Left out of exports made before the column existed: */
const optional = ({ type, rule }: Column): Column => column(type, rule.optional());
/** … or read as `value` when left out. */
const orElse = ({ type, rule }: Column, value: unknown): Column => column(type, rule.default(value));

const TEXT_MAX = 1_000_000;
const string = (rule: z.ZodType) => column("string", rule);
const id = string(z.string().min(1).max(200));
const text = (max = TEXT_MAX) => string(z.string().max(max));
const optionalText = (max = TEXT_MAX) => nullable(text(max));
const oneOf = (values: readonly [string, ...string[]]) => string(z.enum(values));
const int = (rule: z.ZodNumber) => column("int", rule);
const count = int(z.number().int().min(0));
const positive = int(z.number().int().positive());
const bool = column("boolean", z.boolean());
const date = column(
  "datetime",
  DatetimeSchema.transform((value) => new Date(value)),
);
/** A column holding JSON, checked by the schema the app writes it with. */
const json = (schema: z.ZodType) => column("json", schema);
const actorKind = oneOf(["learner", "agent", "reviewer"]);
const actor = { actorKind, actorId: text(200), actorLabel: text(200) };
/** Who saved a library version; exports made before it was recorded name nobody, which reads as the learner. */
const savedBy = {
  actorKind: orElse(actorKind, "learner"),
  actorId: orElse(text(200), ""),
  actorLabel: orElse(text(200), ""),
};

type Table = {
  /** Every column, in the order an export writes them. */
  columns: Record<string, Column>;
  /** The strict schema of a row: exactly these columns, each by its rule. */
  schema: z.ZodObject;
  /** Columns that point at another imported row, and the table of that row. */
  refs?: Record<string, string>;
};

const table = (columns: Record<string, Column>, refs?: Record<string, string>): Table => ({
  columns,
  schema: z.strictObject(Object.fromEntries(Object.entries(columns).map(([name, { rule }]) => [name, rule]))),
  refs,
});

/** Every exported table, parents before children. */
export const TABLES: Record<string, Table> = {
  Learner: table({
    id,
    name: string(z.string().min(1).max(60)),
    ownerId: id,
    programSlug: text(200),
    soloMode: bool,
    coolingOffHours: int(z.number().int().min(0).max(168)),
    createdAt: date,
    importedAt: optional(nullable(date)),
    importedFrom: optional(optionalText(500)),
  }),
  Packet: table(
    {
      id,
      learnerId: id,
      moduleNumber: positive,
      attempt: positive,
      status: oneOf(STATUSES),
      blockedReason: optionalText(5000),
      startedAt: nullable(date),
      submittedAt: nullable(date),
      completedAt: nullable(date),
      importedAt: optional(nullable(date)),
      createdAt: date,
      updatedAt: date,
    },
    { learnerId: "Learner" },
  ),
  Evidence: table(
    {
      id,
      packetId: id,
      itemKey: string(z.string().regex(/^[a-z0-9-]{1,80}$/)),
      version: positive,
      kind: oneOf(["note", "link", "file", "exercise", "drill", "exit-ticket"]),
      title: text(200),
      body: text(),
      url: optionalText(5000),
      fileName: optionalText(200),
      filePath: optionalText(200),
      fileType: optionalText(200),
      fileSize: nullable(count),
      sha256: nullable(string(z.string().regex(/^[0-9a-f]{64}$/))),
      data: nullable(json(EvidenceDataSchema)),
      ...actor,
      createdAt: date,
    },
    { packetId: "Packet" },
  ),
  CompletionProof: table({ id, packetId: id, data: json(ProofSchema), ...actor, createdAt: date }, { packetId: "Packet" }),
  Review: table(
    {
      id,
      packetId: id,
      reviewerId: text(200),
      reviewerName: text(200),
      verdict: oneOf(["accept", "reject", "rescore", "self-review"]),
      scores: json(RubricScoresSchema),
      remarks: json(z.record(z.string(), z.string())),
      feedback: text(),
      remediation: nullable(json(RemediationSchema)),
      evidenceSeen: json(z.array(id.rule)),
      importedAt: optional(nullable(date)),
      createdAt: date,
    },
    { packetId: "Packet" },
  ),
  ReviewComment: table(
    {
      id,
      packetId: id,
      evidenceItemKey: text(80),
      body: text(),
      authorId: text(200),
      authorName: text(200),
      createdAt: date,
    },
    { packetId: "Packet" },
  ),
  FeedbackTick: table({ id, reviewId: id, number: positive, createdAt: date }, { reviewId: "Review" }),
  CommentResolution: table({ id, commentId: id, note: text(), createdAt: date }, { commentId: "ReviewComment" }),
  PlanLogEntry: table(
    {
      id,
      learnerId: id,
      moduleNumber: count,
      status: oneOf(STATUSES),
      summary: text(),
      evidence: text(),
      risks: text(),
      next: text(),
      actorKind,
      actorLabel: text(200),
      createdAt: date,
    },
    { learnerId: "Learner" },
  ),
  PrerequisiteWaiver: table(
    {
      id,
      learnerId: id,
      moduleNumber: positive,
      prerequisite: positive,
      reason: text(),
      reviewerId: text(200),
      createdAt: date,
    },
    { learnerId: "Learner" },
  ),
  PatternCategory: table({ id, learnerId: id, slug: string(CategorySlugSchema), createdAt: date }, { learnerId: "Learner" }),
  Pattern: table(
    {
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
      sourceModule: nullable(positive),
      sourceExercise: optionalText(200),
      archived: bool,
      createdAt: date,
      updatedAt: date,
    },
    { learnerId: "Learner" },
  ),
  PatternVersion: table(
    { id, patternId: id, version: positive, data: json(PatternInputSchema), ...savedBy, createdAt: date },
    { patternId: "Pattern" },
  ),
  PlaybookEntry: table(
    {
      id,
      learnerId: id,
      slug: text(200),
      version: positive,
      kind: oneOf(PLAYBOOK_KINDS),
      title: text(500),
      body: text(),
      archived: bool,
      createdAt: date,
      updatedAt: date,
    },
    { learnerId: "Learner" },
  ),
  PlaybookEntryVersion: table(
    { id, entryId: id, version: positive, data: json(PlaybookEntryInputSchema), ...savedBy, createdAt: date },
    { entryId: "PlaybookEntry" },
  ),
  ChecklistTick: table({ id, entryId: id, itemKey: text(2000), createdAt: date }, { entryId: "PlaybookEntry" }),
  ExecPlan: table({ id, learnerId: id, terms: text(), createdAt: date, updatedAt: date }, { learnerId: "Learner" }),
  ExecPlanRevision: table(
    {
      id,
      planId: id,
      number: positive,
      body: text(),
      title: text(500),
      status: text(200),
      source: oneOf(["template", "edit", "import"]),
      errors: count,
      warnings: count,
      tasksDone: count,
      tasksTotal: count,
      ...actor,
      createdAt: date,
    },
    { planId: "ExecPlan" },
  ),
  ExecPlanAttachment: table(
    {
      id,
      planId: id,
      packetId: id,
      revisionId: id,
      action: oneOf(["attach", "detach"]),
      ...actor,
      createdAt: date,
    },
    { planId: "ExecPlan", packetId: "Packet", revisionId: "ExecPlanRevision" },
  ),
  RunningTimer: table(
    {
      id,
      learnerId: id,
      packetId: nullable(id),
      moduleNumber: positive,
      exercise: optionalText(200),
      startedAt: date,
    },
    { learnerId: "Learner", packetId: "Packet" },
  ),
  DrillRun: table({ id, packetId: id, drillId: string(z.string().regex(/^[a-z0-9-]+$/)), startedAt: date }, { packetId: "Packet" }),
  TimeEntry: table(
    {
      id,
      learnerId: id,
      packetId: nullable(id),
      moduleNumber: positive,
      exercise: optionalText(200),
      source: oneOf(["timer", "manual", "correction", "drill"]),
      startedAt: date,
      seconds: count,
      note: text(),
      correctsId: nullable(id),
      createdAt: date,
    },
    { learnerId: "Learner", packetId: "Packet", correctsId: "TimeEntry" },
  ),
  RedrillResult: table(
    {
      id,
      learnerId: id,
      moduleNumber: positive,
      itemKind: oneOf(REDRILL_KINDS),
      itemRef: text(200),
      passed: bool,
      note: text(),
      dueAt: date,
      createdAt: date,
    },
    { learnerId: "Learner" },
  ),
  IndicatorMark: table(
    {
      id,
      learnerId: id,
      kind: oneOf(Object.keys(INDICATOR_KINDS) as [IndicatorKind, ...IndicatorKind[]]),
      item: text(2000),
      checked: bool,
      note: text(),
      createdAt: date,
    },
    { learnerId: "Learner" },
  ),
};

/** Each exported table's columns and their types: what an export states in its `columns`. */
export const COLUMNS: Record<string, Record<string, ColumnType>> = Object.fromEntries(
  Object.entries(TABLES).map(([name, { columns }]) => [
    name,
    Object.fromEntries(Object.entries(columns).map(([c, { type }]) => [c, type])),
  ]),
);

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

/** The refusal of a row, naming its table, its number (from 1) and what is wrong with it. */
export const refuse = (table: string, index: number, message: string, field = `tables.${table}`) =>
  new AppError("invalid", `${table} row ${index + 1} ${message}; nothing was imported.`, { [field]: `row ${index + 1}: ${message}` });

/** The id of this install a person of the export becomes: the importing user for the learner's own actions, none for anyone else. */
function personId(kind: string, ownerId: string): string {
  return kind === "learner" ? ownerId : IMPORTED_PERSON;
}

/**
 * New ids for one import's rows: a random prefix of the import and a running number, so that the
 * rows keep the file's order wherever the app orders by id among rows of the same time (the
 * plan log, and the next export of the profile).
 */
function newIds(): () => string {
  const prefix = randomUUID();
  let next = 0;
  return () => `${prefix}-${String(next++).padStart(10, "0")}`;
}

/**
 * Checks every row of an export and returns the rows to write, table by table, re-keyed and
 * confined to the new profile, with values in the form the database stores.
 */
export function confineRows(tables: Record<string, Row[]>, into: Confinement): { table: string; rows: StoredRow[] }[] {
  const ids = new Map<string, Map<string, string>>(Object.keys(TABLES).map((table) => [table, new Map()]));
  const newId = newIds();
  const out: { table: string; rows: StoredRow[] }[] = [];
  for (const [table, spec] of Object.entries(TABLES)) {
    const rows: StoredRow[] = [];
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
      const id = newId();
      ids.get(table)!.set(String(row.id), id);
      row.id = id;
      confine(table, row, into, ids, index);
      rows.push(stored(row, spec.columns));
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

/** A checked row in the form the database stores it, every column in the table's order. */
function stored(row: Record<string, unknown>, columns: Record<string, Column>): StoredRow {
  return Object.fromEntries(Object.entries(columns).map(([name, { type }]) => [name, storedValue(type, row[name])]));
}
