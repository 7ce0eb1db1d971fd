// A completion proof as it was sent, read-only: for the reviewer, and for the learner after submitting.
import type { PacketDetail } from "@/lib/packets/queries";
import type { Proof } from "@/lib/packets/proof";
import { DIMENSION_LABELS, DIMENSIONS } from "@/lib/rubric/rubric";

/** The proof's parts; each claim cites its evidence by title and version, linked to the evidence card. */
export function ProofView({
  proof,
  items,
  evidenceHref = (key) => `#evidence-${key}`,
}: {
  proof: Proof;
  items: PacketDetail["items"];
  /** Where a cited item's card is; on this page by default. */
  evidenceHref?: (key: string) => string;
}) {
  const byKey = new Map(items.map((item) => [item.key, item.latest]));
  return (
    <dl className="grid gap-2 card p-4 text-sm md:grid-cols-[12rem_1fr]">
      <dt className="font-medium">Build/validation</dt>
      <dd>
        {proof.validationStatus} — {proof.validationDetail}
      </dd>
      <dt className="font-medium">Tests/drills</dt>
      <dd>
        {proof.drillStatus} — {proof.drillDetail}
      </dd>
      <dt className="font-medium">Self-score</dt>
      <dd>{DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]} ${proof.selfScores[d]}`).join(" · ")}</dd>
      <dt className="font-medium">Rubric summary</dt>
      <dd className="whitespace-pre-wrap">{proof.rubricSummary}</dd>
      <dt className="font-medium">Risks</dt>
      <dd className="whitespace-pre-wrap">{proof.risks}</dd>
      <dt className="font-medium">Follow-ups</dt>
      <dd className="whitespace-pre-wrap">{proof.followUps}</dd>
      <dt className="font-medium">Claims</dt>
      <dd>
        <ul className="list-disc pl-5">
          {proof.claims.map((c) => (
            <li key={c.claim}>
              {c.claim} —{" "}
              {c.evidence.map((key) => {
                const latest = byKey.get(key);
                return (
                  <a key={key} href={evidenceHref(key)} className="mr-2 underline">
                    {latest ? `${latest.title} (v${latest.version})` : key}
                  </a>
                );
              })}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
