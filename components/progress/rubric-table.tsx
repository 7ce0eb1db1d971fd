import { EmptyChart } from "@/components/charts/chart-frame";
import type { ModuleStanding } from "@/lib/progress/capabilities";
import { DIMENSION_LABELS, DIMENSIONS, evaluateRubric, type PassThreshold } from "@/lib/rubric/rubric";
import { count } from "@/lib/ui/plural";

/** A cell's shade: below the minimum stands out, and a higher passing score is a deeper green. */
function shade(score: number, minimum: number): string {
  if (score < minimum) return "bg-danger/20";
  return score >= 5 ? "bg-success/35" : score >= 4 ? "bg-success/20" : "bg-success/10";
}

/** A score with the self-score under it; its frame and type come from the table (.grid-table, .heat-map). */
function ScoreCell({ score, self, minimum }: { score: number; self: number | null; minimum: number }) {
  return (
    <td className={shade(score, minimum)}>
      {score}
      <small>{`self ${self ?? "—"}`}</small>
    </td>
  );
}

/** The latest rubric scores as a module × dimension heat map: the reviewer's score in each cell, the self-score under it. */
export function RubricTable({ standings, threshold }: { standings: ModuleStanding[]; threshold: PassThreshold }) {
  const id = "chart-scores";
  const title = "Rubric scores per module";
  const reviewed = standings.filter((s) => s.latest);
  if (reviewed.length === 0)
    return (
      <EmptyChart id={id} title={title}>
        Rubric scores appear here after the first review.
      </EmptyChart>
    );
  const waiting = standings.length - reviewed.length;
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 card p-3">
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      <p className="mb-2 text-sm text-muted">
        The latest review of {count(reviewed.length, "module")}: the reviewer&apos;s score in large type and the learner&apos;s self-score
        below it. A red cell is under the minimum: {threshold.minEach} for a dimension, {threshold.minAverage} for the average; greener is
        higher. {waiting > 0 ? `${count(waiting, "module")} not reviewed yet.` : ""}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="grid-table heat-map w-full border-collapse text-center text-sm">
          <thead>
            <tr className="bg-sunken">
              <th scope="col" className="sticky left-0 bg-sunken text-left">
                Module
              </th>
              {DIMENSIONS.map((d) => (
                <th key={d} scope="col">
                  {DIMENSION_LABELS[d]}
                </th>
              ))}
              <th scope="col">Average</th>
            </tr>
          </thead>
          <tbody>
            {reviewed.map(({ number, title: moduleTitle, latest }) => {
              const { scores, self } = latest!;
              const average = evaluateRubric(scores, threshold).average;
              return (
                <tr key={number}>
                  <th scope="row" className="sticky left-0 min-w-36 bg-surface text-left font-medium">
                    {`${number}. ${moduleTitle}`}
                  </th>
                  {DIMENSIONS.map((d) => (
                    <ScoreCell key={d} score={scores[d]} self={self?.[d] ?? null} minimum={threshold.minEach} />
                  ))}
                  <ScoreCell score={average} self={self ? evaluateRubric(self, threshold).average : null} minimum={threshold.minAverage} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
