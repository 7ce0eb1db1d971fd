import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceList } from "@/components/packets/evidence-list";
import { AddEvidenceForms, WorkForms } from "@/components/packets/evidence-forms";
import { ProofForm } from "@/components/packets/proof-form";
import { ProofView } from "@/components/packets/proof-view";
import { formatTimestamp } from "@/lib/log/format";
import { unresolvedCount } from "@/components/packets/comment-thread";
import { ReviewFeedback } from "@/components/packets/review-feedback";
import { ReviewHistory } from "@/components/packets/review-history";
import { SelfReviewForm } from "@/components/packets/self-review-form";
import { StatusBadge } from "@/components/packets/status-badge";
import { StatusForms } from "@/components/packets/status-forms";
import { AttachedPlans } from "@/components/plans/attached-plans";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { getModule, getProgram } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { packetPlans } from "@/lib/execplans/queries";
import { isImportedCompletion } from "@/lib/packets/imported";
import { sessionLearner } from "@/lib/auth/access";
import { moduleAttempts, packetDetail } from "@/lib/packets/queries";
import { latestVerdict } from "@/lib/reviews/history";
import { DEFAULT_THRESHOLD } from "@/lib/rubric/rubric";
import { runningTimerOf } from "@/lib/time/service";

type Params = { params: Promise<{ program: string; module: string }> };

export const metadata: Metadata = { title: "Work packet" };

export default async function PacketPage({ params }: Params) {
  const { program: programSlug, module: moduleSlug } = await params;
  const program = getProgram(programSlug);
  const mod = program ? getModule(program, moduleSlug) : null;
  if (!program || !mod) notFound();
  const title = `Module ${mod.meta.number}: ${mod.meta.title} — work packet`;
  const signedIn = await currentUser();
  const learner = await sessionLearner(signedIn);
  if (!signedIn || !learner || learner.programSlug !== program.slug) {
    return (
      <>
        <PageHeader title={title} />
        <p className="rounded-lg border border-line bg-surface p-4">
          {!signedIn ? (
            <>
              <Link href="/signin" className="underline">
                Sign in
              </Link>{" "}
              as a learner in this program to work on its packets.
            </>
          ) : (
            "Your learner profile is in another program; switch programs to work on these packets."
          )}
        </p>
      </>
    );
  }
  const [attempts, running] = await Promise.all([moduleAttempts(learner.id, mod.meta.number), runningTimerOf(learner.id)]);
  const current = attempts.at(-1);
  const [detail, plans] = current ? await Promise.all([packetDetail(current.id), packetPlans(current.id)]) : [null, []];
  const status = current?.status ?? "pending";
  const lastReview = latestVerdict(detail?.reviews ?? []);
  const sentProof = detail?.proofs.at(-1);
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  return (
    <>
      <PageHeader title={title} eyebrow={<Link href={moduleRoute(program.slug, mod.slug)}>Back to the module</Link>}>
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} imported={current ? isImportedCompletion(current) : false} />
          {current ? (
            <span>
              Attempt {current.attempt} · packet <span data-testid="packet-id">{current.id}</span>
            </span>
          ) : null}
          <span>Learner: {learner.name}</span>
          {learner.soloMode ? <span>· solo mode</span> : null}
        </p>
      </PageHeader>

      {status === "blocked" && current?.blockedReason ? (
        <p role="status" className="mb-4 rounded border border-warning bg-warning-soft p-3">
          Blocked: {current.blockedReason}
        </p>
      ) : null}

      {lastReview && lastReview.verdict === "reject" && status !== "completed" ? (
        <ReviewFeedback review={lastReview} reworking={status === "in_progress" || status === "blocked"} />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="status" title="Status">
          <StatusForms
            program={program}
            moduleNumber={mod.meta.number}
            status={status}
            packetId={current?.id}
            attempts={attempts}
            running={running}
          />
        </Section>

        {detail && current && status !== "completed" ? (
          <Section id="add-evidence" title="Add evidence">
            <AddEvidenceForms packetId={current.id} items={detail.items} />
          </Section>
        ) : null}
      </div>

      {detail && current ? (
        <>
          <Section id="evidence" title="Evidence">
            {unresolvedCount(detail.comments) > 0 ? (
              <p className="mb-3 rounded border border-warning bg-warning-soft p-3 text-sm">
                {unresolvedCount(detail.comments)} review {unresolvedCount(detail.comments) === 1 ? "comment is" : "comments are"} waiting
                for your answer: each sits under the evidence it is about.
              </p>
            ) : null}
            <EvidenceList detail={detail} resolvable={status !== "completed"} />
          </Section>

          <Section id="execplans" title="ExecPlans">
            <AttachedPlans plans={plans} emptyText="No ExecPlan is attached. Attach one from its page under Plans." />
          </Section>

          {status === "in_progress" || status === "blocked" || status === "review_required" ? (
            <WorkForms packetId={current.id} mod={mod} />
          ) : null}

          {status === "in_progress" ? (
            <Section id="submit" title="Completion proof and submission">
              <ProofForm packetId={current.id} threshold={threshold} items={detail.items} previous={sentProof?.proof ?? null} />
            </Section>
          ) : null}

          {sentProof && (status === "review_required" || status === "completed") ? (
            <Section id="sent-proof" title="The proof you sent">
              <p className="mb-2 text-sm text-muted">Submitted {formatTimestamp(sentProof.createdAt)}, exactly as the reviewer reads it.</p>
              <ProofView proof={sentProof.proof} items={detail.items} />
            </Section>
          ) : null}

          {status === "review_required" && learner.soloMode ? (
            <Section id="self-review" title="Self-review (solo mode)">
              <SelfReviewForm packetId={current.id} coolingOffHours={learner.coolingOffHours} threshold={threshold} />
            </Section>
          ) : null}

          {detail.reviews.length > 0 ? (
            <Section id="reviews" title="Reviews">
              <ReviewHistory reviews={detail.reviews} />
            </Section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
