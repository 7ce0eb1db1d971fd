// Full-text search over the programs' modules and exercises; the index is built once per
// content version and queried in memory.
import MiniSearch, { type SearchResult } from "minisearch";
import { exerciseLabel, moduleLabel } from "./index";
import { exerciseRoute, moduleRoute, programRoute } from "./links";
import type { ContentIndex } from "./loader";

type SearchDoc = { id: string; kind: "program" | "module" | "exercise"; title: string; context: string; url: string; text: string };
/** A result; the app-wide search adds the signed-in learner's patterns and playbook entries. */
export type SearchHit = Omit<SearchDoc, "text" | "kind"> & { kind: SearchDoc["kind"] | "pattern" | "playbook"; snippet: string; score: number };

function documentsOf(content: ContentIndex): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const program of content.programs) {
    docs.push({
      id: program.slug,
      kind: "program",
      title: program.meta.title,
      context: program.meta.template ? "Template program" : "Program",
      url: programRoute(program.slug),
      text: [program.meta.summary, program.body, ...program.meta.capabilities].join("\n"),
    });
    for (const mod of program.modules) {
      const m = mod.meta;
      docs.push({
        id: `${program.slug}/${mod.slug}`,
        kind: "module",
        title: moduleLabel(mod),
        context: program.meta.title,
        url: moduleRoute(program.slug, mod.slug),
        text: [
          ...m.topics,
          ...m.outcomes,
          ...m.failureModes.flatMap((f) => [f.symptom, f.cause, f.fix]),
          ...m.drills.flatMap((d) => [d.title, d.prompt]),
          ...m.patterns.flatMap((p) => [p.name, p.summary]),
          mod.body,
        ].join("\n"),
      });
      for (const exercise of mod.exercises) {
        const e = exercise.meta;
        docs.push({
          id: `${program.slug}/${mod.slug}/${exercise.slug}`,
          kind: "exercise",
          title: exerciseLabel(mod, exercise),
          context: moduleLabel(mod),
          url: exerciseRoute(program.slug, mod.slug, exercise.slug),
          text: [...e.objectives, ...e.successCriteria, exercise.parts.context, exercise.parts.steps].join("\n"),
        });
      }
    }
  }
  return docs;
}

/** How every index of the app searches: titles weigh more, prefixes and small typos match. */
export const SEARCH_OPTIONS = { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: "AND" } as const;

/** Text as a snippet shows it: Markdown punctuation and runs of space flattened, once, when indexing. */
export function flatText(text: string): string {
  return text.replace(/[#*`>|_\[\]()-]+/g, " ").replace(/\s+/g, " ").trim();
}

function buildSearchIndex(content: ContentIndex) {
  const docs = documentsOf(content).map((doc) => ({ ...doc, text: flatText(doc.text) }));
  const index = new MiniSearch<SearchDoc>({
    fields: ["title", "text"],
    storeFields: ["kind", "title", "context", "url", "text"],
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(docs);
  return index;
}

/** Up to `width` characters of flattened text around the first of the terms. */
export function snippetAround(flat: string, terms: string[], width = 160): string {
  const lower = flat.toLowerCase();
  const at = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + width)}${start + width < flat.length ? "…" : ""}`;
}

const cache = new WeakMap<ContentIndex, ReturnType<typeof buildSearchIndex>>();

export function searchContent(content: ContentIndex, query: string, limit = 20): SearchHit[] {
  const q = query.trim();
  if (q === "") return [];
  let index = cache.get(content);
  if (!index) {
    index = buildSearchIndex(content);
    cache.set(content, index);
  }
  return index
    .search(q)
    .slice(0, limit)
    .map(hitOf);
}

/** A result of an index storing kind, title, context, url and flattened text, as a hit with a snippet. */
export function hitOf(result: SearchResult): SearchHit {
  return {
    id: String(result.id),
    kind: result.kind as SearchHit["kind"],
    title: result.title as string,
    context: result.context as string,
    url: result.url as string,
    score: result.score,
    snippet: snippetAround(result.text as string, result.terms),
  };
}
