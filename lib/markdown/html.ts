// A Markdown text as an HTML string: for program content, whose links resolve the same way on
// every request. The string is kept, not the tree it is made from (a tenth of the memory), up to
// a total length of the texts: 2 million characters hold every bundled program's text.
import { toHtml } from "hast-util-to-html";
import { lruMemo } from "../lru";
import { buildMarkdownTree, markdownCacheKey, type MarkdownOptions } from "./tree";

const kept = lruMemo<string>(2_000_000, (key) => key.length);

export function markdownHtml(source: string, options: MarkdownOptions = {}): string {
  return kept(markdownCacheKey(source, options), () => toHtml(buildMarkdownTree(source, options)));
}
