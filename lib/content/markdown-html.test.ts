import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/markdown";
import { loadContent } from "./loader";
import { resolveContentHref } from "./links";
import { contentHtml } from "./markdown-html";

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** The two serializers escape differently (`&lt;` or `&#x3C;`, `<img/>` or `<img>`): compare what they mean. */
const canonical = (html: string) =>
  html
    .replace(/<([a-z][a-z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g, (_, tag: string, attributes: string) => {
      const sorted = [...attributes.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => (value ? `${name}="${value}"` : name!)).sort();
      return `<${[tag, ...sorted].join(" ")}>`;
    })
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => NAMED[name]!);
const viaComponent = (source: string, resolve: (href: string) => string | null) =>
  canonical(renderToStaticMarkup(createElement(Markdown, { source, resolveHref: resolve })).replace(/^<div class="prose ">|<\/div>$/g, ""));
const viaString = (key: string, source: string, resolve: (href: string) => string | null) => canonical(contentHtml(key, source, resolve));

describe("contentHtml", () => {
  it("renders every bundled text exactly as the Markdown component does", () => {
    const content = loadContent(path.resolve("content"));
    let texts = 0;
    for (const program of content.programs) {
      const files = [
        { file: program.file, source: program.body },
        ...program.modules.flatMap((mod) => [{ file: mod.file, source: mod.body }, ...mod.exercises.flatMap((e) => Object.values(e.parts).flat().filter((source) => typeof source === "string").map((source) => ({ file: e.file, source })))]),
      ];
      for (const { file, source } of files) {
        const resolve = (href: string) => resolveContentHref(program, file, href);
        expect(viaString(`${program.slug}:${file}`, source, resolve), file).toBe(viaComponent(source, resolve));
        texts++;
      }
    }
    expect(texts).toBeGreaterThan(40);
  });

  const hostile = [
    "# Title\n\n[inside](../modules/x.md) [gone](missing.md) [out](https://example.org) [js](javascript:alert(1)) [data](data:text/html,x)",
    "<script>alert('x')</script>\n\n<div onclick=\"steal()\">html</div>\n\n![pic](img.png) ![bad](javascript:alert(1))",
    "- [ ] open\n- [x] done\n\n| a | b |\n|---|---|\n| `x|y` | <b>c</b> |\n\n```js\nconst a = 1;\n```",
  ];
  it("matches the component on hostile Markdown: raw HTML as text, unsafe URLs dropped, links resolved", () => {
    const resolve = (href: string) => (href === "missing.md" ? null : href.startsWith("../") ? `/resolved/${href.slice(3)}` : href);
    for (const source of hostile) expect(viaString(`hostile:${source}`, source, resolve)).toBe(viaComponent(source, resolve));
    const html = contentHtml(`hostile:${hostile[1]!}`, hostile[1]!, resolve);
    expect(html).toContain("&#x3C;script>");
    expect(html).not.toMatch(/<script|<div|javascript:/);
  });

  it("renders a text once and then answers from memory", () => {
    let calls = 0;
    const resolve = (href: string) => {
      calls++;
      return href;
    };
    const first = contentHtml("memo", "[a](b.md)", resolve);
    expect(contentHtml("memo", "[a](b.md)", resolve)).toBe(first);
    expect(calls).toBe(1);
  });
});
