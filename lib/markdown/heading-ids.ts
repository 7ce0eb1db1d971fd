// Anchor ids for headings, GitHub's way (lower case, punctuation dropped, spaces to hyphens, a
// number added to repeats) from the words in the first 100 characters of the heading's text: a
// heading written as one very long line gets an id a person can still link to, and the page
// does not carry its text a second time in the id.
import type { Element, ElementContent, Root } from "hast";
import GithubSlugger from "github-slugger";
import { visit } from "unist-util-visit";

const ID_TEXT_LIMIT = 100;

/** A long heading's first words, up to ID_TEXT_LIMIT characters (a word longer than that is cut). */
function idText(text: string): string {
  if (text.length <= ID_TEXT_LIMIT) return text;
  const head = text.slice(0, ID_TEXT_LIMIT + 1);
  const words = head.replace(/\s+\S*$/, "");
  return words.length > 0 && words !== head ? words : text.slice(0, ID_TEXT_LIMIT);
}

/** The id for a heading with text `text`; `slugger` numbers repeats within one text. */
export const headingId = (slugger: GithubSlugger, text: string): string => slugger.slug(idText(text));

const HEADING = /^h[1-6]$/;

/** A node's text, as a browser's textContent gives it. */
function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

/** Gives every heading of `tree` that has no id one (the ids' counter starts afresh for each tree). */
export function addHeadingIds(tree: Root): void {
  const slugger = new GithubSlugger();
  visit(tree, "element", (node: Element) => {
    if (HEADING.test(node.tagName) && !node.properties.id) node.properties.id = headingId(slugger, node.children.map(textOf).join(""));
  });
}
