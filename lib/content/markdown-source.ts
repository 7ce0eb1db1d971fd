// Reading a Markdown source file: frontmatter with line numbers for every field, level-2
// sections, and the unfilled placeholders an author left behind. Pure functions, no I/O.
import { isNode, LineCounter, parseDocument } from "yaml";

export type SourceFile = {
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of a frontmatter field, or of the frontmatter start when unknown. */
  lineOf(path: readonly PropertyKey[]): number;
  yamlErrors: { line: number; message: string }[];
};

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Calls `visit` for every line with whether it is prose (outside a fenced code block and not a
 * fence line itself), so every scanner treats code the same way.
 */
export function eachLine(text: string, visit: (line: string, index: number, prose: boolean) => void): void {
  let fence: string | null = null;
  text.split("\n").forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      visit(line, index, false);
      return;
    }
    visit(line, index, fence === null);
  });
}

export function parseSource(text: string): SourceFile {
  const normalised = text.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) {
    return {
      data: undefined,
      body: normalised,
      bodyLine: 1,
      lineOf: () => 1,
      yamlErrors: [{ line: 1, message: "missing frontmatter: the file must start with a --- YAML block ---" }],
    };
  }
  const yamlText = match[1] ?? "";
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return toFileLine(node.range[0]);
      const parent = doc.getIn(path.slice(0, depth - 1) as unknown[], true);
      if (depth === 1 && !isNode(parent)) break;
    }
    return 1;
  };
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 0 : 1);
  return {
    data: doc.errors.length > 0 ? undefined : doc.toJS(),
    body: normalised.slice(match[0].length),
    bodyLine: bodyLine + (match[0].endsWith("\n") ? 0 : 1),
    lineOf,
    yamlErrors: doc.errors.map((error) => ({
      line: toFileLine(error.pos[0]),
      message: `invalid YAML: ${error.message.split("\n")[0]}`,
    })),
  };
}

export type Section = {
  heading: string;
  /** 1-based line of the heading within the body. */
  line: number;
  content: string;
};

/** Splits a Markdown body at headings of the given level, ignoring lines inside code fences. */
export function splitSections(body: string, level = 2): { intro: string; sections: Section[] } {
  const prefix = `${"#".repeat(level)} `;
  const sections: Section[] = [];
  const intro: string[] = [];
  let current: { heading: string; line: number; lines: string[] } | null = null;
  eachLine(body, (line, index, prose) => {
    if (prose && line.startsWith(prefix)) {
      if (current) sections.push({ heading: current.heading, line: current.line, content: current.lines.join("\n").trim() });
      current = { heading: line.slice(prefix.length).trim(), line: index + 1, lines: [] };
      return;
    }
    (current ? current.lines : intro).push(line);
  });
  if (current) {
    const last = current as { heading: string; line: number; lines: string[] };
    sections.push({ heading: last.heading, line: last.line, content: last.lines.join("\n").trim() });
  }
  return { intro: intro.join("\n").trim(), sections };
}

/**
 * A body cut around its level-2 section titled `heading` (any case): the Markdown before it, the
 * section's content without its heading, and the Markdown after it; null when there is none.
 */
export function cutAroundSection(body: string, heading: string): { before: string; content: string; after: string } | null {
  const { intro, sections } = splitSections(body);
  const at = sections.findIndex((s) => s.heading.toLowerCase() === heading.toLowerCase());
  if (at < 0) return null;
  const join = (parts: Section[]) => parts.map((s) => `## ${s.heading}\n\n${s.content}`).join("\n\n");
  return { before: [intro, join(sections.slice(0, at))].filter(Boolean).join("\n\n"), content: sections[at]!.content, after: join(sections.slice(at + 1)) };
}

export type Placeholder = { line: number; text: string; kind: "placeholder" | "todo" };

// Raw HTML is not part of the format, so any <…> outside code fences is a placeholder.
const PLACEHOLDER = /<(?!(?:https?|mailto):)[^<>\n]+>/g;
const TODO = /\b(TODO|TBD)\b/g;

/**
 * Lists `<placeholder>` markers and TODO/TBD words outside fenced code blocks, with 1-based
 * line numbers offset by `firstLine`. Autolinks (`<https://…>`) are not placeholders.
 */
export function findPlaceholders(text: string, firstLine = 1): Placeholder[] {
  const found: Placeholder[] = [];
  eachLine(text, (line, index, prose) => {
    if (!prose) return;
    for (const match of line.matchAll(PLACEHOLDER)) {
      found.push({ line: firstLine + index, text: match[0], kind: "placeholder" });
    }
    for (const match of line.matchAll(TODO)) {
      found.push({ line: firstLine + index, text: match[0], kind: "todo" });
    }
  });
  return found;
}

export type LocalLink = { line: number; href: string };

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;

/** Relative link and image targets outside code fences and inline code, with 1-based lines. */
export function findLocalLinks(text: string): LocalLink[] {
  const links: LocalLink[] = [];
  eachLine(text, (line, index, prose) => {
    if (!prose) return;
    for (const match of line.replace(/`[^`]*`/g, "").matchAll(LINK)) {
      const href = match[1]!;
      if (!NOT_LOCAL.test(href)) links.push({ line: index + 1, href });
    }
  });
  return links;
}
