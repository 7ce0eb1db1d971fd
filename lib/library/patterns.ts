// A learner's patterns and categories: validated saves that keep every earlier text as an
// append-only version, archiving, and the queries of the library and pattern pages.
import { z } from "zod";
import { getProgram, moduleByNumber } from "../content";
import { randomUUID } from "node:crypto";
import { db, type StoredRow, storedTime, transaction, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { paginate, parsePage } from "../pagination";
import type { Prisma } from "../generated/prisma/client";
import { ownLibrary } from "./access";
import {
  CategorySlugSchema,
  PATTERN_CATEGORIES,
  PATTERN_SECTIONS,
  type PatternData,
  type PatternInput,
  PatternInputSchema,
  TagsSchema,
  unknownCategoryMessage,
} from "./schema";
import { whileLibraryUnchanged } from "./memo";
import { matchingPatternSlugs } from "./search";
import { type Actor, provenance } from "../auth/actor";

export type PatternRow = Prisma.PatternGetPayload<object>;

export function patternData(row: PatternRow): PatternData {
  return {
    title: row.title,
    slug: row.slug,
    category: row.category,
    tags: TagsSchema.parse(row.tags),
    problem: row.problem,
    whenToUse: row.whenToUse,
    howToApply: row.howToApply,
    tradeOffs: row.tradeOffs,
    alternatives: row.alternatives,
    examples: row.examples,
    sourceModule: row.sourceModule,
    sourceExercise: row.sourceExercise,
    archived: row.archived,
  };
}

const FIELDS = Object.keys(PatternInputSchema.in.shape) as (keyof PatternData)[];

export function samePattern(a: PatternData, b: PatternData): boolean {
  return FIELDS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** The program's categories, then the learner's own, in the order the library shows them. */
export async function knownCategories(learnerId: string, tx?: Tx): Promise<string[]> {
  const client = tx ?? (await db());
  const own = await client.patternCategory.findMany({ where: { learnerId }, orderBy: { slug: "asc" } });
  return [...PATTERN_CATEGORIES, ...own.map((c) => c.slug)];
}

export async function addCategory(actor: Actor, learnerId: string, input: { slug: string }): Promise<string> {
  const parsed = z.object({ slug: CategorySlugSchema }).safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const slug = parsed.data.slug;
  return transaction(async (tx) => {
    await ownLibrary(tx, actor, learnerId);
    if ((await knownCategories(learnerId, tx)).includes(slug))
      throw new AppError("invalid", "That category exists already.", { slug: `“${slug}” is already a category` });
    await tx.patternCategory.create({ data: { learnerId, slug } });
    return slug;
  });
}

/** Field errors for what only the learner's state can tell: category, source module and exercise. */
export function contextProblems(programSlug: string, categories: readonly string[], data: PatternData): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!categories.includes(data.category)) problems.category = unknownCategoryMessage(data.category, categories);
  if (data.sourceModule !== null) {
    const program = getProgram(programSlug);
    const mod = program ? moduleByNumber(program, data.sourceModule) : null;
    if (!mod) problems.sourceModule = `the program has no module ${data.sourceModule}`;
    else if (data.sourceExercise && !mod.exercises.some((e) => e.slug === data.sourceExercise)) {
      problems.sourceExercise = `Module ${data.sourceModule} has no exercise “${data.sourceExercise}”`;
    }
  }
  return problems;
}

/** Writes a pattern's new text (creating it when `existing` is null), its version row with who saved it, and its tag rows. */
export async function writePattern(tx: Tx, actor: Actor, learnerId: string, existing: PatternRow | null, data: PatternData): Promise<PatternRow> {
  const version = (existing?.version ?? 0) + 1;
  const row = existing
    ? await tx.pattern.update({ where: { id: existing.id }, data: { ...data, version } })
    : await tx.pattern.create({ data: { ...data, learnerId, version } });
  await tx.patternVersion.create({ data: { patternId: row.id, version, data, ...provenance(actor) } });
  await writePatternTags(tx, row.id, existing ? TagsSchema.parse(existing.tags) : [], data.tags);
  return row;
}

/** Writes the PatternTag rows of a learner's patterns that have none yet: those of an imported profile. */
export async function indexPatternTags(tx: Tx, learnerId: string): Promise<void> {
  const rows = await tx.pattern.findMany({ where: { learnerId, tagRows: { none: {} } }, select: { id: true, tags: true } });
  const data = rows.flatMap((row) => TagsSchema.parse(row.tags).map((tag) => ({ patternId: row.id, tag })));
  if (data.length > 0) await tx.patternTag.createMany({ data });
}

/** Takes a pattern's PatternTag rows from its tags before a save to its tags after it. */
async function writePatternTags(tx: Tx, patternId: string, before: readonly string[], after: readonly string[]): Promise<void> {
  const removed = before.filter((tag) => !after.includes(tag));
  const added = after.filter((tag) => !before.includes(tag));
  if (removed.length > 0) await tx.patternTag.deleteMany({ where: { patternId, tag: { in: removed } } });
  if (added.length > 0) await tx.patternTag.createMany({ data: added.map((tag) => ({ patternId, tag })) });
}

/**
 * The rows that create these patterns, each with its first version: what `writePattern` writes
 * for a new pattern, built ahead for `insertRows`, parents first.
 */
export function newPatternRows(actor: Actor, learnerId: string, list: PatternData[], now: Date): { table: string; rows: StoredRow[] }[] {
  const time = storedTime(now);
  const patterns = list.map((data) => ({
    ...data,
    tags: JSON.stringify(data.tags),
    archived: data.archived ? 1 : 0,
    id: randomUUID(),
    learnerId,
    version: 1,
    createdAt: time,
    updatedAt: time,
  }));
  const versions = patterns.map((row, i) => ({
    id: randomUUID(),
    patternId: row.id,
    version: 1,
    data: JSON.stringify(list[i]),
    ...provenance(actor),
    createdAt: time,
  }));
  const tags = patterns.flatMap((row, i) => list[i]!.tags.map((tag) => ({ id: randomUUID(), patternId: row.id, tag })));
  return [
    { table: "Pattern", rows: patterns },
    { table: "PatternVersion", rows: versions },
    { table: "PatternTag", rows: tags },
  ];
}

function parse(input: PatternInput | Record<string, unknown>): PatternData {
  const parsed = PatternInputSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}

async function checkContext(tx: Tx, learner: { id: string; programSlug: string }, data: PatternData, selfId: string | null) {
  const problems = contextProblems(learner.programSlug, await knownCategories(learner.id, tx), data);
  const clash = await tx.pattern.findUnique({ where: { learnerId_slug: { learnerId: learner.id, slug: data.slug } } });
  if (clash && clash.id !== selfId) problems.slug = `the slug “${data.slug}” is already used by “${clash.title}”`;
  if (Object.keys(problems).length > 0) throw new AppError("invalid", "Some fields need attention.", problems);
}

const slugTaken = (slug: string) => new AppError("invalid", "Some fields need attention.", { slug: `the slug “${slug}” is already used` });

export async function createPattern(actor: Actor, learnerId: string, input: PatternInput | Record<string, unknown>): Promise<PatternRow> {
  const data = parse(input);
  try {
    return await transaction(async (tx) => {
      const learner = await ownLibrary(tx, actor, learnerId);
      await checkContext(tx, learner, data, null);
      return writePattern(tx, actor, learnerId, null, data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(data.slug);
    throw error;
  }
}

export const noSuchPattern = (slug: string) => new AppError("not-found", `There is no pattern “${slug}”.`, { slug: "no such pattern" });

async function currentPattern(tx: Tx, learnerId: string, slug: string, expectedVersion?: number): Promise<PatternRow> {
  const row = await tx.pattern.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
  if (!row) throw noSuchPattern(slug);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new AppError(
      "conflict",
      `This pattern was saved elsewhere since you opened it (it is now version ${row.version}); reload to see that version, then make your change again.`,
      { expectedVersion: `the pattern is now version ${row.version}` },
      "stale-version",
    );
  }
  return row;
}

/** Saves a new version; with `expectedVersion`, refuses if someone saved in between. Null when nothing changed. */
export async function updatePattern(
  actor: Actor,
  learnerId: string,
  slug: string,
  input: PatternInput | Record<string, unknown>,
  options: { expectedVersion?: number } = {},
): Promise<PatternRow | null> {
  const parsedInput = parse(input);
  try {
    return await transaction(async (tx) => {
      const learner = await ownLibrary(tx, actor, learnerId);
      const existing = await currentPattern(tx, learnerId, slug, options.expectedVersion);
      const data = { ...parsedInput, archived: existing.archived };
      await checkContext(tx, learner, data, existing.id);
      if (samePattern(data, patternData(existing))) return null;
      return writePattern(tx, actor, learnerId, existing, data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(parsedInput.slug);
    throw error;
  }
}

/** Archiving what is archived (or restoring what is not) is refused: someone else already did it. */
export function alreadyInState(what: "pattern" | "entry", archived: boolean): AppError {
  return new AppError(
    "conflict",
    `This ${what} is ${archived ? "archived" : "not archived"} already; reload to see it as it is now.`,
    { archived: archived ? "already archived" : "not archived" },
    archived ? "already-archived" : "not-archived",
  );
}

export async function setPatternArchived(actor: Actor, learnerId: string, slug: string, archived: boolean): Promise<PatternRow> {
  return transaction(async (tx) => {
    await ownLibrary(tx, actor, learnerId);
    const existing = await currentPattern(tx, learnerId, slug);
    if (existing.archived === archived) throw alreadyInState("pattern", archived);
    return writePattern(tx, actor, learnerId, existing, { ...patternData(existing), archived });
  });
}

export async function getPattern(learnerId: string, slug: string): Promise<PatternRow | null> {
  return (await db()).pattern.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
}

/** Every saved text of a pattern with who saved it, newest first. */
export async function patternHistory(patternId: string) {
  const rows = await (await db()).patternVersion.findMany({ where: { patternId }, orderBy: { version: "desc" } });
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    actorKind: row.actorKind,
    actorLabel: row.actorLabel,
    data: PatternInputSchema.parse(row.data),
  }));
}

/** Who saved the current version of a pattern. */
export async function patternSavedBy(row: Pick<PatternRow, "id" | "version">) {
  return (await db()).patternVersion.findUniqueOrThrow({
    where: { patternId_version: { patternId: row.id, version: row.version } },
    select: { actorKind: true, actorLabel: true },
  });
}

export const SORTS = { updated: "Recently changed", title: "Title", category: "Category", created: "Oldest first" } as const;
/**
 * How many patterns a page of the library holds: 25 cards on the library page (a screenful or
 * two, the way a code host pages its issues), 50 to an agent reading the API.
 */
export const PATTERNS_PER_PAGE = { page: 25, api: 50 } as const;

export const LibraryQuerySchema = z.object({
  q: z.string().max(200).catch("").default(""),
  category: z.string().max(60).optional().catch(undefined),
  tag: z.string().max(60).optional().catch(undefined),
  sort: z
    .enum(Object.keys(SORTS) as [keyof typeof SORTS])
    .optional()
    .catch(undefined),
  archived: z.literal("1").optional().catch(undefined),
  page: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .catch(undefined)
    .transform(parsePage),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

const ORDER: Record<keyof typeof SORTS, Prisma.PatternOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { slug: "asc" }],
  title: [{ title: "asc" }, { slug: "asc" }],
  category: [{ category: "asc" }, { title: "asc" }],
  created: [{ createdAt: "asc" }, { slug: "asc" }],
};

/** One page of the library for the filters, sort and search; search results keep their rank unless a sort is chosen. */
export async function listPatterns(learnerId: string, query: LibraryQuery, pageSize: number) {
  const client = await db();
  const where: Prisma.PatternWhereInput = {
    learnerId,
    archived: query.archived === "1",
    ...(query.category ? { category: query.category } : {}),
    ...(query.tag ? { tagRows: { some: { tag: query.tag } } } : {}),
  };
  const select = {
    id: true,
    slug: true,
    title: true,
    category: true,
    tags: true,
    whenToUse: true,
    version: true,
    updatedAt: true,
    versions: { orderBy: { version: "desc" }, take: 1, select: { actorKind: true, actorLabel: true } },
  } as const;
  if (query.q.trim() !== "") {
    const ranked = await matchingPatternSlugs(learnerId, query.q);
    const rows = await client.pattern.findMany({
      where: { ...where, slug: { in: ranked } },
      select,
      orderBy: query.sort ? ORDER[query.sort] : undefined,
    });
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    const ordered = query.sort ? rows : ranked.flatMap((slug) => bySlug.get(slug) ?? []);
    const paging = paginate(ordered.length, pageSize, query.page);
    return { paging, items: ordered.slice(paging.from, paging.to) };
  }
  const paging = paginate(await client.pattern.count({ where }), pageSize, query.page);
  const items =
    paging.to > paging.from
      ? await client.pattern.findMany({ where, select, orderBy: ORDER[query.sort ?? "updated"], skip: paging.from, take: pageSize })
      : [];
  return { paging, items };
}

/** Active patterns per category, and every tag in use with its count; kept until the library changes. */
export async function libraryOverview(learnerId: string) {
  return whileLibraryUnchanged("overview", learnerId, async () => {
    const client = await db();
    const [groups, tagGroups, archived] = await Promise.all([
      client.pattern.groupBy({ by: ["category"], where: { learnerId, archived: false }, _count: { _all: true } }),
      client.patternTag.groupBy({
        by: ["tag"],
        where: { pattern: { learnerId, archived: false } },
        _count: { _all: true },
        orderBy: [{ _count: { tag: "desc" } }, { tag: "asc" }],
      }),
      client.pattern.count({ where: { learnerId, archived: true } }),
    ]);
    return {
      counts: new Map(groups.map((g) => [g.category, g._count._all])),
      total: groups.reduce((n, g) => n + g._count._all, 0),
      archived,
      tags: tagGroups.map((g): [string, number] => [g.tag, g._count._all]),
    };
  });
}

const HEAD = { id: true, slug: true, title: true, category: true, archived: true, version: true, updatedAt: true } as const;
export type PatternHead = Prisma.PatternGetPayload<{ select: typeof HEAD }>;

/** Every pattern without its texts (archived ones too), by title. */
export async function patternHeads(learnerId: string): Promise<PatternHead[]> {
  return (await db()).pattern.findMany({ where: { learnerId }, select: HEAD, orderBy: [{ title: "asc" }, { slug: "asc" }] });
}

/** Slug → title of every pattern, to resolve wiki-links. */
export async function patternTitles(learnerId: string): Promise<Record<string, string>> {
  const rows = await (await db()).pattern.findMany({ where: { learnerId }, select: { slug: true, title: true } });
  return Object.fromEntries(rows.map((r) => [r.slug, r.title]));
}

export const sectionTexts = (data: PatternData) => PATTERN_SECTIONS.map((s) => data[s.key]);
