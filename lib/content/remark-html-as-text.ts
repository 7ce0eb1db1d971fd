// A remark plugin that shows raw HTML in Markdown as literal text: nothing is executed, and
// an author's `<placeholder>` stays visible instead of vanishing as an unknown tag.
type Node = { type: string; value?: string; children?: Node[] };

function convert(node: Node): void {
  if (node.type === "html") node.type = "text";
  node.children?.forEach(convert);
}

export function remarkHtmlAsText() {
  return (tree: Node) => convert(tree);
}
