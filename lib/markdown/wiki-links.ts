// The `[[pattern-slug]]` wiki-link syntax, and the step of the Markdown pipeline that turns each one
// in an HTML tree's text into a link to the pattern, or into text marked missing when no pattern
// has that slug. Code and the text of existing links are left alone.
import type { Element, ElementContent, Root, Text } from "hast";

type WikiTarget = { href: string; title: string };
export type WikiResolver = (slug: string) => WikiTarget | null;

/** `[[pattern-slug]]`: a wiki-link to the pattern with that slug. */
export const WIKI_LINK = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g;

const text = (value: string): Text => ({ type: "text", value });

function link(slug: string, written: string, resolve: WikiResolver): Element {
  const target = resolve(slug);
  return target
    ? { type: "element", tagName: "a", properties: { href: target.href }, children: [text(target.title)] }
    : {
        type: "element",
        tagName: "span",
        properties: { className: ["text-danger", "underline", "decoration-wavy"], title: `No pattern has the slug ${slug}` },
        children: [text(written), text(" (missing)")],
      };
}

function split(value: string, resolve: WikiResolver): ElementContent[] {
  const out: ElementContent[] = [];
  let from = 0;
  for (const match of value.matchAll(WIKI_LINK)) {
    if (match.index > from) out.push(text(value.slice(from, match.index)));
    out.push(link(match[1]!, match[0], resolve));
    from = match.index + match[0].length;
  }
  if (from < value.length) out.push(text(value.slice(from)));
  return out;
}

/** Replaces the wiki-links in the text of `node` and its descendants, outside code and links. */
export function linkWikiLinks(node: Root | Element, resolve: WikiResolver): void {
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && child.value.includes("[[")) return split(child.value, resolve);
    if (child.type === "element" && child.tagName !== "a" && child.tagName !== "code") linkWikiLinks(child, resolve);
    return [child];
  }) as typeof node.children;
}
