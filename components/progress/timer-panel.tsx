import { startTimerAction, stopTimerAction } from "@/app/actions";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import { exerciseLabel, getExercise, moduleByNumber, moduleLabel, type Program } from "@/lib/content";
import { Moment } from "@/components/ui/moment";
import { Elapsed } from "./elapsed";

type Running = { id: string; moduleNumber: number; exercise: string | null; startedAt: Date };

/** What a timer or time entry is on, in words. */
export function targetLabel(program: Program, moduleNumber: number, exercise: string | null): string {
  const mod = moduleByNumber(program, moduleNumber);
  const ex = mod && exercise ? getExercise(mod, exercise) : null;
  if (mod && ex) return exerciseLabel(mod, ex);
  return `${mod ? moduleLabel(mod) : `Module ${moduleNumber}`}${exercise ? ` (${exercise})` : ""}`;
}

/** The modules and their exercises as choices for a timer or a time entry. */
export function TargetOptions({ program }: { program: Program }) {
  return (
    <>
      <option value="">Choose…</option>
      {program.modules.map((m) => (
        <optgroup key={m.meta.number} label={moduleLabel(m)}>
          <option value={String(m.meta.number)}>{`Module ${m.meta.number} packet`}</option>
          {m.exercises.map((e) => (
            <option key={e.slug} value={`${m.meta.number}:${e.slug}`}>
              {exerciseLabel(m, e)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * The learner's timer: running (with its clock and a stop button) or ready to start, either on
 * a fixed target (a packet or exercise page) or on a module or exercise chosen here.
 */
export function TimerPanel({
  program,
  running,
  target,
  now,
}: {
  program: Program;
  running: Running | null;
  target?: { value: string; label: string };
  now: Date;
}) {
  if (running) {
    return (
      <ActionForm action={stopTimerAction} label="Running timer" className="rounded-lg border border-accent bg-accent-soft p-4">
        <input type="hidden" name="timerId" value={running.id} />
        <p className="text-sm">
          Timer running on <strong>{targetLabel(program, running.moduleNumber, running.exercise)}</strong> since{" "}
          <Moment at={running.startedAt} />
        </p>
        <p className="my-2 flex flex-wrap items-center gap-3">
          <Elapsed since={running.startedAt.toISOString()} serverNow={now.getTime()} />
          <SubmitButton>Stop the timer</SubmitButton>
        </p>
      </ActionForm>
    );
  }
  return (
    <ActionForm action={startTimerAction} label="Timer" className="card p-4">
      {target ? (
        <>
          <input type="hidden" name="target" value={target.value} />
          <p className="mb-3 text-sm text-muted">
            Time spent on {target.label} counts toward your hours; the timer keeps running if you leave or reload the page.
          </p>
          <FieldError name="target" />
        </>
      ) : (
        <Field
          name="target"
          label="Module or exercise"
          hint="A module's packet or one of its exercises; the timer keeps running if you leave or reload the page."
        >
          <TargetOptions program={program} />
        </Field>
      )}
      <SubmitButton tone="plain">Start the timer</SubmitButton>
    </ActionForm>
  );
}
