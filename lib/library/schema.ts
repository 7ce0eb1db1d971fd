// The input rules of the pattern library and the playbook: what a pattern and a playbook entry
// hold, their limits and messages, and the one normal form every stored Markdown text is in.
import { z } from "zod";
import { PATTERN_CATEGORIES, PLAYBOOK_KINDS, type PlaybookKind } from "../content/schema";
import { structureProblem } from "./structure";

export { PATTERN_CATEGORIES, PLAYBOOK_KINDS, type PlaybookKind };

export const KIND_LABELS: Record<PlaybookKind, string> = {
  "quick-reference": "Quick reference",
  scenario: "Scenario",
  checklist: "Checklist",
  "decision-tree": "Decision tree",
};

/** The Markdown parts of a pattern, in the order they are shown and exported. */
export const PATTERN_SECTIONS = [
  { key: "problem", heading: "Problem and context", required: "describe the problem and its context" },
  { key: "whenToUse", heading: "When to use", required: "say when to use it" },
  { key: "howToApply", heading: "How to apply", required: "say how to apply it" },
  { key: "tradeOffs", heading: "Trade-offs", required: null },
  { key: "alternatives", heading: "Alternatives", required: null },
  { key: "examples", heading: "Examples", required: null },
] as const;
export type SectionKey = (typeof PATTERN_SECTIONS)[number]["key"];

const LIMITS = { title: 120, slug: 80, tag: 32, tags: 12, section: 20_000, body: 50_000, category: 40 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The stored form of a Markdown text: LF line ends, no blank lines before the first line and no
 * whitespace after the last. Exports and imports rely on it to give back exactly what was saved.
 */
export function normalizeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}

/** A slug from a title: ASCII letters and digits joined by single dashes ("" when none are left). */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, LIMITS.slug)
    .replace(/-+$/, "");
}

function plain(value: string, ctx: z.RefinementCtx) {
  if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: "custom", message: "contains broken characters (half of a surrogate pair)" });
  else if (CONTROL.test(value)) ctx.addIssue({ code: "custom", message: "contains control characters; remove them" });
}

const tooLong = (max: number, length: number) =>
  `use at most ${max.toLocaleString("en")} characters (this has ${length.toLocaleString("en")})`;

const markdown = (max: number, required: string | null) =>
  z
    .string({ error: required ?? "must be text" })
    .default("")
    .transform(normalizeMarkdown)
    .superRefine((value, ctx) => {
      if (required && value === "") ctx.addIssue({ code: "custom", message: required });
      else if (value.length > max) ctx.addIssue({ code: "custom", message: tooLong(max, value.length) });
      plain(value, ctx);
    });

const title = z
  .string({ error: "enter a title" })
  .transform((t) => t.trim())
  .superRefine((value, ctx) => {
    if (value === "") ctx.addIssue({ code: "custom", message: "enter a title" });
    else if (value.length > LIMITS.title) ctx.addIssue({ code: "custom", message: tooLong(LIMITS.title, value.length) });
    else if (/[\r\n]/.test(value)) ctx.addIssue({ code: "custom", message: "keep the title on one line" });
    plain(value, ctx);
  });

const slugRule = (what: string) =>
  z
    .string()
    .max(LIMITS.slug, `use at most ${LIMITS.slug} characters`)
    .regex(SLUG, `use lowercase letters a–z, digits and single dashes for the ${what} (e.g. batch-independent-reads)`);

const SlugSchema = slugRule("slug");
export const CategorySlugSchema = z
  .string()
  .trim()
  .min(1, "enter a category name")
  .max(LIMITS.category, `use at most ${LIMITS.category} characters`)
  .regex(SLUG, "use lowercase letters a–z, digits and single dashes (e.g. security)");

/** Tags from a comma-separated text or a list: lowercased, spaces as dashes, duplicates dropped. */
export const TagsSchema = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((value) => {
    const list = (Array.isArray(value) ? value : value.split(","))
      .map((t) => t.trim().toLowerCase().replace(/\s+/g, "-"))
      .filter((t) => t !== "");
    return [...new Set(list)];
  })
  .superRefine((list, ctx) => {
    if (list.length > LIMITS.tags) ctx.addIssue({ code: "custom", message: `use at most ${LIMITS.tags} tags` });
    const bad = list.find((t) => t.length > LIMITS.tag || !TAG.test(t));
    if (bad !== undefined)
      ctx.addIssue({ code: "custom", message: `tag "${bad}": use letters, digits and dashes, at most ${LIMITS.tag} characters` });
  });

/** Slugs that name pages of their own under /patterns and /playbook. */
const RESERVED_SLUGS = ["new", "import", "export"];

/** Fills an empty slug from the title, or says why it cannot. */
function withSlug<T extends { slug: string; title: string }>(value: T, ctx: z.RefinementCtx): T {
  const slug = value.slug.trim() || slugify(value.title);
  if (slug === "" && value.title !== "") {
    ctx.addIssue({ code: "custom", path: ["slug"], message: "enter a slug: the title has no letters a–z or digits to make one from" });
    return value;
  }
  const checked = SlugSchema.safeParse(slug);
  if (!checked.success && value.title !== "") ctx.addIssue({ code: "custom", path: ["slug"], message: checked.error.issues[0]!.message });
  else if (RESERVED_SLUGS.includes(slug))
    ctx.addIssue({ code: "custom", path: ["slug"], message: `“${slug}” names a page of its own; choose another slug` });
  return { ...value, slug };
}

const optionalNumber = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.coerce.number({ error: "choose a module" }).int("choose a module").positive("choose a module").nullable(),
);
const optionalSlug = z.preprocess((v) => (v === "" || v === undefined ? null : v), slugRule("exercise").nullable());

export const PatternInputSchema = z
  .object({
    title,
    slug: z.string().default(""),
    category: z.string({ error: "choose a category" }).trim().min(1, "choose a category"),
    tags: TagsSchema,
    problem: markdown(LIMITS.section, PATTERN_SECTIONS[0].required),
    whenToUse: markdown(LIMITS.section, PATTERN_SECTIONS[1].required),
    howToApply: markdown(LIMITS.section, PATTERN_SECTIONS[2].required),
    tradeOffs: markdown(LIMITS.section, null),
    alternatives: markdown(LIMITS.section, null),
    examples: markdown(LIMITS.section, null),
    sourceModule: optionalNumber.default(null),
    sourceExercise: optionalSlug.default(null),
    archived: z.boolean().default(false),
  })
  .transform(withSlug)
  .superRefine((value, ctx) => {
    if (value.sourceExercise && value.sourceModule === null) {
      ctx.addIssue({ code: "custom", path: ["sourceExercise"], message: "choose the module the exercise belongs to" });
    }
  });
export type PatternInput = z.input<typeof PatternInputSchema>;
export type PatternData = z.output<typeof PatternInputSchema>;

export const PlaybookEntryInputSchema = z
  .object({
    title,
    slug: z.string().default(""),
    kind: z.enum(PLAYBOOK_KINDS, { error: `choose a kind: ${PLAYBOOK_KINDS.join(", ")}` }),
    body: markdown(LIMITS.body, "write the entry"),
    archived: z.boolean().default(false),
  })
  .transform(withSlug)
  .superRefine((value, ctx) => {
    const problem = value.body === "" ? null : structureProblem(value.kind, value.body);
    if (problem) ctx.addIssue({ code: "custom", path: ["body"], message: problem });
  });
export type PlaybookEntryInput = z.input<typeof PlaybookEntryInputSchema>;
export type PlaybookEntryData = z.output<typeof PlaybookEntryInputSchema>;

/** The category list message used wherever an unknown category is refused. */
export function unknownCategoryMessage(category: string, known: readonly string[]): string {
  return `unknown category "${category}": choose one of ${known.join(", ")}`;
}

export function categoryLabel(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
