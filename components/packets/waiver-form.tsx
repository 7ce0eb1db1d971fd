import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { waiverAction } from "@/app/review/actions";

type LearnerOption = { id: string; name: string };

/** A reviewer waives one prerequisite of one module for one learner, with a written reason. */
export function WaiverForm({ learners }: { learners: LearnerOption[] }) {
  return (
    <ActionForm action={waiverAction} label="Waive a prerequisite" className="rounded-lg border border-line bg-surface p-4">
      <Field name="learnerId" label="Learner">
        {learners.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field name="moduleNumber" label="Module" type="number" />
        <Field name="prerequisite" label="Prerequisite to waive" type="number" />
      </div>
      <Field name="reason" label="Reason" multiline rows={2} hint="Written to the plan log." />
      <SubmitButton tone="plain">Waive prerequisite</SubmitButton>
    </ActionForm>
  );
}
