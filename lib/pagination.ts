// Splitting a long list into numbered pages: reading the requested page from a query string and
// working out which slice of the list it shows.

/** The page a `?page=` value asks for: a whole number from 1; anything else (absent, `abc`, `0`, `1.5`) is page 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return 1;
  return Math.max(1, Number(value.trim()));
}

export type Paging = {
  /** The page asked for (from 1; may be past the last page). */
  page: number;
  /** How many pages the list fills; an empty list has one (empty) page. */
  pages: number;
  total: number;
  /** Where each page begins: the position of its first item (from 0). */
  starts: number[];
  /** The slice of the list on this page: items `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
  /** The page asked for is past the last page, so it shows nothing. */
  outOfRange: boolean;
};

/** Page `page` of a list of `total` items whose pages begin at `starts`. */
export function paginateAt(starts: number[], total: number, page: number): Paging {
  const pages = Math.max(1, starts.length);
  const outOfRange = page > pages;
  const from = outOfRange ? total : (starts[page - 1] ?? 0);
  const to = outOfRange ? total : (starts[page] ?? total);
  return { page, pages, total, starts, from, to, outOfRange };
}

/** Page `page` of a list of `total` items, `pageSize` a page. */
export function paginate(total: number, pageSize: number, page: number): Paging {
  const starts = Array.from({ length: Math.ceil(total / pageSize) }, (_, i) => i * pageSize);
  return paginateAt(starts, total, page);
}

/**
 * Where each page begins when a page holds at most `maxItems` items and at most `maxSize` of
 * their sizes together; an item larger than `maxSize` has a page of its own.
 */
export function pageStarts(sizes: number[], maxItems: number, maxSize: number): number[] {
  const starts: number[] = [];
  let items = 0;
  let size = 0;
  sizes.forEach((itemSize, index) => {
    if (index === 0 || items === maxItems || size + itemSize > maxSize) {
      starts.push(index);
      items = 0;
      size = 0;
    }
    items += 1;
    size += itemSize;
  });
  return starts;
}

/** The page that shows item `index` (from 0) when pages begin at `starts`. */
export function pageOf(index: number, starts: number[]): number {
  let page = 1;
  while (page < starts.length && starts[page]! <= index) page += 1;
  return page;
}

/**
 * The page numbers a pagination bar links: the first, the last, and the pages around the current
 * one, with null where a run of pages is left out.
 */
export function pageWindow(page: number, pages: number, around = 2): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = Math.max(1, page - around); p <= Math.min(pages, page + around); p++) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, p] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push(null);
    out.push(p);
  }
  return out;
}
