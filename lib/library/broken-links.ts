// Wiki-links that name no pattern, across a learner's playbook entries and patterns. The links of
// each text are found once per saved version and kept in memory, so the report reads and parses
// only the texts saved since it last ran; the most recently used items' links are kept, a few
// large libraries' worth, so memory stays the same however many learners a server has.
import { db } from "../db";
import { LruMap } from "../lru";
import { textVersion } from "./memo";
import { type PatternHead, patternData, sectionTexts } from "./patterns";
import type { EntryHead } from "./playbook";
import { findWikiLinks } from "./wiki-links";

type Versioned = { id: string; version: number; updatedAt: Date };
type Texts = Versioned & { texts: string[] };

const KEPT_ITEMS = 20_000;
const cache = globalThis as unknown as { masteryWikiLinks?: LruMap<{ stamp: string; links: string[] }> };

/** The distinct wiki-link slugs of each item, reading the texts of those not seen at their current version. */
async function linksOf(items: Versioned[], load: (ids: string[]) => Promise<Texts[]>): Promise<Map<string, string[]>> {
  const store = (cache.masteryWikiLinks ??= new LruMap(KEPT_ITEMS));
  const found = new Map<string, string[]>();
  const stale: string[] = [];
  for (const item of items) {
    const hit = store.get(item.id);
    if (hit?.stamp === textVersion(item)) found.set(item.id, hit.links);
    else stale.push(item.id);
  }
  if (stale.length > 0) {
    for (const row of await load(stale)) {
      const links = [...new Set(row.texts.flatMap(findWikiLinks))];
      store.set(row.id, { stamp: textVersion(row), links });
      found.set(row.id, links);
    }
  }
  return new Map(items.map((item) => [item.id, found.get(item.id) ?? []]));
}

async function entryTexts(ids: string[]): Promise<Texts[]> {
  const rows = await (
    await db()
  ).playbookEntry.findMany({
    where: { id: { in: ids } },
    select: { id: true, version: true, updatedAt: true, body: true },
  });
  return rows.map((row) => ({ ...row, texts: [row.body] }));
}

async function patternTexts(ids: string[]): Promise<Texts[]> {
  const rows = await (await db()).pattern.findMany({ where: { id: { in: ids } } });
  return rows.map((row) => ({ id: row.id, version: row.version, updatedAt: row.updatedAt, texts: sectionTexts(patternData(row)) }));
}

export type BrokenLinks = { kind: "playbook" | "pattern"; slug: string; title: string; broken: string[] };

/** Every entry, then every pattern (each in the order given), whose wiki-links name a slug no pattern has. */
export async function brokenLinks(entries: EntryHead[], patterns: PatternHead[]): Promise<BrokenLinks[]> {
  const [entryLinks, patternLinks] = await Promise.all([linksOf(entries, entryTexts), linksOf(patterns, patternTexts)]);
  const known = new Set(patterns.map((p) => p.slug));
  const report = (kind: BrokenLinks["kind"], items: (EntryHead | PatternHead)[], links: Map<string, string[]>) =>
    items.flatMap((item) => {
      const broken = links.get(item.id)!.filter((slug) => !known.has(slug));
      return broken.length > 0 ? [{ kind, slug: item.slug, title: item.title, broken }] : [];
    });
  return [...report("playbook", entries, entryLinks), ...report("pattern", patterns, patternLinks)];
}
