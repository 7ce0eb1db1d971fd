import { describe, expect, it } from "vitest";
import { paginate } from "../pagination";
import { inPartOrder, pageGuide, partsOnPage } from "./playbook-pages";

const entry = (kind: string, n: number) => ({ kind, slug: `${kind}-${n}`, title: `${kind} ${n}` });
const many = (kind: string, count: number) => Array.from({ length: count }, (_, i) => entry(kind, i + 1));
/** Where the pages begin, four entries a page. */
const fours = (entries: unknown[]) => paginate(entries.length, 4, 1).starts;

describe("inPartOrder", () => {
  it("groups entries by part (index, scenarios, checklists) and keeps their order within a part", () => {
    const ordered = inPartOrder([entry("checklist", 1), entry("scenario", 1), entry("decision-tree", 1), entry("quick-reference", 1)]);
    expect(ordered.map((e) => e.title)).toEqual(["decision-tree 1", "quick-reference 1", "scenario 1", "checklist 1"]);
  });
});

describe("partsOnPage", () => {
  const ordered = inPartOrder([...many("quick-reference", 3), ...many("scenario", 4), ...many("checklist", 3)]);
  const summary = (page: number) =>
    partsOnPage(ordered, paginate(ordered.length, 4, page)).map((p) => ({
      name: p.part.name,
      total: p.total,
      startPage: p.startPage,
      first: p.first,
      titles: p.entries.map((e) => e.title),
      shown: p.shown,
    }));

  it("gives each part its share of a page, where the part begins and how far into it the page starts", () => {
    expect(summary(1)).toEqual([
      {
        name: "index",
        total: 3,
        startPage: 1,
        first: 0,
        titles: ["quick-reference 1", "quick-reference 2", "quick-reference 3"],
        shown: true,
      },
      { name: "scenarios", total: 4, startPage: 1, first: 0, titles: ["scenario 1"], shown: true },
      { name: "checklists", total: 3, startPage: 2, first: 0, titles: [], shown: false },
    ]);
    expect(summary(2).map((p) => [p.name, p.shown])).toEqual([
      ["index", false],
      ["scenarios", true],
      ["checklists", true],
    ]);
    expect(
      summary(2)
        .filter((p) => p.shown)
        .map((p) => [p.name, p.first, p.titles]),
    ).toEqual([
      ["scenarios", 1, ["scenario 2", "scenario 3", "scenario 4"]],
      ["checklists", 0, ["checklist 1"]],
    ]);
    expect(
      summary(3)
        .filter((p) => p.shown)
        .map((p) => [p.name, p.first, p.titles]),
    ).toEqual([["checklists", 1, ["checklist 2", "checklist 3"]]]);
  });

  it("shows an empty part on the page where it would begin, and nothing on a page past the end", () => {
    const noScenarios = inPartOrder([...many("quick-reference", 4), ...many("checklist", 2)]);
    const shownOn = (page: number) =>
      partsOnPage(noScenarios, paginate(noScenarios.length, 4, page))
        .filter((p) => p.shown)
        .map((p) => p.part.name);
    expect(shownOn(1)).toEqual(["index", "scenarios"]);
    expect(shownOn(2)).toEqual(["checklists"]);
    expect(shownOn(3)).toEqual([]);
    expect(partsOnPage([], paginate(0, 4, 1)).map((p) => [p.part.name, p.shown, p.startPage])).toEqual([
      ["index", true, 1],
      ["scenarios", true, 1],
      ["checklists", true, 1],
    ]);
  });
});

describe("pageGuide", () => {
  it("names, for each part, every page it spans with its first and last title there", () => {
    const ordered = inPartOrder([...many("quick-reference", 3), ...many("scenario", 4), ...many("checklist", 3)]);
    const guide = pageGuide(ordered, fours(ordered)).map((g) => [
      g.part.name,
      g.total,
      g.pages.map((p) => [p.page, p.first.title, p.last.title]),
    ]);
    expect(guide).toEqual([
      ["index", 3, [[1, "quick-reference 1", "quick-reference 3"]]],
      [
        "scenarios",
        4,
        [
          [1, "scenario 1", "scenario 1"],
          [2, "scenario 2", "scenario 4"],
        ],
      ],
      [
        "checklists",
        3,
        [
          [2, "checklist 1", "checklist 1"],
          [3, "checklist 2", "checklist 3"],
        ],
      ],
    ]);
    expect(pageGuide(ordered, fours(ordered))[1]!.pages[1]!.first.slug).toBe("scenario-2");
  });

  it("gives an empty part no pages, and an empty playbook no pages at all", () => {
    const guide = pageGuide(inPartOrder(many("checklist", 5)), fours(many("checklist", 5)));
    expect(guide.map((g) => [g.part.name, g.total, g.pages.map((p) => p.page)])).toEqual([
      ["index", 0, []],
      ["scenarios", 0, []],
      ["checklists", 5, [1, 2]],
    ]);
    expect(pageGuide([], []).flatMap((g) => g.pages)).toEqual([]);
  });
});
