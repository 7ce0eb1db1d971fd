// Line diffs of two texts with jsdiff (Myers): every line, or only the changed ones with a few
// unchanged lines of context around them and each longer unchanged run folded into a count.
import { structuredPatch, type StructuredPatch } from "diff";

/** One line of a diff, with its line number in the text before and in the text after, where it has one. */
export type DiffLine = { kind: "same" | "added" | "removed"; text: string; before?: number; after?: number };
/** A diff as shown: lines, and unchanged runs folded away. */
export type DiffRow = DiffLine | { kind: "folded"; count: number };

/**
 * jsdiff counts a final newline as part of the last line; a newline added to both texts makes
 * every "\n"-separated piece one line, so "a\n" is the lines "a" and "".
 */
const asLines = (text: string) => `${text}\n`;

/** The patch's hunks as rows, numbered, with each unchanged run between them folded. */
function rowsOf(patch: StructuredPatch, lineCount: number): DiffRow[] {
  const rows: DiffRow[] = [];
  let unshown = 1;
  for (const hunk of patch.hunks) {
    if (hunk.oldStart > unshown) rows.push({ kind: "folded", count: hunk.oldStart - unshown });
    let [before, after] = [hunk.oldStart, hunk.newStart];
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line.startsWith("+")) rows.push({ kind: "added", text, before: undefined, after: after++ });
      else if (line.startsWith("-")) rows.push({ kind: "removed", text, before: before++, after: undefined });
      else rows.push({ kind: "same", text, before: before++, after: after++ });
    }
    unshown = before;
  }
  if (lineCount >= unshown) rows.push({ kind: "folded", count: lineCount + 1 - unshown });
  return rows;
}

/**
 * Changed lines with `context` unchanged lines either side; an unchanged run that is further from
 * every change is one folded row. Null when the texts differ in more than `maxEditLength` added
 * and removed lines: the diff is not attempted.
 */
export function foldedDiff(before: string, after: string, { context, maxEditLength }: { context: number; maxEditLength: number }): DiffRow[] | null {
  const patch = structuredPatch("", "", asLines(before), asLines(after), undefined, undefined, { context, maxEditLength });
  return patch ? rowsOf(patch, before.split("\n").length) : null;
}

/** Every line of both texts in order, each unchanged, added or removed. */
export function diffLines(before: string, after: string): DiffLine[] {
  const lines = before.split("\n");
  if (before === after) return lines.map((text, i) => ({ kind: "same", text, before: i + 1, after: i + 1 }));
  const patch = structuredPatch("", "", asLines(before), asLines(after), undefined, undefined, { context: Infinity });
  // With unlimited context, one hunk holds every line, so no row is folded.
  return rowsOf(patch, lines.length).filter((row): row is DiffLine => row.kind !== "folded");
}

/** A unified diff under `--- from` and `+++ to`: changed lines with `context` lines around them, and `@@ … @@` for each run left out. */
export function unifiedDiff(before: string, after: string, { from, to, context }: { from: string; to: string; context: number }): string {
  const patch = structuredPatch("", "", asLines(before), asLines(after), undefined, undefined, { context });
  const mark = { same: " ", added: "+", removed: "-" } as const;
  const body = rowsOf(patch, before.split("\n").length).map((row) => (row.kind === "folded" ? "@@ … @@" : `${mark[row.kind]}${row.text}`));
  return [`--- ${from}`, `+++ ${to}`, ...body].join("\n");
}
