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
  pageSize: number;
  /** The slice of the list on this page: items `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
  /** The page asked for is past the last page, so it shows nothing. */
  outOfRange: boolean;
};

export function paginate(total: number, pageSize: number, page: number): Paging {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const outOfRange = page > pages;
  const from = outOfRange ? total : (page - 1) * pageSize;
  return { page, pages, total, pageSize, from, to: Math.min(total, from + pageSize), outOfRange };
}

/** The page that shows item `index` (from 0). */
export const pageOf = (index: number, pageSize: number) => Math.floor(Math.max(0, index) / pageSize) + 1;

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
