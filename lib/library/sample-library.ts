// Random library texts for property-style tests and the benchmark: a seeded generator that
// assembles Markdown from fragments chosen to break a naive serializer (fences, tables,
// frontmatter-like lines, markers, HTML-looking text, wiki-links, non-ASCII, very long runs).
import { type PatternData, PatternInputSchema, type PlaybookEntryData, PlaybookEntryInputSchema, PLAYBOOK_KINDS } from "./schema";

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof prng>;

export const FRAGMENTS = [
  "```js\nconst x = `[[alpha]]`;\n```",
  "~~~\n---\n## When to use\n~~~",
  '````md\n```\n<!-- mastery:entry slug="x" kind="scenario" -->\n```\n````',
  "| a | b |\n|---|---|\n| [[beta]] | `x|y` |",
  "---",
  "---\ntitle: not frontmatter\n---",
  '<!-- mastery:entry slug="evil" kind="scenario" -->',
  '\\<!-- mastery:part name="index" -->',
  '\\\\<!-- mastery:pattern slug="alpha" category="speed" -->',
  "## When to use",
  "\\## How to apply",
  "#### Trade-offs",
  "\\\\\\#### Examples",
  "## Problem and context ",
  "# Title",
  '<a id="pattern-alpha"></a>',
  "<script>alert('x')</script>",
  '<div onclick="steal()">html</div>',
  "<!-- a comment -->",
  "-->",
  "[[alpha]]",
  "[[beta]](../patterns/quality/beta.md)",
  "[[alpha]](../speed/alpha.md)",
  "[[alpha]](#pattern-alpha)",
  "[[gamma-missing]]",
  "[[Alpha]] [[a_b]] [[-x]]",
  "[[[alpha]]]",
  "`[[alpha]]` and ``[[beta]] ` x``",
  "Ünïcödé — 日本語 😀 مرحبا עברית",
  "e\u0301 combining, \u200b zero width, \u00a0nbsp",
  "\tindented with a tab",
  "    indented code [[alpha]]",
  "- [ ] task [[beta]]\n- [x] done",
  "- question?\n  - yes: act\n  - no\n    - deeper?\n      - stop",
  "1. one\n2. two",
  "> quote [[alpha]]",
  "trailing spaces   ",
  "\\",
  "***",
  "Setext\n===",
  "\"quoted\" and 'single'",
  "key: value",
  "&amp; &lt; &#x3C;",
  "\r\nwindows line\r\n",
  "a\rb",
  "* * *",
  "[link](https://example.com) ![img](x.png)",
  "<https://example.com>",
  "%YAML 1.2",
  "...",
] as const;

const SEPARATORS = ["\n", "\n\n", " ", "", "\n\n\n"] as const;

export function hostileText(random: Random, max = 20): string {
  const count = 1 + random.int(max);
  let text = "";
  for (let i = 0; i < count; i++) text += random.pick(FRAGMENTS) + random.pick(SEPARATORS);
  if (random.next() < 0.05) text += "long line ".repeat(1500) + "\n" + "x".repeat(3000);
  return `${random.pick(["", "  ", "\n\n", "word "])}${text}`;
}

const TITLES = [
  "# Hash",
  "Title ##",
  "---",
  '<!-- mastery:entry slug="t" -->',
  "Ünïcödé 😀",
  "<b>bold</b>",
  "[[alpha]]",
  "a: b",
  "'quoted'",
  "true",
  "123",
  "- dash",
  "yes",
  "1:20",
  "`code` *em* _u_ ~~s~~",
  "[link](x.md) ![i](y) [^1]",
  "back\\slash \\[ &amp; &#96; 50% $5 #tag",
  "<!-- hidden -->",
  "Plain title",
];
const TAGS = ["speed", "débogage", "日本", "ci-cd", "123", "x"];

export function hostilePattern(random: Random, slug: string, category: string): PatternData {
  for (;;) {
    const parsed = PatternInputSchema.safeParse({
      title: `${random.pick(TITLES)} ${random.int(1000)}`,
      slug,
      category,
      tags: TAGS.filter(() => random.next() < 0.3),
      problem: hostileText(random),
      whenToUse: hostileText(random),
      howToApply: hostileText(random),
      tradeOffs: random.next() < 0.5 ? hostileText(random) : "",
      alternatives: random.next() < 0.5 ? hostileText(random) : "",
      examples: random.next() < 0.5 ? hostileText(random) : "",
      sourceModule: random.next() < 0.5 ? 1 + random.int(8) : null,
      sourceExercise: null,
      archived: random.next() < 0.2,
    });
    if (parsed.success) return parsed.data;
  }
}

export function hostileEntry(random: Random, slug: string): PlaybookEntryData {
  for (;;) {
    const kind = random.pick(PLAYBOOK_KINDS);
    const shape = kind === "checklist" ? "- [ ] first item\n" : kind === "decision-tree" ? "- Is it red?\n  - yes: stop\n  - no: go\n" : "";
    const parsed = PlaybookEntryInputSchema.safeParse({
      title: `${random.pick(TITLES)} ${random.int(1000)}`,
      slug,
      kind,
      body: random.next() < 0.5 ? `${shape}\n${hostileText(random)}` : `${hostileText(random)}\n\n${shape}`,
      archived: random.next() < 0.2,
    });
    if (parsed.success) return parsed.data;
  }
}
