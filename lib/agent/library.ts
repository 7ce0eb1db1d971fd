// The library as the API reads and writes it: patterns and playbook entries in the shapes of the
// answers (with who saved the current version), and partial updates laid over the current text
// before the library's own save functions check and write them.
import type { z } from "zod";
import { patternRoute, entryRoute } from "../library/links";
import { getPattern, noSuchPattern, patternData, patternSavedBy, type PatternRow, updatePattern } from "../library/patterns";
import { entryData, entrySavedBy, type EntryRow, getEntry, noSuchEntry, updateEntry } from "../library/playbook";
import type { PlaybookKind } from "../library/schema";
import type { LearnerCaller } from "./caller";
import type { EntryItem, EntryUpdateBody, PatternItem, PatternUpdateBody } from "./library-schemas";

export async function patternJson(row: PatternRow): Promise<z.input<typeof PatternItem>> {
  const savedBy = await patternSavedBy(row);
  return {
    ...patternData(row),
    version: row.version,
    actor: { kind: savedBy.actorKind, label: savedBy.actorLabel },
    url: patternRoute(row.slug),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function entryJson(row: EntryRow): Promise<z.input<typeof EntryItem>> {
  const savedBy = await entrySavedBy(row);
  return {
    ...entryData(row),
    kind: row.kind as PlaybookKind,
    version: row.version,
    actor: { kind: savedBy.actorKind, label: savedBy.actorLabel },
    url: entryRoute(row.slug),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function patternOf(caller: LearnerCaller, slug: string): Promise<PatternRow> {
  const row = await getPattern(caller.learner.id, slug);
  if (!row) throw noSuchPattern(slug);
  return row;
}

export async function entryOf(caller: LearnerCaller, slug: string): Promise<EntryRow> {
  const row = await getEntry(caller.learner.id, slug);
  if (!row) throw noSuchEntry(slug);
  return row;
}

/** Saves the given fields over the current text as a new version, refused when `expectedVersion` is not the current one. */
export async function updatePatternFields(caller: LearnerCaller, slug: string, body: z.output<typeof PatternUpdateBody>) {
  const { expectedVersion, ...fields } = body;
  const current = await patternOf(caller, slug);
  const input = { ...patternData(current), ...fields };
  const saved = await updatePattern(caller.actor, caller.learner.id, slug, input, { expectedVersion });
  return { pattern: await patternJson(saved ?? current), changed: saved !== null };
}

/** Saves the given fields over the current text as a new version, refused when `expectedVersion` is not the current one. */
export async function updateEntryFields(caller: LearnerCaller, slug: string, body: z.output<typeof EntryUpdateBody>) {
  const { expectedVersion, ...fields } = body;
  const current = await entryOf(caller, slug);
  const input = { ...entryData(current), ...fields };
  const saved = await updateEntry(caller.actor, caller.learner.id, slug, input, { expectedVersion });
  return { entry: await entryJson(saved ?? current), changed: saved !== null };
}
