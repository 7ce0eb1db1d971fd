// A learner's playbook entries: validated saves with append-only versions, archiving, checklist
// ticks, and the queries of the playbook pages (with links between entries and patterns).
import { randomUUID } from "node:crypto";
import { containsText, db, type StoredRow, storedTime, transaction, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { ownLibrary } from "./access";
import { alreadyInState, patternData, sectionTexts } from "./patterns";
import { type PlaybookEntryData, type PlaybookEntryInput, PlaybookEntryInputSchema, type PlaybookKind } from "./schema";
import { checklistKeys, parseChecklist } from "./structure";
import { findWikiLinks } from "./wiki-links";
import { type Actor, provenance } from "../auth/actor";

export type EntryRow = Prisma.PlaybookEntryGetPayload<object>;

export function entryData(row: EntryRow): PlaybookEntryData {
  return { title: row.title, slug: row.slug, kind: row.kind as PlaybookKind, body: row.body, archived: row.archived };
}

export function sameEntry(a: PlaybookEntryData, b: PlaybookEntryData): boolean {
  return a.title === b.title && a.slug === b.slug && a.kind === b.kind && a.body === b.body && a.archived === b.archived;
}

/** Writes an entry's new text (creating it when `existing` is null) and its version row with who saved it. */
export async function writeEntry(
  tx: Tx,
  actor: Actor,
  learnerId: string,
  existing: EntryRow | null,
  data: PlaybookEntryData,
): Promise<EntryRow> {
  const version = (existing?.version ?? 0) + 1;
  const row = existing
    ? await tx.playbookEntry.update({ where: { id: existing.id }, data: { ...data, version } })
    : await tx.playbookEntry.create({ data: { ...data, learnerId, version } });
  await tx.playbookEntryVersion.create({ data: { entryId: row.id, version, data, ...provenance(actor) } });
  return row;
}

/**
 * The rows that create these entries, each with its first version: what `writeEntry` writes for
 * a new entry, built ahead for `insertRows`, parents first.
 */
export function newEntryRows(
  actor: Actor,
  learnerId: string,
  list: PlaybookEntryData[],
  now: Date,
): { table: string; rows: StoredRow[] }[] {
  const time = storedTime(now);
  const entries = list.map((data) => ({
    ...data,
    archived: data.archived ? 1 : 0,
    id: randomUUID(),
    learnerId,
    version: 1,
    createdAt: time,
    updatedAt: time,
  }));
  const versions = entries.map((row, i) => ({
    id: randomUUID(),
    entryId: row.id,
    version: 1,
    data: JSON.stringify(list[i]),
    ...provenance(actor),
    createdAt: time,
  }));
  return [
    { table: "PlaybookEntry", rows: entries },
    { table: "PlaybookEntryVersion", rows: versions },
  ];
}

function parse(input: PlaybookEntryInput | Record<string, unknown>): PlaybookEntryData {
  const parsed = PlaybookEntryInputSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}

async function refuseTakenSlug(tx: Tx, learnerId: string, slug: string, selfId: string | null) {
  const clash = await tx.playbookEntry.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
  if (clash && clash.id !== selfId)
    throw new AppError("invalid", "Some fields need attention.", { slug: `the slug “${slug}” is already used by “${clash.title}”` });
}

const slugTaken = (slug: string) => new AppError("invalid", "Some fields need attention.", { slug: `the slug “${slug}” is already used` });

export async function createEntry(actor: Actor, learnerId: string, input: PlaybookEntryInput | Record<string, unknown>): Promise<EntryRow> {
  const data = parse(input);
  try {
    return await transaction(async (tx) => {
      await ownLibrary(tx, actor, learnerId);
      await refuseTakenSlug(tx, learnerId, data.slug, null);
      return writeEntry(tx, actor, learnerId, null, data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(data.slug);
    throw error;
  }
}

export const noSuchEntry = (slug: string) => new AppError("not-found", `There is no playbook entry “${slug}”.`, { slug: "no such entry" });

async function currentEntry(tx: Tx, learnerId: string, slug: string, expectedVersion?: number): Promise<EntryRow> {
  const row = await tx.playbookEntry.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
  if (!row) throw noSuchEntry(slug);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new AppError(
      "conflict",
      `This entry was saved elsewhere since you opened it (it is now version ${row.version}); reload to see that version, then make your change again.`,
      { expectedVersion: `the entry is now version ${row.version}` },
      "stale-version",
    );
  }
  return row;
}

/** Saves a new version; null when nothing changed. */
export async function updateEntry(
  actor: Actor,
  learnerId: string,
  slug: string,
  input: PlaybookEntryInput | Record<string, unknown>,
  options: { expectedVersion?: number } = {},
): Promise<EntryRow | null> {
  const parsedInput = parse(input);
  try {
    return await transaction(async (tx) => {
      await ownLibrary(tx, actor, learnerId);
      const existing = await currentEntry(tx, learnerId, slug, options.expectedVersion);
      const data = { ...parsedInput, archived: existing.archived };
      await refuseTakenSlug(tx, learnerId, data.slug, existing.id);
      if (sameEntry(data, entryData(existing))) return null;
      return writeEntry(tx, actor, learnerId, existing, data);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(parsedInput.slug);
    throw error;
  }
}

export async function setEntryArchived(actor: Actor, learnerId: string, slug: string, archived: boolean): Promise<EntryRow> {
  return transaction(async (tx) => {
    await ownLibrary(tx, actor, learnerId);
    const existing = await currentEntry(tx, learnerId, slug);
    if (existing.archived === archived) throw alreadyInState("entry", archived);
    return writeEntry(tx, actor, learnerId, existing, { ...entryData(existing), archived });
  });
}

export async function getEntry(learnerId: string, slug: string): Promise<EntryRow | null> {
  return (await db()).playbookEntry.findUnique({ where: { learnerId_slug: { learnerId, slug } } });
}

const HEAD = { id: true, slug: true, title: true, kind: true, archived: true, version: true, updatedAt: true } as const;
export type EntryHead = Prisma.PlaybookEntryGetPayload<{ select: typeof HEAD }>;

/** Every entry without its text (archived ones too), by title. */
export async function entryHeads(learnerId: string): Promise<EntryHead[]> {
  return (await db()).playbookEntry.findMany({ where: { learnerId }, select: HEAD, orderBy: [{ title: "asc" }, { slug: "asc" }] });
}

/** How long each of the learner's active entries' text is, in characters and in lines, by id. */
export async function entryLengths(learnerId: string): Promise<Map<string, { characters: number; lines: number }>> {
  const rows = await (await db()).playbookEntry.findMany({ where: { learnerId, archived: false }, select: { id: true, body: true } });
  return new Map(rows.map((row) => [row.id, { characters: row.body.length, lines: row.body.split("\n").length }]));
}

/** The learner's entries with these ids, by id. */
export async function entriesById(learnerId: string, ids: string[]): Promise<Map<string, EntryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await (await db()).playbookEntry.findMany({ where: { learnerId, id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, row]));
}

/** Every saved text of an entry with who saved it, newest first. */
export async function entryHistory(entryId: string) {
  const rows = await (await db()).playbookEntryVersion.findMany({ where: { entryId }, orderBy: { version: "desc" } });
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    actorKind: row.actorKind,
    actorLabel: row.actorLabel,
    data: PlaybookEntryInputSchema.parse(row.data),
  }));
}

/** Who saved the current version of an entry. */
export async function entrySavedBy(row: Pick<EntryRow, "id" | "version">) {
  return (await db()).playbookEntryVersion.findUniqueOrThrow({
    where: { entryId_version: { entryId: row.id, version: row.version } },
    select: { actorKind: true, actorLabel: true },
  });
}

/** The ticked item keys of each checklist entry given. */
export async function ticksFor(entryIds: string[]): Promise<Map<string, Set<string>>> {
  if (entryIds.length === 0) return new Map();
  const rows = await (
    await db()
  ).checklistTick.findMany({ where: { entryId: { in: entryIds } }, select: { entryId: true, itemKey: true } });
  const ticks = new Map<string, Set<string>>();
  for (const row of rows) ticks.set(row.entryId, (ticks.get(row.entryId) ?? new Set()).add(row.itemKey));
  return ticks;
}

export async function setTick(actor: Actor, learnerId: string, slug: string, itemKey: string, ticked: boolean): Promise<void> {
  await transaction(async (tx) => {
    await ownLibrary(tx, actor, learnerId);
    const entry = await currentEntry(tx, learnerId, slug);
    if (entry.kind !== "checklist" || !checklistKeys(parseChecklist(entry.body)).includes(itemKey)) {
      throw new AppError("not-found", "That checklist item does not exist any more; reload the page.");
    }
    if (ticked)
      await tx.checklistTick.upsert({
        where: { entryId_itemKey: { entryId: entry.id, itemKey } },
        create: { entryId: entry.id, itemKey },
        update: {},
      });
    else await tx.checklistTick.deleteMany({ where: { entryId: entry.id, itemKey } });
  });
}

export async function clearTicks(actor: Actor, learnerId: string, slug: string): Promise<void> {
  await transaction(async (tx) => {
    await ownLibrary(tx, actor, learnerId);
    const entry = await currentEntry(tx, learnerId, slug);
    await tx.checklistTick.deleteMany({ where: { entryId: entry.id } });
  });
}

/** Entries and patterns whose text links to the pattern `slug`, by title then slug (the same order after an export and import). */
export async function backlinksTo(learnerId: string, slug: string) {
  const client = await db();
  const needle = `[[${slug}]]`;
  const [entries, patterns] = await Promise.all([
    client.playbookEntry.findMany({ where: { learnerId, body: containsText(needle) }, orderBy: [{ title: "asc" }, { slug: "asc" }] }),
    client.pattern.findMany({
      where: {
        learnerId,
        slug: { not: slug },
        OR: (["problem", "whenToUse", "howToApply", "tradeOffs", "alternatives", "examples"] as const).map((f) => ({
          [f]: containsText(needle),
        })),
      },
      orderBy: [{ title: "asc" }, { slug: "asc" }],
    }),
  ]);
  return {
    entries: entries.filter((e) => findWikiLinks(e.body).includes(slug)),
    patterns: patterns.filter((p) => sectionTexts(patternData(p)).some((text) => findWikiLinks(text).includes(slug))),
  };
}
