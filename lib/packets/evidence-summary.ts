// A learner's evidence as progress and the status report read it, without loading every version
// and body: each item at its latest version with how many versions and files it has, and every
// version of the exercise results and drill attempts (what finished exercises and re-drills are
// computed from). Versions of an item count up from 1 without gaps and are never deleted; rows
// written at the same moment keep the order they were written in, as ids grow with time. As rows
// are only ever added, the summary is kept until the learner's count of rows or latest row changes.
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { stampedMemo } from "../stamped-memo";

/** An evidence item at its latest version. */
type EvidenceItem = {
  id: string;
  itemKey: string;
  version: number;
  kind: string;
  title: string;
  data: Prisma.JsonValue | null;
  createdAt: Date;
  /** When its first version was added, and that version's id. */
  firstAt: Date;
  firstId: string;
  versions: number;
  /** Versions that carry a stored file. */
  files: number;
};

/** One version of an exercise result or a drill attempt. */
type WorkRow = { id: string; itemKey: string; version: number; kind: string; data: Prisma.JsonValue | null; createdAt: Date };

export type PacketEvidence = { items: EvidenceItem[]; work: WorkRow[] };

const WORK_KINDS = ["exercise", "drill"];

/** Names one item of one packet in the maps below. */
export const itemRef = (packetId: string, itemKey: string) => `${packetId}\u0000${itemKey}`;

/**
 * Summaries are kept for the learners most recently seen, up to 10,000 rows of evidence behind
 * them together (a summary keeps at most one entry a row, about 830 bytes each as measured on the
 * cohort's learners: under 8 MB): a server's active learners come back within minutes. A stamp
 * starts with the learner's count of rows.
 */
const memo = stampedMemo("evidence summary", 10_000, (stamp) => 1 + Number(stamp.split(":")[0]));

/**
 * The evidence of every packet of a learner, by packet id: items in the order they were first
 * added, work rows oldest first. Callers share the result: they must not change it.
 */
export async function evidenceSummary(learnerId: string): Promise<Map<string, PacketEvidence>> {
  const client = await db();
  const { _count, _max } = await client.evidence.aggregate({
    where: { packet: { learnerId } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return memo(learnerId, `${_count._all}:${_max.createdAt?.getTime() ?? 0}`, () => readEvidenceSummary(learnerId));
}

async function readEvidenceSummary(learnerId: string): Promise<Map<string, PacketEvidence>> {
  const client = await db();
  const groups = await client.evidence.groupBy({
    by: ["packetId", "itemKey"],
    where: { packet: { learnerId } },
    _max: { version: true },
    _min: { createdAt: true, id: true },
    _count: { _all: true, sha256: true },
  });
  // One read for both: the latest versions (per packet and version, the items at it) and every work row.
  const latest = new Map<string, { packetId: string; version: number; itemKey: { in: string[] } }>();
  for (const g of groups) {
    const term = `${g.packetId}\u0000${g._max.version}`;
    (
      latest.get(term) ?? latest.set(term, { packetId: g.packetId, version: g._max.version!, itemKey: { in: [] } }).get(term)!
    ).itemKey.in.push(g.itemKey);
  }
  const rows = await client.evidence.findMany({
    where: { OR: [...latest.values(), { packetId: { in: [...new Set(groups.map((g) => g.packetId))] }, kind: { in: WORK_KINDS } }] },
    select: { id: true, packetId: true, itemKey: true, version: true, kind: true, title: true, data: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }, { id: "asc" }],
  });
  const summary = new Map<string, PacketEvidence>();
  const of = (packetId: string) => summary.get(packetId) ?? summary.set(packetId, { items: [], work: [] }).get(packetId)!;
  const byItem = new Map(groups.map((g) => [itemRef(g.packetId, g.itemKey), g]));
  for (const { packetId, title, ...row } of rows) {
    const group = byItem.get(itemRef(packetId, row.itemKey))!;
    if (row.version === group._max.version) {
      of(packetId).items.push({
        ...row,
        title,
        firstAt: group._min.createdAt!,
        firstId: group._min.id!,
        versions: group._count._all,
        files: group._count.sha256,
      });
    }
    if (WORK_KINDS.includes(row.kind)) of(packetId).work.push(row);
  }
  for (const { items } of summary.values())
    items.sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime() || (a.firstId < b.firstId ? -1 : 1));
  return summary;
}

/** Every column of the two latest versions of some items, for showing what changed between them. */
export async function latestTwoVersions(items: readonly { packetId: string; itemKey: string; version: number }[]) {
  if (items.length === 0) return new Map<string, never>();
  const client = await db();
  const rows = await client.evidence.findMany({
    where: { OR: items.map((i) => ({ packetId: i.packetId, itemKey: i.itemKey, version: { in: [i.version - 1, i.version] } })) },
  });
  const pairs = new Map<string, { previous: (typeof rows)[number]; latest: (typeof rows)[number] }>();
  for (const item of items) {
    const versions = rows.filter((r) => r.packetId === item.packetId && r.itemKey === item.itemKey).sort((a, b) => a.version - b.version);
    if (versions.length === 2) pairs.set(itemRef(item.packetId, item.itemKey), { previous: versions[0]!, latest: versions[1]! });
  }
  return pairs;
}
