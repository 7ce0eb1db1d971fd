// The forms of a learner's packet page that add evidence: notes, links, files, drills, exercise results and exit tickets.
import { evidenceAction } from "@/app/programs/[program]/modules/[module]/packet/actions";
import { DrillTimer } from "@/components/packets/drill-timer";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import type { Module } from "@/lib/content";
import { MAX_FILE_BYTES } from "@/lib/files";
import type { PacketDetail } from "@/lib/packets/queries";
import { megabytes } from "@/lib/security/file-size";

const box = "rounded-lg border border-line bg-surface p-4";

/** The forms that add a note (or a new version of one), a link or a file to a packet. */
export function AddEvidenceForms({ packetId, items }: { packetId: string; items: PacketDetail["items"] }) {
  return (
    <>
      <ActionForm action={evidenceAction} label="Add a note" className={`${box} mb-4`}>
        <input type="hidden" name="packetId" value={packetId} />
        <input type="hidden" name="kind" value="note" />
        <Field name="itemKey" label="Evidence item">
          <option value="">A new note</option>
          {items
            .filter((i) => i.latest.kind === "note")
            .map((i) => (
              <option key={i.key} value={i.key}>
                New version of “{i.latest.title}”
              </option>
            ))}
        </Field>
        <Field name="title" label="Title" />
        <Field name="body" label="Note (Markdown)" multiline rows={5} />
        <SubmitButton>Save note</SubmitButton>
      </ActionForm>
      <ActionForm action={evidenceAction} label="Add a link" className={`${box} mb-4`}>
        <input type="hidden" name="packetId" value={packetId} />
        <input type="hidden" name="kind" value="link" />
        <Field name="title" label="Link title" />
        <Field name="url" label="Address" type="url" />
        <SubmitButton tone="plain">Save link</SubmitButton>
      </ActionForm>
      <ActionForm action={evidenceAction} label="Attach a file" className={`${box} mb-4`} encType="multipart/form-data">
        <input type="hidden" name="packetId" value={packetId} />
        <input type="hidden" name="kind" value="file" />
        <Field name="title" label="File title" />
        <Field name="file" label={`File (up to ${megabytes(MAX_FILE_BYTES)})`} type="file" maxBytes={MAX_FILE_BYTES} />
        <FieldError name="bytes" />
        <SubmitButton tone="plain">Upload file</SubmitButton>
      </ActionForm>
    </>
  );
}

/** The module's work recorded as evidence: a drill attempt, an exercise result and each exit-ticket answer. */
export function WorkForms({ packetId, mod }: { packetId: string; mod: Module }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section id="drills" title="Record a drill attempt">
        <ActionForm action={evidenceAction} label="Record a drill" className={box}>
          <input type="hidden" name="packetId" value={packetId} />
          <input type="hidden" name="kind" value="drill" />
          <Field name="drillId" label="Drill">
            {mod.meta.drills.map((d) => (
              <option key={d.id} value={d.id}>
                {d.level}: {d.title}
                {d.timebox ? ` (${d.timebox.reps} reps in ${d.timebox.minutes} min)` : ""}
              </option>
            ))}
          </Field>
          <DrillTimer timeboxMinutes={mod.meta.drills.find((d) => d.timebox)?.timebox?.minutes} />
          <FieldError name="seconds" />
          <Field name="reps" label="Reps completed" type="number" defaultValue="1" />
          <label className="mb-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="passed" /> Met the drill&apos;s standard
          </label>
          <Field name="title" label="Label" defaultValue="Drill attempt" />
          <Field name="body" label="Notes" multiline rows={2} />
          <SubmitButton tone="plain">Record attempt</SubmitButton>
        </ActionForm>
      </Section>
      <Section id="exercise-results" title="Record an exercise result">
        <ActionForm action={evidenceAction} label="Record an exercise result" className={box}>
          <input type="hidden" name="packetId" value={packetId} />
          <input type="hidden" name="kind" value="exercise" />
          <Field name="exercise" label="Exercise">
            {mod.exercises.map((e) => (
              <option key={e.slug} value={e.slug}>
                {mod.meta.number}.{e.meta.number} {e.meta.title}
              </option>
            ))}
          </Field>
          <Field name="title" label="Label" defaultValue="Exercise result" />
          <Field name="body" label="Result against the success criteria, and where its evidence is" multiline rows={4} />
          <SubmitButton tone="plain">Save result</SubmitButton>
        </ActionForm>
      </Section>
      <Section id="exit-ticket" title="Exit ticket">
        {mod.meta.exitTicket.map((question, index) => (
          <ActionForm key={question} action={evidenceAction} label={`Exit ticket question ${index + 1}`} className={`${box} mb-3`}>
            <input type="hidden" name="packetId" value={packetId} />
            <input type="hidden" name="kind" value="exit-ticket" />
            <input type="hidden" name="question" value={index} />
            <input type="hidden" name="title" value={`Exit ticket ${index + 1}`} />
            <Field name="body" label={`${index + 1}. ${question}`} multiline rows={3} />
            <SubmitButton tone="plain">Save answer</SubmitButton>
          </ActionForm>
        ))}
      </Section>
    </div>
  );
}
