// The request for changes shown at the top of a learner's packet page.
import { TickBox } from "@/components/library/tick-box";
import { feedbackTickAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import type { PacketDetail } from "@/lib/packets/queries";
import { splitFeedback } from "@/lib/reviews/feedback";
import { DIMENSION_LABELS } from "@/lib/rubric/rubric";

/**
 * A reviewer's request for changes on the learner's packet page: the feedback, its list items as
 * a checklist the learner ticks while reworking (saved on change, seen by the reviewer), then each
 * dimension that scored too low with the reviewer's remark, and the module's drills and failure
 * modes that train it, folded under it.
 */
export function ReviewFeedback({ review, reworking }: { review: PacketDetail["reviews"][number]; reworking: boolean }) {
  const remediation = review.remediationParsed;
  const { prose } = splitFeedback(review.feedback);
  const done = review.checklist.filter((c) => c.done).length;
  return (
    <section aria-labelledby="feedback" className="mb-6 rounded-lg border border-accent bg-accent-soft p-4">
      <h2 id="feedback" className="font-semibold">
        Changes requested by {review.reviewerName}
      </h2>
      {prose ? <p className="mt-2 whitespace-pre-wrap">{prose}</p> : null}
      {review.checklist.length > 0 ? (
        <div className="mt-3">
          <h3 id="to-change" className="font-semibold">
            To change{" "}
            <span className="text-sm font-normal text-muted">
              ({done} of {review.checklist.length} marked done{reworking ? "; ticks save as you go" : ""})
            </span>
          </h3>
          <ul aria-labelledby="to-change" className="mt-1 space-y-1">
            {review.checklist.map((c) => (
              <li key={c.number}>
                {reworking ? (
                  <TickBox slug={review.packetId} itemKey={String(c.number)} ticked={c.done} action={feedbackTickAction}>
                    {c.text}
                  </TickBox>
                ) : (
                  <span>
                    <span aria-hidden="true">{c.done ? "✓" : "○"}</span> <span className="sr-only">{c.done ? "Done:" : "Open:"}</span>{" "}
                    {c.text}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {remediation && remediation.dimensions.length > 0 ? (
        <div className="mt-3">
          <h3 className="font-semibold">Work on</h3>
          <ul className="mt-1 space-y-2">
            {remediation.dimensions.map((d) => {
              const drills = remediation.drills.filter((drill) => drill.dimensions.includes(d));
              const failureModes = remediation.failureModes.filter((f) => f.dimension === d);
              return (
                <li key={d} className="rounded border border-line bg-surface p-3">
                  <p className="font-medium">
                    {DIMENSION_LABELS[d]}: {review.scoresParsed[d]} of 5
                  </p>
                  {review.remarksParsed[d] ? <p className="text-sm">{review.remarksParsed[d]}</p> : null}
                  {drills.length + failureModes.length > 0 ? (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer">
                        {drills.length} {drills.length === 1 ? "drill" : "drills"} and {failureModes.length}{" "}
                        {failureModes.length === 1 ? "failure mode" : "failure modes"} that train it
                      </summary>
                      <ul className="mt-1 list-disc pl-5">
                        {drills.map((drill) => (
                          <li key={drill.id}>
                            Drill ({drill.level}): {drill.title}
                          </li>
                        ))}
                        {failureModes.map((f) => (
                          <li key={f.symptom}>Failure mode to study: {f.symptom}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
