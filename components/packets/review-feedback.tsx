// The rejection feedback shown at the top of a learner's packet page.
import type { PacketDetail } from "@/lib/packets/queries";
import { DIMENSION_LABELS } from "@/lib/rubric/rubric";

/** A reviewer's rejection on the learner's packet page: the feedback, and the remediation work it names. */
export function ReviewFeedback({ review }: { review: PacketDetail["reviews"][number] }) {
  return (
    <section aria-labelledby="feedback" className="mb-6 rounded-lg border border-danger bg-danger-soft p-4">
      <h2 id="feedback" className="font-semibold">
        Review feedback from {review.reviewerName}
      </h2>
      <p className="mt-2 whitespace-pre-wrap">{review.feedback}</p>
      {review.remediationParsed ? (
        <div className="mt-3">
          <h3 className="font-semibold">Remediation work</h3>
          <p className="text-sm">Weak: {review.remediationParsed.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ")}</p>
          <ul className="list-disc pl-5 text-sm">
            {review.remediationParsed.drills.map((d) => (
              <li key={d.id}>
                Drill ({d.level}): {d.title}
              </li>
            ))}
            {review.remediationParsed.failureModes.map((f) => (
              <li key={f.symptom}>Failure mode to study: {f.symptom}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
