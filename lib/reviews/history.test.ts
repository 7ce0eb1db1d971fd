// The verdict that stands (rescores are not verdicts) and what changed since the last review.
import { describe, expect, it } from "vitest";
import { changedSinceLastReview, latestVerdict } from "./history";

describe("latestVerdict", () => {
  it("is the latest review that is not a rescore", () => {
    const reviews = [
      { verdict: "reject", n: 1 },
      { verdict: "accept", n: 2 },
      { verdict: "rescore", n: 3 },
    ];
    expect(latestVerdict(reviews)).toEqual({ verdict: "accept", n: 2 });
    expect(latestVerdict([...reviews, { verdict: "self-review", n: 4 }])?.n).toBe(4);
  });

  it("is undefined without reviews or with rescores only", () => {
    expect(latestVerdict([])).toBeUndefined();
    expect(latestVerdict([{ verdict: "rescore" }])).toBeUndefined();
  });
});

describe("changedSinceLastReview", () => {
  const v = (id: string, version: number, body: string, kind = "note") => ({ id, version, kind, title: `item ${id[0]}`, body });
  const a1 = v("a1", 1, "one\ntwo");
  const a2 = v("a2", 2, "one\nthree");
  const b1 = v("b1", 1, "", "link");
  const c1 = v("c1", 1, "new");
  const items = [
    { latest: a2, versions: [a1, a2] },
    { latest: b1, versions: [b1] },
    { latest: c1, versions: [c1] },
  ];

  it("lists items new or changed since the last non-self review, with a diff for each note", () => {
    const reviews = [
      { verdict: "reject", seen: ["a1", "b1"] },
      { verdict: "self-review", seen: ["a2", "b1", "c1"] },
    ];
    const { changed, diffs } = changedSinceLastReview({ reviews, items });
    expect(changed).toEqual(["a2", "c1"]);
    expect(diffs.map((d) => d.title)).toEqual(["item a: v1 → v2", "item c: v0 → v1"]);
    expect(diffs[0]!.lines.map((l) => `${l.kind} ${l.text}`)).toEqual(["same one", "removed two", "added three"]);
    expect(diffs[1]!.lines.map((l) => `${l.kind} ${l.text}`)).toEqual(["removed ", "added new"]);
  });

  it("has nothing to show before the first review", () => {
    expect(changedSinceLastReview({ reviews: [{ verdict: "self-review", seen: [] }], items })).toEqual({ changed: [], diffs: [] });
  });
});
