// Titles in exported Markdown render as their text in a CommonMark/GFM renderer with raw HTML on
// (as GitHub renders before sanitizing), in a heading and as a link's text, and read back exactly.
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { escapeTitle, unescapeTitle } from "./markdown-text";

const TITLES = [
  "Plain title",
  "<b>bold</b>",
  "<!-- hidden --> after",
  "<script>alert(1)</script>",
  "[link](x.md)",
  "[[alpha]]",
  "![img](y.png)",
  "[^1] footnote",
  "*em* and **strong** and _u_",
  "~~struck~~",
  "`code` and ``more``",
  "# leading hash",
  "Closing hashes ##",
  "C# and #tag",
  "back\\slash \\* \\",
  "&amp; &lt; &#96; &copy",
  "50% and %%comment%%",
  "$5 and $x$",
  "1. not a list",
  "- not a list",
  "> not a quote",
  "a | b | c",
  "Ünïcödé 😀 日本語",
  "http://example.com/x_y_z and HTTPS://x.org",
  "www.example.com and WWW.x.org",
  "Ask ada@example.com",
];

const html = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const encode = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("titles in exported Markdown", () => {
  it.each(TITLES)("%j renders as text in a heading and a link, and reads back", (title) => {
    expect(html(`# ${escapeTitle(title)}`)).toBe(`<h1>${encode(title)}</h1>`);
    expect(html(`- [${escapeTitle(title)}](x.md)`)).toBe(`<ul>\n<li><a href="x.md">${encode(title)}</a></li>\n</ul>`);
    expect(unescapeTitle(escapeTitle(title))).toBe(title);
  });
});
