import { redrillAction } from "@/app/actions";
import { Choice } from "@/components/ui/choice";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import type { Program } from "@/lib/content";
import { dayKey } from "@/lib/time/zone";
import { INTERVAL_DAYS, type RedrillItem } from "@/lib/redrill/schedule";
import { redrillText } from "@/lib/redrill/triggers";
import { count } from "@/lib/ui/plural";

const box = "card p-4";
/** The due item shown in full with its form, the one "What next" points to; the rest are listed by title behind a disclosure, so the dashboard stays short. */
const SHOWN = 1;

function ItemText({ program, item }: { program: Program; item: RedrillItem }) {
  const text = redrillText(program, item)!;
  return (
    <>
      <h3 className="font-semibold">{text.title}</h3>
      <p className="mt-1 text-sm">{text.prompt}</p>
      {text.answer ? (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer text-accent underline">Check your answer</summary>
          <p className="mt-1">{text.answer}</p>
        </details>
      ) : null}
      <p className="mt-1 text-xs text-muted">
        Why: {item.reasons.join("; ")} · interval {count(INTERVAL_DAYS[item.stage]!, "day")}{item.results.length > 0 ? ` · ${count(item.results.length, "earlier re-drill")}` : ""}
      </p>
    </>
  );
}

function DueList({ program, items, canRecord }: { program: Program; items: RedrillItem[]; canRecord: boolean }) {
  return (
    <ul className="grid gap-3" aria-label="Re-drills due">
      {items.map((item) => (
        <li key={item.key} className={box}>
          <ItemText program={program} item={item} />
          {canRecord ? (
            <ActionForm action={redrillAction} label={`Record re-drill: ${redrillText(program, item)!.title}`} className="mt-3">
              <input type="hidden" name="item" value={item.key} />
              <fieldset className="mb-2">
                <legend className="text-sm font-medium">How did it go?</legend>
                <span className="flex flex-wrap gap-4">
                  <Choice type="radio" name="outcome" value="pass">
                    Done well, without looking
                  </Choice>
                  <Choice type="radio" name="outcome" value="fail">
                    Struggled or needed to look
                  </Choice>
                </span>
                <FieldError name="outcome" />
              </fieldset>
              <Field name="note" label="Note (optional)" />
              <SubmitButton tone="plain">Record the re-drill</SubmitButton>
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Items by the day they are due and their title. */
function TitleList({ program, items, zone }: { program: Program; items: RedrillItem[]; zone: string }) {
  return (
    <ul className="mt-2 grid gap-1 text-sm">
      {items.map((item) => (
        <li key={item.key}>
          {dayKey(item.dueAt, zone)} — {redrillText(program, item)!.title}
        </li>
      ))}
    </ul>
  );
}

/** Re-drills due now (with a form to record how each went) and the ones coming up, on the learner's days. */
export function RedrillList({
  program,
  items,
  now,
  zone,
  canRecord,
}: {
  program: Program;
  items: RedrillItem[];
  now: Date;
  zone: string;
  canRecord: boolean;
}) {
  const active = items.filter((i) => !i.retired);
  const due = active.filter((i) => i.dueAt <= now);
  const upcoming = active.filter((i) => i.dueAt > now);
  const retired = items.length - active.length;
  if (items.length === 0) {
    return (
      <p className={`${box} text-muted`}>
        Nothing to re-drill. Low review scores and failed or over-time drills bring the matching drills, failure modes and exit-ticket
        questions back here at growing intervals ({INTERVAL_DAYS.join(", ")} days).
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted">
        {due.length} due now, {upcoming.length} coming up{retired > 0 ? `, ${retired} retired after their last interval` : ""}. Each pass
        brings an item back after a longer interval ({INTERVAL_DAYS.join(", ")} days); a fail brings it back tomorrow.
      </p>
      {due.length > 0 ? <DueList program={program} items={due.slice(0, SHOWN)} canRecord={canRecord} /> : null}
      {due.length > SHOWN ? (
        <details className={box}>
          <summary className="cursor-pointer font-medium">Due after this one ({due.length - SHOWN})</summary>
          <p className="mt-2 text-sm text-muted">Each comes up here in full, with its form, once the one above is recorded.</p>
          <TitleList program={program} items={due.slice(SHOWN)} zone={zone} />
        </details>
      ) : null}
      {upcoming.length > 0 ? (
        <details className={box}>
          <summary className="cursor-pointer font-medium">Coming up ({upcoming.length})</summary>
          <TitleList program={program} items={upcoming} zone={zone} />
        </details>
      ) : null}
    </div>
  );
}
