// Reads an ExecPlan's Markdown into lines that know whether they are prose or code, its
// headings, title, metadata fields, level-2 sections, tables and entries. Pure, no I/O.
import { eachLine } from "../content/markdown-source";
import { METADATA_ALIASES, METADATA_FIELDS, type MetadataField, type SectionSpec } from "./format";
import { detectProfile, type Profile, sectionOf } from "./profiles";

type LineKind = "prose" | "blank" | "code" | "fence";
export type PlanLine = { number: number; text: string; kind: LineKind };
export type Heading = { line: number; level: number; text: string };
export type PlanSection = { heading: Heading; spec: SectionSpec | null; lines: PlanLine[] };
type MetadataValue = { line: number; value: string };
type Fence = { open: number; close: number | null };

export type PlanDocument = {
  /** The format the plan follows, detected from its headings and metadata. */
  profile: Profile;
  lines: PlanLine[];
  headings: Heading[];
  title: Heading | null;
  metadata: Map<MetadataField, MetadataValue>;
  /** Lines between the title and the first section. */
  preamble: PlanLine[];
  sections: PlanSection[];
  fences: Fence[];
};

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const INDENTED = /^(?: {4}|\t)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
}

/**
 * Classifies every line. Fenced blocks come from the content scanner; an indented line is code
 * when it follows a blank line or other code and is not the continuation of a list item.
 */
function classify(text: string): { lines: PlanLine[]; fences: Fence[] } {
  const lines: PlanLine[] = [];
  const fences: Fence[] = [];
  let open: { fence: Fence; marker: string } | null = null;
  let previous: LineKind = "blank";
  let inList = false;
  eachLine(text, (line, index, prose) => {
    const number = index + 1;
    let kind: LineKind;
    if (!prose) {
      const marker = FENCE.exec(line)?.[1];
      if (open === null) {
        kind = "fence";
        open = { fence: { open: number, close: null }, marker: marker ?? "```" };
        if (open.marker.startsWith("`")) fences.push(open.fence);
      } else if (marker && marker[0] === open.marker[0] && marker.length >= open.marker.length) {
        kind = "fence";
        open.fence.close = number;
        open = null;
      } else kind = "code";
    } else if (line.trim() === "") {
      kind = "blank";
    } else if (INDENTED.test(line) && (previous === "code" || (previous === "blank" && !inList))) {
      kind = "code";
    } else {
      kind = "prose";
      if (LIST_ITEM.test(line)) inList = true;
      else if (!INDENTED.test(line) && (previous !== "prose" || HEADING.test(line))) inList = false;
    }
    lines.push({ number, text: line, kind });
    if (kind !== "blank" || previous !== "code") previous = kind;
  });
  return { lines, fences };
}

export function headingOf(line: PlanLine): Heading | null {
  if (line.kind !== "prose") return null;
  const match = HEADING.exec(line.text);
  return match ? { line: line.number, level: match[1]!.length, text: (match[2] ?? "").trim() } : null;
}

const FIELD_NAMES = [...METADATA_FIELDS, ...Object.keys(METADATA_ALIASES)];
const FIELD_PATTERN = new RegExp(
  `(?:^|\\s)[-*•]?\\s*(?:\\*\\*|__)?(${FIELD_NAMES.map((f) => f.replace("/", "\\s*/\\s*")).join("|")})(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?`,
  "gi",
);
const squash = (name: string) => name.replace(/\s+/g, "").toLowerCase();

/**
 * Metadata fields on one line: `Status: draft`, `**Created:** 2026-01-02`, several fields on one
 * line, or the canonical template's `Scope: feature • Priority: P1` and `Start: … • Last Updated: …`.
 */
function metadataOn(text: string): { field: MetadataField; value: string }[] {
  const matches = [...text.matchAll(FIELD_PATTERN)];
  return matches.map((match, i) => {
    const name = FIELD_NAMES.find((f) => squash(f) === squash(match[1]!))!;
    const field = METADATA_ALIASES[name] ?? (name as MetadataField);
    const end = matches[i + 1]?.index ?? text.length;
    return {
      field,
      value: text
        .slice(match.index + match[0].length, end)
        .replace(/[\s•·]+$/u, "")
        .trim(),
    };
  });
}

export function parsePlan(source: string): PlanDocument {
  const { lines, fences } = classify(normaliseText(source));
  const headings: Heading[] = [];
  const sections: PlanSection[] = [];
  const preamble: PlanLine[] = [];
  let title: Heading | null = null;
  let current: PlanSection | null = null;
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) headings.push(heading);
    if (heading?.level === 1 && !title && !current) {
      title = heading;
      continue;
    }
    if (heading?.level === 2) {
      current = { heading, spec: null, lines: [] };
      sections.push(current);
      continue;
    }
    (current ? current.lines : preamble).push(line);
  }
  const metadata = new Map<MetadataField, MetadataValue>();
  for (const line of preamble) {
    if (line.kind !== "prose") continue;
    for (const { field, value } of metadataOn(line.text)) if (!metadata.has(field)) metadata.set(field, { line: line.number, value });
  }
  const profile = detectProfile(
    sections.map((s) => s.heading.text),
    metadata.size >= 3,
  );
  for (const section of sections) section.spec = sectionOf(profile, section.heading.text);
  return { profile, lines, headings, title, metadata, preamble, sections, fences };
}

/** A plan wrapped whole in one fence (as a chat shows it), read without the two fence lines so line numbers stay. */
export function unwrapOuterFence(source: string): { text: string; fence: Fence | null } {
  const { lines, fences } = classify(normaliseText(source));
  const nonBlank = lines.filter((l) => l.kind !== "blank");
  const fence = fences.find((f) => f.open === nonBlank[0]?.number && f.close !== null && f.close === nonBlank.at(-1)?.number) ?? null;
  if (!fence) return { text: source, fence: null };
  const text = lines.map((l) => (l.number === fence.open || l.number === fence.close ? "" : l.text)).join("\n");
  return { text, fence };
}

/** The plan's text without its title heading, for pages that show the title themselves. */
export function withoutTitle(source: string): string {
  const doc = parsePlan(source);
  if (!doc.title) return source;
  const lines = normaliseText(source).split("\n");
  lines.splice(doc.title.line - 1, lines[doc.title.line]?.trim() === "" ? 2 : 1);
  return lines.join("\n");
}

/** `{placeholder}` text the template leaves for the author to replace. */
export const PLACEHOLDER = /\{[^{}\n]+\}/g;
const CODE_SPAN = /(`+)(?:(?!\1)[\s\S])*?\1/g;

export function withoutCodeSpans(text: string): string {
  return text.replace(CODE_SPAN, (span) => " ".repeat(span.length));
}

/** Placeholders on a line: braces outside code spans (a placeholder may itself contain a code span). */
function placeholderRanges(text: string): [number, number][] {
  return [...withoutCodeSpans(text).matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length]);
}

export function placeholdersIn(text: string): string[] {
  return placeholderRanges(text).map(([start, end]) => text.slice(start, end));
}

function withoutPlaceholders(text: string): string {
  let out = text;
  for (const [start, end] of placeholderRanges(text)) out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end);
  return out;
}

/** A value that is all one angle-bracket placeholder, as the canonical template writes them: `<YYYY-MM-DD>`. */
export const isAnglePlaceholder = (text: string) => /^<[^<>]*>$/.test(text.trim());

/** Whether text says anything beyond placeholders and empty checkboxes. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(withoutPlaceholders(text).replace(/\[[ xX]\]/g, " "));
}

// Tables (GFM): a header row, a separator row, then body rows until a line without a pipe.

type TableRow = { line: number; cells: string[] };
export type Table = {
  header: TableRow;
  separator: boolean;
  /** Cells of the separator row; GFM reads no table when they differ from the header's. */
  separatorCells: number;
  rows: TableRow[];
};

const SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/**
 * Splits `| a | b |` into cells as GFM does: every pipe not escaped as `\|` ends a cell, inside a
 * code span too (GFM splits the row before it reads code spans).
 */
function splitRow(text: string): string[] {
  let body = text.trim();
  if (body.startsWith("|")) body = body.slice(1);
  if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === "\\" && body[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (char === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

const isRowLine = (line: PlanLine | undefined) => line !== undefined && line.kind === "prose" && line.text.includes("|");

/** The tables among `lines`, in order; a pipe line not followed by a separator row still opens one (with separator false). */
export function readTables(lines: PlanLine[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isRowLine(line) || SEPARATOR.test(line.text)) continue;
    const next = lines[i + 1];
    const separator = next !== undefined && next.kind === "prose" && SEPARATOR.test(next.text) && next.text.includes("-");
    const table: Table = {
      header: { line: line.number, cells: splitRow(line.text) },
      separator,
      separatorCells: separator ? splitRow(next.text).length : 0,
      rows: [],
    };
    let j = separator ? i + 2 : i + 1;
    for (; isRowLine(lines[j]); j++) table.rows.push({ line: lines[j]!.number, cells: splitRow(lines[j]!.text) });
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

// Entries of a living section (Decision Log, Revision Notes): list items, table rows, sub-headings
// or paragraphs, each with its continuation lines.

export type Entry = { line: number; text: string };

const ENTRY_MARKER = /^(?:[-*+]|\d{1,9}[.)]|\|)\s+|^#{1,6}\s+/;
const NONE_YET = /^[*_]*none(?:\s+yet)?\b/i;

export function entriesOf(lines: PlanLine[]): Entry[] {
  const entries: { line: number; parts: string[] }[] = [];
  let previous: LineKind = "blank";
  let inTable = false;
  for (const line of lines) {
    if (line.kind === "blank") {
      previous = "blank";
      inTable = false;
      continue;
    }
    const text = line.text.trim();
    const tableLine = line.kind === "prose" && text.includes("|");
    if (tableLine && SEPARATOR.test(text)) {
      inTable = true;
      entries.pop();
      previous = line.kind;
      continue;
    }
    const starts =
      previous === "blank" || LIST_ITEM.test(line.text) || headingOf(line) !== null || (tableLine && (inTable || text.startsWith("|")));
    if (starts || entries.length === 0) entries.push({ line: line.number, parts: [text] });
    else entries.at(-1)!.parts.push(text);
    previous = line.kind;
  }
  return entries
    .map((e) => ({ line: e.line, text: e.parts.join(" ").replace(/\s+/g, " ").replace(ENTRY_MARKER, "").trim() }))
    .filter((e) => hasWords(e.text) && !NONE_YET.test(e.text));
}
