// Small Markdown builders for generated reports: safe table cells, fences that survive any
// content, and the explicit "no data" marker for a template placeholder with nothing to fill.
export function cell(text: string): string {
  const flat = text
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  return flat === "" ? "—" : flat;
}

export function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

/** A fenced block whose fence is longer than any backtick run inside the text. */
export function fence(text: string, info = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${info}\n${text.replace(/\n+$/, "")}\n${marks}`;
}

export function noData(why: string): string {
  return `_No data: ${why}_`;
}

/** One line of prose from any text (for list items and quotes). */
export function oneLine(text: string, max = 240): string {
  const flat = text.replace(/\s*\n\s*/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
