// Line diffs: every line marked, folding far from changes with line numbers, the unified text, the edit limit.
import { describe, expect, it } from "vitest";
import { diffLines, foldedDiff, unifiedDiff } from "./diff";

const numbered = (n: number, prefix = "l") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe("diffLines", () => {
  it("marks added and removed lines around the unchanged ones", () => {
    expect(diffLines("a\nb\nc", "a\nc\nd").map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("treats identical text as unchanged and empty text as all added", () => {
    expect(diffLines("x\ny", "x\ny").every((l) => l.kind === "same")).toBe(true);
    expect(diffLines("", "new").map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: "removed", text: "" },
      { kind: "added", text: "new" },
    ]);
  });

  it("keeps every line of a long text, a final newline as an empty last line", () => {
    const before = numbered(40).join("\n");
    const lines = diffLines(before, `${before.replace("l20", "twenty")}\n`);
    expect(lines).toHaveLength(42);
    expect(lines.filter((l) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "l20", before: 20 },
      { kind: "added", text: "twenty", after: 20 },
      { kind: "added", text: "", after: 41 },
    ]);
  });
});

describe("foldedDiff", () => {
  it("shows context around each change with line numbers and folds the runs between", () => {
    const before = numbered(30);
    const after = [...before.slice(0, 9), "ten", ...before.slice(10, 19), ...before.slice(20)];
    const rows = foldedDiff(before.join("\n"), after.join("\n"), { context: 3, maxEditLength: 100 });
    expect(rows).toEqual([
      { kind: "folded", count: 6 },
      ...[7, 8, 9].map((n) => ({ kind: "same", text: `l${n}`, before: n, after: n })),
      { kind: "removed", text: "l10", before: 10 },
      { kind: "added", text: "ten", after: 10 },
      ...[11, 12, 13].map((n) => ({ kind: "same", text: `l${n}`, before: n, after: n })),
      { kind: "folded", count: 3 },
      ...[17, 18, 19].map((n) => ({ kind: "same", text: `l${n}`, before: n, after: n })),
      { kind: "removed", text: "l20", before: 20 },
      ...[21, 22, 23].map((n) => ({ kind: "same", text: `l${n}`, before: n, after: n - 1 })),
      { kind: "folded", count: 7 },
    ]);
  });

  it("keeps a run of at most twice the context between two changes unfolded", () => {
    const before = numbered(12);
    const after = before.map((l, i) => (i === 2 || i === 9 ? `${l}!` : l));
    const rows = foldedDiff(before.join("\n"), after.join("\n"), { context: 3, maxEditLength: 100 })!;
    expect(rows.some((r) => r.kind === "folded")).toBe(false);
    expect(rows.filter((r) => r.kind === "same").map((r) => r.kind !== "folded" && r.text)).toEqual(["l1", "l2", ...numbered(6).map((_, i) => `l${i + 4}`), "l11", "l12"]);
  });

  it("folds equal texts whole and gives up beyond the edit limit", () => {
    expect(foldedDiff("a\nb", "a\nb", { context: 3, maxEditLength: 10 })).toEqual([{ kind: "folded", count: 2 }]);
    expect(foldedDiff(numbered(6, "a").join("\n"), numbered(6, "b").join("\n"), { context: 3, maxEditLength: 10 })).toBeNull();
    expect(foldedDiff(numbered(5, "a").join("\n"), numbered(5, "b").join("\n"), { context: 3, maxEditLength: 10 })).toHaveLength(10);
  });
});

describe("unifiedDiff", () => {
  it("prefixes lines with -, + and a space, and marks each run left out with @@ … @@", () => {
    const before = numbered(12).join("\n");
    const after = before.replace("l6", "six");
    expect(unifiedDiff(before, after, { from: "note v1", to: "note v2", context: 2 })).toBe(
      ["--- note v1", "+++ note v2", "@@ … @@", " l4", " l5", "-l6", "+six", " l7", " l8", "@@ … @@"].join("\n"),
    );
    expect(unifiedDiff("a\nb", "a\nc", { from: "x", to: "y", context: 2 })).toBe(["--- x", "+++ y", " a", "-b", "+c"].join("\n"));
  });
});
