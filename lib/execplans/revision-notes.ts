// A plan's revision notes: the entries of its Revision Notes section, or — as the spec only asks
// for "a note at the bottom of the plan" — the paragraphs at the bottom that open with "Revision note".
import { type Entry, entriesOf, type PlanDocument } from "./document";
import { LAST_SECTION_KEY } from "./format";

/** A paragraph that opens as a note: "Revision note (2026-02-18): …", "**Change log** — …", "Revised 2026-03-01: …". */
const NOTE_OPENING = /^\s*(?:[-*+]\s+)?[*_]*(?:(?:revision|change)\s+(?:notes?|log|history)|revised\s+\d{4}-\d{2}-\d{2})\b/i;

export function revisionNotes(doc: PlanDocument): Entry[] {
  const section = doc.sections.find((s) => s.spec?.key === LAST_SECTION_KEY);
  if (section) return entriesOf(section.lines);
  const bottom = doc.sections.at(-1)?.lines ?? doc.preamble;
  const first = bottom.findIndex((l, i) => l.kind === "prose" && (i === 0 || bottom[i - 1]!.kind === "blank") && NOTE_OPENING.test(l.text));
  return first < 0 ? [] : entriesOf(bottom.slice(first));
}
