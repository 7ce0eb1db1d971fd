// The Markdown component rendered the way Next.js renders a page: React Server Components
// serialize the tree (the Flight payload), which is decoded and rendered to HTML. The same text
// shown twice on one page must render twice, even when it renders to nothing.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough, type Readable, type Writable } from "node:stream";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { EntryBody } from "@/components/library/entry-body";
import { PatternSections } from "@/components/library/pattern-sections";
import { Markdown } from "@/components/markdown/markdown";
import type { WikiResolver } from "@/lib/markdown/wiki-links";
import { FRAGMENTS, prng } from "@/lib/library/sample-library";
import { PATTERN_SECTIONS, PLAYBOOK_KINDS, type SectionKey } from "@/lib/library/schema";

// A client component cannot run inside the server renderer here; an anchor marked as the app's
// Link stands in for it.
vi.mock("@/components/ui/link", async () => {
  const { createElement } = await import("react");
  return {
    Link: ({ href, children, ...props }: { href: string; children: ReactNode }) =>
      createElement("a", { href, "data-next-link": "", ...props }, children),
  };
});

type FlightServer = {
  renderToPipeableStream: (
    model: ReactNode,
    manifest: object,
    options: { onError: (error: unknown) => void },
  ) => { pipe: (to: Writable) => void };
};
type FlightClient = {
  createFromNodeStream: (from: Readable, manifest: { moduleMap: object; serverModuleMap: null; moduleLoading: null }) => Promise<ReactNode>;
};

const require = createRequire(import.meta.url);

/** React's server-components renderer, as Next.js bundles it: with the "react-server" build of React. */
function loadFlightServer(): FlightServer {
  const reactPath = require.resolve("react");
  require(reactPath);
  const clientReact = require.cache[reactPath]!;
  require.cache[reactPath] = {
    ...clientReact,
    exports: require("next/dist/compiled/react/react.react-server.js") as unknown,
  } as NodeJS.Module;
  try {
    return require("next/dist/compiled/react-server-dom-webpack/server.node.js") as FlightServer;
  } finally {
    require.cache[reactPath] = clientReact;
  }
}
const { renderToPipeableStream } = loadFlightServer();
const { createFromNodeStream } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as FlightClient;

/** The HTML of `page` rendered as a Next.js page is: server components, their payload, then HTML. */
async function renderPage(page: ReactNode): Promise<string> {
  const errors: unknown[] = [];
  const payload = new PassThrough();
  renderToPipeableStream(page, {}, { onError: (error) => errors.push(error) }).pipe(payload);
  const tree = await createFromNodeStream(payload, { moduleMap: {}, serverModuleMap: null, moduleLoading: null });
  if (errors.length > 0) throw errors[0];
  return renderToStaticMarkup(tree);
}

/** Renders `part()` alone, then twice on one page: the page must be the part's HTML twice. */
async function expectRendersTwice(part: () => ReactNode): Promise<void> {
  const once = await renderPage(<>{part()}</>);
  await expect(
    renderPage(
      <>
        {[part(), part()].map((p, i) => (
          <div key={i}>{p}</div>
        ))}
      </>,
    ),
  ).resolves.toBe(`<div>${once}</div><div>${once}</div>`);
}

const DEFINITION = "[foo]: /url";
const wikiLinks: WikiResolver = (slug) => (slug === "alpha" ? { href: "/library/patterns/alpha", title: "Alpha" } : null);
const sections = (text: string) => Object.fromEntries(PATTERN_SECTIONS.map((s) => [s.key, text])) as Record<SectionKey, string>;

describe("Markdown that renders to nothing, twice on a page", () => {
  it("two playbook entries that are only a link definition", async () => {
    await expectRendersTwice(() => <EntryBody kind="quick-reference" body={DEFINITION} wikiLinks={wikiLinks} />);
  });

  it("a checklist whose items are headings", async () => {
    await expectRendersTwice(() => <EntryBody kind="checklist" body={"- [ ] item\n- # One\n- # Two"} wikiLinks={wikiLinks} />);
  });

  it("two decision trees with an empty item", async () => {
    await expectRendersTwice(() => <EntryBody kind="decision-tree" body={"- Is it red?\n  - yes: stop\n  -"} wikiLinks={wikiLinks} />);
  });

  it("a pattern whose sections are only link definitions", async () => {
    await expectRendersTwice(() => (
      <PatternSections data={{ ...sections(""), problem: DEFINITION, whenToUse: DEFINITION }} wikiLinks={wikiLinks} />
    ));
  });

  it("two evidence notes that are only a link definition", async () => {
    await expectRendersTwice(() => <Markdown source={DEFINITION} className="mt-1 text-sm" />);
  });

  it("an empty text and an empty inline text", async () => {
    await expectRendersTwice(() => <Markdown source="" />);
    await expectRendersTwice(() => <Markdown source="" inline />);
  });
});

/** Every top-level block and every fenced block's text in the bundled programs' Markdown. */
function contentSnippets(): string[] {
  const files = readdirSync(path.resolve("content"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
  return files.flatMap((file) => {
    const text = readFileSync(path.resolve("content", file), "utf8");
    const fenced = [...text.matchAll(/^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1/gm)].map((m) => m[2]!);
    return [...text.split(/\n{2,}/), ...fenced];
  });
}

// GFM pieces, and the ones that render to nothing or to empty elements.
const GFM = [
  DEFINITION,
  "[foo]",
  "![img][foo]",
  "-",
  "- # One\n- # Two",
  "1.\n2.",
  "- [ ]",
  "- [x] done\n  -",
  ">",
  "Text[^1].\n\n[^1]: A footnote.",
  "~~struck~~ and www.example.com and https://example.org/x",
  "| a | b |\n|:-|-:|\n| | |",
  "```\n```",
  "<!-- -->",
  "*a* **b** `c`",
  "line  \nbreak",
  "[[alpha]] and [[missing-one]]",
  "[local](/path#x) [hash](#top)",
  " ",
  "",
];

describe("random Markdown twice on a page (property)", () => {
  it("renders every text twice, the second the same as the first", { timeout: 120_000 }, async () => {
    const corpus = [...contentSnippets(), ...FRAGMENTS, ...GFM];
    expect(corpus.length).toBeGreaterThan(500);
    const random = prng(20260502);
    const separators = ["\n", "\n\n", " ", ""];
    for (let i = 0; i < 100; i++) {
      const count = 1 + random.int(4);
      let text = "";
      for (let j = 0; j < count; j++) text += random.pick(corpus) + random.pick(separators);
      const kind = random.pick(PLAYBOOK_KINDS);
      const inline = random.next() < 0.3;
      await expectRendersTwice(() => <EntryBody kind={kind} body={text} wikiLinks={wikiLinks} />);
      await expectRendersTwice(() => <Markdown source={text} inline={inline} />);
    }
  });
});

// The corpus: random CommonMark/GFM documents that fast-check generates from the grammar below
// (block and inline constructs of CommonMark 0.31 and GFM, nested), chosen to include the texts
// that render to nothing or to empty elements. No copy of the CommonMark spec's examples is in
// node_modules, and the tests download nothing.
const inline = fc.oneof(
  fc.constantFrom("word", "two words", "Ünïcödé 😀", "a_b", "&amp;", "&#x3C;", "\\*", "  \n", "\\\n"),
  fc.constantFrom("*em*", "**strong**", "`code`", "~~struck~~", "[link](/u)", "[ref][foo]", "[foo]", "![img](x.png)", "![img][foo]"),
  fc.constantFrom(
    "<span>x</span>",
    "<!-- c -->",
    "<https://example.org>",
    "www.example.com",
    "x@example.com",
    "[^1]",
    "[[alpha]]",
    "[[gone]]",
  ),
);
const line = fc.array(inline, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(" "));
const indent = (text: string, by: string) =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : by + l))
    .join("\n");
const { block } = fc.letrec<{ block: string; leaf: string; container: string }>((tie) => ({
  leaf: fc.oneof(
    line,
    line.map((l) => `${"#".repeat(1 + (l.length % 6))} ${l}`),
    line.map((l) => `${l}\n${l.length % 2 === 0 ? "===" : "---"}`),
    fc.constantFrom(
      "***",
      "---",
      "- - -",
      "[foo]: /url",
      '[foo]: /url "title"',
      "[^1]: A footnote.",
      "<div>\nhtml\n</div>",
      "<!-- -->",
      "",
      " ",
    ),
    line.map((l) => `\`\`\`js\n${l}\n\`\`\``),
    line.map((l) => `    ${l}`),
    fc.tuple(line, line).map(([a, b]) => `| ${a} | b |\n|:-|-:|\n| ${b} | |`),
  ),
  container: fc.oneof(
    tie("block").map((b) => indent(b, "> ")),
    fc
      .tuple(
        fc.constantFrom("- ", "* ", "1. ", "2) "),
        fc.array(fc.tuple(fc.constantFrom("", "[ ] ", "[x] "), fc.oneof(tie("block"), fc.constant(""))), { minLength: 1, maxLength: 4 }),
      )
      .map(([marker, items]) =>
        items
          .map(([box, b]) => (b === "" ? marker.trimEnd() : `${marker}${box}${indent(b, " ".repeat(marker.length)).trimStart()}`))
          .join("\n"),
      ),
  ),
  block: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("container")),
}));
const documents = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join("\n\n"));

describe("generated CommonMark/GFM twice on a page (fast-check property)", () => {
  it("renders every generated document twice, the second the same as the first", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom(...PLAYBOOK_KINDS), fc.boolean(), async (text, kind, asInline) => {
        await expectRendersTwice(() => <Markdown source={text} inline={asInline} wikiLinks={wikiLinks} />);
        await expectRendersTwice(() => <EntryBody kind={kind} body={text} wikiLinks={wikiLinks} />);
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });
});

describe("wiki-links", () => {
  it("link a known slug and mark an unknown one as missing", async () => {
    const html = await renderPage(<Markdown source="[[alpha]] and [[nope]]" wikiLinks={wikiLinks} />);
    expect(html).toContain('href="/library/patterns/alpha"');
    expect(html).toMatch(/title="No pattern has the slug nope"[^>]*>\[\[nope\]\] \(missing\)<\/span>/);
    expect(html).not.toContain('href=""');
  });
});

describe("HTML output", () => {
  it("links inside the app and outside it as anchors, outside ones without a referrer", async () => {
    const html = await renderPage(
      <Markdown source={"[in](/patterns) [hash](#top) [out](https://example.org) [[alpha]]"} wikiLinks={wikiLinks} />,
    );
    expect(html).toBe(
      '<div class="prose "><p><a href="/patterns">in</a> <a href="#top">hash</a> ' +
        '<a href="https://example.org" rel="noreferrer noopener">out</a> <a href="/library/patterns/alpha">Alpha</a></p></div>',
    );
  });

  it("keeps a link's other attributes", async () => {
    expect(await renderPage(<Markdown source={'Text[^1] [a](/b "T")\n\n[^1]: Note.'} />)).toContain(
      '<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a>',
    );
  });

  it("renders inline text in a span without a paragraph, and a block in a prose division", async () => {
    expect(await renderPage(<Markdown source="a *b*" inline className="x" />)).toBe('<span class="x">a <em>b</em></span>');
    expect(await renderPage(<Markdown source="a *b*" className="x" />)).toBe('<div class="prose x"><p>a <em>b</em></p></div>');
  });
});
