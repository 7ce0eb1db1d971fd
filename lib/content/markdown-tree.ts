// Markdown to an HTML syntax tree (hast), the one pipeline behind the Markdown component and a
// program's HTML strings: GFM, raw HTML shown as text, `[[pattern-slug]]` wiki-links when a
// resolver is given, heading anchors, highlighted code, and unsafe link and image URLs dropped.
// The tree is plain data: it can be kept and read again, and is rendered afresh every time.
import type { Root } from "hast";
import { defaultUrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { MISSING_PREFIX, remarkWikiLinks, type WikiResolver } from "../library/remark-wiki-links";
import { remarkHtmlAsText } from "./remark-html-as-text";

// rehype-highlight builds its highlighter (registering every common grammar, ~20 ms) each time a
// processor is made: build it once for the process.
const highlightTransform = rehypeHighlight({ detect: false });
const highlightCode = () => highlightTransform;

/** The HTML tree of `source`. Raw HTML is text, so links and images are the only URLs in it. */
export function markdownTree(source: string, wikiLinks?: WikiResolver): Root {
  const processor = unified()
    .use(remarkParse)
    .use(wikiLinks ? [remarkGfm, remarkHtmlAsText, [remarkWikiLinks, wikiLinks]] : [remarkGfm, remarkHtmlAsText])
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(highlightCode);
  const tree = processor.runSync(processor.parse(source)) as Root;
  visit(tree, "element", ({ tagName, properties }) => {
    // A wiki-link to a slug no pattern has keeps its marker, for the component to show as missing.
    const href = String(properties.href ?? "");
    if (tagName === "a" && !(wikiLinks && href.startsWith(MISSING_PREFIX))) properties.href = defaultUrlTransform(href);
    else if (tagName === "img") properties.src = defaultUrlTransform(String(properties.src ?? ""));
  });
  return tree;
}
