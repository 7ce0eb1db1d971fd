import type { Metadata } from "next";
import { Moment } from "@/components/ui/moment";
import { Link } from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { EvidenceList } from "@/components/packets/evidence-list";
import { AttachedPlans } from "@/components/plans/attached-plans";
import { ReviewHistory } from "@/components/packets/review-history";
import { RubricInput } from "@/components/packets/rubric-input";
import { StatusBadge } from "@/components/packets/status-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { getProgram, moduleByNumber } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { packetPlans } from "@/lib/execplans/queries";
import { type PacketDetail, packetDetail } from "@/lib/packets/queries";
import { changedSinceLastReview, latestVerdict } from "@/lib/reviews/history";
import { LineDiff } from "@/components/ui/line-diff";
import { isImportedCompletion } from "@/lib/packets/imported";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS, DIMENSIONS, evaluateRubric } from "@/lib/rubric/rubric";
import { commentAction, rescoreAction, verdictAction } from "../actions";
import { unresolvedCount } from "@/components/packets/comment-thread";
import { ProofView } from "@/components/packets/proof-view";
import { VerdictForm } from "@/components/packets/verdict-form";
import { VerdictOutcome } from "@/components/packets/verdict-outcome";
import { nextInQueue } from "@/lib/reviews/queue";
import { metCount, RequirementsChecklist } from "@/components/packets/requirements-checklist";
import { packetRequirements } from "@/lib/packets/requirements";
import { count, nounFor } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Review a packet" };

const box = "card p-4";
const PROVENANCE = ["learner", "agent", "reviewer"] as const;

type Search = { by?: string; reviewed?: string };

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ packetId: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ packetId }, { by, reviewed }] = await Promise.all([params, searchParams]);
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
  const verdict = latestVerdict(detail.reviews.filter((r) => r.verdict === "accept" || r.verdict === "reject"));
  const next = reviewed ? await nextInQueue(signedIn.user.id, packet.id) : null;
  const requirements = packetRequirements(mod, detail.evidence);
  return (
    <>
      <PageHeader
        title={`Review: ${packet.learner.name} — Module ${mod.meta.number}: ${mod.meta.title}`}
        eyebrow={<Link href="/review">Review queue</Link>}
      >
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={packet.status} imported={isImportedCompletion(packet)} /> attempt {packet.attempt}
          {packet.submittedAt ? (
            <span>
              · submitted <Moment at={packet.submittedAt} />
            </span>
          ) : null}
          <span>
            · {unresolvedCount(detail.comments)} unresolved {unresolvedCount(detail.comments) === 1 ? "comment" : "comments"}
          </span>
          <Link href={moduleRoute(program.slug, mod.slug)} className="underline">
            module text
          </Link>
          {packet.status === "review_required" && !own ? (
            <a href="#verdict" className="underline">
              Jump to verdict
            </a>
          ) : null}
        </p>
      </PageHeader>

      {reviewed && verdict ? (
        <VerdictOutcome
          verdict={verdict.verdict}
          summary={`${packet.learner.name}'s Module ${mod.meta.number}, rubric average ${evaluateRubric(verdict.scoresParsed, threshold).average}`}
          next={next ? { href: `/review/${next.packetId}`, label: `${next.learnerName} — Module ${next.moduleNumber}` } : null}
        />
      ) : null}

      {own ? (
        <p role="alert" className="mb-4 rounded border border-warning bg-warning-soft p-3">
          This packet belongs to your own learner profile: another reviewer must review it.
        </p>
      ) : null}

      <Section id="requirements" title={`What the module asks for (${metCount(requirements)})`}>
        <RequirementsChecklist requirements={requirements} />
      </Section>

      {changed.length > 0 ? (
        <Section id="delta" title="What changed since the last review">
          {diffs.map((d) => (
            <div key={d.title} className="mb-3">
              <h3 className="font-medium">{d.title}</h3>
              <LineDiff lines={d.lines} label={`Changes in ${d.title}`} />
            </div>
          ))}
          <p className="text-sm text-muted">{count(changed.length, "evidence item")} {nounFor(changed.length, "is", "are")} new or {nounFor(changed.length, "has", "have")} new versions; highlighted below.</p>
        </Section>
      ) : null}

      <Section id="proof" title="Completion proof">
        {proof ? <ProofView proof={proof} items={detail.items} /> : <p className="text-muted">No proof submitted yet.</p>}
      </Section>

      <Section id="evidence" title="Evidence">
        <nav aria-label="Filter by provenance" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href={`/review/${packet.id}`} aria-current={!filter ? "page" : undefined} className="rounded border border-line px-2 py-1">
            All
          </Link>
          {PROVENANCE.map((p) => (
            <Link
              key={p}
              href={`/review/${packet.id}?by=${p}`}
              aria-current={filter === p ? "page" : undefined}
              className="rounded border border-line px-2 py-1"
            >
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
            <VerdictForm
              action={verdictAction}
              packetId={packet.id}
              evidenceSeen={detail.items.map((item) => item.latest.id)}
              threshold={threshold}
              selfScores={
                proof ? (
                  <p className="mb-3 text-sm">
                    Learner&apos;s self-score: {DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]} ${proof.selfScores[d]}`).join(" · ")}
                  </p>
                ) : null
              }
            />
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
              <SubmitButton tone="plain">Pin comment</SubmitButton>
            </ActionForm>
          </Section>
        </div>
      ) : null}

      {!own && packet.status !== "review_required" && verdict ? (
        <details className="mt-8 card p-4">
          <summary className="cursor-pointer font-medium">Correct your scores</summary>
          <p className="mt-2 text-sm text-muted">
            A rescore is kept beside the verdict in the history; it changes the scores, not the verdict.
          </p>
          <ActionForm action={rescoreAction} label="Correct scores" className="mt-3">
            <input type="hidden" name="packetId" value={packet.id} />
            <RubricInput threshold={threshold} withRemarks />
            <Field name="note" label="Why the scores change" multiline rows={2} />
            <SubmitButton tone="plain">Save corrected scores</SubmitButton>
          </ActionForm>
        </details>
      ) : null}

      {detail.reviews.length > 0 ? (
        <Section id="history" title="Earlier reviews">
          <ReviewHistory reviews={detail.reviews} />
        </Section>
      ) : null}
    </>
  );
}
