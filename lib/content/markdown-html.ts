// A program's Markdown rendered to an HTML string, once per text: the same output as the
// Markdown component (the same tree from markdown-tree.ts, with the component's links resolved
// to app routes and its element choices), but sent as one string instead of an element tree
// that React would walk again on every request.
import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { lruMemo } from "../lru";
import { markdownTree } from "./markdown-tree";

type Resolve = (href: string) => string | null;

// React drops whitespace between table parts (it would be invalid DOM); so does this renderer.
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

const element = (tagName: string, properties: Element["properties"], children: ElementContent[]): Element => ({ type: "element", tagName, properties, children });

/** The Markdown component's element choices, applied to the HTML tree. */
function adjust(tree: Root, resolve: Resolve): void {
  visit(tree, "element", (node) => {
    if (TABLE_PARTS.has(node.tagName)) node.children = node.children.filter((child) => child.type !== "text" || child.value.trim() !== "");
  });
  visit(tree, "element", (node, index, parent) => {
    if (!parent || index === undefined) return;
    const { properties } = node;
    if (node.tagName === "a") {
      const target = resolve(String(properties.href ?? ""));
      if (target === null) parent.children[index] = element("span", { className: ["text-danger"] }, node.children);
      else properties.href = target;
      if (target !== null && !target.startsWith("/") && !target.startsWith("#")) properties.rel = ["noreferrer", "noopener"];
    } else if (node.tagName === "img") {
      const target = typeof properties.src === "string" ? resolve(properties.src) : null;
      if (!target) {
        parent.children.splice(index, 1);
        return index;
      }
      Object.assign(properties, { src: target, alt: properties.alt ?? "", loading: "lazy" });
    } else if (node.tagName === "li" && String(properties.className ?? "").includes("task-list-item")) {
      node.children = [element("label", {}, node.children)];
    } else if (node.tagName === "pre") {
      properties.tabIndex = 0;
    }
    return undefined;
  });
  visit(tree, "element", (node, index, parent) => {
    if (node.tagName !== "table" || !parent || index === undefined) return undefined;
    parent.children[index] = element("div", { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: "Table" }, [node]);
    return "skip";
  });
}

const remembered = lruMemo<string>(1000);

/** The HTML of `source`, links resolved by `resolve`; kept under `key` (which must name how links resolve). */
export function contentHtml(key: string, source: string, resolve: Resolve): string {
  return remembered(`${key}\u0000${source}`, () => {
    const tree = markdownTree(source);
    adjust(tree, resolve);
    return toHtml(tree);
  });
}
