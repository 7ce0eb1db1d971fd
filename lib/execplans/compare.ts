// Comparing two revisions of a plan: a line diff with long unchanged runs folded, and how the
// Decision Log and the revision notes changed between them.
import { type DiffRow, foldedDiff } from "../diff";
import { entriesOf, parsePlan } from "./document";
import { LAST_SECTION_KEY } from "./format";
import { compareEntries, type HistoryChange } from "./history";

/** Above this many added plus removed lines, the line diff is not attempted. */
export const MAX_EDIT_LENGTH = 2_000;
const CONTEXT = 3;

export type RevisionComparison = {
  rows: DiffRow[] | null;
  added: number;
  removed: number;
  history: { name: string; before: number; after: number; change: HistoryChange }[];
};

export function compareRevisions(before: string, after: string): RevisionComparison {
  const rows = foldedDiff(before, after, { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH });
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
