import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { addTimeAction, correctTimeAction } from "@/app/actions";
import { LearnerPicker } from "@/components/progress/learner-picker";
import { TargetOptions, targetLabel, TimerPanel } from "@/components/progress/timer-panel";
import { TimeSummary } from "@/components/progress/time-summary";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { SignInPrompt } from "@/components/ui/sign-in-prompt";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { readableLearners } from "@/lib/auth/access";
import { formatDuration, weekStart } from "@/lib/progress/calendar";
import { learnerSnapshot } from "@/lib/progress/snapshot";
import { progressSubject } from "@/lib/progress/subject";
import type { EffectiveEntry } from "@/lib/time/aggregate";
import { MAX_ENTRY_MINUTES } from "@/lib/time/service";
import { viewerZone } from "@/lib/time/viewer";
import { dayKey, formatMoment } from "@/lib/time/zone";
import { notFoundIfForbidden } from "../refusal";

export const metadata: Metadata = { title: "Time" };

const SOURCE = { timer: "timer", manual: "added by hand" } as Record<string, string>;
const box = "card p-4";

type Zones = { learner: string; viewer: string };

function CorrectionForm({
  entry,
  program,
  zones,
}: {
  entry: EffectiveEntry;
  program: Parameters<typeof TargetOptions>[0]["program"];
  zones: Zones;
}) {
  return (
    <details>
      <summary className="cursor-pointer text-accent underline">Correct</summary>
      <ActionForm
        action={correctTimeAction}
        label={`Correct the entry of ${formatMoment(entry.startedAt, zones.viewer)}`}
        className="mt-2 min-w-64"
      >
        <input type="hidden" name="entryId" value={entry.id} />
        <Field
          name="target"
          label="Module or exercise"
          defaultValue={entry.exercise ? `${entry.moduleNumber}:${entry.exercise}` : String(entry.moduleNumber)}
        >
          <TargetOptions program={program} />
        </Field>
        <Field name="date" label="Day" type="date" defaultValue={dayKey(entry.startedAt, zones.learner)} />
        <Field
          name="minutes"
          label="Minutes (0 takes the entry's time out)"
          type="number"
          defaultValue={String(Math.round(entry.seconds / 60))}
        />
        <Field name="note" label="Why the time changes" />
        <SubmitButton tone="plain">Save the correction</SubmitButton>
      </ActionForm>
    </details>
  );
}

export default async function TimePage({ searchParams }: { searchParams: Promise<{ learner?: string }> }) {
  const { learner: requested } = await searchParams;
  const header = (
    <PageHeader title="Time">
      Time on each module and exercise: the timer, time added by hand and corrections. Entries are never edited; a correction is a new
      entry.
    </PageHeader>
  );
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <>
        {header}
        <SignInPrompt to="to track your time." />
      </>
    );
  }
  const subject = await progressSubject(signedIn, requested).catch((error: unknown) => {
    notFoundIfForbidden(error);
    return null;
  });
  const learners = signedIn.asReviewer ? await readableLearners(signedIn) : [];
  if (!subject) {
    return (
      <>
        {header}
        <LearnerPicker learners={learners} action="/time" />
        <p className={`${box} text-muted`}>
          No learner profile to show: {learners.length > 0 ? "choose a learner." : "there is no learner profile yet."}
        </p>
      </>
    );
  }
  const snapshot = await learnerSnapshot(subject.learnerId);
  const { program, time } = snapshot;
  const zones: Zones = { learner: snapshot.zone, viewer: await viewerZone() };
  const own = subject.own;
  const start = snapshot.facts.start;
  const entries = [...time.entries].reverse();
  return (
    <>
      {header}
      <LearnerPicker learners={learners} selected={subject.learnerId} action="/time" />
      <p className="mb-4 text-sm text-muted">
        {own ? "Your" : `${subject.learnerName}'s (read-only):`} days and weeks fall in {snapshot.zone}
        {own ? (
          <>
            {" "}
            (change it in{" "}
            <Link href="/settings#time-zone" className="underline">
              Settings
            </Link>
            )
          </>
        ) : null}
        .
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {own ? <TimerPanel program={program} running={time.running} now={snapshot.now} /> : null}
        {own ? (
          <ActionForm action={addTimeAction} label="Add time" className={box}>
            <h2 className="mb-2 font-semibold">Add time by hand</h2>
            <Field name="target" label="Module or exercise">
              <TargetOptions program={program} />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field name="date" label="Day" type="date" defaultValue={dayKey(snapshot.now, zones.learner)} />
              <Field name="minutes" label={`Minutes (1–${MAX_ENTRY_MINUTES})`} type="number" />
            </div>
            <Field name="note" label="Note (optional)" />
            <SubmitButton tone="plain">Add the time</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
      <Section id="totals" title="Per module">
        <TimeSummary program={program} totals={time.totals} />
      </Section>
      <Section id="weeks" title="Per week">
        {start && time.totals.byWeek.length > 0 ? (
          <DataTable
            label="Time per week"
            headers={["Week", "From", "Time"]}
            rowHeaders
            rows={time.totals.byWeek.map((seconds, i) => ({
              key: String(i),
              cells: [
                `Week ${i + 1}`,
                dayKey(weekStart(start, i + 1, zones.learner), zones.learner),
                seconds > 0 ? formatDuration(seconds) : "—",
              ],
            }))}
          />
        ) : (
          <p className={`${box} text-muted`}>No time recorded yet.</p>
        )}
      </Section>
      <Section id="entries" title="Entries">
        {entries.length === 0 ? (
          <p className={`${box} text-muted`}>No entries yet.</p>
        ) : (
          <DataTable
            label="Time entries"
            headers={["When", "On", "Time", "How", "Note", ...(own ? ["Correct"] : [])]}
            rows={entries.map((entry) => ({
              key: entry.id,
              cells: [
                formatMoment(entry.startedAt, zones.viewer),
                targetLabel(program, entry.moduleNumber, entry.exercise),
                formatDuration(entry.seconds),
                <span key="how">
                  {SOURCE[entry.source] ?? entry.source}
                  {entry.corrected ? (
                    <details className="text-xs text-muted">
                      <summary className="cursor-pointer">corrected {entry.history.length - 1}×</summary>
                      <ol className="mt-1">
                        {entry.history.map((h) => (
                          <li key={h.id}>
                            {formatMoment(h.createdAt, zones.viewer)}: {formatDuration(h.seconds)} on module {h.moduleNumber}
                            {h.note ? ` — ${h.note}` : ""}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </span>,
                entry.note || "—",
                ...(own ? [<CorrectionForm key="fix" entry={entry} program={program} zones={zones} />] : []),
              ],
            }))}
          />
        )}
      </Section>
    </>
  );
}
