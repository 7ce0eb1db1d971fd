import { indicatorAction } from "@/app/actions";
import { ActionForm } from "@/components/ui/form";
import { Moment } from "@/components/ui/moment";
import { IndicatorFields } from "./indicator-fields";
import { INDICATOR_KINDS, type IndicatorKind, type IndicatorState } from "@/lib/progress/indicators";

function History({ state }: { state: IndicatorState }) {
  if (state.history.length === 0) return null;
  return (
    <details className="mt-2 text-xs text-muted">
      <summary className="cursor-pointer">History ({state.history.length})</summary>
      <ol className="mt-1 grid gap-1">
        {state.history.map((mark, i) => (
          <li key={i}>
            <Moment at={mark.createdAt} />: {mark.checked ? "ticked" : "unticked"}
            {mark.note ? ` — ${mark.note}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The qualitative checklist and behavioural indicators: ticked with a note by the learner (each saved as it changes), read-only for others. */
export function IndicatorChecklist({ states, canEdit }: { states: IndicatorState[]; canEdit: boolean }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {(Object.keys(INDICATOR_KINDS) as IndicatorKind[]).map((kind) => {
        const own = states.filter((s) => s.kind === kind);
        return (
          <section key={kind} aria-labelledby={`indicators-${kind}`} className="card p-4">
            <h3 id={`indicators-${kind}`} className="mb-2 font-semibold">
              {INDICATOR_KINDS[kind]} ({own.filter((s) => s.checked).length} of {own.length})
            </h3>
            <ul className="grid gap-3">
              {own.map((state) => (
                <li key={state.item} className="border-t border-line pt-3 first:border-t-0 first:pt-0">
                  {canEdit ? (
                    <ActionForm action={indicatorAction} label={`${INDICATOR_KINDS[kind]}: ${state.item}`}>
                      <IndicatorFields kind={kind} item={state.item} saved={{ checked: state.checked, note: state.note }} />
                    </ActionForm>
                  ) : (
                    <p className="text-sm">
                      <span aria-hidden="true">{state.checked ? "☑" : "☐"}</span>{" "}
                      <span className="sr-only">{state.checked ? "Ticked:" : "Not ticked:"}</span> {state.item}
                      {state.note ? <span className="block text-muted">{state.note}</span> : null}
                    </p>
                  )}
                  <History state={state} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
