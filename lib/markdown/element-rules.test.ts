// The pipeline's element rules, one by one: Markdown in, the HTML both outputs render out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { tableOfContents } from "../content/toc";
import { STYLED_TOKENS } from "./element-rules";
import { markdownHtml } from "./html";
import { buildMarkdownTree, type MarkdownOptions } from "./tree";
import type { WikiResolver } from "./wiki-links";

const html = (source: string, options?: MarkdownOptions) => markdownHtml(source, options);
const resolving = (scope: string, resolve: (href: string) => string | null): MarkdownOptions => ({ links: { scope, resolve } });
const wikiLinks: WikiResolver = (slug) => (slug === "alpha" ? { href: "/patterns/alpha", title: "Alpha pattern" } : null);

describe("raw HTML", () => {
  it("shows placeholders that look like tags as text", () => {
    expect(html("Fill in <how A does it> here.")).toBe("<p>Fill in &#x3C;how A does it> here.</p>");
  });

  it("never emits an element written as HTML, and keeps a block's lines as written", () => {
    const out = html("<script>alert('x')</script>\n\n<div onclick=\"steal()\">html</div>");
    expect(out).toBe("&#x3C;script>alert('x')&#x3C;/script>\n&#x3C;div onclick=\"steal()\">html&#x3C;/div>");
    expect(out).not.toMatch(/<script|<div/);
  });
});

describe("headings", () => {
  it("get anchors from their text, unique within the text", () => {
    expect(html("# Hello World\n\n## Hello World")).toBe('<h1 id="hello-world">Hello World</h1>\n<h2 id="hello-world-1">Hello World</h2>');
  });

  it("take their anchor from the first 100 characters of a long heading, still unique, and keep the whole text", () => {
    const long = `Problem and context ${"long line ".repeat(1_500)}`.trim();
    const out = html(`## ${long}\n\n## ${long}`);
    const ids = [...out.matchAll(/id="([^"]*)"/g)].map((m) => m[1]!);
    const stem = "problem-and-context" + "-long-line".repeat(8);
    expect(ids).toEqual([stem, `${stem}-1`]);
    expect(out).toContain(`>${long}</h2>`);
  });

  it("agree with the table of contents", () => {
    const source = `## Hello *World*\n\n### ${"x".repeat(300)}\n\n## Hello World`;
    const ids = [...html(source).matchAll(/id="([^"]*)"/g)].map((m) => m[1]);
    expect(tableOfContents(source).map((e) => e.id)).toEqual(ids);
  });
});

describe("links", () => {
  const resolve = (href: string) => (href === "missing.md" ? null : href.startsWith("../") ? `/resolved/${href.slice(3)}` : href);

  it("resolve to app routes; external ones open without referrer; unresolvable ones are marked text", () => {
    expect(html("[inside](../modules/x.md) [gone](missing.md) [out](https://example.org) [hash](#top)", resolving("links", resolve))).toBe(
      '<p><a href="/resolved/modules/x.md">inside</a> <span class="text-danger">gone</span> <a href="https://example.org" rel="noreferrer noopener">out</a> <a href="#top">hash</a></p>',
    );
  });

  it("drop unsafe URLs before resolving them", () => {
    const seen: string[] = [];
    const out = html(
      "[js](javascript:alert(1)) [data](data:text/html,x)",
      resolving("unsafe", (href) => (seen.push(href), href)),
    );
    expect(out).toBe('<p><a href="" rel="noreferrer noopener">js</a> <a href="" rel="noreferrer noopener">data</a></p>');
    expect(seen).toEqual(["", ""]);
  });

  it("keep their title and footnote attributes", () => {
    expect(html('[a](/b "T") Text[^1].\n\n[^1]: Note.')).toContain(
      '<a href="/b" title="T">a</a> Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>',
    );
  });
});

describe("images", () => {
  it("resolve and load lazily with an alt text; unresolvable and unsafe ones are left out", () => {
    const resolve = (src: string) => (src === "missing.png" || src === "" ? null : `/files/${src}`);
    expect(html("![pic](img.png) ![gone](missing.png) ![bad](javascript:alert(1)) ![](x.png)", resolving("images", resolve))).toBe(
      '<p><img src="/files/img.png" alt="pic" loading="lazy">   <img src="/files/x.png" alt="" loading="lazy"></p>',
    );
  });
});

describe("list items", () => {
  it("label a task item's checkbox with its text; other items stay as they are", () => {
    expect(html("- [ ] open\n- [x] done\n- plain")).toBe(
      '<ul class="contains-task-list">\n' +
        '<li class="task-list-item"><label><input type="checkbox" disabled> open</label></li>\n' +
        '<li class="task-list-item"><label><input type="checkbox" checked disabled> done</label></li>\n' +
        "<li>plain</li>\n</ul>",
    );
  });
});

describe("code blocks", () => {
  it("are reachable by keyboard and highlighted when they name their language", () => {
    expect(html("```js\nconst a = 1;\n```\n\n```\nplain\n```")).toBe(
      '<pre tabindex="0"><code class="hljs language-js"><span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;\n</code></pre>\n' +
        '<pre tabindex="0"><code>plain\n</code></pre>',
    );
  });

  it("keep the spans of coloured tokens only, the rest as one text", () => {
    // JSON's punctuation is a token highlight.js marks and globals.css does not colour.
    const out = html('```json\n{"a": [1, "b"]}\n```');
    expect(out).toBe(
      '<pre tabindex="0"><code class="hljs language-json">{<span class="hljs-attr">"a"</span>: [<span class="hljs-number">1</span>, <span class="hljs-string">"b"</span>]}\n</code></pre>',
    );
    const tree = buildMarkdownTree('```json\n{"a": [1]}\n```', {});
    visit(tree, "element", (node) => {
      const texts = node.children.map((child) => child.type);
      expect(texts.some((type, i) => type === "text" && texts[i + 1] === "text")).toBe(false);
    });
  });

  it("colour every token class they keep, and keep every class the stylesheet colours", () => {
    const css = readFileSync(path.resolve("app/globals.css"), "utf8");
    const coloured = new Set([...css.matchAll(/\.(hljs-[\w-]+)/g)].map((m) => m[1]!));
    expect([...STYLED_TOKENS].sort()).toEqual([...coloured].sort());
  });
});

describe("tables", () => {
  it("scroll in their own labelled region, with no whitespace between their parts", () => {
    expect(html("| a | b |\n|---|:-:|\n| `x` | <b>c</b> |")).toBe(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table><thead><tr><th>a</th><th align="center">b</th></tr></thead>' +
        '<tbody><tr><td><code>x</code></td><td align="center">&#x3C;b>c&#x3C;/b></td></tr></tbody></table></div>',
    );
  });
});

describe("inline", () => {
  it("has no paragraphs, at the top or in lists", () => {
    expect(html("a *b*\n\nc", { inline: true })).toBe("a <em>b</em>\nc");
    expect(html("- one\n\n- two", { inline: true })).toBe("<ul>\n<li>\none\n</li>\n<li>\ntwo\n</li>\n</ul>");
  });
});

describe("wiki-links", () => {
  it("link known patterns by title and mark unknown ones missing", () => {
    expect(html("See [[alpha]] and [[gone]].", { wikiLinks })).toBe(
      '<p>See <a href="/patterns/alpha">Alpha pattern</a> and <span class="text-danger underline decoration-wavy" title="No pattern has the slug gone">[[gone]] (missing)</span>.</p>',
    );
  });

  it("leave code and existing links alone, and work in headings (anchored by the title), lists and tables", () => {
    expect(html("`[[alpha]]`\n\n[text [[alpha]]](https://example.com)", { wikiLinks })).toBe(
      '<p><code>[[alpha]]</code></p>\n<p><a href="https://example.com" rel="noreferrer noopener">text [[alpha]]</a></p>',
    );
    expect(html("# See [[alpha]]\n\n- [ ] check [[alpha]]\n\n| a |\n|---|\n| [[alpha]] |", { wikiLinks })).toBe(
      '<h1 id="see-alpha-pattern">See <a href="/patterns/alpha">Alpha pattern</a></h1>\n' +
        '<ul class="contains-task-list">\n<li class="task-list-item"><label><input type="checkbox" disabled> check <a href="/patterns/alpha">Alpha pattern</a></label></li>\n</ul>\n' +
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table><thead><tr><th>a</th></tr></thead><tbody><tr><td><a href="/patterns/alpha">Alpha pattern</a></td></tr></tbody></table></div>',
    );
  });

  it("stay text without a resolver", () => {
    expect(html("[[alpha]]")).toBe("<p>[[alpha]]</p>");
  });
});
