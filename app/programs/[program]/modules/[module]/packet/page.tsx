import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { EvidenceList, IdDetail } from "@/components/packets/evidence-list";
import { AddEvidenceForm, DrillForms, ExerciseResultForm, ExitTicketForms } from "@/components/packets/evidence-forms";
import { ProofForm } from "@/components/packets/proof-form";
import { ProofView } from "@/components/packets/proof-view";
import { metCount, RequirementsChecklist } from "@/components/packets/requirements-checklist";
import { Moment } from "@/components/ui/moment";
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
import { moduleRoute, packetRoute } from "@/lib/content/links";
import { db } from "@/lib/db";
import { packetPlans } from "@/lib/execplans/queries";
import { isImportedCompletion } from "@/lib/packets/imported";
import { sessionLearner } from "@/lib/auth/access";
import { runningDrill } from "@/lib/packets/drill-runs";
import { moduleAttempts, packetDetail } from "@/lib/packets/queries";
import { exitTicketItemKey, GROUP_ORDER, packetRequirements, type Requirement, REQUIREMENT_GROUPS } from "@/lib/packets/requirements";
import { latestVerdict } from "@/lib/reviews/history";
import { DEFAULT_THRESHOLD } from "@/lib/rubric/rubric";
import { runningTimerOf } from "@/lib/time/service";

type Params = {
  params: Promise<{ program: string; module: string }>;
  searchParams: Promise<{ area?: string; exercise?: string; drill?: string; artifact?: string }>;
};

export const metadata: Metadata = { title: "Work packet" };

/** The work areas of a packet, one shown at a time; each is a plain link, so they work without scripts. */
const AREAS = [
  { id: "evidence", label: "Evidence", group: "artifact" },
  { id: "exercises", label: "Exercises", group: "exercise" },
  { id: "drills", label: "Drills", group: "drill" },
  { id: "exit-ticket", label: "Exit ticket", group: "exit-ticket" },
  { id: "proof", label: "Proof", group: null },
] as const;
type Area = (typeof AREAS)[number]["id"];

/** Where a requirement is recorded on this page. */
function requirementHref(base: string, r: Requirement): string {
  if (r.group === "exercise") return `${base}?area=exercises&exercise=${r.ref}#work`;
  if (r.group === "drill") return `${base}?area=drills&drill=${r.ref}#work`;
  if (r.group === "exit-ticket") return `${base}?area=exit-ticket#exit-ticket-${r.ref}`;
  return `${base}?area=evidence&artifact=${Number(r.ref) - 1}#work`;
}

export default async function PacketPage({ params, searchParams }: Params) {
  const [{ program: programSlug, module: moduleSlug }, search] = await Promise.all([params, searchParams]);
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
        <p className="card p-4">
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
  const [detail, plans, run] = current
    ? await Promise.all([packetDetail(current.id), packetPlans(current.id), runningDrill(await db(), current.id)])
    : [null, [], null];
  const status = current?.status ?? "pending";
  const lastReview = latestVerdict(detail?.reviews ?? []);
  const sentProof = detail?.proofs.at(-1);
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const base = packetRoute(program.slug, mod.slug);
  const requirements = packetRequirements(mod, detail?.evidence ?? []);
  const open = requirements.filter((r) => !r.met);
  const submitted = status === "review_required" || status === "completed";
  const area: Area = AREAS.find((a) => a.id === search.area)?.id ?? (submitted ? "proof" : "evidence");
  const working = status === "in_progress" || status === "blocked" || status === "review_required";
  const answers = new Map(
    mod.meta.exitTicket.flatMap((_, i) => {
      const item = detail?.items.find((it) => it.key === exitTicketItemKey(i));
      return item ? [[i, item.latest.body] as const] : [];
    }),
  );
  const artifact = search.artifact !== undefined && /^\d+$/.test(search.artifact) ? Number(search.artifact) : undefined;
  return (
    <>
      <PageHeader title={title} eyebrow={<Link href={moduleRoute(program.slug, mod.slug)}>Back to the module</Link>}>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} imported={current ? isImportedCompletion(current) : false} />
          {current ? <span>Attempt {current.attempt}</span> : null}
          <span>Learner: {learner.name}</span>
          {learner.soloMode ? <span>· solo mode</span> : null}
          {current ? <IdDetail label="Packet id" id={current.id} testId="packet-id" /> : null}
        </div>
      </PageHeader>

      {status === "blocked" && current?.blockedReason ? (
        <p role="status" className="mb-4 rounded border border-warning bg-warning-soft p-3">
          Blocked: {current.blockedReason}
        </p>
      ) : null}

      {lastReview && lastReview.verdict === "reject" && status !== "completed" ? (
        <ReviewFeedback review={lastReview} reworking={status === "in_progress" || status === "blocked"} />
      ) : null}

      <div className="grid items-start gap-3 md:grid-cols-2">
        <StatusForms
          program={program}
          moduleNumber={mod.meta.number}
          status={status}
          packetId={current?.id}
          attempts={attempts}
          running={running}
        />
      </div>

      <Section id="requirements" title={`What the module asks for (${metCount(requirements)})`}>
        <RequirementsChecklist requirements={requirements} hrefOf={detail ? (r) => requirementHref(base, r) : undefined} />
      </Section>

      {detail && current ? (
        <section id="work" aria-label="Work areas" className="mt-8">
          <nav aria-label="Work areas" className="mb-4 flex flex-wrap gap-1 border-b border-line">
            {AREAS.map((a) => {
              const rows = requirements.filter((r) => r.group === a.group);
              return (
                <Link
                  key={a.id}
                  href={`${base}?area=${a.id}#work`}
                  scroll={false}
                  aria-current={a.id === area ? "page" : undefined}
                  className={`-mb-px rounded-t border px-3 py-2 text-sm ${a.id === area ? "border-line border-b-canvas bg-canvas font-semibold" : "border-transparent text-muted hover:text-ink"}`}
                >
                  {a.label}
                  {rows.length > 0 ? (
                    <span className="ml-1 text-xs">
                      ({rows.filter((r) => r.met).length}/{rows.length})
                    </span>
                  ) : null}
                </Link>
              );
            })}
          </nav>

          {area === "exercises" ? (
            <div className="grid gap-4 lg:grid-cols-2">
              {working ? <ExerciseResultForm packetId={current.id} mod={mod} exercise={search.exercise} /> : null}
              <p className="text-sm text-muted">
                Each exercise&apos;s result is one evidence item: saving another result for the same exercise makes a new version. The
                results are under Evidence with the rest.
              </p>
            </div>
          ) : null}

          {area === "evidence" ? (
            <>
              {unresolvedCount(detail.comments) > 0 ? (
                <p className="mb-3 rounded border border-warning bg-warning-soft p-3 text-sm">
                  {unresolvedCount(detail.comments)} review {unresolvedCount(detail.comments) === 1 ? "comment is" : "comments are"} waiting
                  for your answer: each sits under the evidence it is about.
                </p>
              ) : null}
              <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                {status !== "completed" ? (
                  <div id="add-evidence">
                    <h2 className="mb-2 text-lg font-bold">Add evidence</h2>
                    <AddEvidenceForm
                      packetId={current.id}
                      items={detail.items}
                      artifacts={mod.meta.artifacts}
                      artifact={artifact}
                      uploadTo={`${base}/evidence`}
                    />
                  </div>
                ) : null}
                <div>
                  <h2 className="mb-2 text-lg font-bold">Evidence</h2>
                  <EvidenceList
                    detail={detail}
                    resolvable={status !== "completed"}
                    packetId={status !== "completed" ? current.id : undefined}
                    uploadTo={`${base}/evidence`}
                  />
                  <section aria-labelledby="execplans-title">
                    <h2 id="execplans-title" className="mt-6 mb-2 text-lg font-bold">
                      ExecPlans
                    </h2>
                    <AttachedPlans plans={plans} emptyText="No ExecPlan is attached. Attach one from its page under Plans." />
                  </section>
                </div>
              </div>
            </>
          ) : null}

          {area === "drills" ? (
            working ? (
              <DrillForms
                packetId={current.id}
                mod={mod}
                run={run}
                now={new Date()}
                drill={search.drill}
                attempts={detail.evidence.filter((row) => row.kind === "drill")}
              />
            ) : (
              <p className="text-muted">Drill attempts are recorded while the packet is open.</p>
            )
          ) : null}

          {area === "exit-ticket" ? (
            working ? (
              <ExitTicketForms packetId={current.id} mod={mod} answers={answers} />
            ) : (
              <p className="text-muted">Exit-ticket answers are recorded while the packet is open.</p>
            )
          ) : null}

          {area === "proof" ? (
            <>
              {status === "in_progress" ? (
                <>
                  {open.length > 0 ? (
                    <div
                      role="note"
                      aria-label="Open requirements"
                      className="mb-4 rounded border border-warning bg-warning-soft p-3 text-sm"
                    >
                      <p className="font-medium">
                        {open.length} of {requirements.length} requirements are still open:{" "}
                        {GROUP_ORDER.flatMap((g) => {
                          const n = open.filter((r) => r.group === g).length;
                          return n > 0 ? [`${REQUIREMENT_GROUPS[g].toLowerCase()} ${n}`] : [];
                        }).join(", ")}
                        . You can submit anyway: your reviewer sees the same list and decides.
                      </p>
                      <details className="mt-1">
                        <summary className="cursor-pointer">Which ones</summary>
                        <ul className="mt-1 list-disc pl-5">
                          {open.map((r) => (
                            <li key={`${r.group}-${r.ref}`}>
                              <Link href={requirementHref(base, r)} className="underline">
                                {r.label.length > 90 ? `${r.label.slice(0, 90)}…` : r.label}
                              </Link>{" "}
                              — {r.status}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </div>
                  ) : null}
                  <ProofForm packetId={current.id} threshold={threshold} items={detail.items} previous={sentProof?.proof ?? null} />
                </>
              ) : null}
              {sentProof && submitted ? (
                <>
                  <h2 className="mb-2 text-lg font-bold">The proof you sent</h2>
                  <p className="mb-2 text-sm text-muted">
                    Submitted <Moment at={sentProof.createdAt} />, exactly as the reviewer reads it.
                  </p>
                  <ProofView proof={sentProof.proof} items={detail.items} evidenceHref={(key) => `${base}?area=evidence#evidence-${key}`} />
                </>
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
        </section>
      ) : null}
    </>
  );
}
