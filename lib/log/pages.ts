// The plan log a page at a time, by keyset: the log only grows and is read in (createdAt, id)
// order, so a page is named by the entry it starts after or ends before (a cursor) and stays the
// same page however many entries are appended meanwhile. Every filter combination the page and
// the API offer has an index ending in (createdAt, id), so a page reads only its own rows.
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { LogFilter } from "./service";

/** Entries on one page of the log. */
export const LOG_PAGE_SIZE = 100;

type LogRow = Prisma.PlanLogEntryGetPayload<object>;
export type LogCursor = { at: Date; id: string };

/** A cursor is `<milliseconds since 1970>-<entry id>`: one entry's place in the log's order. */
export const LOG_CURSOR_PATTERN = /^(\d{1,15})-([A-Za-z0-9_-]{1,100})$/;

export function logCursor(entry: { createdAt: Date; id: string }): string {
  return `${entry.createdAt.getTime()}-${entry.id}`;
}

export function parseLogCursor(text: string): LogCursor | null {
  const match = LOG_CURSOR_PATTERN.exec(text);
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}

/** A page starts right after a cursor, ends right before one, or sits at the oldest or newest end. */
export type LogWindow = { limit: number } & ({ after: LogCursor } | { before: LogCursor } | { from: "oldest" | "newest" });

/** Entries oldest first, and whether the log has more on either side of them. */
export type LogPage = { entries: LogRow[]; earlier: boolean; later: boolean };

const matching = (filter: LogFilter): Prisma.PlanLogEntryWhereInput => ({
  learnerId: filter.learnerId,
  moduleNumber: filter.moduleNumber,
  status: filter.status,
});

/** Entries on one side of a cursor, as a range on the index's createdAt with id breaking ties. */
function beside(cursor: LogCursor, side: "lt" | "lte" | "gt" | "gte"): Prisma.PlanLogEntryWhereInput {
  const { at, id } = cursor;
  return side === "lt" || side === "lte"
    ? { createdAt: { lte: at }, OR: [{ createdAt: { lt: at } }, { id: { [side]: id } }] }
    : { createdAt: { gte: at }, OR: [{ createdAt: { gt: at } }, { id: { [side]: id } }] };
}

const OLDEST_FIRST = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.PlanLogEntryOrderByWithRelationInput[];
const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.PlanLogEntryOrderByWithRelationInput[];

export async function logPage(filter: LogFilter, window: LogWindow): Promise<LogPage> {
  const client = await db();
  const where = matching(filter);
  const forward = "after" in window || ("from" in window && window.from === "oldest");
  const bound = "after" in window ? beside(window.after, "gt") : "before" in window ? beside(window.before, "lt") : {};
  const rows = await client.planLogEntry.findMany({
    where: { ...where, ...bound },
    orderBy: forward ? OLDEST_FIRST : NEWEST_FIRST,
    take: window.limit + 1,
  });
  const more = rows.length > window.limit;
  const entries = rows.slice(0, window.limit);
  if (!forward) entries.reverse();
  // Past an end there is nothing; on the far side of a cursor, the log is asked.
  const exists = async (side: Prisma.PlanLogEntryWhereInput) =>
    (await client.planLogEntry.findFirst({ where: { ...where, ...side }, select: { id: true } })) !== null;
  if ("after" in window) return { entries, earlier: await exists(beside(window.after, "lte")), later: more };
  if ("before" in window) return { entries, earlier: more, later: await exists(beside(window.before, "gte")) };
  return window.from === "oldest" ? { entries, earlier: false, later: more } : { entries, earlier: more, later: false };
}

/** How many entries match the filter, or only those after a cursor. */
export async function countLogEntries(filter: LogFilter, after?: LogCursor): Promise<number> {
  const client = await db();
  return client.planLogEntry.count({ where: { ...matching(filter), ...(after ? beside(after, "gt") : {}) } });
}

/** The window named by a page's `after` or `before`, or the default end; a bad cursor is reported, not thrown. */
export function windowFromQuery(
  query: { after?: string; before?: string },
  limit: number,
  from: "oldest" | "newest",
): { window: LogWindow; problem: string | null } {
  const fallback = { window: { limit, from }, problem: null };
  if (query.after !== undefined && query.before !== undefined)
    return { ...fallback, problem: "The address names both an “after” and a “before” position; use one." };
  const name = query.after !== undefined ? "after" : query.before !== undefined ? "before" : null;
  if (!name) return fallback;
  const cursor = parseLogCursor(query[name]!);
  if (!cursor)
    return {
      ...fallback,
      problem: `The page position “${name}” in the address is not one this log wrote (it may have been cut short when copied).`,
    };
  return { window: name === "after" ? { limit, after: cursor } : { limit, before: cursor }, problem: null };
}
