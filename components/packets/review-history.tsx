import type { PacketDetail } from "@/lib/packets/queries";
import { formatTimestamp } from "@/lib/log/format";
import { IMPORTED_COMPLETION } from "@/lib/packets/imported";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/rubric/rubric";

const VERDICTS: Record<string, string> = { "self-review": "Self-review", accept: "Accepted", reject: "Rejected", rescore: "Rescored" };

/** Every review of a packet, oldest first; a self-review is always labelled as one. */
export function ReviewHistory({ reviews }: { reviews: PacketDetail["reviews"] }) {
  return (
    <ol className="space-y-3">
      {reviews.map((r) => (
        <li key={r.id} className="rounded-lg border border-line bg-surface p-4">
          <p className="font-medium">
            {VERDICTS[r.verdict] ?? r.verdict} by {r.reviewerName} · {formatTimestamp(r.createdAt)}
          </p>
          {r.importedAt ? (
            <p className="text-sm text-muted">
              Given in another install and imported with the profile on {formatTimestamp(r.importedAt)}: {IMPORTED_COMPLETION}.
            </p>
          ) : null}
          <p className="text-sm text-muted">{DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]} ${r.scoresParsed[d]}`).join(" · ")}</p>
          {r.feedback ? <p className="mt-1 whitespace-pre-wrap text-sm">{r.feedback}</p> : null}
        </li>
      ))}
    </ol>
  );
}
