// The app's rules for the HTML tree of a Markdown text, as one rehype plugin: wiki-links, heading
// anchors, highlighted code, unsafe URLs dropped, links and images resolved to what the app serves,
// task items labelled, code blocks and tables reachable by keyboard, and (inline) no paragraphs.
import type { Element, ElementContent, Root } from "hast";
import { defaultUrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import type { Transformer } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { addHeadingIds } from "./heading-ids";
import { linkWikiLinks, type WikiResolver } from "./wiki-links";

/** Maps an href or image src written in the source to the URL the app serves, or null (no link). */
export type ResolveHref = (href: string) => string | null;

type ElementRules = {
  resolveHref?: ResolveHref;
  /** Turns `[[pattern-slug]]` into a link to the pattern; unknown slugs show as missing. */
  wikiLinks?: WikiResolver;
  /** One line of Markdown inside other text: no paragraphs. */
  inline?: boolean;
};

// rehype-highlight builds its highlighter (registering every common grammar, ~20 ms) each time
// it is set up: build it once for the process.
const highlight = rehypeHighlight({ detect: false });

/** The highlight.js classes that globals.css colours; a span of any other class styles nothing. */
export const STYLED_TOKENS = new Set([
  "hljs-comment",
  "hljs-quote",
  "hljs-keyword",
  "hljs-selector-tag",
  "hljs-built_in",
  "hljs-meta",
  "hljs-string",
  "hljs-attr",
  "hljs-symbol",
  "hljs-addition",
  "hljs-number",
  "hljs-literal",
  "hljs-variable",
  "hljs-template-variable",
  "hljs-title",
  "hljs-section",
  "hljs-name",
  "hljs-deletion",
]);

/**
 * Highlighted tokens whose class colours nothing become their bare text, joined to the text beside
 * them: a page sends each span twice (markup and React payload).
 */
function dropUnstyledTokens(tree: Root): void {
  const changed = new Set<Element>();
  visit(tree, "element", (node, index, parent) => {
    if (parent?.type !== "element" || index === undefined || node.tagName !== "span") return undefined;
    const classes = (node.properties.className ?? []) as string[];
    if (!classes.some((c) => c.startsWith("hljs-")) || classes.some((c) => STYLED_TOKENS.has(c))) return undefined;
    parent.children.splice(index, 1, ...node.children);
    changed.add(parent);
    return [SKIP, index];
  });
  for (const parent of changed) {
    parent.children = parent.children.reduce<ElementContent[]>((joined, child) => {
      const last = joined.at(-1);
      if (last?.type === "text" && child.type === "text") joined[joined.length - 1] = { type: "text", value: last.value + child.value };
      else joined.push(child);
      return joined;
    }, []);
  }
}

// Whitespace between table parts is no content of a table (React, which renders elements, drops
// it): the tree keeps none, so a table's HTML holds its rows and cells only.
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

const element = (tagName: string, properties: Element["properties"], children: ElementContent[]): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

/** Links and images to what the app serves: unsafe URLs dropped, unresolvable links shown as text. */
function resolveUrls(tree: Root, resolve: ResolveHref): void {
  visit(tree, "element", (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const { properties } = node;
    if (node.tagName === "a") {
      const target = resolve(defaultUrlTransform(String(properties.href ?? "")));
      if (target === null) parent.children[index] = element("span", { className: ["text-danger"] }, node.children);
      else properties.href = target;
      if (target !== null && !target.startsWith("/") && !target.startsWith("#")) properties.rel = ["noreferrer", "noopener"];
    } else if (node.tagName === "img") {
      const target = resolve(defaultUrlTransform(String(properties.src ?? "")));
      if (!target) {
        parent.children.splice(index, 1);
        return index;
      }
      Object.assign(properties, { src: target, alt: properties.alt ?? "", loading: "lazy" });
    }
    return undefined;
  });
}

/** Task items, code blocks, tables and (inline) paragraphs. */
function shapeBlocks(tree: Root, inline: boolean): void {
  visit(tree, "element", (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (TABLE_PARTS.has(node.tagName)) node.children = node.children.filter((child) => child.type !== "text" || child.value.trim() !== "");
    if (node.tagName === "li" && String(node.properties.className ?? "").includes("task-list-item")) {
      // A GFM task item: the label ties the checkbox to its text for assistive technology.
      node.children = [element("label", {}, node.children)];
    } else if (node.tagName === "pre") {
      node.properties.tabIndex = 0;
    } else if (node.tagName === "table") {
      parent.children[index] = element("div", { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: "Table" }, [node]);
    } else if (node.tagName === "p" && inline) {
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    return undefined;
  });
}

export function rehypeElementRules({ resolveHref = (href) => href, wikiLinks, inline = false }: ElementRules): Transformer<Root> {
  return (tree, file) => {
    if (wikiLinks) linkWikiLinks(tree, wikiLinks);
    addHeadingIds(tree);
    highlight(tree, file);
    dropUnstyledTokens(tree);
    resolveUrls(tree, resolveHref);
    shapeBlocks(tree, inline);
  };
}
