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

const BLOCK_START = /^\s*([-*+>|#]|\d+\.\s)/;

/**
 * The report (or one of its sections) as a page shows it: the template's line-by-line blocks (the
 * fetch directives, the error-capture questions) keep their lines, and the title sits below the
 * page's own heading.
 */
export function forDisplay(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | null = null;
  return lines
    .map((line, i) => {
      const marks = /^(`{3,})/.exec(line)?.[1];
      if (marks && (fence === null || line.trim() === fence)) {
        fence = fence === null ? marks : null;
        return line;
      }
      if (fence === null && line.startsWith("# ")) return `#${line}`;
      const next = lines[i + 1];
      if (fence !== null || line.trim() === "" || !next?.trim() || BLOCK_START.test(line) || BLOCK_START.test(next) || /^`{3,}/.test(next))
        return line;
      return `${line}  `;
    })
    .join("\n");
}
