// SVG markup as a string. A chart is sent as one value the page carries, instead of an element per
// line, dot and label that React would walk, serialize and hydrate on every request. Text and
// attribute values are escaped here; markup passed as a child is trusted as built by `svg`.

type Value = string | number | undefined;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for SVG markup: `&`, `<`, `>` and `"` as entities. */
export function svgText(text: string | number): string {
  return String(text).replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** An element with its attributes (an undefined one is left out) and its children's markup. */
export function svg(tag: string, attributes: Record<string, Value>, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${svgText(value)}"`)
    .join("");
  return `<${tag}${attrs}>${children.join("")}</${tag}>`;
}
