// The forms of a learner's packet page that record work: evidence (a note, link or file, or a new
// version of one), exercise results, drill attempts with their server-side stopwatch, and exit tickets.
import {
  discardDrillAction,
  evidenceAction,
  startDrillAction,
  stopDrillAction,
} from "@/app/programs/[program]/modules/[module]/packet/actions";
import { KindSwitch } from "@/components/packets/kind-switch";
import { Elapsed } from "@/components/progress/elapsed";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import type { Module } from "@/lib/content";
import { MAX_FILE_BYTES } from "@/lib/files";
import { artifactName } from "@/lib/packets/requirements";
import { drillAttempt, drillSummary } from "@/lib/packets/evidence-data";
import { Moment } from "@/components/ui/moment";
import type { PacketDetail } from "@/lib/packets/queries";
import { megabytes } from "@/lib/security/file-size";

const box = "card p-4";
const fileLabel = `File (up to ${megabytes(MAX_FILE_BYTES)})`;

/** The one form that adds a note, link or file, or a new version of one, optionally as one of the module's listed artifacts. */
export function AddEvidenceForm({
  packetId,
  items,
  artifacts,
  artifact,
  uploadTo,
}: {
  packetId: string;
  items: PacketDetail["items"];
  artifacts: string[];
  /** The artifact chosen in advance (from the requirements checklist). */
  artifact?: number;
  uploadTo: string;
}) {
  const versionable = items.filter((i) => ["note", "link", "file"].includes(i.latest.kind));
  return (
    <ActionForm
      action={evidenceAction}
      label="Add evidence"
      className={`${box} evidence-kinds`}
      encType="multipart/form-data"
      upload={uploadTo}
    >
      <input type="hidden" name="packetId" value={packetId} />
      <KindSwitch />
      <div className="grid gap-x-4 md:grid-cols-2">
        <Field name="title" label="Title" />
        <Field name="itemKey" label="Evidence item">
          <option value="">A new item</option>
          {versionable.map((i) => (
            <option key={i.key} value={i.key}>
              New version of “{i.latest.title}” ({i.latest.kind})
            </option>
          ))}
        </Field>
      </div>
      <div data-kinds="note">
        <Field name="body" label="Note (Markdown)" multiline rows={5} />
      </div>
      <div data-kinds="link">
        <Field name="url" label="Address" type="url" />
      </div>
      <div data-kinds="file">
        <Field name="file" label={fileLabel} type="file" maxBytes={MAX_FILE_BYTES} />
        <FieldError name="bytes" />
      </div>
      <Field name="artifact" label="Listed artifact (optional)" defaultValue={artifact === undefined ? "" : String(artifact)}>
        <option value="">Not one of the module&apos;s artifacts</option>
        {artifacts.map((a, i) => (
          <option key={a} value={i}>
            {artifactName(a)}
          </option>
        ))}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save evidence</SubmitButton>
    </ActionForm>
  );
}

/** On an evidence card: the next version of a note (its text), a link (its address) or a file (a new upload). */
export function NewVersionForm({
  packetId,
  latest,
  uploadTo,
}: {
  packetId: string;
  latest: PacketDetail["evidence"][number];
  uploadTo?: string;
}) {
  const action = latest.kind === "file" ? "Upload new version" : "New version";
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium">{action}</summary>
      <ActionForm
        action={evidenceAction}
        label={`${action} of ${latest.title}`}
        className="mt-2"
        encType={latest.kind === "file" ? "multipart/form-data" : undefined}
        upload={latest.kind === "file" ? uploadTo : undefined}
      >
        <input type="hidden" name="packetId" value={packetId} />
        <input type="hidden" name="kind" value={latest.kind} />
        <input type="hidden" name="itemKey" value={latest.itemKey} />
        <Field name="title" label="Title" defaultValue={latest.title} />
        {latest.kind === "file" ? (
          <>
            <Field name="file" label={fileLabel} type="file" maxBytes={MAX_FILE_BYTES} />
            <FieldError name="bytes" />
          </>
        ) : latest.kind === "link" ? (
          <Field name="url" label="Address" type="url" defaultValue={latest.url ?? ""} />
        ) : (
          <Field name="body" label="Note (Markdown)" multiline rows={5} defaultValue={latest.body} />
        )}
        <SubmitButton tone="plain" pendingLabel={latest.kind === "file" ? "Uploading…" : "Saving…"}>
          Save v{latest.version + 1}
        </SubmitButton>
      </ActionForm>
    </details>
  );
}

/** The result of one of the module's exercises, chosen here or in advance (from the exercise page). */
export function ExerciseResultForm({ packetId, mod, exercise }: { packetId: string; mod: Module; exercise?: string }) {
  return (
    <ActionForm action={evidenceAction} label="Record an exercise result" className={box}>
      <input type="hidden" name="packetId" value={packetId} />
      <input type="hidden" name="kind" value="exercise" />
      <Field name="exercise" label="Exercise" defaultValue={exercise}>
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
  );
}

function DrillOptions({ mod }: { mod: Module }) {
  return mod.meta.drills.map((d) => (
    <option key={d.id} value={d.id}>
      {d.level}: {d.title}
      {d.timebox ? ` (${d.timebox.reps} reps in ${d.timebox.minutes} min)` : ""}
    </option>
  ));
}

type Run = { drillId: string; startedAt: Date };

/**
 * Drill attempts: a stopwatch kept on the server (start, then stop and record, and the time counts
 * towards the module's hours), or an attempt timed elsewhere typed in.
 */
export function DrillForms({
  packetId,
  mod,
  run,
  now,
  drill,
  attempts,
}: {
  packetId: string;
  mod: Module;
  run: Run | null;
  now: Date;
  drill?: string;
  /** The drill attempts recorded in this packet, oldest first. */
  attempts: PacketDetail["evidence"];
}) {
  const running = run ? mod.meta.drills.find((d) => d.id === run.drillId) : undefined;
  const recorded = attempts.flatMap((row) => {
    const data = drillAttempt(row.data);
    return data ? [{ row, data, title: mod.meta.drills.find((d) => d.id === data.drillId)?.title ?? data.drillId }] : [];
  });
  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      {run ? (
        <div className="rounded-lg border border-accent bg-accent-soft p-4">
          <ActionForm action={stopDrillAction} label="Running drill">
            <input type="hidden" name="packetId" value={packetId} />
            <p className="text-sm">
              Stopwatch running on <strong>{running?.title ?? run.drillId}</strong>
              {running?.timebox ? ` — time box ${running.timebox.reps} reps in ${running.timebox.minutes} min` : ""}
            </p>
            <p className="my-2">
              <Elapsed since={run.startedAt.toISOString()} serverNow={now.getTime()} />
            </p>
            <Field name="reps" label="Reps completed" type="number" defaultValue="1" />
            <label className="mb-3 flex items-center gap-2 text-sm">
              <input type="checkbox" name="passed" /> Met the drill&apos;s standard
            </label>
            <Field name="title" label="Label" defaultValue="Drill attempt" />
            <Field name="body" label="Notes" multiline rows={2} />
            <SubmitButton>Stop and record</SubmitButton>
          </ActionForm>
          <ActionForm action={discardDrillAction} label="Discard drill stopwatch" className="mt-3">
            <input type="hidden" name="packetId" value={packetId} />
            <SubmitButton tone="plain">Discard without recording</SubmitButton>
          </ActionForm>
        </div>
      ) : (
        <ActionForm action={startDrillAction} label="Start a drill" className={box}>
          <input type="hidden" name="packetId" value={packetId} />
          <p className="mb-3 text-sm text-muted">
            The stopwatch runs on the server: reload or leave, it keeps the time. Its time counts towards the module&apos;s hours.
          </p>
          <Field name="drillId" label="Drill" defaultValue={drill}>
            <DrillOptions mod={mod} />
          </Field>
          <SubmitButton>Start the stopwatch</SubmitButton>
        </ActionForm>
      )}
      <details className={box}>
        <summary className="cursor-pointer font-medium">Record an attempt timed elsewhere</summary>
        <ActionForm action={evidenceAction} label="Record a drill" className="mt-3">
          <input type="hidden" name="packetId" value={packetId} />
          <input type="hidden" name="kind" value="drill" />
          <Field name="drillId" label="Drill" defaultValue={drill}>
            <DrillOptions mod={mod} />
          </Field>
          <Field name="seconds" label="Seconds it took" type="number" />
          <Field name="reps" label="Reps completed" type="number" defaultValue="1" />
          <label className="mb-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="passed" /> Met the drill&apos;s standard
          </label>
          <Field name="title" label="Label" defaultValue="Drill attempt" />
          <Field name="body" label="Notes" multiline rows={2} />
          <SubmitButton tone="plain">Record attempt</SubmitButton>
        </ActionForm>
      </details>
      <div className="lg:col-span-2">
        <h2 className="mb-2 text-lg font-bold">Recorded attempts</h2>
        {recorded.length === 0 ? (
          <p className="text-sm text-muted">No attempt recorded yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" aria-label="Recorded drill attempts">
            {recorded.toReversed().map(({ row, data, title }) => (
              <li key={row.id}>
                <strong>{title}</strong>: {drillSummary(data)} · <Moment at={row.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** One form per exit-ticket question; an answer saved again is a new version of the same item. */
export function ExitTicketForms({ packetId, mod, answers }: { packetId: string; mod: Module; answers: Map<number, string> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {mod.meta.exitTicket.map((question, index) => (
        <div key={question} id={`exit-ticket-${index + 1}`}>
          <ActionForm action={evidenceAction} label={`Exit ticket question ${index + 1}`} className={`${box} h-full`}>
            <input type="hidden" name="packetId" value={packetId} />
            <input type="hidden" name="kind" value="exit-ticket" />
            <input type="hidden" name="question" value={index} />
            <input type="hidden" name="title" value={`Exit ticket ${index + 1}`} />
            <Field name="body" label={`${index + 1}. ${question}`} multiline rows={4} defaultValue={answers.get(index)} />
            <SubmitButton tone="plain">{answers.has(index) ? "Save new answer" : "Save answer"}</SubmitButton>
          </ActionForm>
        </div>
      ))}
    </div>
  );
}
