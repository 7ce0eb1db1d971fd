// A remark plugin that turns `[[pattern-slug]]` in text into a link to the pattern, or into a
// link marked missing (rendered as a broken link) when no pattern has that slug.
type Node = { type: string; value?: string; url?: string; children?: Node[]; data?: Record<string, unknown> };

export type WikiTarget = { href: string; title: string };
export type WikiResolver = (slug: string) => WikiTarget | null;

/** `[[pattern-slug]]`: a wiki-link to the pattern with that slug. */
export const WIKI_LINK = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g;

/** The href of a wiki-link to a missing pattern; the Markdown renderer shows it as broken. */
export const MISSING_PREFIX = "wiki-missing:";

function split(value: string, resolve: WikiResolver): Node[] {
  const out: Node[] = [];
  let from = 0;
  for (const match of value.matchAll(WIKI_LINK)) {
    if (match.index > from) out.push({ type: "text", value: value.slice(from, match.index) });
    const slug = match[1]!;
    const target = resolve(slug);
    out.push(
      target
        ? { type: "link", url: target.href, children: [{ type: "text", value: target.title }] }
        : { type: "link", url: `${MISSING_PREFIX}${slug}`, children: [{ type: "text", value: match[0] }] },
    );
    from = match.index + match[0].length;
  }
  if (from < value.length) out.push({ type: "text", value: value.slice(from) });
  return out;
}

function convert(node: Node, resolve: WikiResolver): void {
  if (!node.children || node.type === "link" || node.type === "linkReference") return;
  node.children = node.children.flatMap((child) =>
    child.type === "text" && child.value?.includes("[[") ? split(child.value, resolve) : [child],
  );
  node.children.forEach((child) => convert(child, resolve));
}

export function remarkWikiLinks(resolve: WikiResolver) {
  return (tree: Node) => convert(tree, resolve);
}
