// Full-text search over one learner's patterns and playbook entries. The index is kept per
// learner in memory and rebuilt when the library changed (see memo.ts).
import MiniSearch, { type SearchResult } from "minisearch";
import { getContent } from "../content";
import { flatText, hitOf, SEARCH_OPTIONS, type SearchHit, searchContent } from "../content/search";
import { db } from "../db";
import { whileLibraryUnchanged } from "./memo";
import type { PatternRow } from "./patterns";
import type { EntryRow } from "./playbook";
import { categoryLabel, KIND_LABELS, PATTERN_SECTIONS, type PlaybookKind, TagsSchema } from "./schema";

type LibraryDoc = { id: string; kind: "pattern" | "playbook"; slug: string; title: string; context: string; url: string; text: string };
export type LibraryHit = SearchHit & { kind: "pattern" | "playbook"; slug: string };

const patternText = (p: PatternRow) => flatText([TagsSchema.parse(p.tags).join(" "), ...PATTERN_SECTIONS.map((s) => p[s.key])].join("\n"));
const entryText = (e: EntryRow) => flatText(e.body);

async function documents(learnerId: string): Promise<LibraryDoc[]> {
  const client = await db();
  const [patterns, entries] = await Promise.all([
    client.pattern.findMany({ where: { learnerId, archived: false } }),
    client.playbookEntry.findMany({ where: { learnerId, archived: false } }),
  ]);
  return [
    ...patterns.map((p) => ({
      id: `pattern:${p.slug}`,
      kind: "pattern" as const,
      slug: p.slug,
      title: p.title,
      context: `Your patterns · ${categoryLabel(p.category)}`,
      url: `/patterns/${p.slug}`,
      text: patternText(p),
    })),
    ...entries.map((e) => ({
      id: `playbook:${e.slug}`,
      kind: "playbook" as const,
      slug: e.slug,
      title: e.title,
      context: `Your playbook · ${KIND_LABELS[e.kind as PlaybookKind]}`,
      url: `/playbook/${e.slug}`,
      text: entryText(e),
    })),
  ];
}

// The index keeps each text's words, not the text: the texts of the hits shown are read again for
// their snippets, so a learner's kept index takes about a third of the memory it would.
async function indexFor(learnerId: string): Promise<MiniSearch<LibraryDoc>> {
  return whileLibraryUnchanged("search", learnerId, async () => {
    const index = new MiniSearch<LibraryDoc>({
      fields: ["title", "text"],
      storeFields: ["kind", "slug", "title", "context", "url"],
      searchOptions: SEARCH_OPTIONS,
    });
    index.addAll(await documents(learnerId));
    return index;
  });
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
    ...patterns.map((p) => [`pattern:${p.slug}`, patternText(p)] as const),
    ...entries.map((e) => [`playbook:${e.slug}`, entryText(e)] as const),
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
