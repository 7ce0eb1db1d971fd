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
import { escapeTitle } from "./markdown-text";
import { hostileEntry, hostilePattern, hostileText, prng, type Random } from "./sample-library";
import { type PatternData, PatternInputSchema, PlaybookEntryInputSchema, type PlaybookEntryData } from "./schema";
import { checklistKeys, parseChecklist } from "./structure";
import { LINK_STYLES, type Links, readLinks, readMarkdownLinks, writeMarkdownLinks } from "./wiki-links";

const CATEGORIES = ["speed", "quality", "debugging", "planning", "architecture", "security", "ops-notes"];

/** Markdown links written the way a link-style export writes them, to patterns of `patterns`, from any of the export's files. */
function literalLinks(random: Random, patterns: PatternData[]): string {
  const p = random.pick(patterns);
  const href = random.pick([
    `../patterns/${p.category}/${p.slug}.md`,
    `../${p.category}/${p.slug}.md`,
    `${p.slug}.md`,
    `#pattern-${p.slug}`,
  ]);
  return `${random.pick(["", "\\", "x", "[", "`"])}[${escapeTitle(p.title)}](${" ".repeat(random.int(3))}${href})${random.pick(["", "`", " [[alpha]]"])}`;
}

/** A random hostile library whose texts also hold literal Markdown links that look like exported wiki-links. */
function randomBundle(seed: number, patterns = 12, entries = 10): LibraryBundle {
  const random = prng(seed);
  const slugs = ["alpha", "beta", ...Array.from({ length: patterns - 2 }, (_, i) => `p-${seed}-${i}`)];
  const made = slugs.map((slug) => hostilePattern(random, slug, random.pick(CATEGORIES)));
  const withLinks = (text: string) =>
    random.next() < 0.5 ? `${text}\n\n${literalLinks(random, made)} ${literalLinks(random, made)}` : text;
  return {
    categories: ["ops-notes", "security"],
    patterns: made.map((p) => PatternInputSchema.parse({ ...p, problem: withLinks(p.problem), whenToUse: withLinks(p.whenToUse) })),
    entries: Array.from({ length: entries }, (_, i) => {
      const e = hostileEntry(random, `e-${i}`);
      return PlaybookEntryInputSchema.parse({ ...e, body: withLinks(e.body) });
    }),
  };
}

/** Random ticks for the bundle's checklists: about half of each checklist's items. */
function randomTicks(seed: number, entries: PlaybookEntryData[]): Map<string, string[]> {
  const random = prng(seed);
  return new Map(
    entries
      .filter((e) => e.kind === "checklist")
      .map((e) => [e.slug, checklistKeys(parseChecklist(e.body)).filter(() => random.next() < 0.5)] as const)
      .filter(([, keys]) => keys.length > 0),
  );
}

/** Ticks as parsed entries carry them, by slug. */
const ticksOf = (parsed: ReturnType<typeof parseLibrary>) =>
  new Map(parsed.entries.flatMap((e) => (e.ticks && e.ticks.length > 0 ? [[String(e.input.slug), [...e.ticks].sort()] as const] : [])));
const sortedTicks = (ticks: ReadonlyMap<string, readonly string[]>) => new Map([...ticks].map(([slug, keys]) => [slug, [...keys].sort()]));

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

const TITLES: Record<string, string> = { alpha: "Alpha `a` [b] \\ <i>", beta: "Beta", "gamma-missing": "never used" };
const testLinks: Links = {
  target: (slug) =>
    slug === "alpha" || slug === "beta"
      ? { href: slug === "alpha" ? "../speed/alpha.md" : "../quality/beta.md", text: escapeTitle(TITLES[slug]!) }
      : null,
  slugAt: (href) => (href === "../speed/alpha.md" ? "alpha" : href === "../quality/beta.md" ? "beta" : null),
};

describe("wiki-link rewriting", () => {
  it("reading Markdown links undoes writing them for 2,000 random hostile texts", () => {
    const random = prng(7);
    const literal = () => `[${escapeTitle(TITLES.alpha!)}](${" ".repeat(random.int(3))}../speed/alpha.md)`;
    for (let i = 0; i < 2000; i++) {
      const text = `${hostileText(random, 30)}${random.pick(["", "\\", "`"])}${literal()} [[beta]]${random.pick(["", literal(), "`"])}`;
      expect(readMarkdownLinks(writeMarkdownLinks(text, testLinks), testLinks)).toBe(text);
    }
  });

  it("writes titled links in prose only, never in code, and shifts a link already written that way", () => {
    const text = "See [[alpha]] and `[[alpha]]`\n```\n[[alpha]]\n```\n[[gamma-missing]] [Beta](../quality/beta.md)";
    expect(writeMarkdownLinks(text, testLinks)).toBe(
      "See [Alpha &#96;a&#96; \\[b\\] \\\\ \\<i\\>](../speed/alpha.md) and `[[alpha]]`\n```\n[[alpha]]\n```\n[[gamma-missing]] [Beta]( ../quality/beta.md)",
    );
  });

  it("reads the links of an export made before the link styles", () => {
    expect(readLinks("[[alpha]](../speed/alpha.md) and [[beta]](../quality/beta.md)(x)", "legacy", testLinks)).toBe(
      "[[alpha]] and [[beta]](x)",
    );
    expect(readLinks("[[alpha]](../speed/alpha.md)", "obsidian", testLinks)).toBe("[[alpha]](../speed/alpha.md)");
  });
});

describe("one pattern file", () => {
  it.each(LINK_STYLES)("round-trips 300 random hostile patterns (%s links)", (style) => {
    const random = prng(11);
    for (let i = 0; i < 300; i++) {
      const pattern = hostilePattern(random, `p-${i}`, random.pick(CATEGORIES));
      const text = serializePatternFile(pattern, { style, links: testLinks });
      const parsed = parsePatternFile("x.md", text, { style, links: testLinks });
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
    const text = serializePatternFile(pattern, { style: "commonmark", links: testLinks });
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
        "Several reads, none decides another. See [Beta](../quality/beta.md).",
        "",
        "## How to apply",
        "",
        "Name every read in one request.",
        "",
      ].join("\n"),
    );
    expect(serializePatternFile(pattern, { style: "obsidian", links: testLinks })).toContain(
      "Several reads, none decides another. See [[beta]].\n",
    );
  });

  it("quotes frontmatter strings a YAML 1.1 reader would not read back, and escapes the title in the heading", () => {
    const pattern = PatternInputSchema.parse({
      title: "yes",
      slug: "yes",
      category: "speed",
      tags: "on, 0b101, 0755, 2026-12-03, no, plain",
      problem: "p",
      whenToUse: "w",
      howToApply: "h",
    });
    expect(serializePatternFile(pattern, { style: "obsidian", links: testLinks })).toMatch(
      /^---\ntitle: "yes"\nslug: "yes"\ncategory: speed\ntags:\n {2}- "on"\n {2}- "0b101"\n {2}- "0755"\n {2}- "2026-12-03"\n {2}- "no"\n {2}- plain\n---\n/,
    );
    const hostile = PatternInputSchema.parse({ ...pattern, title: "<!-- x --> [a](b) #1 *" });
    const text = serializePatternFile(hostile, { style: "obsidian", links: testLinks });
    expect(text).toContain("\n# \\<!-- x --\\> \\[a\\](b) \\#1 \\*\n");
    expect(parsePatternFile("x.md", text, { style: "obsidian", links: testLinks })).toMatchObject({ input: { title: hostile.title } });
  });

  it("names what is wrong with a broken file", () => {
    const link = { style: "obsidian", links: testLinks } as const;
    expect(parsePatternFile("x.md", "no frontmatter", link)).toMatchObject({ problem: expect.stringContaining("missing frontmatter") });
    expect(parsePatternFile("x.md", "---\ntitle: [unclosed\n---\n", link)).toMatchObject({ problem: expect.stringMatching(/line \d/) });
    expect(parsePatternFile("x.md", "---\ntitle: T\nslug: t\ncategory: speed\ncolour: red\n---\n", link)).toMatchObject({
      problem: expect.stringContaining("unknown field colour"),
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
  it.each(LINK_STYLES)(
    "export → import → export is byte-identical for 40 random hostile libraries, with ticks or without (%s links)",
    (style) => {
      for (let seed = 1; seed <= 40; seed++) {
        const made = randomBundle(seed);
        const bundle = seed % 2 === 0 ? { ...made, ticks: randomTicks(seed, made.entries) } : made;
        const files = serializeLibrary(bundle, { links: style });
        const parsed = parseLibrary(files);
        const back = validated(parsed);
        expect(bySlug(back.patterns)).toEqual(bySlug(bundle.patterns));
        expect(bySlug(back.entries)).toEqual(bySlug(bundle.entries));
        expect(new Set(back.categories)).toEqual(new Set(bundle.categories));
        expect(ticksOf(parsed)).toEqual(sortedTicks(bundle.ticks ?? new Map()));
        expect(serializeLibrary({ ...back, ticks: ticksOf(parsed) }, { links: style })).toEqual(files);
      }
    },
  );

  it("writes ticks as checked boxes that any viewer shows, and the marker lists them", () => {
    const entry = PlaybookEntryInputSchema.parse({ title: "Before", kind: "checklist", body: "- [ ] one\n- [x] two\n- [ ] three" });
    const [one, two] = checklistKeys(parseChecklist(entry.body));
    const files = serializeLibrary(
      { categories: [], patterns: [], entries: [entry], ticks: new Map([[entry.slug, [one!, two!]]]) },
      { links: "commonmark" },
    );
    expect(files.get("docs/playbook/checklists.md")).toContain(
      `<!-- mastery:entry slug="before" kind="checklist" ticked="${one}" checked="${two}" -->\n## Before\n\n- [x] one\n- [x] two\n- [ ] three\n`,
    );
    const parsed = parseLibrary(files);
    expect(parsed.entries).toEqual([
      { file: "docs/playbook/checklists.md", input: expect.objectContaining({ body: entry.body }), ticks: [one, two] },
    ]);
  });

  it("reads a folder exported before the link styles (wiki-links followed by their path)", () => {
    const files = new Map([
      ["docs/patterns/README.md", "# Patterns\n"],
      [
        "docs/patterns/speed/alpha.md",
        "---\ntitle: Alpha\nslug: alpha\ncategory: speed\n---\n\n# Alpha\n\n## Problem and context\n\np\n\n## When to use\n\nSee [[beta]](../quality/beta.md).\n\n## How to apply\n\nh\n",
      ],
      [
        "docs/patterns/quality/beta.md",
        "---\ntitle: Beta\nslug: beta\ncategory: quality\n---\n\n# Beta\n\n## Problem and context\n\np\n\n## When to use\n\nb\n\n## How to apply\n\nh\n",
      ],
      [
        "docs/playbook/scenarios.md",
        '# Scenarios\n\n<!-- mastery:entry slug="s" kind="scenario" -->\n## S <b>\n\nUse [[alpha]](../patterns/speed/alpha.md).\n',
      ],
    ]);
    const back = validated(parseLibrary(files));
    expect(back.patterns.find((p) => p.slug === "alpha")?.whenToUse).toBe("See [[beta]].");
    expect(back.entries).toEqual([expect.objectContaining({ title: "S <b>", body: "Use [[alpha]]." })]);
  });

  it("puts files where the design seed says and links with relative paths", () => {
    const bundle = randomBundle(3, 3, 2);
    bundle.patterns[0] = { ...bundle.patterns[0]!, category: "speed", whenToUse: "x" };
    bundle.patterns[1] = { ...bundle.patterns[1]!, category: "quality", whenToUse: "See [[alpha]]." };
    bundle.entries[0] = { ...bundle.entries[0]!, kind: "scenario", body: "Use [[beta]] and [[nowhere]]." };
    const files = serializeLibrary(bundle, { links: "commonmark" });
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
    const [alpha, beta] = bundle.patterns.map((p) => escapeTitle(p.title));
    expect(files.get("docs/patterns/quality/beta.md")).toContain(`See [${alpha}](../speed/alpha.md).`);
    expect(files.get("docs/playbook/scenarios.md")).toContain(`Use [${beta}](../patterns/quality/beta.md) and [[nowhere]].`);
    const obsidian = serializeLibrary(bundle, { links: "obsidian" });
    expect(obsidian.get("docs/patterns/quality/beta.md")).toContain("See [[alpha]].");
    expect(obsidian.get("docs/playbook/scenarios.md")).toContain("Use [[beta]] and [[nowhere]].");
    expect(obsidian.get("docs/patterns/README.md")).toMatch(/^---\nlinks: obsidian\ncategories:\n/);
  });

  it("reads the files below any folder and ignores files outside the layout", () => {
    const bundle = randomBundle(5, 4, 3);
    const files = new Map([...serializeLibrary(bundle, { links: "commonmark" })].map(([name, text]) => [`my-export/${name}`, text]));
    files.set("my-export/README.md", "# notes");
    const parsed = parseLibrary(files);
    expect(parsed.ignored).toEqual(["my-export/README.md"]);
    expect(validated(parsed).patterns).toHaveLength(4);
  });

  it("reports a pattern file in the wrong folder by name", () => {
    const bundle = randomBundle(9, 2, 0);
    const files = serializeLibrary(bundle, { links: "commonmark" });
    const [name, text] = [...files].find(([n]) => n.endsWith("/alpha.md"))!;
    files.delete(name);
    files.set("docs/patterns/elsewhere/alpha.md", text);
    expect(parseLibrary(files).problems).toEqual([
      { file: "docs/patterns/elsewhere/alpha.md", message: expect.stringContaining(`should be ${name}`) },
    ]);
  });
});

describe("the single playbook file", () => {
  it.each(LINK_STYLES)(
    "export → import → export is byte-identical for 40 random hostile playbooks, with ticks or without (%s links)",
    (style) => {
      for (let seed = 100; seed < 140; seed++) {
        const made = randomBundle(seed);
        const bundle = seed % 2 === 0 ? { ...made, ticks: randomTicks(seed, made.entries) } : made;
        const text = serializeSingleFile(bundle, { links: style });
        expect(isSingleFile(text)).toBe(true);
        const parsed = parseSingleFile("playbook.md", text);
        const back = validated(parsed);
        expect(bySlug(back.patterns)).toEqual(bySlug(bundle.patterns));
        expect(bySlug(back.entries)).toEqual(bySlug(bundle.entries));
        expect(ticksOf(parsed)).toEqual(sortedTicks(bundle.ticks ?? new Map()));
        expect(serializeSingleFile({ ...back, ticks: ticksOf(parsed) }, { links: style })).toBe(text);
      }
    },
  );

  it("reads a playbook file exported before the link styles", () => {
    const text =
      '<!-- mastery:playbook format="1" -->\n# Playbook\n\n<!-- mastery:part name="index" -->\n## Index\n\n' +
      '<!-- mastery:entry slug="q" kind="quick-reference" -->\n### Q *1*\n\nSee [[alpha]](#pattern-alpha).\n\n' +
      '<!-- mastery:part name="patterns" -->\n## Patterns\n\n<!-- mastery:pattern slug="alpha" category="speed" -->\n<a id="pattern-alpha"></a>\n\n### Alpha\n\n' +
      "#### Problem and context\n\np\n\n#### When to use\n\nw\n\n#### How to apply\n\nh\n";
    expect(isSingleFile(text)).toBe(true);
    const back = validated(parseSingleFile("playbook.md", text));
    expect(back.entries).toEqual([expect.objectContaining({ title: "Q *1*", body: "See [[alpha]]." })]);
  });

  it("links to patterns inside the file", () => {
    const bundle = randomBundle(2, 2, 1);
    bundle.entries[0] = { ...bundle.entries[0]!, kind: "checklist", body: "- [ ] apply [[alpha]]" };
    const text = serializeSingleFile(bundle, { links: "commonmark" });
    expect(text).toContain(`- [ ] apply [${escapeTitle(bundle.patterns[0]!.title)}](#pattern-alpha)`);
    expect(text).toContain('<a id="pattern-alpha"></a>');
  });
});
