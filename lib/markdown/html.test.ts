// Keeping HTML: a text is parsed once per way its links resolve, and what it resolves to is part
// of what is kept.
import { describe, expect, it } from "vitest";
import { markdownHtml } from "./html";

describe("markdownHtml", () => {
  it("parses a text once and then answers from memory", () => {
    let calls = 0;
    const resolve = (href: string) => {
      calls++;
      return href;
    };
    const first = markdownHtml("[a](b.md)", { links: { scope: "memo", resolve } });
    expect(markdownHtml("[a](b.md)", { links: { scope: "memo", resolve } })).toBe(first);
    expect(calls).toBe(1);
  });

  it("keeps a string per resolver scope, per inline mode and per what the wiki-links resolve to", () => {
    const source = "[[alpha]] [a](b.md)";
    expect(markdownHtml(source, { links: { scope: "one", resolve: () => "/one" } })).toContain('href="/one"');
    expect(markdownHtml(source, { links: { scope: "two", resolve: () => "/two" } })).toContain('href="/two"');
    expect(markdownHtml(source, { inline: true })).not.toBe(markdownHtml(source));
    const titled = (title: string) => markdownHtml(source, { wikiLinks: () => ({ href: "/patterns/alpha", title }) });
    expect(titled("Old title")).toContain(">Old title</a>");
    expect(titled("New title")).toContain(">New title</a>");
  });
});
