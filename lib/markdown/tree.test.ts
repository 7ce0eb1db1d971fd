// Keeping trees: a text is parsed once per way its links resolve, and what it resolves to is part
// of what is kept.
import { describe, expect, it } from "vitest";
import { markdownHtml } from "./html";
import { markdownTree } from "./tree";

describe("markdownTree", () => {
  it("parses a text once and then answers from memory, HTML included", () => {
    let calls = 0;
    const resolve = (href: string) => {
      calls++;
      return href;
    };
    const first = markdownHtml("[a](b.md)", { links: { scope: "memo", resolve } });
    expect(markdownHtml("[a](b.md)", { links: { scope: "memo", resolve } })).toBe(first);
    expect(calls).toBe(1);
    expect(markdownTree("[a](b.md)", { links: { scope: "memo", resolve } })).toBe(markdownTree("[a](b.md)", { links: { scope: "memo", resolve } }));
  });

  it("keeps a tree per resolver scope, per inline mode and per what the wiki-links resolve to", () => {
    const source = "[[alpha]] [a](b.md)";
    expect(markdownHtml(source, { links: { scope: "one", resolve: () => "/one" } })).toContain('href="/one"');
    expect(markdownHtml(source, { links: { scope: "two", resolve: () => "/two" } })).toContain('href="/two"');
    expect(markdownTree(source, { inline: true })).not.toBe(markdownTree(source));
    const titled = (title: string) => markdownHtml(source, { wikiLinks: () => ({ href: "/patterns/alpha", title }) });
    expect(titled("Old title")).toContain(">Old title</a>");
    expect(titled("New title")).toContain(">New title</a>");
  });
});
