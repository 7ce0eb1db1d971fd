// Full-text search over one learner's patterns and playbook entries. The index is kept per
// learner in memory (see memo.ts) and brought up to date when the library changes.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import MiniSearch, { type SearchResult } from "minisearch";
import { getContent } from "../content";
import { flatText, hitOf, SEARCH_OPTIONS, type SearchHit, searchContent } from "../content/search";
import { db } from "../db";
import { libraryMemo, libraryStamp, textVersion } from "./memo";
import type { PatternRow } from "./patterns";
import type { EntryRow } from "./playbook";
import { categoryLabel, KIND_LABELS, PATTERN_SECTIONS, type PlaybookKind, TagsSchema } from "./schema";

type LibraryDoc = { id: string; kind: "pattern" | "playbook"; slug: string; title: string; context: string; url: string; text: string };
export type LibraryHit = SearchHit & { kind: "pattern" | "playbook"; slug: string };

const patternText = (p: PatternRow) => flatText([TagsSchema.parse(p.tags).join(" "), ...PATTERN_SECTIONS.map((s) => p[s.key])].join("\n"));
const entryText = (e: EntryRow) => flatText(e.body);

/** A pattern's or entry's id in the index. */
const docId = (kind: LibraryDoc["kind"], slug: string) => `${kind}:${slug}`;

const patternDoc = (p: PatternRow): LibraryDoc => ({
  id: docId("pattern", p.slug),
  kind: "pattern",
  slug: p.slug,
  title: p.title,
  context: `Your patterns · ${categoryLabel(p.category)}`,
  url: `/patterns/${p.slug}`,
  text: patternText(p),
});

const entryDoc = (e: EntryRow): LibraryDoc => ({
  id: docId("playbook", e.slug),
  kind: "playbook",
  slug: e.slug,
  title: e.title,
  context: `Your playbook · ${KIND_LABELS[e.kind as PlaybookKind]}`,
  url: `/playbook/${e.slug}`,
  text: entryText(e),
});

/** The learner's active patterns and entries as the index names them, with their versions. */
async function libraryHeads(learnerId: string) {
  const client = await db();
  const select = { id: true, slug: true, version: true, updatedAt: true } as const;
  const [patterns, entries] = await Promise.all([
    client.pattern.findMany({ where: { learnerId, archived: false }, select }),
    client.playbookEntry.findMany({ where: { learnerId, archived: false }, select }),
  ]);
  return [
    ...patterns.map((p) => ({ id: docId("pattern", p.slug), rowId: p.id, kind: "pattern", version: textVersion(p) })),
    ...entries.map((e) => ({ id: docId("playbook", e.slug), rowId: e.id, kind: "playbook", version: textVersion(e) })),
  ];
}

/** The documents of these patterns and entries (by row id). */
async function documents(learnerId: string, rows: { rowId: string; kind: string }[]): Promise<LibraryDoc[]> {
  const client = await db();
  const of = (kind: string) => ({ in: rows.filter((r) => r.kind === kind).map((r) => r.rowId) });
  const [patterns, entries] = await Promise.all([
    client.pattern.findMany({ where: { learnerId, id: of("pattern") } }),
    client.playbookEntry.findMany({ where: { learnerId, id: of("playbook") } }),
  ]);
  return [...patterns.map(patternDoc), ...entries.map(entryDoc)];
}

type KeptIndex = { index: MiniSearch<LibraryDoc>; versions: Map<string, string> };
/**
 * A kept index as MiniSearch serializes it, deflated: a cohort's library of 65 items takes about
 * 8 KB this way against 270 KB as an index, and loads again in about 1 ms where it takes 12 to build.
 */
type StoredIndex = { deflated: Buffer; versions: Map<string, string> };

const INDEX_OPTIONS = {
  fields: ["title", "text"],
  storeFields: ["kind", "slug", "title", "context", "url"],
  searchOptions: SEARCH_OPTIONS,
};
const emptyIndex = (): KeptIndex => ({ index: new MiniSearch<LibraryDoc>(INDEX_OPTIONS), versions: new Map() });
const loadIndex = (stored: StoredIndex): KeptIndex => ({
  index: MiniSearch.loadJSON<LibraryDoc>(inflateRawSync(stored.deflated).toString(), INDEX_OPTIONS),
  versions: stored.versions,
});

/**
 * How many patterns and entries the serialized indexes are kept for together: some 1,000
 * libraries of a cohort's size, about 10 MB.
 */
const STORED_ITEMS = 64_000;

/** `kept` brought up to date (in place) with the texts saved since it was built. */
async function upToDate(learnerId: string, kept: KeptIndex): Promise<KeptIndex> {
  const { index } = kept;
  const heads = await libraryHeads(learnerId);
  const versions = new Map(heads.map((h) => [h.id, h.version]));
  const changed = await documents(
    learnerId,
    heads.filter((h) => kept.versions.get(h.id) !== h.version),
  );
  for (const id of kept.versions.keys()) if (!versions.has(id) && index.has(id)) index.discard(id);
  for (const doc of changed) {
    if (index.has(doc.id)) index.replace(doc);
    else index.add(doc);
  }
  return { index, versions };
}

// The index keeps each text's words, not the text: the texts of the hits shown are read again for
// their snippets. It is kept in two forms. The indexes themselves, ready to search, are kept for
// the libraries most recently searched (search as you type asks again at every pause); serialized,
// for many more, so that a learner coming back is not kept waiting while their index is built
// again (a cohort's library of 65 items takes about 12 ms to build and 1 ms to load; one of 1,300
// items about half a second to build). An index is built by bringing an empty one up to date, and
// when the library changes the kept index is brought up to date with the texts saved since.
async function indexFor(learnerId: string): Promise<MiniSearch<LibraryDoc>> {
  // One stamp for both forms: they are kept while the same library is.
  const stamp = await libraryStamp(learnerId);
  const kept = await libraryMemo("search")(learnerId, stamp, async (previous?: KeptIndex): Promise<KeptIndex> => {
    let built: KeptIndex | undefined;
    const stored = await libraryMemo("search, serialized", STORED_ITEMS)(
      learnerId,
      stamp,
      async (older?: StoredIndex): Promise<StoredIndex> => {
        built = await upToDate(learnerId, previous ?? (older ? loadIndex(older) : emptyIndex()));
        return { deflated: deflateRawSync(JSON.stringify(built.index), { level: 1 }), versions: built.versions };
      },
    );
    return built ?? loadIndex(stored);
  });
  return kept.index;
}

/** The flattened texts of the hits' patterns and entries, by document id. */
async function textsOf(learnerId: string, hits: SearchResult[]): Promise<Map<string, string>> {
  const slugs = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.slug as string);
  const client = await db();
  const [patterns, entries] = await Promise.all([
    client.pattern.findMany({ where: { learnerId, slug: { in: slugs("pattern") } } }),
    client.playbookEntry.findMany({ where: { learnerId, slug: { in: slugs("playbook") } } }),
  ]);
  return new Map([
    ...patterns.map((p) => [docId("pattern", p.slug), patternText(p)] as const),
    ...entries.map((e) => [docId("playbook", e.slug), entryText(e)] as const),
  ]);
}

export async function searchLibrary(learnerId: string, query: string, limit = 20): Promise<LibraryHit[]> {
  const q = query.trim();
  if (q === "") return [];
  const hits = (await indexFor(learnerId)).search(q).slice(0, limit);
  const texts = await textsOf(learnerId, hits);
  return hits.map((hit) => ({
    ...hitOf({ ...hit, text: texts.get(String(hit.id)) ?? "" }),
    kind: hit.kind as LibraryHit["kind"],
    slug: hit.slug as string,
  }));
}

/** The slugs of the learner's patterns that match `query`, best match first. */
export async function matchingPatternSlugs(learnerId: string, query: string): Promise<string[]> {
  const q = query.trim();
  if (q === "") return [];
  const index = await indexFor(learnerId);
  return index.search(q, { filter: (result) => result.kind === "pattern" }).map((result) => result.slug as string);
}

/** The app-wide search: the program's content, joined by the signed-in learner's own library. */
export async function searchEverything(learnerId: string | undefined, query: string, limit = 20): Promise<SearchHit[]> {
  const content = searchContent(getContent(), query, limit);
  const own = learnerId ? await searchLibrary(learnerId, query, limit) : [];
  return [...own, ...content].sort((a, b) => b.score - a.score).slice(0, limit);
}
