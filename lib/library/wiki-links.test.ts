// Wiki-link resolution: which slugs a text links to (never from code), and which are broken. How
// the renderer turns them into links or marks them missing: lib/markdown/element-rules.test.ts.
import { describe, expect, it } from "vitest";
import { brokenWikiLinks, findWikiLinks } from "./wiki-links";

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
