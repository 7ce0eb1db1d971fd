// Comparing two revisions: folded line diff with line numbers, history counts, big inputs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareRevisions, MAX_EDIT_LENGTH } from "./compare";

const conforming = readFileSync(path.join(import.meta.dirname, "fixtures", "conforming.md"), "utf8");

describe("comparing revisions", () => {
  it("shows changed lines with their numbers and folds long unchanged runs", () => {
    const after = conforming.replace(
      "| in_progress |                                  |",
      "| completed   | commit 9a1b2c3                   |",
    );
    const { rows, added, removed } = compareRevisions(conforming, after);
    expect([added, removed]).toEqual([1, 1]);
    expect(rows![0]).toEqual({ kind: "folded", count: 36 });
    expect(rows!.filter((r) => r.kind !== "folded" && r.kind !== "same")).toEqual([
      expect.objectContaining({ kind: "removed", before: 40, after: undefined, text: expect.stringContaining("in_progress") }),
      expect.objectContaining({ kind: "added", before: undefined, after: 40, text: expect.stringContaining("commit 9a1b2c3") }),
    ]);
    expect(rows!.at(-1)).toMatchObject({ kind: "folded" });
  });

  it("counts Decision Log entries and revision notes added, edited and removed", () => {
    const after = conforming
      .replace("Reason: no rounding in spreadsheets.", "Reason: no rounding errors in spreadsheets.")
      .replace("surprise.\n", "surprise.\n- 2026-03-05 — Clarified D2.\n");
    const [decisions, notes] = compareRevisions(conforming, after).history;
    expect(decisions).toMatchObject({
      name: "Decision Log",
      before: 2,
      after: 2,
      change: { rewritten: [expect.anything()], removed: [], added: [] },
    });
    expect(notes).toMatchObject({
      name: "Revision notes",
      before: 2,
      after: 3,
      change: { added: [expect.objectContaining({ text: "2026-03-05 — Clarified D2." })] },
    });
  });

  it("has nothing to show for equal texts and gives up on a change too big to diff line by line", () => {
    expect(compareRevisions(conforming, conforming).rows).toEqual([{ kind: "folded", count: conforming.split("\n").length }]);
    const side = MAX_EDIT_LENGTH / 2 + 1;
    const a = Array.from({ length: side }, (_, i) => `a${i}`).join("\n");
    const b = Array.from({ length: side }, (_, i) => `b${i}`).join("\n");
    expect(compareRevisions(a, b).rows).toBeNull();
  });
});
