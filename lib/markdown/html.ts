// A Markdown text as an HTML string, from the pipeline's kept tree (tree.ts): for program content,
// whose links resolve the same way on every request.
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { markdownTree, type MarkdownOptions } from "./tree";

// The string of a kept tree is kept with it, and goes when the tree does.
const serialized = new WeakMap<Root, string>();

export function markdownHtml(source: string, options: MarkdownOptions = {}): string {
  const tree = markdownTree(source, options);
  let html = serialized.get(tree);
  if (html === undefined) {
    html = toHtml(tree);
    serialized.set(tree, html);
  }
  return html;
}
