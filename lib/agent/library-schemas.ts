// The zod schemas of the library endpoints: patterns, playbook entries and the library zip. Bodies
// check shape and types strictly (unknown fields refused); the library's own schemas apply the rules.
import { z } from "zod";
import { PLAYBOOK_KINDS } from "../content/schema";
import { IMPORT_LIMITS } from "../library/import";
import { UploadedFileSchema } from "./schemas";

const slug = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The item's slug, e.g. budget-the-context.", examples: ["budget-the-context"] });
export const SlugParams = z.strictObject({ slug });

const page = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, "a page number such as 1")
  .transform(Number)
  .optional()
  .meta({ description: "The page of 50 patterns to answer with (default 1)." });
const archived = z
  .enum(["true", "false"])
  .optional()
  .meta({ description: "true lists the archived items instead of the active ones." });

export const PatternsQuery = z.strictObject({
  q: z.string().max(200, "must be at most 200 characters").optional().meta({ description: "Full-text search over the patterns." }),
  category: z.string().max(60).optional(),
  tag: z.string().max(60).optional(),
  sort: z.enum(["updated", "title", "category", "created"]).optional(),
  archived,
  page,
});
export const EntriesQuery = z.strictObject({ kind: z.enum(PLAYBOOK_KINDS).optional(), archived });

const markdown = (description: string) => z.string().meta({ description: `Markdown: ${description}` });
const patternFields = {
  title: z.string(),
  slug: z.string().optional().meta({ description: "Made from the title when left out." }),
  category: z.string().meta({ description: "A category of the program or one the learner added." }),
  tags: z.array(z.string()).optional(),
  problem: markdown("the problem the pattern solves."),
  whenToUse: markdown("when to use it."),
  howToApply: markdown("how to apply it; [[slug]] links another pattern."),
  tradeOffs: z.string().optional(),
  alternatives: z.string().optional(),
  examples: z.string().optional(),
  sourceModule: z.number().int().nullable().optional().meta({ description: "The module the pattern comes from." }),
  sourceExercise: z.string().nullable().optional().meta({ description: "The exercise of that module it comes from." }),
};
export const PatternBody = z.strictObject(patternFields);

const expectedVersion = z
  .number()
  .int()
  .min(1)
  .meta({ description: "The version the change is based on (from GET); another version saved in between refuses the change with 409." });
/** The fields to change; the others keep their current text. */
export const PatternUpdateBody = PatternBody.partial().extend({ expectedVersion });

const entryFields = {
  title: z.string(),
  slug: z.string().optional().meta({ description: "Made from the title when left out." }),
  kind: z.enum(PLAYBOOK_KINDS),
  body: markdown("the entry; a checklist is a list of - [ ] items, a decision tree a nested list."),
};
export const EntryBody = z.strictObject(entryFields);
/** The fields to change; the others keep their current text. */
export const EntryUpdateBody = EntryBody.partial().extend({ expectedVersion });

export const ArchiveBody = z.strictObject({
  archived: z.boolean().default(true).meta({ description: "false restores an archived item (default true)." }),
});

// ── the library zip ──

/** A base64 zip at the import limit, plus room for the rest of the body. */
export const LIBRARY_IMPORT_MAX_BYTES = Math.ceil((IMPORT_LIMITS.uploadBytes * 4) / 3) + 1_000_000;

const zipUpload = (fields: { fileName?: string; bytes: Uint8Array }) => ({ name: fields.fileName ?? "library.zip", bytes: fields.bytes });
const contentBase64 = z.base64("the zip, base64-encoded").meta({ description: "The library zip's bytes, base64-encoded." });
const fileName = z.string().max(255).optional().meta({ description: "The file's name: a .zip, or an exported playbook .md file." });
const fingerprint = z.string().min(1).max(100).meta({ description: "The plan's fingerprint from the preview of the same upload." });
const keep = z
  .array(z.string().max(300))
  .optional()
  .meta({ description: "Conflicts to leave as they are, as kind:slug (pattern:… or entry:…)." });

export const ImportPreviewBody = z
  .strictObject({ fileName, contentBase64 })
  .transform(({ fileName: name, contentBase64: base64 }) => ({
    upload: zipUpload({ fileName: name, bytes: new Uint8Array(Buffer.from(base64, "base64")) }),
  }));
export const ImportApplyBody = z
  .strictObject({ fileName, contentBase64, fingerprint, keep })
  .transform(({ fileName: name, contentBase64: base64, ...rest }) => ({
    upload: zipUpload({ fileName: name, bytes: new Uint8Array(Buffer.from(base64, "base64")) }),
    fingerprint: rest.fingerprint,
    keep: rest.keep ?? [],
  }));

const keepText = z
  .string()
  .optional()
  .meta({ description: "Conflicts to leave as they are, as kind:slug separated by commas." })
  .transform((text) => (text ?? "").split(",").map((k) => k.trim()).filter((k) => k !== ""));

export const ImportPreviewForm = z
  .strictObject({ file: UploadedFileSchema })
  .transform(({ file }) => ({ upload: { name: file.name || "library.zip", bytes: file.bytes } }));
export const ImportApplyForm = z
  .strictObject({ file: UploadedFileSchema, fingerprint, keep: keepText })
  .transform(({ file, fingerprint: print, keep: kept }) => ({ upload: { name: file.name || "library.zip", bytes: file.bytes }, fingerprint: print, keep: kept }));

// ── answers ──

const dateTime = z.iso.datetime();
const actor = z.object({ kind: z.string(), label: z.string() }).meta({ description: "Who saved the current version: learner or agent, and their name." });

/** What every saved library item carries: archived or not, its version, who saved it, its page and times. */
const savedItem = {
  archived: z.boolean(),
  version: z.number().int(),
  actor,
  url: z.string(),
  createdAt: dateTime,
  updatedAt: dateTime,
};
const changed = z.boolean().meta({ description: "false when the body changed nothing, so no new version was saved." });

export const PatternItem = z.object({
  slug: z.string(),
  title: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  problem: z.string(),
  whenToUse: z.string(),
  howToApply: z.string(),
  tradeOffs: z.string(),
  alternatives: z.string(),
  examples: z.string(),
  sourceModule: z.number().int().nullable(),
  sourceExercise: z.string().nullable(),
  ...savedItem,
});
export const PatternAnswer = z.object({ pattern: PatternItem });
export const PatternUpdateAnswer = z.object({
  pattern: PatternItem,
  changed,
});
export const PatternsAnswer = z.object({
  patterns: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      category: z.string(),
      tags: z.array(z.string()),
      whenToUse: z.string(),
      version: z.number().int(),
      updatedAt: dateTime,
    }),
  ),
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
});

export const EntryItem = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.enum(PLAYBOOK_KINDS),
  body: z.string(),
  ...savedItem,
});
export const EntryAnswer = z.object({ entry: EntryItem });
export const EntryUpdateAnswer = z.object({
  entry: EntryItem,
  changed,
});
export const EntriesAnswer = z.object({
  entries: z.array(
    z.object({ slug: z.string(), title: z.string(), kind: z.string(), archived: z.boolean(), version: z.number().int(), updatedAt: dateTime }),
  ),
});

const planItem = z.object({
  kind: z.enum(["pattern", "entry"]),
  slug: z.string(),
  title: z.string(),
  file: z.string(),
  currentVersion: z.number().int().optional(),
  changes: z.array(z.string()).optional(),
});
const ImportPlan = z.object({
  problems: z.array(z.object({ file: z.string(), message: z.string() })).meta({ description: "Files that stop the import; apply is refused while there are any." }),
  ignored: z.array(z.string()),
  newCategories: z.array(z.string()),
  create: z.array(planItem),
  update: z.array(planItem).meta({ description: "Existing items whose text differs: updated as a new version unless kept." }),
  unchanged: z.array(planItem),
  fingerprint: z.string().meta({ description: "Pass to apply: it refuses if the library changed since this preview." }),
});
export const ImportPreviewAnswer = z.object({ plan: ImportPlan });
export const ImportApplyAnswer = z.object({
  plan: ImportPlan,
  result: z.object({ created: z.number().int(), updated: z.number().int(), kept: z.number().int(), unchanged: z.number().int(), categories: z.number().int() }),
});
