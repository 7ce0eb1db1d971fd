// Wiki-style links between library texts: `[[pattern-slug]]` names a pattern. Finds them outside
// code, and rewrites them to Markdown links for an export and back on import, losslessly.
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

/** Link targets for an export: the href for a slug, or null to leave the wiki-link as written. */
export type LinkTarget = (slug: string) => string | null;

/** `[[slug]]` → `[[slug]](href)`: a link that works in any Markdown viewer and shows the slug. */
export function expandWikiLinks(text: string, target: LinkTarget): string {
  return mapProse(text, (prose) =>
    prose.replace(WIKI_LINK, (whole, slug: string) => {
      const href = target(slug);
      return href === null ? whole : `${whole}(${href})`;
    }),
  );
}

/**
 * The inverse of expandWikiLinks with the same targets: `[[slug]](href)` → `[[slug]]`. Every
 * `[[slug]]` with a target was followed by its href, so a text that already held
 * `[[slug]](href)` comes back exactly too.
 */
export function collapseWikiLinks(text: string, target: LinkTarget): string {
  return mapProse(text, (prose) => {
    let out = "";
    let from = 0;
    for (const match of prose.matchAll(WIKI_LINK)) {
      if (match.index < from) continue;
      const end = match.index + match[0].length;
      const href = target(match[1]!);
      const suffix = href === null ? null : `(${href})`;
      out += prose.slice(from, end);
      from = suffix !== null && prose.startsWith(suffix, end) ? end + suffix.length : end;
    }
    return out + prose.slice(from);
  });
}

/** Slugs linked from `texts` that name no pattern in `known`. */
export function brokenWikiLinks(texts: string[], known: ReadonlySet<string>): string[] {
  return [...new Set(texts.flatMap(findWikiLinks))].filter((slug) => !known.has(slug));
}
