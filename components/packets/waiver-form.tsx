import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { waiverAction } from "@/app/review/actions";
import type { WaiverChoice } from "@/lib/reviews/queue";

/** A reviewer waives one prerequisite of one module for a learner, chosen from those still in the way, with a written reason. */
export function WaiverForm({ learner }: { learner: { id: string; name: string; choices: WaiverChoice[] } }) {
  return (
    <ActionForm action={waiverAction} label={`Waive a prerequisite for ${learner.name}`} className="mt-2 rounded-lg border border-line p-4">
      <input type="hidden" name="learnerId" value={learner.id} />
      <Field name="waiver" label="Module and the prerequisite to skip">
        {learner.choices.map((c) => (
          <option key={`${c.moduleNumber}:${c.prerequisite}`} value={`${c.moduleNumber}:${c.prerequisite}`}>
            {c.label}
          </option>
        ))}
      </Field>
      <Field name="reason" label="Reason" multiline rows={2} hint="Written to the plan log." />
      <SubmitButton tone="plain">Waive prerequisite</SubmitButton>
    </ActionForm>
  );
}
