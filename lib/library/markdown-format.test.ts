// The Markdown layouts give back exactly what was saved, whatever the learner wrote.
import { describe, expect, it } from "vitest";
import {
  type LibraryBundle,
  isSingleFile,
  parseLibrary,
  parsePatternFile,
  parseSingleFile,
  serializeLibrary,
  serializePatternFile,
  serializeSingleFile,
} from "./markdown-format";
import { hostileEntry, hostilePattern, hostileText, prng } from "./sample-library";
import { PatternInputSchema, PlaybookEntryInputSchema } from "./schema";
import { collapseWikiLinks, expandWikiLinks } from "./wiki-links";

const CATEGORIES = ["speed", "quality", "debugging", "planning", "architecture", "security", "ops-notes"];

function randomBundle(seed: number, patterns = 12, entries = 10): LibraryBundle {
  const random = prng(seed);
  const slugs = ["alpha", "beta", ...Array.from({ length: patterns - 2 }, (_, i) => `p-${seed}-${i}`)];
  return {
    categories: ["ops-notes", "security"],
    patterns: slugs.map((slug) => hostilePattern(random, slug, random.pick(CATEGORIES))),
    entries: Array.from({ length: entries }, (_, i) => hostileEntry(random, `e-${i}`)),
  };
}

/** What the importer does with parsed items: the same schemas the forms use. */
function validated(parsed: ReturnType<typeof parseLibrary>): LibraryBundle {
  expect(parsed.problems).toEqual([]);
  return {
    categories: parsed.categories,
    patterns: parsed.patterns.map((p) => PatternInputSchema.parse(p.input)),
    entries: parsed.entries.map((e) => PlaybookEntryInputSchema.parse(e.input)),
  };
}

const bySlug = <T extends { slug: string }>(items: T[]) => [...items].sort((a, b) => (a.slug < b.slug ? -1 : 1));

describe("wiki-link rewriting", () => {
  const target = (slug: string) => (slug === "gamma-missing" ? null : slug === "alpha" ? "../speed/alpha.md" : `#pattern-${slug}`);
  it("collapse undoes expand for 2,000 random hostile texts", () => {
    const random = prng(7);
    for (let i = 0; i < 2000; i++) {
      const text = hostileText(random, 30);
      expect(collapseWikiLinks(expandWikiLinks(text, target), target)).toBe(text);
    }
  });

  it("expands links in prose only, never in code", () => {
    const text = "See [[alpha]] and `[[alpha]]`\n```\n[[alpha]]\n```\n[[gamma-missing]]";
    expect(expandWikiLinks(text, target)).toBe("See [[alpha]](../speed/alpha.md) and `[[alpha]]`\n```\n[[alpha]]\n```\n[[gamma-missing]]");
  });
});

describe("one pattern file", () => {
  it("round-trips 300 random hostile patterns", () => {
    const random = prng(11);
    const link = (slug: string) => (slug === "beta" ? "../quality/beta.md" : null);
    for (let i = 0; i < 300; i++) {
      const pattern = hostilePattern(random, `p-${i}`, random.pick(CATEGORIES));
      const text = serializePatternFile(pattern, link);
      const parsed = parsePatternFile("x.md", text, link);
      if ("problem" in parsed) throw new Error(`${parsed.problem}\n---\n${text}`);
      expect(PatternInputSchema.parse(parsed.input)).toEqual(pattern);
    }
  });

  it("has frontmatter with the structured fields and the seed's headings", () => {
    const pattern = PatternInputSchema.parse({
      title: "Batch independent reads",
      category: "speed",
      tags: "context, reads",
      problem: "Round trips cost minutes.",
      whenToUse: "Several reads, none decides another. See [[beta]].",
      howToApply: "Name every read in one request.",
      sourceModule: 3,
      sourceExercise: "parallel-reads",
    });
    const text = serializePatternFile(pattern, (slug) => (slug === "beta" ? "../quality/beta.md" : null));
    expect(text).toBe(
      [
        "---",
        "title: Batch independent reads",
        "slug: batch-independent-reads",
        "category: speed",
        "tags:",
        "  - context",
        "  - reads",
        "source:",
        "  module: 3",
        "  exercise: parallel-reads",
        "---",
        "",
        "# Batch independent reads",
        "",
        "## Problem and context",
        "",
        "Round trips cost minutes.",
        "",
        "## When to use",
        "",
        "Several reads, none decides another. See [[beta]](../quality/beta.md).",
        "",
        "## How to apply",
        "",
        "Name every read in one request.",
        "",
      ].join("\n"),
    );
  });

  it("names what is wrong with a broken file", () => {
    const link = () => null;
    expect(parsePatternFile("x.md", "no frontmatter", link)).toMatchObject({ problem: expect.stringContaining("missing frontmatter") });
    expect(parsePatternFile("x.md", "---\ntitle: [unclosed\n---\n", link)).toMatchObject({ problem: expect.stringMatching(/line \d/) });
    expect(parsePatternFile("x.md", "---\ntitle: T\nslug: t\ncategory: speed\ncolour: red\n---\n", link)).toMatchObject({
      problem: expect.stringContaining("unknown field(s) colour"),
    });
    expect(
      parsePatternFile("x.md", "---\ntitle: T\nslug: t\ncategory: speed\n---\n\n# T\n\nstray text\n\n## When to use\n\nx\n", link),
    ).toMatchObject({
      problem: expect.stringContaining("text before the first section"),
    });
    expect(parsePatternFile("x.md", "---\ntitle: T\nslug: t\ncategory: speed\n---\n\n# Other\n", link)).toMatchObject({
      problem: expect.stringContaining("differs from the title"),
    });
    expect(
      parsePatternFile("x.md", "---\ntitle: T\nslug: t\ncategory: speed\n---\n\n## When to use\n\na\n\n## When to use\n\nb\n", link),
    ).toMatchObject({ problem: expect.stringContaining("appears twice") });
  });
});

describe("the folder layout", () => {
  it("export → import → export is byte-identical for 40 random hostile libraries", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const bundle = randomBundle(seed);
      const files = serializeLibrary(bundle);
      const back = validated(parseLibrary(files));
      expect(bySlug(back.patterns)).toEqual(bySlug(bundle.patterns));
      expect(bySlug(back.entries)).toEqual(bySlug(bundle.entries));
      expect(new Set(back.categories)).toEqual(new Set(bundle.categories));
      expect(serializeLibrary(back)).toEqual(files);
    }
  });

  it("puts files where the design seed says and links with relative paths", () => {
    const bundle = randomBundle(3, 3, 2);
    bundle.patterns[0] = { ...bundle.patterns[0]!, category: "speed", whenToUse: "x" };
    bundle.patterns[1] = { ...bundle.patterns[1]!, category: "quality", whenToUse: "See [[alpha]]." };
    bundle.entries[0] = { ...bundle.entries[0]!, kind: "scenario", body: "Use [[beta]] and [[nowhere]]." };
    const files = serializeLibrary(bundle);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        "docs/patterns/README.md",
        "docs/patterns/speed/alpha.md",
        "docs/patterns/quality/beta.md",
        "docs/playbook/index.md",
        "docs/playbook/scenarios.md",
        "docs/playbook/checklists.md",
      ]),
    );
    expect(files.get("docs/patterns/quality/beta.md")).toContain("See [[alpha]](../speed/alpha.md).");
    expect(files.get("docs/playbook/scenarios.md")).toContain("Use [[beta]](../patterns/quality/beta.md) and [[nowhere]].");
  });

  it("reads the files below any folder and ignores files outside the layout", () => {
    const bundle = randomBundle(5, 4, 3);
    const files = new Map([...serializeLibrary(bundle)].map(([name, text]) => [`my-export/${name}`, text]));
    files.set("my-export/README.md", "# notes");
    const parsed = parseLibrary(files);
    expect(parsed.ignored).toEqual(["my-export/README.md"]);
    expect(validated(parsed).patterns).toHaveLength(4);
  });

  it("reports a pattern file in the wrong folder by name", () => {
    const bundle = randomBundle(9, 2, 0);
    const files = serializeLibrary(bundle);
    const [name, text] = [...files].find(([n]) => n.endsWith("/alpha.md"))!;
    files.delete(name);
    files.set("docs/patterns/elsewhere/alpha.md", text);
    expect(parseLibrary(files).problems).toEqual([
      { file: "docs/patterns/elsewhere/alpha.md", message: expect.stringContaining(`should be ${name}`) },
    ]);
  });
});

describe("the single playbook file", () => {
  it("export → import → export is byte-identical for 40 random hostile playbooks", () => {
    for (let seed = 100; seed < 140; seed++) {
      const bundle = randomBundle(seed);
      const text = serializeSingleFile(bundle.entries, bundle.patterns);
      expect(isSingleFile(text)).toBe(true);
      const back = validated(parseSingleFile("playbook.md", text));
      expect(bySlug(back.patterns)).toEqual(bySlug(bundle.patterns));
      expect(bySlug(back.entries)).toEqual(bySlug(bundle.entries));
      expect(serializeSingleFile(back.entries, back.patterns)).toBe(text);
    }
  });

  it("links to patterns inside the file", () => {
    const bundle = randomBundle(2, 2, 1);
    bundle.entries[0] = { ...bundle.entries[0]!, kind: "checklist", body: "- [ ] apply [[alpha]]" };
    const text = serializeSingleFile(bundle.entries, bundle.patterns);
    expect(text).toContain("- [ ] apply [[alpha]](#pattern-alpha)");
    expect(text).toContain('<a id="pattern-alpha"></a>');
  });
});
