// Markdown to an HTML syntax tree (hast), the one pipeline behind every rendered text: GFM, raw HTML
// shown as text (never executed), then the app's element rules (element-rules.ts). Texts are shown
// as the tree's HTML string (html.ts).
import type { Root } from "hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
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

/** The key of a text's rendering: the text and everything its links resolve to. */
export function markdownCacheKey(source: string, { links, wikiLinks, inline }: MarkdownOptions): string {
  const wiki = wikiLinks ? JSON.stringify([...source.matchAll(WIKI_LINK)].map((m) => wikiLinks(m[1]!))) : "";
  return [links?.scope ?? "", wiki, inline ? "inline" : "", source].join("\u0000");
}
