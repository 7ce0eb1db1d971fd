// The library as Markdown files and back. Two layouts: the design seed's folder
// (docs/patterns/<category>/<slug>.md with YAML frontmatter, docs/playbook/{index,scenarios,
// checklists}.md) and one playbook file. Structure lives in frontmatter, in fixed section
// headings and in `<!-- mastery:… -->` marker lines (hidden when GitHub renders the file); a
// text line that would read as structure is escaped with one more leading backslash, so any
// Markdown survives the trip exactly. Wiki-links are written in one of two styles (lib/library/
// wiki-links.ts), titles are escaped so they read as text, and checklist ticks may come along.
import path from "node:path";
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
import { untickBoxes, tickBoxes } from "./exported-ticks";
import { frontmatterYaml } from "./frontmatter-yaml";
import { escapeTitle, unescapeTitle } from "./markdown-text";
import { LINK_STYLES, type Links, type LinkStyle, readLinks, type ReadStyle, writeLinks } from "./wiki-links";

/**
 * Everything an export holds: the learner's own categories, patterns and playbook entries, and
 * when the export carries them, the ticked item keys of checklists by entry slug.
 */
export type LibraryBundle = {
  categories: string[];
  patterns: PatternData[];
  entries: PlaybookEntryData[];
  ticks?: ReadonlyMap<string, readonly string[]>;
};
export type ExportOptions = { links: LinkStyle };
export type FileProblem = { file: string; message: string };
export type ParsedLibrary = {
  categories: string[];
  patterns: { file: string; input: PatternInput }[];
  /** `ticks`: the ticked item keys, when the file carried them. */
  entries: { file: string; input: PlaybookEntryInput; ticks?: string[] }[];
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

/** How the texts of one file link to patterns: the style and where each pattern is from that file. */
type Linking = { style: ReadStyle; links: Links };
type WriteLinking = Linking & { style: LinkStyle };

/** A body as it is written into a file: wiki-links in the file's style, structure-like lines escaped. */
const writeBody = (body: string, linking: WriteLinking, structural: Structural) =>
  escapeLines(writeLinks(body, linking.style, linking.links), structural);
const readBody = (lines: string[], linking: Linking, structural: Structural) =>
  normalizeMarkdown(readLinks(unescapeLines(lines.join("\n"), structural), linking.style, linking.links));

/** Links to `<dir>/<category>/<slug>.md` relative to `from` (a pattern's folder or the playbook's). */
function fileLinks(from: string, categoryOf: ReadonlyMap<string, string>, titleOf: ReadonlyMap<string, string>): Links {
  const target = (slug: string) => {
    const category = categoryOf.get(slug);
    return category === undefined
      ? null
      : { href: path.posix.relative(from, patternPath({ category, slug })), text: escapeTitle(titleOf.get(slug) ?? slug) };
  };
  return {
    target,
    slugAt: (href) => {
      const slug = /([^/]+)\.md$/.exec(href)?.[1];
      return slug !== undefined && target(slug)?.href === href ? slug : null;
    },
  };
}

// ── patterns ────────────────────────────────────────────────────────────────────────────────

const patternPath = (p: { category: string; slug: string }) => `${PATTERNS_DIR}/${p.category}/${p.slug}.md`;

function sectionsText(pattern: PatternData, level: number, linking: WriteLinking, structural: Structural): string {
  return PATTERN_SECTIONS.filter((s) => pattern[s.key] !== "")
    .map((s) => `${"#".repeat(level)} ${s.heading}\n\n${writeBody(pattern[s.key], linking, structural)}\n`)
    .join("\n");
}

/** Reads sections from lines; text before the first section other than blank lines is a problem. */
function readSections(
  lines: string[],
  headings: Map<string, string>,
  linking: Linking,
  structural: Structural,
): { sections: Record<string, string>; problem?: string } {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== null) sections[current] = readBody(buffer, linking, structural);
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
export function serializePatternFile(p: PatternData, linking: WriteLinking): string {
  const sections = sectionsText(p, 2, linking, fileSectionLine);
  return `---\n${frontmatterYaml(patternFrontmatter(p))}---\n\n# ${escapeTitle(p.title)}\n${sections === "" ? "" : `\n${sections}`}`;
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

export function parsePatternFile(file: string, text: string, linking: Linking): { input: PatternInput } | { problem: string } {
  const source = parseSource(text);
  if (source.yamlErrors.length > 0) return { problem: source.yamlErrors.map((e) => `line ${e.line}: ${e.message}`).join("; ") };
  const front = FrontmatterSchema.safeParse(source.data ?? {});
  if (!front.success) return { problem: describe(front.error) };
  const lines = source.body.split("\n");
  const titleAt = lines.findIndex((line) => line.trim() !== "");
  if (titleAt >= 0 && lines[titleAt]!.startsWith("# ")) {
    // Exports before titles were escaped wrote the title as it is.
    if (lines[titleAt] !== `# ${escapeTitle(front.data.title)}` && lines[titleAt] !== `# ${front.data.title}`)
      return { problem: `the heading “${lines[titleAt]!.slice(2)}” differs from the title in the frontmatter` };
    lines.splice(0, titleAt + 1);
  }
  const { sections, problem } = readSections(lines, FILE_SECTIONS, linking, fileSectionLine);
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

/** An entry under its marker; a checklist's ticks, when given, check its boxes (lib/library/exported-ticks.ts). */
function entryText(e: PlaybookEntryData, level: number, linking: WriteLinking, ticks: readonly string[] | undefined): string {
  const ticked = ticks && ticks.length > 0 && e.kind === "checklist" ? tickBoxes(e.body, new Set(ticks)) : null;
  const head = marker("entry", {
    slug: e.slug,
    kind: e.kind,
    archived: e.archived ? "true" : undefined,
    ticked: ticked?.ticked.join(" "),
    checked: ticked?.checked.join(" "),
  });
  return `${head}\n${"#".repeat(level)} ${escapeTitle(e.title)}\n\n${writeBody(ticked?.body ?? e.body, linking, isMarker)}\n`;
}

function patternIndex(patterns: PatternData[], href: (p: PatternData) => string): string {
  const groups = categoryOrder(patterns.map((p) => p.category))
    .map((category) => ({ category, items: patterns.filter((p) => p.category === category).sort(bySlug) }))
    .filter((group) => group.items.length > 0);
  return groups
    .map((g) => `### ${categoryLabel(g.category)}\n\n${g.items.map((p) => `- [${escapeTitle(p.title)}](${href(p)})`).join("\n")}\n`)
    .join("\n");
}

function playbookPreamble(part: (typeof PLAYBOOK_PARTS)[number], bundle: LibraryBundle): string {
  const others = PLAYBOOK_PARTS.filter((p) => p !== part).map((p) => `[${p.title}](${p.name}.md)`);
  const intro = `# ${part.title}\n\nPart of the playbook; see also ${others.join(" and ")}. Patterns live in [../patterns](../patterns/).\n`;
  if (part.name !== "index") return intro;
  const active = bundle.patterns.filter((p) => !p.archived);
  return active.length === 0 ? intro : `${intro}\n## Patterns\n\n${patternIndex(active, (p) => `../patterns/${p.category}/${p.slug}.md`)}`;
}

/** The categories file: the learner's own categories and the export's link style in frontmatter, then an index. */
function categoriesFile(bundle: LibraryBundle, options: ExportOptions): string {
  const own = categoryOrder(bundle.categories).filter((c) => bundle.categories.includes(c));
  const yaml = frontmatterYaml({ links: options.links, ...(own.length > 0 ? { categories: own } : {}) });
  const index = patternIndex(bundle.patterns, (p) => `${p.category}/${p.slug}.md`);
  return `---\n${yaml}---\n\n# Patterns\n${index === "" ? "" : `\n${index}`}`;
}

/** The whole library as files of the seed's layout (path → text), paths sorted. */
export function serializeLibrary(bundle: LibraryBundle, options: ExportOptions): Map<string, string> {
  const categoryOf = new Map(bundle.patterns.map((p) => [p.slug, p.category]));
  const titleOf = new Map(bundle.patterns.map((p) => [p.slug, p.title]));
  const files = new Map<string, string>();
  files.set(CATEGORIES_FILE, categoriesFile(bundle, options));
  for (const p of bundle.patterns) {
    const links = fileLinks(path.posix.dirname(patternPath(p)), categoryOf, titleOf);
    files.set(patternPath(p), serializePatternFile(p, { style: options.links, links }));
  }
  const linking: WriteLinking = { style: options.links, links: fileLinks(PLAYBOOK_DIR, categoryOf, titleOf) };
  for (const part of PLAYBOOK_PARTS) {
    const entries = bundle.entries.filter((e) => (part.kinds as readonly string[]).includes(e.kind)).sort(bySlug);
    files.set(
      `${PLAYBOOK_DIR}/${part.name}.md`,
      [playbookPreamble(part, bundle), ...entries.map((e) => entryText(e, 2, linking, bundle.ticks?.get(e.slug)))].join("\n"),
    );
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A title from a heading: escaped since the link styles, as it is before. */
const readTitle = (heading: string, style: ReadStyle) => (style === "legacy" ? heading : unescapeTitle(heading));

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

function* readEntries(file: string, lines: string[], level: number, linking: Linking, out: ParsedLibrary): Generator<void, void> {
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
    const { slug = "", kind = "", archived, ticked, checked } = found.attrs;
    const text = readBody(body.rest, linking, isMarker);
    const unticked =
      ticked === undefined && checked === undefined ? null : untickBoxes({ body: text, ticked: words(ticked), checked: words(checked) });
    out.entries.push({
      file,
      input: {
        slug,
        kind: kind as PlaybookKind,
        title: readTitle(body.title, linking.style),
        body: unticked?.body ?? text,
        archived: archived === "true",
      },
      ...(unticked ? { ticks: unticked.ticks } : {}),
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

const words = (value: string | undefined) => (value ? value.split(" ") : []);

const CategoriesSchema = z.object({
  categories: z.array(z.string()).default([]),
  links: z.enum(LINK_STYLES).optional(),
});

/** `parseLibrary` as sliced work (lib/slices.ts): it yields between files and between playbook entries. */
export function* parseLibrarySteps(raw: Map<string, string>): Generator<void, ParsedLibrary> {
  const out: ParsedLibrary = { categories: [], patterns: [], entries: [], problems: [], ignored: [] };
  const files = new Map([...raw].map(([file, text]) => [file, text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "")]));
  const located = [...files.keys()].flatMap((file) => {
    const match = PATTERN_FILE.exec(file);
    return match && !CATEGORIES.test(file) ? [{ file, category: match[1]!, slug: match[2]! }] : [];
  });
  const byFile = new Map(located.map((l) => [l.file, l]));
  const categoryOf = new Map(located.map((l) => [l.slug, l.category]));
  const listed = [...files].flatMap(([file, text]) => {
    if (libraryFileKind(file) !== "categories") return [];
    const source = parseSource(text);
    return [{ file, listed: CategoriesSchema.safeParse(source.yamlErrors.length > 0 ? {} : (source.data ?? {})) }];
  });
  // Without a categories file saying otherwise, the files are read as an export from before the link styles.
  const style: ReadStyle = listed.find((l) => l.listed.success)?.listed.data?.links ?? "legacy";
  const titleOf = new Map<string, string>();
  if (style === "commonmark") {
    for (const { file, slug } of located) {
      yield;
      const title = (parseSource(files.get(file)!).data as { title?: unknown } | undefined)?.title;
      if (typeof title === "string") titleOf.set(slug, title);
    }
  }
  for (const { file, listed: result } of listed) {
    if (result.success) out.categories.push(...result.data.categories);
    else out.problems.push({ file, message: describe(result.error) });
  }
  for (const [file, text] of files) {
    yield;
    const kind = libraryFileKind(file);
    if (kind === "pattern") {
      const place = byFile.get(file)!;
      const links = fileLinks(path.posix.dirname(patternPath(place)), categoryOf, titleOf);
      const parsed = parsePatternFile(file, text, { style, links });
      if ("problem" in parsed) out.problems.push({ file, message: parsed.problem });
      else if (parsed.input.slug !== place.slug || parsed.input.category !== place.category) {
        out.problems.push({
          file,
          message: `the file should be ${patternPath({ category: String(parsed.input.category), slug: String(parsed.input.slug) })} for its slug and category`,
        });
      } else out.patterns.push({ file, input: parsed.input });
    } else if (kind === "playbook") {
      const links = fileLinks(PLAYBOOK_DIR, categoryOf, titleOf);
      yield* readEntries(file, text.split("\n"), 2, { style, links }, out);
    } else if (kind === null) out.ignored.push(file);
  }
  return out;
}

// ── the single playbook file ────────────────────────────────────────────────────────────────

const SINGLE_FILE_MARKER = marker("playbook", { format: "1" }).replace(/ -->$/, "");
const anchorOf = (slug: string) => `pattern-${slug}`;

/** Links to the patterns included in the single file, by their anchors. */
function anchorLinks(titleOf: ReadonlyMap<string, string>): Links {
  const target = (slug: string) => {
    const title = titleOf.get(slug);
    return title === undefined ? null : { href: `#${anchorOf(slug)}`, text: escapeTitle(title) };
  };
  return {
    target,
    slugAt: (href) => {
      const slug = href.startsWith(`#${anchorOf("")}`) ? href.slice(`#${anchorOf("")}`.length) : null;
      return slug !== null && titleOf.has(slug) ? slug : null;
    },
  };
}

function singlePattern(p: PatternData, linking: WriteLinking): string {
  const head = marker("pattern", {
    slug: p.slug,
    category: p.category,
    tags: p.tags.join(","),
    module: p.sourceModule === null ? undefined : String(p.sourceModule),
    exercise: p.sourceExercise ?? undefined,
    archived: p.archived ? "true" : undefined,
  });
  const sections = sectionsText(p, 4, linking, singleSectionLine);
  return `${head}\n<a id="${anchorOf(p.slug)}"></a>\n\n### ${escapeTitle(p.title)}\n${sections === "" ? "" : `\n${sections}`}`;
}

/** The playbook and the patterns given as one Markdown file; links point within the file. */
export function serializeSingleFile(bundle: Omit<LibraryBundle, "categories">, options: ExportOptions): string {
  const { entries, patterns } = bundle;
  const linking: WriteLinking = { style: options.links, links: anchorLinks(new Map(patterns.map((p) => [p.slug, p.title]))) };
  const parts = PLAYBOOK_PARTS.map((part) => {
    const items = entries.filter((e) => (part.kinds as readonly string[]).includes(e.kind)).sort(bySlug);
    return [
      `${marker("part", { name: part.name })}\n## ${part.title}\n`,
      ...items.map((e) => entryText(e, 3, linking, bundle.ticks?.get(e.slug))),
    ].join("\n");
  });
  const ordered = categoryOrder(patterns.map((p) => p.category)).flatMap((c) => patterns.filter((p) => p.category === c).sort(bySlug));
  const patternPart = [`${marker("part", { name: "patterns" })}\n## Patterns\n`, ...ordered.map((p) => singlePattern(p, linking))].join(
    "\n",
  );
  const contents = [...PLAYBOOK_PARTS.map((p) => p.title), "Patterns"].map((t) => `- [${t}](#${t.toLowerCase()})`).join("\n");
  return [`${marker("playbook", { format: "1", links: options.links })}\n# Playbook\n\n${contents}\n`, ...parts, patternPart].join("\n");
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
  const markers = items.map((chunk) => ({ chunk, found: parseMarker(chunk.marker) }));
  const written = markers.find((m) => m.found?.type === "playbook")?.found?.attrs.links;
  const style: ReadStyle = LINK_STYLES.find((s) => s === written) ?? "legacy";
  const titleOf = new Map(
    markers.flatMap(({ chunk, found }) => {
      const title = found?.type === "pattern" ? headed(chunk.lines, 3)?.title : undefined;
      return title === undefined ? [] : [[found!.attrs.slug ?? "", readTitle(title, style)] as const];
    }),
  );
  const linking: Linking = { style, links: anchorLinks(titleOf) };
  const entryLines: string[] = [];
  for (const { chunk, found } of markers) {
    yield;
    if (found?.type !== "pattern") {
      entryLines.push(chunk.marker, ...chunk.lines);
      continue;
    }
    const body = headed(chunk.lines, 3);
    if (!body) {
      out.problems.push({ file, message: `the pattern ${found.attrs.slug ?? ""} needs a “### Title” line after its marker` });
      continue;
    }
    const { sections, problem } = readSections(body.rest, SINGLE_SECTIONS, linking, singleSectionLine);
    if (problem) {
      out.problems.push({ file, message: `pattern ${found.attrs.slug ?? ""}: ${problem}` });
      continue;
    }
    const a = found.attrs;
    out.patterns.push({
      file,
      input: {
        title: readTitle(body.title, style),
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
  yield* readEntries(file, entryLines, 3, linking, out);
  return out;
}
