// Wiki-style links between library texts: `[[pattern-slug]]` names a pattern. Finds them outside
// code, and writes them in an export's link style and reads them back on import, losslessly.
import { eachLine } from "../content/markdown-source";
import { WIKI_LINK } from "../markdown/wiki-links";

type Segment = { text: string; code: boolean };

/** A line split into prose and inline code spans (a backtick run closed by one of the same length). */
function splitInlineCode(line: string): Segment[] {
  const segments: Segment[] = [];
  const runs = [...line.matchAll(/`+/g)];
  let from = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    if (open.index < from) continue;
    const close = runs.slice(i + 1).find((run) => run[0].length === open[0].length);
    if (!close) continue;
    segments.push(
      { text: line.slice(from, open.index), code: false },
      { text: line.slice(open.index, close.index + close[0].length), code: true },
    );
    from = close.index + close[0].length;
    i = runs.indexOf(close);
  }
  segments.push({ text: line.slice(from), code: false });
  return segments;
}

/** Applies `rewrite` to every piece of prose, leaving fenced code blocks and inline code as they are. */
function mapProse(text: string, rewrite: (prose: string) => string): string {
  const out: string[] = [];
  eachLine(text, (line, _index, prose) => {
    out.push(
      prose
        ? splitInlineCode(line)
            .map((s) => (s.code ? s.text : rewrite(s.text)))
            .join("")
        : line,
    );
  });
  return out.join("\n");
}

/** The pattern slugs a text links to, each once, in order of appearance. */
export function findWikiLinks(text: string): string[] {
  const found = new Set<string>();
  mapProse(text, (prose) => {
    for (const match of prose.matchAll(WIKI_LINK)) found.add(match[1]!);
    return prose;
  });
  return [...found];
}

/** How the exports write wiki-links: as they are (Obsidian resolves `[[slug]]` by file name) or as Markdown links. */
export const LINK_STYLES = ["commonmark", "obsidian"] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];
/** Exports made before the styles wrote `[[slug]](href)`; their files are still read. */
export type ReadStyle = LinkStyle | "legacy";

/** Where an export's links to patterns go: a pattern's address and link text (an escaped title), and back. */
export type Links = {
  target: (slug: string) => { href: string; text: string } | null;
  slugAt: (href: string) => string | null;
};

const WIKI_AT = new RegExp(WIKI_LINK.source, "y");
/** `[text]( href)`: link text without an unescaped bracket, any number of spaces, an address without spaces or brackets. */
const LINK_FORM = /\[((?:[^\\[\]]|\\.)*)\]\(( *)([^\s()[\]<>]+)\)/y;

/** The Markdown link at `at` that names a pattern the way an export writes it, with how many spaces precede its address. */
function patternLinkAt(prose: string, at: number, links: Links) {
  LINK_FORM.lastIndex = at;
  const match = LINK_FORM.exec(prose);
  if (!match) return null;
  const [whole, text, spaces, href] = match as unknown as [string, string, string, string];
  const slug = links.slugAt(href);
  if (slug === null || links.target(slug)?.text !== text) return null;
  return { slug, text, href, spaces: spaces.length, end: at + whole.length };
}

/** Rewrites prose at each `[` where `step` finds something, scanning on after what it replaced. */
function rewriteAtBrackets(prose: string, step: (at: number) => { out: string; end: number } | null): string {
  let out = "";
  let from = 0;
  for (let at = prose.indexOf("["); at !== -1; at = prose.indexOf("[", at)) {
    const hit = step(at);
    if (hit) {
      out += prose.slice(from, at) + hit.out;
      at = from = hit.end;
    } else at++;
  }
  return out + prose.slice(from);
}

const linkForm = (text: string, spaces: number, href: string) => `[${text}](${" ".repeat(spaces)}${href})`;

/**
 * `[[slug]]` → `[Title](href)`, a link every Markdown viewer follows. A link the text already held
 * in that exact form gets one more space before its address (which renders the same), so
 * readMarkdownLinks tells the two apart and gives back the text exactly.
 */
export function writeMarkdownLinks(text: string, links: Links): string {
  return mapProse(text, (prose) =>
    rewriteAtBrackets(prose, (at) => {
      const written = patternLinkAt(prose, at, links);
      if (written) return { out: linkForm(written.text, written.spaces + 1, written.href), end: written.end };
      WIKI_AT.lastIndex = at;
      const wiki = WIKI_AT.exec(prose);
      const target = wiki ? links.target(wiki[1]!) : null;
      return wiki && target ? { out: linkForm(target.text, 0, target.href), end: at + wiki[0].length } : null;
    }),
  );
}

/** The inverse of writeMarkdownLinks with the same links. */
export function readMarkdownLinks(text: string, links: Links): string {
  return mapProse(text, (prose) =>
    rewriteAtBrackets(prose, (at) => {
      const written = patternLinkAt(prose, at, links);
      if (!written) return null;
      return {
        out: written.spaces === 0 ? `[[${written.slug}]]` : linkForm(written.text, written.spaces - 1, written.href),
        end: written.end,
      };
    }),
  );
}

/**
 * Reads wiki-links as an export before the link styles wrote them: `[[slug]](href)` → `[[slug]]`.
 * Every `[[slug]]` with a target was followed by its href, so a text that already held
 * `[[slug]](href)` comes back exactly too.
 */
function readLegacyLinks(text: string, links: Links): string {
  return mapProse(text, (prose) => {
    let out = "";
    let from = 0;
    for (const match of prose.matchAll(WIKI_LINK)) {
      if (match.index < from) continue;
      const end = match.index + match[0].length;
      const href = links.target(match[1]!)?.href;
      const suffix = href === undefined ? null : `(${href})`;
      out += prose.slice(from, end);
      from = suffix !== null && prose.startsWith(suffix, end) ? end + suffix.length : end;
    }
    return out + prose.slice(from);
  });
}

/** A text as an export of this style writes it. */
export const writeLinks = (text: string, style: LinkStyle, links: Links) =>
  style === "commonmark" ? writeMarkdownLinks(text, links) : text;

/** A text as it was before an export of this style wrote it. */
export function readLinks(text: string, style: ReadStyle, links: Links): string {
  if (style === "commonmark") return readMarkdownLinks(text, links);
  return style === "legacy" ? readLegacyLinks(text, links) : text;
}

/** Slugs linked from `texts` that name no pattern in `known`. */
export function brokenWikiLinks(texts: string[], known: ReadonlySet<string>): string[] {
  return [...new Set(texts.flatMap(findWikiLinks))].filter((slug) => !known.has(slug));
}
