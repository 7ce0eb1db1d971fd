// The completion-proof form that submits a packet for review.
import { submitAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { RubricInput } from "@/components/packets/rubric-input";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import type { PacketDetail } from "@/lib/packets/queries";
import { CHECK_RESULTS, type Proof } from "@/lib/packets/proof";
import { ClaimEvidence } from "./claim-evidence";
import type { PassThreshold } from "@/lib/rubric/dimensions";

function CheckResultField({ name, label, defaultValue = "" }: { name: string; label: string; defaultValue?: string }) {
  return (
    <Field name={name} label={label} defaultValue={defaultValue}>
      <option value="">Choose…</option>
      {CHECK_RESULTS.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </Field>
  );
}

/**
 * The completion proof that submits a packet for review: gate results, self-score, risks and
 * claims backed by evidence. After a request for changes it starts from the proof sent last, so
 * the learner edits what changed instead of typing it all again.
 */
export function ProofForm({
  packetId,
  threshold,
  items,
  previous,
}: {
  packetId: string;
  threshold: PassThreshold;
  items: PacketDetail["items"];
  previous: Proof | null;
}) {
  return (
    <ActionForm action={submitAction} label="Submit for review" className="card p-4">
      <input type="hidden" name="packetId" value={packetId} />
      {previous ? (
        <p className="mb-4 text-sm text-muted">Filled in from the proof you sent last time: change what your rework changed.</p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <CheckResultField name="validationStatus" label="Build/validation status" defaultValue={previous?.validationStatus} />
          <Field
            name="validationDetail"
            label="What was validated (command and result)"
            multiline
            rows={2}
            defaultValue={previous?.validationDetail}
          />
        </div>
        <div>
          <CheckResultField name="drillStatus" label="Test/drill status" defaultValue={previous?.drillStatus} />
          <Field
            name="drillDetail"
            label="Which drills and tests ran, with results"
            multiline
            rows={2}
            defaultValue={previous?.drillDetail}
          />
        </div>
      </div>
      <h3 className="mb-2 font-semibold">Self-score</h3>
      <RubricInput threshold={threshold} defaults={previous?.selfScores} />
      <FieldError name="selfScores" />
      <Field name="rubricSummary" label="Rubric score summary" multiline rows={2} defaultValue={previous?.rubricSummary} />
      <Field name="risks" label="Risks" multiline rows={2} defaultValue={previous?.risks} />
      <Field name="followUps" label="Follow-ups" multiline rows={2} defaultValue={previous?.followUps} />
      <h3 className="mb-2 font-semibold">Assessment claims and their evidence</h3>
      {[0, 1, 2].map((i) => (
        <fieldset key={i} className="mb-3 rounded border border-line p-3">
          <legend className="px-1 text-sm">
            Claim {i + 1}
            {i > 0 ? " (optional)" : ""}
          </legend>
          <Field name={`claim${i}`} label="What you claim" defaultValue={previous?.claims[i]?.claim} />
          <p className="text-sm">Backed by:</p>
          {items.length === 0 ? <p className="text-sm text-muted">Add evidence first.</p> : null}
          <ClaimEvidence index={i} items={items} previous={previous?.claims[i]?.evidence ?? []} />
          <FieldError name={`claims.${i}.evidence`} />
        </fieldset>
      ))}
      <FieldError name="claims" />
      <SubmitButton>Submit for review</SubmitButton>
    </ActionForm>
  );
}
