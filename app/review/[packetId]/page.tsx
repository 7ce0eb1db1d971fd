import type { Metadata } from "next";
import { formatTimestamp } from "@/lib/log/format";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { EvidenceList } from "@/components/packets/evidence-list";
import { AttachedPlans } from "@/components/plans/attached-plans";
import { ReviewHistory } from "@/components/packets/review-history";
import { RubricInput } from "@/components/packets/rubric-input";
import { StatusBadge } from "@/components/packets/status-badge";
import { ActionForm, Field } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { getProgram, moduleByNumber } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { packetPlans } from "@/lib/execplans/queries";
import { type PacketDetail, packetDetail } from "@/lib/packets/queries";
import { changedSinceLastReview } from "@/lib/reviews/history";
import { LineDiff } from "@/components/ui/line-diff";
import { isImportedCompletion } from "@/lib/packets/imported";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS, DIMENSIONS } from "@/lib/rubric/rubric";
import { commentAction, rescoreAction, verdictAction } from "../actions";

export const metadata: Metadata = { title: "Review a packet" };

const box = "rounded-lg border border-line bg-surface p-4";
const PROVENANCE = ["learner", "agent", "reviewer"] as const;

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ packetId: string }>; searchParams: Promise<{ by?: string }> }) {
  const [{ packetId }, { by }] = await Promise.all([params, searchParams]);
  // Refused before the packet is looked up, so the answer says nothing about whether it exists.
  const signedIn = await currentUser();
  if (!signedIn?.asReviewer) forbidden();
  const detail = await packetDetail(packetId);
  if (!detail) notFound();
  const { packet } = detail;
  const plans = await packetPlans(packet.id);
  const program = getProgram(packet.learner.programSlug);
  const mod = program ? moduleByNumber(program, packet.moduleNumber) : null;
  if (!program || !mod) notFound();
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const proof = detail.proofs.at(-1)?.proof;
  const { changed, diffs } = changedSinceLastReview(detail);
  const filter = PROVENANCE.find((p) => p === by);
  const shown: PacketDetail = filter ? { ...detail, items: detail.items.filter((i) => i.latest.actorKind === filter) } : detail;
  const own = packet.learner.ownerId === signedIn.user.id;
  return (
    <>
      <PageHeader
        title={`Review: ${packet.learner.name} — Module ${mod.meta.number}: ${mod.meta.title}`}
        eyebrow={<Link href="/review">Review queue</Link>}
      >
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={packet.status} imported={isImportedCompletion(packet)} /> attempt {packet.attempt}
          {packet.submittedAt ? <span>· submitted {formatTimestamp(packet.submittedAt)}</span> : null}
          <Link href={moduleRoute(program.slug, mod.slug)} className="underline">
            module text
          </Link>
        </p>
      </PageHeader>

      {own ? (
        <p role="alert" className="mb-4 rounded border border-warning bg-warning-soft p-3">
          This packet belongs to your own learner profile: another reviewer must review it.
        </p>
      ) : null}

      {changed.length > 0 ? (
        <Section id="delta" title="What changed since the last review">
          {diffs.map((d) => (
            <div key={d.title} className="mb-3">
              <h3 className="font-medium">{d.title}</h3>
              <LineDiff lines={d.lines} label={`Changes in ${d.title}`} />
            </div>
          ))}
          <p className="text-sm text-muted">{changed.length} evidence item(s) are new or have new versions; they are highlighted below.</p>
        </Section>
      ) : null}

      <Section id="proof" title="Completion proof">
        {proof ? (
          <dl className={`${box} grid gap-2 text-sm md:grid-cols-[12rem_1fr]`}>
            <dt className="font-medium">Build/validation</dt>
            <dd>
              {proof.validationStatus} — {proof.validationDetail}
            </dd>
            <dt className="font-medium">Tests/drills</dt>
            <dd>
              {proof.drillStatus} — {proof.drillDetail}
            </dd>
            <dt className="font-medium">Rubric summary</dt>
            <dd>{proof.rubricSummary}</dd>
            <dt className="font-medium">Risks</dt>
            <dd>{proof.risks}</dd>
            <dt className="font-medium">Follow-ups</dt>
            <dd>{proof.followUps}</dd>
            <dt className="font-medium">Claims</dt>
            <dd>
              <ul className="list-disc pl-5">
                {proof.claims.map((c) => (
                  <li key={c.claim}>
                    {c.claim} —{" "}
                    {c.evidence.map((key) => (
                      <a key={key} href={`#evidence-${key}`} className="mr-2 underline">
                        {key}
                      </a>
                    ))}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        ) : (
          <p className="text-muted">No proof submitted yet.</p>
        )}
      </Section>

      <Section id="evidence" title="Evidence">
        <nav aria-label="Filter by provenance" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href={`/review/${packet.id}`} aria-current={!filter ? "page" : undefined} className="rounded border border-line px-2 py-1">
            All
          </Link>
          {PROVENANCE.map((p) => (
            <Link key={p} href={`/review/${packet.id}?by=${p}`} aria-current={filter === p ? "page" : undefined} className="rounded border border-line px-2 py-1">
              By {p}
            </Link>
          ))}
        </nav>
        <EvidenceList detail={shown} highlight={changed} />
      </Section>

      <Section id="execplans" title="ExecPlans">
        <AttachedPlans plans={plans} emptyText="No ExecPlan is attached to this packet." />
      </Section>

      {packet.status === "review_required" && !own ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="verdict" title="Verdict">
            <ActionForm action={verdictAction} label="Verdict" className={box}>
              <input type="hidden" name="packetId" value={packet.id} />
              {detail.items.map((item) => (
                <input key={item.latest.id} type="hidden" name="evidenceSeen" value={item.latest.id} />
              ))}
              {proof ? (
                <p className="mb-3 text-sm">
                  Learner&apos;s self-score: {DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]} ${proof.selfScores[d]}`).join(" · ")}
                </p>
              ) : null}
              <RubricInput threshold={threshold} withRemarks />
              <Field
                name="feedback"
                label="Feedback"
                multiline
                rows={5}
                hint="Needed to reject: name at least one thing to change, as a list item (- …) or a pinned comment."
              />
              <div className="flex flex-wrap gap-3">
                <button type="submit" name="verdict" value="accept" className="rounded bg-success px-4 py-2 font-medium text-canvas">
                  Accept
                </button>
                <button type="submit" name="verdict" value="reject" className="rounded bg-danger px-4 py-2 font-medium text-canvas">
                  Reject with feedback
                </button>
              </div>
            </ActionForm>
          </Section>
          <Section id="comment" title="Pin a comment to evidence">
            <ActionForm action={commentAction} label="Pin a comment" className={box}>
              <input type="hidden" name="packetId" value={packet.id} />
              <Field name="evidenceItemKey" label="Evidence item">
                {detail.items.map((item) => (
                  <option key={item.key} value={item.key}>
                    {item.latest.title} (v{item.latest.version})
                  </option>
                ))}
              </Field>
              <Field name="body" label="Comment" multiline rows={3} />
              <button type="submit" className="rounded border border-line px-4 py-2">
                Pin comment
              </button>
            </ActionForm>
          </Section>
        </div>
      ) : null}

      {!own && packet.status !== "review_required" && detail.reviews.some((r) => r.verdict === "accept" || r.verdict === "reject") ? (
        <Section id="rescore" title="Correct your scores">
          <ActionForm action={rescoreAction} label="Correct scores" className={box}>
            <input type="hidden" name="packetId" value={packet.id} />
            <RubricInput threshold={threshold} withRemarks />
            <Field name="note" label="Why the scores change" multiline rows={2} />
            <button type="submit" className="rounded border border-line px-4 py-2">
              Save corrected scores
            </button>
          </ActionForm>
        </Section>
      ) : null}

      {detail.reviews.length > 0 ? (
        <Section id="history" title="Earlier reviews">
          <ReviewHistory reviews={detail.reviews} />
        </Section>
      ) : null}
    </>
  );
}
