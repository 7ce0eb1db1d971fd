import type { PacketDetail } from "@/lib/packets/queries";
import { Moment } from "@/components/ui/moment";
import { IMPORTED_COMPLETION } from "@/lib/packets/imported";
import { splitFeedback } from "@/lib/reviews/feedback";
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from "@/lib/rubric/rubric";

const VERDICTS: Record<string, string> = { "self-review": "Self-review", accept: "Accepted", reject: "Rejected", rescore: "Rescored" };

/** Each dimension's score, with the reviewer's remark on it where they wrote one. */
function ScoresWithRemarks({ scores, remarks }: { scores: Record<Dimension, number>; remarks: Record<string, string> }) {
  return (
    <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      {DIMENSIONS.map((d) => (
        <div key={d} className="contents">
          <dt className="font-medium">
            {DIMENSION_LABELS[d]} {scores[d]}
          </dt>
          <dd className="text-muted">{remarks[d] ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every review of a packet, oldest first; a self-review is always labelled as one. */
export function ReviewHistory({ reviews }: { reviews: PacketDetail["reviews"] }) {
  return (
    <ol className="space-y-3">
      {reviews.map((r) => (
        <li key={r.id} className="card p-4">
          <p className="font-medium">
            {VERDICTS[r.verdict] ?? r.verdict} by {r.reviewerName} · <Moment at={r.createdAt} />
          </p>
          {r.importedAt ? (
            <p className="text-sm text-muted">
              Given in another install and imported with the profile on <Moment at={r.importedAt} />: {IMPORTED_COMPLETION}.
            </p>
          ) : null}
          <ScoresWithRemarks scores={r.scoresParsed} remarks={r.remarksParsed} />
          {r.checklist.length === 0 && r.feedback ? <p className="mt-1 whitespace-pre-wrap text-sm">{r.feedback}</p> : null}
          {r.checklist.length > 0 ? (
            <div className="mt-2 text-sm">
              {splitFeedback(r.feedback).prose ? <p className="mb-1 whitespace-pre-wrap">{splitFeedback(r.feedback).prose}</p> : null}
              <p className="font-medium">
                Checklist: {r.checklist.filter((c) => c.done).length} of {r.checklist.length} marked done by the learner
              </p>
              <ul className="mt-1 space-y-0.5">
                {r.checklist.map((c) => (
                  <li key={c.number}>
                    <span aria-hidden="true">{c.done ? "✓" : "○"}</span> <span className="sr-only">{c.done ? "Done:" : "Open:"}</span>{" "}
                    {c.text}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
