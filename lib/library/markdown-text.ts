// A title written into exported Markdown (a heading, a link's text) so that every Markdown
// renderer shows it as text: no HTML, comment, emphasis, link, code, heading closer, autolink,
// Obsidian tag, comment or math. Reading it back gives the exact title.

/** Markdown punctuation, `@` (e-mail autolinks), `:` of `://` and `.` of `www.` (GFM autolinks). */
const ESCAPED = /[\\[\]*_<>&~#%$@]|:(?=\/\/)|(?<=www)\./gi;

/** The title with those characters backslash-escaped, and backticks as `&#96;` (code spans stay unambiguous). */
export function escapeTitle(title: string): string {
  return title.replace(ESCAPED, "\\$&").replaceAll("`", "&#96;");
}

/** The inverse of escapeTitle: `\x` → `x`, `&#96;` → a backtick. */
export function unescapeTitle(text: string): string {
  return text.replace(/\\([\\[\]*_<>&~#%$@:.])|&#96;/g, (_whole, escaped: string | undefined) => escaped ?? "`");
}
