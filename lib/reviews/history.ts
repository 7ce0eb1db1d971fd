// Read rules over a packet's reviews: the verdict that stands, and what the learner changed
// since a reviewer last looked.
import { type DiffLine, diffLines } from "../diff";

/** The latest review that is a verdict: a rescore corrects the scores of a verdict but is not one. Reviews are oldest first. */
export function latestVerdict<R extends { verdict: string }>(reviews: readonly R[]): R | undefined {
  return reviews.filter((r) => r.verdict !== "rescore").at(-1);
}

type Version = { id: string; version: number; kind: string; title: string; body: string };
type Reviewed = { reviews: readonly { verdict: string; seen: string[] }[]; items: readonly { latest: Version; versions: Version[] }[] };

/**
 * The evidence items that are new or have a new version since the last review that was not a
 * self-review, and for each such note a line diff from the version that review saw.
 */
export function changedSinceLastReview(detail: Reviewed): { changed: string[]; diffs: { title: string; lines: DiffLine[] }[] } {
  const lastSeen = detail.reviews.filter((r) => r.verdict !== "self-review").at(-1)?.seen;
  if (!lastSeen) return { changed: [], diffs: [] };
  const changed = detail.items.filter((item) => !lastSeen.includes(item.latest.id));
  const diffs = changed
    .filter((item) => item.latest.kind === "note")
    .map((item) => {
      const before = item.versions.filter((v) => lastSeen.includes(v.id)).at(-1);
      return {
        title: `${item.latest.title}: v${before?.version ?? 0} → v${item.latest.version}`,
        lines: diffLines(before?.body ?? "", item.latest.body),
      };
    });
  return { changed: changed.map((item) => item.latest.id), diffs };
}
