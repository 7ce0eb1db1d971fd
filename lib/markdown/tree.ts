// Markdown to an HTML syntax tree (hast), the one pipeline behind every rendered text: GFM, raw HTML
// shown as text (never executed), then the app's element rules (element-rules.ts). On the server
// the trees of recent texts are kept: a tree is plain data that nothing changes after it is built,
// and each render turns it into HTML or React elements afresh (html.ts, components/markdown).
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

function build(source: string, { links, wikiLinks, inline }: MarkdownOptions): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Raw HTML becomes text as written: an author's `<placeholder>` stays visible.
    .use(remarkRehype, { handlers: { html: (state, node, parent) => state.handlers.text!(state, { ...node, type: "text" }, parent) } })
    .use(rehypeElementRules, { resolveHref: links?.resolve, wikiLinks, inline });
  return processor.runSync(processor.parse(source));
}

// Bounded by the length of the texts kept (a tree takes about 20 bytes of memory per character of
// its text): 2 million characters hold the whole bundled program and the learners' texts most
// recently shown, about 40 MB, however many learners the server has.
const remembered = lruMemo<Root>(2_000_000, (key) => key.length);

/** The key of a text's tree: the text and everything its links resolve to. */
function cacheKey(source: string, { links, wikiLinks, inline }: MarkdownOptions): string {
  const wiki = wikiLinks ? JSON.stringify([...source.matchAll(WIKI_LINK)].map((m) => wikiLinks(m[1]!))) : "";
  return [links?.scope ?? "", wiki, inline ? "inline" : "", source].join("\u0000");
}

/** The HTML tree of `source`; never change it, it may be shared. */
export function markdownTree(source: string, options: MarkdownOptions = {}): Root {
  // In the browser (the editors' live previews) every keystroke is a new text: nothing to keep.
  if (typeof window !== "undefined") return build(source, options);
  return remembered(cacheKey(source, options), () => build(source, options));
}
