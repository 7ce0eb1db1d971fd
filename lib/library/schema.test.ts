// Input rules of patterns and playbook entries: required fields, limits with clear messages,
// slugs, tags, the stored form of Markdown, and the shape checklists and decision trees need.
import { describe, expect, it } from "vitest";
import { normalizeMarkdown, PatternInputSchema, PlaybookEntryInputSchema, slugify, unknownCategoryMessage } from "./schema";

const valid = { title: "Batch independent reads", category: "speed", problem: "p", whenToUse: "w", howToApply: "h" };

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("pattern input", () => {
  it("requires a title, a category and the three core sections, each with its own message", () => {
    expect(fieldErrors(PatternInputSchema.safeParse({}))).toEqual({
      title: "enter a title",
      category: "choose a category",
      problem: "describe the problem and its context",
      whenToUse: "say when to use it",
      howToApply: "say how to apply it",
    });
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, whenToUse: " \n\t\n " }))).toEqual({ whenToUse: "say when to use it" });
  });

  it("limits lengths and says by how much", () => {
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, title: "t".repeat(121) }))).toEqual({
      title: "use at most 120 characters (this has 121)",
    });
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, examples: "x".repeat(20_001) }))).toEqual({
      examples: "use at most 20,000 characters (this has 20,001)",
    });
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }))).toEqual({
      tags: "use at most 12 tags",
    });
  });

  it("derives the slug from the title, or checks the one given", () => {
    expect(PatternInputSchema.parse(valid).slug).toBe("batch-independent-reads");
    expect(PatternInputSchema.parse({ ...valid, title: "Débogage « rapide » !" }).slug).toBe("debogage-rapide");
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, title: "日本語" }))).toEqual({
      slug: "enter a slug: the title has no letters a–z or digits to make one from",
    });
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, slug: "Not A Slug" }))).toEqual({
      slug: "use lowercase letters a–z, digits and single dashes for the slug (e.g. batch-independent-reads)",
    });
  });

  it("normalises tags and refuses ones that cannot be tags", () => {
    expect(PatternInputSchema.parse({ ...valid, tags: " Context, code review,context,日本 " }).tags).toEqual([
      "context",
      "code-review",
      "日本",
    ]);
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, tags: "a/b" }))).toEqual({
      tags: 'tag "a/b": use letters, digits and dashes, at most 32 characters',
    });
  });

  it("refuses control characters and a one-line title on two lines", () => {
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, problem: "bell\u0007" }))).toEqual({
      problem: "contains control characters; remove them",
    });
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, title: "two\nlines" }))).toEqual({ title: "keep the title on one line" });
  });

  it("needs a module for an exercise", () => {
    expect(fieldErrors(PatternInputSchema.safeParse({ ...valid, sourceExercise: "x" }))).toEqual({
      sourceExercise: "choose the module the exercise belongs to",
    });
    expect(PatternInputSchema.parse({ ...valid, sourceModule: "3", sourceExercise: "" })).toMatchObject({
      sourceModule: 3,
      sourceExercise: null,
    });
  });

  it("names the known categories when refusing one", () => {
    expect(unknownCategoryMessage("secrity", ["speed", "security"])).toBe('unknown category "secrity": choose one of speed, security');
  });
});

describe("playbook entry input", () => {
  it("requires a known kind and a body of the right shape", () => {
    expect(fieldErrors(PlaybookEntryInputSchema.safeParse({ title: "T", kind: "poem", body: "x" }))).toEqual({
      kind: "choose a kind: quick-reference, scenario, checklist, decision-tree",
    });
    expect(fieldErrors(PlaybookEntryInputSchema.safeParse({ title: "T", kind: "checklist", body: "- not a task" }))).toEqual({
      body: "a checklist needs at least one item written as “- [ ] item”",
    });
    expect(fieldErrors(PlaybookEntryInputSchema.safeParse({ title: "T", kind: "decision-tree", body: "- flat\n- list" }))).toEqual({
      body: "a decision tree needs a nested list: a question, with its answers indented below it",
    });
    expect(PlaybookEntryInputSchema.safeParse({ title: "T", kind: "decision-tree", body: "- Red?\n  - yes: stop" }).success).toBe(true);
  });
});

describe("stored Markdown", () => {
  it("uses LF line ends and drops blank lines at the start and whitespace at the end, nothing else", () => {
    expect(normalizeMarkdown("\r\n  \n\t\n    code\r\nline  \r\n\n")).toBe("    code\nline");
    expect(normalizeMarkdown("a\rb")).toBe("a\nb");
  });

  it("slugifies titles to ASCII", () => {
    expect(slugify("  Ünïcödé -- Title!! ")).toBe("unicode-title");
  });
});
