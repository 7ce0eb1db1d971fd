// What the playbook page shows: every active entry in the page's order (by part, then title),
// one page of them in full with their checklist ticks, where each part begins, and the
// broken-links report. A page holds up to 20 entries, fewer when they are long, so that a page
// is about as much to read (and to send) whatever the entries' length. Only the entries on the
// page are read in full; the rest is worked out once per change of the library.
import { type Paging, pageOf, pageStarts, paginate, paginateAt } from "../pagination";
import { brokenLinks } from "./broken-links";
import { PLAYBOOK_PARTS } from "./markdown-format";
import { patternHeads } from "./patterns";
import { whileLibraryUnchanged } from "./memo";
import { entriesById, entryHeads, entryLengths, ticksFor } from "./playbook";

export const ENTRIES_PER_PAGE = 20;
/**
 * How much text a page's entries hold together, unless one entry alone holds more: measured in
 * characters of Markdown, a line counting 60 more (each line becomes an element of its own, a
 * list item, a table row or a checklist tick, which weighs on the page about as much as 60
 * characters of prose). About 130 KB of HTML, with the page around it.
 */
const PAGE_TEXT_LIMIT = 20_000;
const LINE_WEIGHT = 60;

type Part = (typeof PLAYBOOK_PARTS)[number];
const inPart = (part: Part, kind: string) => (part.kinds as readonly string[]).includes(kind);

/** Entries grouped by part in the order of PLAYBOOK_PARTS, each part keeping the order given. */
export function inPartOrder<T extends { kind: string }>(entries: T[]): T[] {
  return PLAYBOOK_PARTS.flatMap((part) => entries.filter((e) => inPart(part, e.kind)));
}

export type PartOnPage<T> = {
  part: Part;
  /** How many entries the part holds in all. */
  total: number;
  /** The page the part begins on (for an empty part, the page where it would). */
  startPage: number;
  /** Position within the part of the first entry shown here (from 0), when the page shows some. */
  first: number;
  /** The part's entries on this page. */
  entries: T[];
  /** Whether this page shows the part: it has entries here, or it is empty and would begin here. */
  shown: boolean;
};

/** Each part's share of one page of `ordered` (entries in part order). */
export function partsOnPage<T extends { kind: string }>(ordered: T[], paging: Paging): PartOnPage<T>[] {
  let start = 0;
  return PLAYBOOK_PARTS.map((part) => {
    const total = ordered.filter((e) => inPart(part, e.kind)).length;
    const from = Math.max(start, paging.from);
    const entries = ordered.slice(from, Math.max(from, Math.min(start + total, paging.to)));
    const startPage = pageOf(total === 0 ? start - 1 : start, paging.starts);
    const shown = entries.length > 0 || (total === 0 && !paging.outOfRange && startPage === paging.page);
    const result = { part, total, startPage, first: from - start, entries, shown };
    start += total;
    return result;
  });
}

export type GuideLine = {
  page: number;
  /** The part's first and last entry on that page (the same entry when it holds one). */
  first: { slug: string; title: string };
  last: { slug: string; title: string };
};

const heading = ({ slug, title }: { slug: string; title: string }) => ({ slug, title });

/**
 * The guide to a paged playbook, like a dictionary's guide words: for each part, every page it
 * spans with the titles of its first and last entry there. `ordered` is in part order; its
 * pages begin at `starts`.
 */
export function pageGuide<T extends { kind: string; slug: string; title: string }>(
  ordered: T[],
  starts: number[],
): { part: Part; total: number; pages: GuideLine[] }[] {
  const { pages } = paginateAt(starts, ordered.length, 1);
  const byPage = Array.from({ length: pages }, (_, i) => partsOnPage(ordered, paginateAt(starts, ordered.length, i + 1)));
  return PLAYBOOK_PARTS.map((part, p) => ({
    part,
    total: byPage[0]![p]!.total,
    pages: byPage.flatMap((parts, i) => {
      const { entries } = parts[p]!;
      return entries.length > 0 ? [{ page: i + 1, first: heading(entries[0]!), last: heading(entries.at(-1)!) }] : [];
    }),
  }));
}

/** Headings of every entry and pattern, where each page begins, the guide to the pages, and the broken-links report, worked out once per change of the library. */
function overview(learnerId: string) {
  return whileLibraryUnchanged("playbook", learnerId, async () => {
    const [heads, patterns, lengths] = await Promise.all([entryHeads(learnerId), patternHeads(learnerId), entryLengths(learnerId)]);
    const active = inPartOrder(heads.filter((e) => !e.archived));
    const weight = (id: string) => {
      const { characters, lines } = lengths.get(id) ?? { characters: 0, lines: 0 };
      return characters + LINE_WEIGHT * lines;
    };
    const starts = pageStarts(
      active.map((e) => weight(e.id)),
      ENTRIES_PER_PAGE,
      PAGE_TEXT_LIMIT,
    );
    return {
      active,
      starts,
      guide: pageGuide(active, starts),
      archived: heads.filter((e) => e.archived),
      patterns: patterns.filter((p) => !p.archived),
      titles: Object.fromEntries(patterns.map((p) => [p.slug, p.title])) as Record<string, string>,
      broken: await brokenLinks(heads, patterns),
    };
  });
}

/** One page of a learner's playbook (`all`: every entry on one page, for printing). */
export async function playbookPage(learnerId: string, request: { page: number; all: boolean }) {
  const { active, starts, guide, ...rest } = await overview(learnerId);
  const paged = paginateAt(starts, active.length, request.page);
  const paging = request.all ? paginate(active.length, Math.max(1, active.length), 1) : paged;
  const onPage = active.slice(paging.from, paging.to);
  const [rows, ticks] = await Promise.all([
    entriesById(
      learnerId,
      onPage.map((e) => e.id),
    ),
    ticksFor(onPage.filter((e) => e.kind === "checklist").map((e) => e.id)),
  ]);
  return {
    ...rest,
    paging,
    /** How many pages the entries fill outside the print view. */
    pages: paged.pages,
    /** Every active entry, in part order. */
    contents: active,
    /** The pages each part spans, when the entries fill more than one page. */
    guide: paging.pages > 1 ? guide : null,
    parts: partsOnPage(active, paging).map((p) => ({ ...p, entries: p.entries.flatMap((e) => rows.get(e.id) ?? []) })),
    ticks,
  };
}
