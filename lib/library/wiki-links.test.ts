// Wiki-link resolution: which slugs a text links to (never from code), which are broken, and how
// the renderer turns them into links or marks them missing.
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { MISSING_PREFIX, remarkWikiLinks } from "./remark-wiki-links";
import { brokenWikiLinks, findWikiLinks } from "./wiki-links";

type Node = { type: string; value?: string; url?: string; children?: Node[] };

function linksIn(markdown: string, known: Record<string, string>) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkWikiLinks, (slug: string) => (known[slug] ? { href: `/patterns/${slug}`, title: known[slug] } : null));
  const tree = processor.runSync(processor.parse(markdown)) as Node;
  const found: [string, string][] = [];
  const walk = (node: Node) => {
    if (node.type === "link") found.push([node.url!, node.children!.map((c) => c.value).join("")]);
    node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

describe("finding wiki-links", () => {
  it("finds each slug once, in order, outside fenced and inline code", () => {
    const text =
      "Use [[beta]] then [[alpha]] and [[beta]] again.\n```\n[[in-fence]]\n```\n`[[in-code]]` and ``[[in-double]] ` x``\n~~~\n[[in-tilde]]\n~~~\n- [ ] [[in-task]]";
    expect(findWikiLinks(text)).toEqual(["beta", "alpha", "in-task"]);
  });

  it("only takes slugs: lowercase words joined by single dashes", () => {
    expect(findWikiLinks("[[Alpha]] [[a_b]] [[-x]] [[a--b]] [[ok-1]] [[[nested]]]")).toEqual(["ok-1", "nested"]);
  });

  it("reports the slugs that name no pattern", () => {
    expect(brokenWikiLinks(["[[alpha]] [[gone]]", "[[gone]] [[also-gone]]"], new Set(["alpha"]))).toEqual(["gone", "also-gone"]);
  });
});

describe("rendering wiki-links", () => {
  it("links known patterns by title and marks unknown ones missing", () => {
    expect(linksIn("See [[alpha]] and [[gone]].", { alpha: "Alpha pattern" })).toEqual([
      ["/patterns/alpha", "Alpha pattern"],
      [`${MISSING_PREFIX}gone`, "[[gone]]"],
    ]);
  });

  it("leaves code and existing links alone, and works inside lists and tables", () => {
    expect(linksIn("`[[alpha]]`\n\n[text [[alpha]]](https://example.com)", { alpha: "A" })).toEqual([
      ["https://example.com", "text [[alpha]]"],
    ]);
    expect(linksIn("- [ ] check [[alpha]]\n\n| a |\n|---|\n| [[alpha]] |", { alpha: "A" })).toEqual([
      ["/patterns/alpha", "A"],
      ["/patterns/alpha", "A"],
    ]);
  });
});
