// Section 4 of the status update: the latest evidence changes, each as a unified diff between
// its two latest versions.
import { unifiedDiff } from "../../diff";
import { formatMoment } from "../../time/zone";
import { itemRef } from "../../packets/evidence-summary";
import type { LearnerSnapshot } from "../../progress/snapshot";
import { fence, noData, oneLine } from "../markdown";
import { type Context, moduleName, type VersionPairs } from "./context";

/** How many evidence changes the report shows as diffs. */
export const MAX_DIFFS = 10;
const DIFF_CONTEXT = 2;

type EvidenceRow = NonNullable<ReturnType<VersionPairs["get"]>>["latest"];
const evidenceText = (row: EvidenceRow) =>
  [
    row.url ? `url: ${row.url}` : "",
    row.fileName ? `file: ${row.fileName} (${row.fileSize} bytes, sha256 ${row.sha256})` : "",
    row.data && row.kind !== "file" ? `data: ${row.data}` : "",
    row.body,
  ]
    .filter(Boolean)
    .join("\n");

/** Evidence items of the current attempts that have a second version, the latest change first. */
export function evidenceChanges(snapshot: LearnerSnapshot) {
  const changes = snapshot.program.modules.flatMap((mod) => {
    const packet = snapshot.current.get(mod.meta.number);
    return packet ? packet.items.filter((item) => item.versions > 1).map((item) => ({ packet, item })) : [];
  });
  return changes.sort((x, y) => y.item.createdAt.getTime() - x.item.createdAt.getTime() || x.item.itemKey.localeCompare(y.item.itemKey));
}

export function atomicDiffs(ctx: Context): string[] {
  const changes = evidenceChanges(ctx.snapshot).map(({ packet, item }) => {
    const audit = ctx.audits.find((a) => a.packet === packet)!;
    const { previous, latest } = ctx.diffs.get(itemRef(packet.id, item.itemKey)) ?? {};
    const claimed = (audit.proof?.claims ?? []).some((c) => c.evidence.includes(item.itemKey));
    return { audit, key: item.itemKey, previous, latest, claimed };
  });
  const shown = changes.slice(0, MAX_DIFFS).flatMap(({ previous, latest, ...c }) => {
    if (!previous || !latest) return [];
    const rejectedBetween = c.audit.packet!.reviews.some(
      (r) => r.verdict === "reject" && r.createdAt > previous.createdAt && r.createdAt <= latest.createdAt,
    );
    return [{ ...c, previous, latest, rejectedBetween }];
  });
  if (shown.length === 0)
    return ["4. **Atomic Diffs**", noData("no evidence item has a second version yet; each reworked item will show here as a diff.")];
  return [
    "4. **Atomic Diffs**",
    `${shown.length === 1 ? "The latest evidence change" : `The ${shown.length} latest evidence changes`}, each a new version that leaves the earlier one in place${changes.length > shown.length ? ` (${changes.length - shown.length} older not shown)` : ""}.`,
    ...shown.flatMap((c, i) => [
      `### Atomic Diff ${i + 1} — ${moduleName(c.audit)}: ${c.latest.title} (v${c.previous.version} → v${c.latest.version})`,
      `- **Why:** ${c.rejectedBetween ? "rework after the reviewer's rejection" : "the learner revised the item"} on ${formatMoment(c.latest.createdAt, ctx.snapshot.zone)} (by ${c.latest.actorLabel}).`,
      `- **Risk:** ${c.audit.proof ? oneLine(c.audit.proof.risks, 200) : "no completion proof names a risk yet"}.`,
      `- **Rollback:** add version v${c.latest.version + 1} with the text of v${c.previous.version}; versions are never edited or deleted.`,
      `- **Tests/docs:** ${c.claimed ? "backs a claim of the latest completion proof" : "not yet cited by a completion proof claim"}.`,
      fence(
        unifiedDiff(evidenceText(c.previous), evidenceText(c.latest), {
          from: `${c.key} v${c.previous.version}`,
          to: `${c.key} v${c.latest.version}`,
          context: DIFF_CONTEXT,
        }),
        "diff",
      ),
    ]),
  ];
}
