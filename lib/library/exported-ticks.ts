// A checklist's ticks in an export: each ticked item's box is written checked (`[x]`) so any
// Markdown viewer shows the tick, and the entry's marker line lists which boxes were ticked that
// way and which ticked items were already written checked, so an import restores both the text
// and the ticks exactly.
import { parseChecklist, taskItems } from "./structure";

export type ExportedTicks = { body: string; ticked: string[]; checked: string[] };

/** The body with the boxes of the ticked items (item keys) checked, and which were changed. */
export function tickBoxes(body: string, ticks: ReadonlySet<string>): ExportedTicks {
  const chars = body.split("");
  const ticked: string[] = [];
  const checked: string[] = [];
  for (const { key, box } of taskItems(parseChecklist(body))) {
    if (!ticks.has(key)) continue;
    if (chars[box] === " ") {
      chars[box] = "x";
      ticked.push(key);
    } else checked.push(key);
  }
  return { body: chars.join(""), ticked, checked };
}

/** The inverse of tickBoxes: the boxes it checked cleared again, and every tick it recorded. */
export function untickBoxes(exported: ExportedTicks): { body: string; ticks: string[] } {
  const ticked = new Set(exported.ticked);
  const chars = exported.body.split("");
  for (const { key, box } of taskItems(parseChecklist(exported.body))) if (ticked.has(key) && chars[box] === "x") chars[box] = " ";
  return { body: chars.join(""), ticks: [...new Set([...exported.ticked, ...exported.checked])] };
}
