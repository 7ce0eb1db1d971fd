// A Markdown text as an HTML string, the one form every text is shown in: a program's content and
// learners' texts alike. A page sends an HTML string as one value instead of an element per node
// that React would walk, serialize and render again on every request. On the server the strings
// are kept, up to a total length of the texts: 3 million characters hold every bundled program's
// text and the learners' texts most recently shown, about 15 MB, however many learners there are.
import { toHtml } from "hast-util-to-html";
import { lruMemo } from "../lru";
import { buildMarkdownTree, markdownCacheKey, type MarkdownOptions } from "./tree";

const kept = lruMemo<string>(3_000_000, (key) => key.length);

export function markdownHtml(source: string, options: MarkdownOptions = {}): string {
  const build = () => toHtml(buildMarkdownTree(source, options));
  // In the browser (the editors' live previews) every keystroke is a new text: nothing to keep.
  if (typeof window !== "undefined") return build();
  return kept(markdownCacheKey(source, options), build);
}
