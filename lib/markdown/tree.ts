// Markdown to an HTML syntax tree (hast), the one pipeline behind every rendered text: GFM, raw HTML
// shown as text (never executed), then the app's element rules (element-rules.ts). On the server
// the trees of the texts most recently shown as React elements are kept (components/markdown): a
// tree is plain data that nothing changes after it is built, and each render turns it into
// elements afresh. Program content is kept as its HTML string instead (html.ts).
import type { Root } from "hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { lruMemo } from "../lru";
import { rehypeElementRules, type ResolveHref } from "./element-rules";
import { WIKI_LINK, type WikiResolver } from "./wiki-links";

export type MarkdownOptions = {
  /** How links and images resolve, and a `scope` that names the resolver (program and file). */
  links?: { scope: string; resolve: ResolveHref };
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as missing. */
  wikiLinks?: WikiResolver;
  /** One line of Markdown inside other text: no paragraphs. */
  inline?: boolean;
};

/** The HTML tree of `source`, built afresh. */
export function buildMarkdownTree(source: string, { links, wikiLinks, inline }: MarkdownOptions): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Raw HTML becomes text as written: an author's `<placeholder>` stays visible.
    .use(remarkRehype, { handlers: { html: (state, node, parent) => state.handlers.text!(state, { ...node, type: "text" }, parent) } })
    .use(rehypeElementRules, { resolveHref: links?.resolve, wikiLinks, inline });
  return processor.runSync(processor.parse(source));
}

// Bounded by the length of the texts kept (a tree takes about 20 bytes of memory per character of
// its text): half a million characters hold the learners' texts most recently shown, about 10 MB,
// however many learners the server has.
const remembered = lruMemo<Root>(500_000, (key) => key.length);

/** The key of a text's rendering: the text and everything its links resolve to. */
export function markdownCacheKey(source: string, { links, wikiLinks, inline }: MarkdownOptions): string {
  const wiki = wikiLinks ? JSON.stringify([...source.matchAll(WIKI_LINK)].map((m) => wikiLinks(m[1]!))) : "";
  return [links?.scope ?? "", wiki, inline ? "inline" : "", source].join("\u0000");
}

/** The HTML tree of `source`; never change it, it may be shared. */
export function markdownTree(source: string, options: MarkdownOptions = {}): Root {
  // In the browser (the editors' live previews) every keystroke is a new text: nothing to keep.
  if (typeof window !== "undefined") return buildMarkdownTree(source, options);
  return remembered(markdownCacheKey(source, options), () => buildMarkdownTree(source, options));
}
