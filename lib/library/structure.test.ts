// Checklist items and decision trees read from an entry's Markdown.
import { describe, expect, it } from "vitest";
import { checklistKeys, parseChecklist, parseDecisionTree } from "./structure";

describe("checklists", () => {
  it("keys each task item by its text, so a tick survives edits elsewhere", () => {
    const before = checklistKeys(parseChecklist("- [ ] one\n- [ ] two\n- [x] three"));
    const after = checklistKeys(parseChecklist("Intro.\n\n- [ ] zero\n- [ ] one\n- [ ] two\n- [ ] three"));
    expect(before).toHaveLength(3);
    expect(after.slice(1)).toEqual(before);
  });

  it("tells repeated items apart and reaches nested ones", () => {
    const blocks = parseChecklist("- [ ] same\n- [ ] same\n  - [ ] nested\n\n1. [ ] numbered");
    const keys = checklistKeys(blocks);
    expect(new Set(keys).size).toBe(4);
    expect(blocks.map((b) => b.kind)).toEqual(["list", "list"]);
    expect(blocks[1]).toMatchObject({ kind: "list", ordered: true, items: [{ label: "numbered" }] });
  });

  it("keeps other text as Markdown blocks and plain list items without a key", () => {
    const blocks = parseChecklist("# Before\n\n- plain\n- [ ] task\n\nAfter.");
    expect(blocks).toEqual([
      { kind: "markdown", source: "# Before" },
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [expect.objectContaining({ key: null, label: "plain" }), expect.objectContaining({ label: "task" })],
      },
      { kind: "markdown", source: "After." },
    ]);
  });
});

describe("decision trees", () => {
  it("reads a nested list as questions and actions, keeping text around it", () => {
    const tree = parseDecisionTree("Start here.\n\n- Red?\n  - yes: stop\n  - no\n    - Amber?\n      - yes: slow down\n\nDone.");
    expect(tree.before).toBe("Start here.");
    expect(tree.after).toBe("Done.");
    expect(tree.roots).toEqual([
      {
        text: "Red?",
        children: [
          { text: "yes: stop", children: [] },
          { text: "no", children: [{ text: "Amber?", children: [{ text: "yes: slow down", children: [] }] }] },
        ],
      },
    ]);
  });
});
