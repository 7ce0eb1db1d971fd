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
