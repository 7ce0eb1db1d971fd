// Comparing two revisions of a plan: a line diff with long unchanged runs folded, and how the
// Decision Log and the revision notes changed between them.
import { type DiffLine, diffLines } from "../reviews/diff";
import { entriesOf, parsePlan } from "./document";
import { LAST_SECTION_KEY } from "./format";
import { compareEntries, type HistoryChange } from "./history";

/** Above this many line pairs in the changed middle, the line diff is not attempted. */
export const MAX_DIFF_CELLS = 4_000_000;
const CONTEXT = 3;

export type DiffRow = (DiffLine & { before?: number; after?: number }) | { kind: "folded"; count: number };

export type RevisionComparison = {
  rows: DiffRow[] | null;
  added: number;
  removed: number;
  history: { name: string; before: number; after: number; change: HistoryChange }[];
};

function numbered(lines: DiffLine[], beforeStart: number, afterStart: number): (DiffLine & { before?: number; after?: number })[] {
  let before = beforeStart;
  let after = afterStart;
  return lines.map((line) => ({
    ...line,
    before: line.kind === "added" ? undefined : before++,
    after: line.kind === "removed" ? undefined : after++,
  }));
}

/** Diffs only the changed middle (common head and tail lines are kept as they are), then folds unchanged runs. */
function diffRows(before: string, after: string): DiffRow[] | null {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  if (middleA.length * middleB.length > MAX_DIFF_CELLS) return null;
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: "same", text }));
  const middle = middleA.length === 0 && middleB.length === 0 ? [] : diffLines(middleA.join("\n"), middleB.join("\n"));
  const all = numbered([...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))], 1, 1);
  const rows: DiffRow[] = [];
  const changed = all.map((line) => line.kind !== "same");
  const near = (i: number) => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean);
  let folded = 0;
  all.forEach((line, i) => {
    if (near(i)) {
      if (folded > 0) rows.push({ kind: "folded", count: folded });
      folded = 0;
      rows.push(line);
    } else folded++;
  });
  if (folded > 0) rows.push({ kind: "folded", count: folded });
  return rows;
}

export function compareRevisions(before: string, after: string): RevisionComparison {
  const rows = diffRows(before, after);
  const [docA, docB] = [parsePlan(before), parsePlan(after)];
  const entries = (doc: typeof docA, key: string) => entriesOf(doc.sections.find((s) => s.spec?.key === key)?.lines ?? []);
  const history = [
    { name: "Decision Log", key: "decisions" },
    { name: "Revision notes", key: LAST_SECTION_KEY },
  ].map(({ name, key }) => {
    const [a, b] = [entries(docA, key), entries(docB, key)];
    return { name, before: a.length, after: b.length, change: compareEntries(a, b) };
  });
  return {
    rows,
    added: rows?.filter((r) => r.kind === "added").length ?? 0,
    removed: rows?.filter((r) => r.kind === "removed").length ?? 0,
    history,
  };
}
