// The library as Markdown files and back. Two layouts: the design seed's folder
// (docs/patterns/<category>/<slug>.md with YAML frontmatter, docs/playbook/{index,scenarios,
// checklists}.md) and one playbook file. Structure lives in frontmatter, in fixed section
// headings and in `<!-- mastery:… -->` marker lines (hidden when GitHub renders the file); a
// text line that would read as structure is escaped with one more leading backslash, so any
// Markdown survives the trip exactly. Wiki-links become relative links that work on GitHub.
import path from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { describeIssue } from "../content/loader";
import { parseSource } from "../content/markdown-source";
import { runAtOnce } from "../slices";
import {
  normalizeMarkdown,
  PATTERN_CATEGORIES,
  PATTERN_SECTIONS,
  type PatternData,
  type PatternInput,
  type PlaybookEntryData,
  type PlaybookEntryInput,
  type PlaybookKind,
  categoryLabel,
} from "./schema";
import { collapseWikiLinks, expandWikiLinks, type LinkTarget } from "./wiki-links";

/** Everything an export holds: the learner's own categories, patterns and playbook entries. */
export type LibraryBundle = { categories: string[]; patterns: PatternData[]; entries: PlaybookEntryData[] };
export type FileProblem = { file: string; message: string };
export type ParsedLibrary = {
  categories: string[];
  patterns: { file: string; input: PatternInput }[];
  entries: { file: string; input: PlaybookEntryInput }[];
  problems: FileProblem[];
  /** Files that are not part of the library layout. */
  ignored: string[];
};

const PATTERNS_DIR = "docs/patterns";
const PLAYBOOK_DIR = "docs/playbook";
const CATEGORIES_FILE = `${PATTERNS_DIR}/README.md`;

/** The seed's three playbook files and the entry kinds each holds. */
export const PLAYBOOK_PARTS = [
  { name: "index", title: "Index", kinds: ["quick-reference", "decision-tree"], empty: "No quick references or decision trees yet." },
  { name: "scenarios", title: "Scenarios", kinds: ["scenario"], empty: "No scenarios yet." },
  { name: "checklists", title: "Checklists", kinds: ["checklist"], empty: "No checklists yet." },
] as const satisfies readonly { name: string; title: string; kinds: readonly PlaybookKind[]; empty: string }[];

// ── marker lines and escaping ───────────────────────────────────────────────────────────────

const MARKER = "<!-- mastery:";
const isMarker = (line: string) => line.startsWith(MARKER);

function marker(type: string, attributes: Record<string, string | undefined>): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => ` ${key}="${value}"`)
    .join("");
  return `${MARKER}${type}${attrs} -->`;
}

function parseMarker(line: string): { type: string; attrs: Record<string, string> } | null {
  const match = /^<!-- mastery:([a-z-]+)((?: [a-z]+="[^"]*")*) -->$/.exec(line.trimEnd());
  if (!match) return null;
  return { type: match[1]!, attrs: Object.fromEntries([...match[2]!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])) };
}

type Structural = (line: string) => boolean;

/** Adds a backslash to every line that would read as structure (with any backslashes it has). */
function escapeLines(text: string, structural: Structural): string {
  return text
    .split("\n")
    .map((line) => (structural(line.replace(/^\\+/, "")) ? `\\${line}` : line))
    .join("\n");
}

function unescapeLines(text: string, structural: Structural): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith("\\") && structural(line.replace(/^\\+/, "")) ? line.slice(1) : line))
    .join("\n");
}

const sectionLines = (level: number) => new Map(PATTERN_SECTIONS.map((s) => [`${"#".repeat(level)} ${s.heading}`, s.key]));
const FILE_SECTIONS = sectionLines(2);
const SINGLE_SECTIONS = sectionLines(4);
const fileSectionLine: Structural = (line) => FILE_SECTIONS.has(line);
const singleSectionLine: Structural = (line) => isMarker(line) || SINGLE_SECTIONS.has(line);

/** A body as it is written into a file: wiki-links expanded, structure-like lines escaped. */
const writeBody = (body: string, link: LinkTarget, structural: Structural) => escapeLines(expandWikiLinks(body, link), structural);
const readBody = (lines: string[], link: LinkTarget, structural: Structural) =>
  normalizeMarkdown(collapseWikiLinks(unescapeLines(lines.join("\n"), structural), link));

// ── patterns ────────────────────────────────────────────────────────────────────────────────

const patternPath = (p: { category: string; slug: string }) => `${PATTERNS_DIR}/${p.category}/${p.slug}.md`;

function sectionsText(pattern: PatternData, level: number, link: LinkTarget, structural: Structural): string {
  return PATTERN_SECTIONS.filter((s) => pattern[s.key] !== "")
    .map((s) => `${"#".repeat(level)} ${s.heading}\n\n${writeBody(pattern[s.key], link, structural)}\n`)
    .join("\n");
}

/** Reads sections from lines; text before the first section other than blank lines is a problem. */
function readSections(
  lines: string[],
  headings: Map<string, string>,
  link: LinkTarget,
  structural: Structural,
): { sections: Record<string, string>; problem?: string } {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== null) sections[current] = readBody(buffer, link, structural);
    buffer = [];
  };
  for (const line of lines) {
    const key = headings.get(line);
    if (key !== undefined) {
      flush();
      if (key in sections) return { sections, problem: `the section “${line.replace(/^#+ /, "")}” appears twice` };
      current = key;
    } else if (current === null && line.trim() !== "") {
      return {
        sections,
        problem: `text before the first section (“${line.slice(0, 60)}”); start every part with one of: ${PATTERN_SECTIONS.map((s) => s.heading).join(", ")}`,
      };
    } else buffer.push(line);
  }
  flush();
  return { sections };
}

function patternFrontmatter(p: PatternData): Record<string, unknown> {
  return {
    title: p.title,
    slug: p.slug,
    category: p.category,
    ...(p.tags.length > 0 ? { tags: p.tags } : {}),
    ...(p.sourceModule !== null ? { source: { module: p.sourceModule, ...(p.sourceExercise ? { exercise: p.sourceExercise } : {}) } } : {}),
    ...(p.archived ? { archived: true } : {}),
  };
}

/** One pattern as docs/patterns/<category>/<slug>.md. */
export function serializePatternFile(p: PatternData, link: LinkTarget): string {
  const yaml = stringify(patternFrontmatter(p), { lineWidth: 0 });
  const sections = sectionsText(p, 2, link, fileSectionLine);
  return `---\n${yaml}---\n\n# ${p.title}\n${sections === "" ? "" : `\n${sections}`}`;
}

const FrontmatterSchema = z.strictObject({
  title: z.string(),
  slug: z.string(),
  category: z.string(),
  tags: z.array(z.string()).optional(),
  source: z.strictObject({ module: z.number(), exercise: z.string().optional() }).optional(),
  archived: z.boolean().optional(),
});

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "frontmatter"}: ${describeIssue(issue)}`).join("; ");
}

export function parsePatternFile(file: string, text: string, link: LinkTarget): { input: PatternInput } | { problem: string } {
  const source = parseSource(text);
  if (source.yamlErrors.length > 0) return { problem: source.yamlErrors.map((e) => `line ${e.line}: ${e.message}`).join("; ") };
  const front = FrontmatterSchema.safeParse(source.data ?? {});
  if (!front.success) return { problem: describe(front.error) };
  const lines = source.body.split("\n");
  const titleAt = lines.findIndex((line) => line.trim() !== "");
  if (titleAt >= 0 && lines[titleAt]!.startsWith("# ")) {
    if (lines[titleAt] !== `# ${front.data.title}`)
      return { problem: `the heading “${lines[titleAt]!.slice(2)}” differs from the title in the frontmatter` };
    lines.splice(0, titleAt + 1);
  }
  const { sections, problem } = readSections(lines, FILE_SECTIONS, link, fileSectionLine);
  if (problem) return { problem };
  const { title, slug, category, tags = [], source: from, archived = false } = front.data;
  return {
    input: {
      title,
      slug,
      category,
      tags,
      ...sections,
      sourceModule: from?.module ?? null,
      sourceExercise: from?.exercise ?? null,
      archived,
    },
  };
}

// ── the folder layout ───────────────────────────────────────────────────────────────────────

const bySlug = <T extends { slug: string }>(a: T, b: T) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

export function categoryOrder(categories: Iterable<string>): string[] {
  const extra = [...new Set(categories)].filter((c) => !(PATTERN_CATEGORIES as readonly string[]).includes(c)).sort();
  return [...PATTERN_CATEGORIES, ...extra];
}

function entryText(e: PlaybookEntryData, level: number, link: LinkTarget): string {
  const head = marker("entry", { slug: e.slug, kind: e.kind, archived: e.archived ? "true" : undefined });
  return `${head}\n${"#".repeat(level)} ${e.title}\n\n${writeBody(e.body, link, isMarker)}\n`;
}

function patternIndex(patterns: PatternData[], href: (p: PatternData) => string): string {
  const groups = categoryOrder(patterns.map((p) => p.category))
    .map((category) => ({ category, items: patterns.filter((p) => p.category === category).sort(bySlug) }))
    .filter((group) => group.items.length > 0);
  const label = (p: PatternData) => p.title.replace(/[[\]\\]/g, "\\$&");
  return groups
    .map((g) => `### ${categoryLabel(g.category)}\n\n${g.items.map((p) => `- [${label(p)}](${href(p)})`).join("\n")}\n`)
    .join("\n");
}

function playbookPreamble(part: (typeof PLAYBOOK_PARTS)[number], bundle: LibraryBundle): string {
  const others = PLAYBOOK_PARTS.filter((p) => p !== part).map((p) => `[${p.title}](${p.name}.md)`);
  const intro = `# ${part.title}\n\nPart of the playbook; see also ${others.join(" and ")}. Patterns live in [../patterns](../patterns/).\n`;
  if (part.name !== "index") return intro;
  const active = bundle.patterns.filter((p) => !p.archived);
  return active.length === 0 ? intro : `${intro}\n## Patterns\n\n${patternIndex(active, (p) => `../patterns/${p.category}/${p.slug}.md`)}`;
}

function categoriesFile(bundle: LibraryBundle): string {
  const own = categoryOrder(bundle.categories).filter((c) => bundle.categories.includes(c));
  const yaml = own.length > 0 ? `---\n${stringify({ categories: own }, { lineWidth: 0 })}---\n\n` : "";
  const index = patternIndex(bundle.patterns, (p) => `${p.category}/${p.slug}.md`);
  return `${yaml}# Patterns\n${index === "" ? "" : `\n${index}`}`;
}

/** The whole library as files of the seed's layout (path → text), paths sorted. */
export function serializeLibrary(bundle: LibraryBundle): Map<string, string> {
  const categoryOf = new Map(bundle.patterns.map((p) => [p.slug, p.category]));
  const files = new Map<string, string>();
  files.set(CATEGORIES_FILE, categoriesFile(bundle));
  for (const p of bundle.patterns) {
    const from = path.posix.dirname(patternPath(p));
    const link: LinkTarget = (slug) => {
      const category = categoryOf.get(slug);
      return category === undefined ? null : path.posix.relative(from, patternPath({ category, slug }));
    };
    files.set(patternPath(p), serializePatternFile(p, link));
  }
  const link: LinkTarget = (slug) => {
    const category = categoryOf.get(slug);
    return category === undefined ? null : `../patterns/${category}/${slug}.md`;
  };
  for (const part of PLAYBOOK_PARTS) {
    const entries = bundle.entries.filter((e) => (part.kinds as readonly string[]).includes(e.kind)).sort(bySlug);
    files.set(`${PLAYBOOK_DIR}/${part.name}.md`, [playbookPreamble(part, bundle), ...entries.map((e) => entryText(e, 2, link))].join("\n"));
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Splits lines at marker lines: the preamble, then each marker with the lines up to the next. */
function chunks(lines: string[]): { preamble: string[]; items: { marker: string; lines: string[] }[] } {
  const items: { marker: string; lines: string[] }[] = [];
  const preamble: string[] = [];
  for (const line of lines) {
    if (isMarker(line)) items.push({ marker: line, lines: [] });
    else (items.at(-1)?.lines ?? preamble).push(line);
  }
  return { preamble, items };
}

/** The heading after a marker (blank lines and an anchor line may come first) and what follows it. */
function headed(lines: string[], level: number): { title: string; rest: string[] } | null {
  let at = 0;
  while (at < lines.length && (lines[at]!.trim() === "" || /^<a id="[^"]*"><\/a>$/.test(lines[at]!))) at++;
  const prefix = `${"#".repeat(level)} `;
  const line = lines[at];
  if (line === undefined || !line.startsWith(prefix)) return null;
  return { title: line.slice(prefix.length), rest: lines.slice(at + 1) };
}

function* readEntries(file: string, lines: string[], level: number, link: LinkTarget, out: ParsedLibrary): Generator<void, void> {
  for (const chunk of chunks(lines).items) {
    yield;
    const found = parseMarker(chunk.marker);
    if (!found) {
      out.problems.push({ file, message: `unreadable marker line “${chunk.marker.slice(0, 80)}”` });
      continue;
    }
    if (found.type === "part" || found.type === "playbook") continue;
    const body = headed(chunk.lines, level);
    if (found.type !== "entry" || !body) {
      out.problems.push({
        file,
        message:
          found.type !== "entry"
            ? `unexpected marker “${found.type}”`
            : `the entry ${found.attrs.slug ?? ""} needs a “${"#".repeat(level)} Title” line after its marker`,
      });
      continue;
    }
    const { slug = "", kind = "", archived } = found.attrs;
    out.entries.push({
      file,
      input: {
        slug,
        kind: kind as PlaybookKind,
        title: body.title,
        body: readBody(body.rest, link, isMarker),
        archived: archived === "true",
      },
    });
  }
}

const PATTERN_FILE = /(?:^|\/)patterns\/([^/]+)\/([^/]+)\.md$/;
const PLAYBOOK_FILE = /(?:^|\/)playbook\/(index|scenarios|checklists)\.md$/;
const CATEGORIES = /(?:^|\/)patterns\/README\.md$/;

/** Which library file a path is, if any. */
export function libraryFileKind(file: string): "pattern" | "playbook" | "categories" | null {
  if (CATEGORIES.test(file)) return "categories";
  if (PATTERN_FILE.test(file)) return "pattern";
  if (PLAYBOOK_FILE.test(file)) return "playbook";
  return null;
}

/** Reads files of the folder layout (path → text); paths may sit below any folder. */
export function parseLibrary(files: Map<string, string>): ParsedLibrary {
  return runAtOnce(parseLibrarySteps(files));
}

/** `parseLibrary` as sliced work (lib/slices.ts): it yields between files and between playbook entries. */
export function* parseLibrarySteps(files: Map<string, string>): Generator<void, ParsedLibrary> {
  const out: ParsedLibrary = { categories: [], patterns: [], entries: [], problems: [], ignored: [] };
  const located = [...files.keys()].flatMap((file) => {
    const match = PATTERN_FILE.exec(file);
    return match && !CATEGORIES.test(file) ? [{ file, category: match[1]!, slug: match[2]! }] : [];
  });
  const byFile = new Map(located.map((l) => [l.file, l]));
  const categoryOf = new Map(located.map((l) => [l.slug, l.category]));
  for (const [file, raw] of files) {
    yield;
    const text = raw.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
    const kind = libraryFileKind(file);
    if (kind === "categories") {
      const source = parseSource(text);
      const listed = z
        .object({ categories: z.array(z.string()).default([]) })
        .safeParse(source.yamlErrors.length > 0 ? {} : (source.data ?? {}));
      if (listed.success) out.categories.push(...listed.data.categories);
      else out.problems.push({ file, message: describe(listed.error) });
    } else if (kind === "pattern") {
      const place = byFile.get(file)!;
      const from = path.posix.dirname(patternPath(place));
      const link: LinkTarget = (slug) => {
        const category = categoryOf.get(slug);
        return category === undefined ? null : path.posix.relative(from, patternPath({ category, slug }));
      };
      const parsed = parsePatternFile(file, text, link);
      if ("problem" in parsed) out.problems.push({ file, message: parsed.problem });
      else if (parsed.input.slug !== place.slug || parsed.input.category !== place.category) {
        out.problems.push({
          file,
          message: `the file should be ${patternPath({ category: String(parsed.input.category), slug: String(parsed.input.slug) })} for its slug and category`,
        });
      } else out.patterns.push({ file, input: parsed.input });
    } else if (kind === "playbook") {
      const link: LinkTarget = (slug) => {
        const category = categoryOf.get(slug);
        return category === undefined ? null : `../patterns/${category}/${slug}.md`;
      };
      yield* readEntries(file, text.split("\n"), 2, link, out);
    } else out.ignored.push(file);
  }
  return out;
}

// ── the single playbook file ────────────────────────────────────────────────────────────────

const SINGLE_FILE_MARKER = marker("playbook", { format: "1" });
const anchorOf = (slug: string) => `pattern-${slug}`;

function singlePattern(p: PatternData, link: LinkTarget): string {
  const head = marker("pattern", {
    slug: p.slug,
    category: p.category,
    tags: p.tags.join(","),
    module: p.sourceModule === null ? undefined : String(p.sourceModule),
    exercise: p.sourceExercise ?? undefined,
    archived: p.archived ? "true" : undefined,
  });
  const sections = sectionsText(p, 4, link, singleSectionLine);
  return `${head}\n<a id="${anchorOf(p.slug)}"></a>\n\n### ${p.title}\n${sections === "" ? "" : `\n${sections}`}`;
}

/** The playbook and the patterns given as one Markdown file; links point within the file. */
export function serializeSingleFile(entries: PlaybookEntryData[], patterns: PatternData[]): string {
  const included = new Set(patterns.map((p) => p.slug));
  const link: LinkTarget = (slug) => (included.has(slug) ? `#${anchorOf(slug)}` : null);
  const parts = PLAYBOOK_PARTS.map((part) => {
    const items = entries.filter((e) => (part.kinds as readonly string[]).includes(e.kind)).sort(bySlug);
    return [`${marker("part", { name: part.name })}\n## ${part.title}\n`, ...items.map((e) => entryText(e, 3, link))].join("\n");
  });
  const ordered = categoryOrder(patterns.map((p) => p.category)).flatMap((c) => patterns.filter((p) => p.category === c).sort(bySlug));
  const patternPart = [`${marker("part", { name: "patterns" })}\n## Patterns\n`, ...ordered.map((p) => singlePattern(p, link))].join("\n");
  const contents = [...PLAYBOOK_PARTS.map((p) => p.title), "Patterns"].map((t) => `- [${t}](#${t.toLowerCase()})`).join("\n");
  return [`${SINGLE_FILE_MARKER}\n# Playbook\n\n${contents}\n`, ...parts, patternPart].join("\n");
}

export function isSingleFile(text: string): boolean {
  return text.replace(/^\uFEFF/, "").startsWith(SINGLE_FILE_MARKER);
}

export function parseSingleFile(file: string, raw: string): ParsedLibrary {
  return runAtOnce(parseSingleFileSteps(file, raw));
}

/** `parseSingleFile` as sliced work (lib/slices.ts): it yields between patterns and between entries. */
export function* parseSingleFileSteps(file: string, raw: string): Generator<void, ParsedLibrary> {
  const out: ParsedLibrary = { categories: [], patterns: [], entries: [], problems: [], ignored: [] };
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .replace(/^\uFEFF/, "")
    .split("\n");
  const { items } = chunks(lines);
  const included = new Set(
    items
      .flatMap((c) => parseMarker(c.marker))
      .filter((m) => m?.type === "pattern")
      .map((m) => m!.attrs.slug ?? ""),
  );
  const link: LinkTarget = (slug) => (included.has(slug) ? `#${anchorOf(slug)}` : null);
  const entryLines: string[] = [];
  for (const chunk of items) {
    yield;
    const found = parseMarker(chunk.marker);
    if (found?.type !== "pattern") {
      entryLines.push(chunk.marker, ...chunk.lines);
      continue;
    }
    const body = headed(chunk.lines, 3);
    if (!body) {
      out.problems.push({ file, message: `the pattern ${found.attrs.slug ?? ""} needs a “### Title” line after its marker` });
      continue;
    }
    const { sections, problem } = readSections(body.rest, SINGLE_SECTIONS, link, singleSectionLine);
    if (problem) {
      out.problems.push({ file, message: `pattern ${found.attrs.slug ?? ""}: ${problem}` });
      continue;
    }
    const a = found.attrs;
    out.patterns.push({
      file,
      input: {
        title: body.title,
        slug: a.slug ?? "",
        category: a.category ?? "",
        tags: a.tags ? a.tags.split(",") : [],
        ...sections,
        sourceModule: a.module === undefined ? null : Number(a.module),
        sourceExercise: a.exercise ?? null,
        archived: a.archived === "true",
      },
    });
  }
  yield* readEntries(file, entryLines, 3, link, out);
  return out;
}
