// The self-review form of a solo learner's packet page.
import { selfReviewAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { RubricInput } from "@/components/packets/rubric-input";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { SELF_REVIEW_CHECKLIST } from "@/lib/reviews/self-review";
import type { PassThreshold } from "@/lib/rubric/dimensions";
import { count } from "@/lib/ui/plural";

/** A solo learner's self-review: the checklist, a rubric score and a reflection, opening after the cooling-off period. */
export function SelfReviewForm({
  packetId,
  coolingOffHours,
  threshold,
}: {
  packetId: string;
  coolingOffHours: number;
  threshold: PassThreshold;
}) {
  return (
    <ActionForm action={selfReviewAction} label="Self-review" className="card p-4">
      <input type="hidden" name="packetId" value={packetId} />
      <p className="mb-3 text-sm text-muted">
        Opens {count(coolingOffHours, "hour")} after submission. It is recorded and shown as a self-review, never as a reviewer&apos;s accept.
      </p>
      {SELF_REVIEW_CHECKLIST.map((item) => (
        <label key={item.id} className="mb-2 flex items-start gap-2 text-sm">
          <input type="checkbox" name="checklist" value={item.id} className="mt-1" /> {item.text}
        </label>
      ))}
      <RubricInput threshold={threshold} />
      <Field name="reflection" label="What you checked and what you would improve" multiline rows={3} />
      <SubmitButton>Record self-review</SubmitButton>
    </ActionForm>
  );
}
