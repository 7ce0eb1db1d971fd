"use client";

import { useState } from "react";
import { useSubmittedValues } from "@/components/ui/form";
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  evaluateRubric,
  LEVEL_DESCRIPTORS,
  type PassThreshold,
} from "@/lib/rubric/dimensions";

type Props = {
  threshold: PassThreshold;
  withRemarks?: boolean;
  /** The choices to start from (a previous proof's self-scores) when nothing was submitted yet. */
  defaults?: Partial<Record<Dimension, number>>;
};

/**
 * Six 1–5 choices with each level's descriptor, the running total and pass/fail as you click.
 * After a refused submission the choices come back from the submitted values; before one, from `defaults`.
 */
export function RubricInput(props: Props) {
  const values = useSubmittedValues();
  const initial: Partial<Record<Dimension, number>> = {};
  for (const d of DIMENSIONS) {
    const chosen = values[`score-${d}`] ? Number(values[`score-${d}`]) : props.defaults?.[d];
    if (chosen !== undefined) initial[d] = chosen;
  }
  return <RubricChoices key={JSON.stringify(values)} {...props} initial={initial} remarks={values} />;
}

function RubricChoices({
  threshold,
  initial,
  remarks,
  withRemarks = false,
}: Props & { initial: Partial<Record<Dimension, number>>; remarks: Record<string, string> }) {
  const [scores, setScores] = useState<Partial<Record<Dimension, number>>>(initial);
  const complete = DIMENSIONS.every((d) => scores[d] !== undefined);
  const result = complete ? evaluateRubric(scores as Record<Dimension, number>, threshold) : null;
  return (
    <div>
      {DIMENSIONS.map((d) => (
        <fieldset key={d} className="mb-3 rounded border border-line p-3">
          <legend className="px-1 font-medium">{DIMENSION_LABELS[d]}</legend>
          <div className="flex flex-wrap gap-2">
            {([1, 2, 3, 4, 5] as const).map((level) => (
              <label
                key={level}
                className={`cursor-pointer rounded border px-3 py-1 ${scores[d] === level ? "border-accent bg-accent-soft" : "border-line"}`}
              >
                <input
                  type="radio"
                  name={`score-${d}`}
                  value={level}
                  defaultChecked={initial[d] === level}
                  onChange={() => setScores((s) => ({ ...s, [d]: level }))}
                  className="mr-1"
                />
                {level}
              </label>
            ))}
          </div>
          <p className="mt-1 text-sm text-muted" aria-live="polite">
            {scores[d]
              ? `${scores[d]}: ${LEVEL_DESCRIPTORS[d][scores[d] as 1 | 2 | 3 | 4 | 5]}`
              : "Choose a level; its meaning appears here."}
          </p>
          {withRemarks ? (
            <label className="mt-2 block text-sm">
              Remark
              <input
                name={`remark-${d}`}
                defaultValue={remarks[`remark-${d}`]}
                className="mt-1 w-full rounded border border-line bg-surface px-2 py-1"
              />
            </label>
          ) : null}
        </fieldset>
      ))}
      <p role="status" className="text-sm font-medium">
        {result
          ? `Total ${result.total} of 30, average ${result.average}: ${result.pass ? "passes" : `does not pass (needs at least ${threshold.minEach} in every dimension and an average of ${threshold.minAverage})`}`
          : `Scored ${DIMENSIONS.filter((d) => scores[d] !== undefined).length} of 6 dimensions.`}
      </p>
    </div>
  );
}
