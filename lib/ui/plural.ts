// Counts in words: "1 module", "2 modules", "0 modules", with the noun in the form English
// uses for that number (Intl.PluralRules), so no text reads "1 exercises" or "module(s)".
const rules = new Intl.PluralRules("en");

/** The noun for a count: `one` for a plural category of "one", otherwise `other` (by default `one` + "s"). */
export function nounFor(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === "one" ? one : other;
}

/** A count followed by its noun: `count(1, "module")` → "1 module", `count(3, "entry", "entries")` → "3 entries". */
export function count(n: number, one: string, other?: string): string {
  return `${n} ${nounFor(n, one, other)}`;
}

/** A span of numbers, `3–12`, or one number when it begins where it ends. */
export function span(first: number, last: number): string {
  const at = (n: number) => n.toLocaleString("en");
  return first === last ? at(first) : `${at(first)}–${at(last)}`;
}

/**
 * Which items of a list a page shows, counted from 1: `itemsShown(3, 12, 239, "entry", "entries")` →
 * "Entries 3–12 of 239", a single item as "Entry 15 of 239"; without a noun, "3–12 of 239" or
 * "15 of 239".
 */
export function itemsShown(first: number, last: number, total: number, one?: string, other?: string): string {
  const numbers = `${span(first, last)} of ${total.toLocaleString("en")}`;
  if (one === undefined) return numbers;
  const noun = nounFor(last - first + 1, one, other);
  return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${numbers}`;
}
