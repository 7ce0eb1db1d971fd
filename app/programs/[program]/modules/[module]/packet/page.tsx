import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrillTimer } from "@/components/packets/drill-timer";
import { TimerPanel } from "@/components/progress/timer-panel";
import { EvidenceList } from "@/components/packets/evidence-list";
import { AttachedPlans } from "@/components/plans/attached-plans";
import { ReviewHistory } from "@/components/packets/review-history";
import { RubricInput } from "@/components/packets/rubric-input";
import { StatusBadge } from "@/components/packets/status-badge";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { getModule, getProgram } from "@/lib/content";
import { moduleRoute } from "@/lib/content/links";
import { db } from "@/lib/db";
import { packetPlans } from "@/lib/execplans/queries";
import { MAX_FILE_BYTES } from "@/lib/files";
import { CHECK_RESULTS } from "@/lib/packets/proof";
import { packetDetail } from "@/lib/packets/queries";
import { latestVerdict } from "@/lib/reviews/history";
import { SELF_REVIEW_CHECKLIST } from "@/lib/reviews/self-review";
import { isImportedCompletion } from "@/lib/packets/imported";
import { DEFAULT_THRESHOLD, DIMENSION_LABELS } from "@/lib/rubric/rubric";
import { megabytes } from "@/lib/security/file-size";
import { runningTimerOf } from "@/lib/time/service";
import {
  blockAction,
  evidenceAction,
  resolveCommentAction,
  selfReviewAction,
  startAction,
  submitAction,
  unblockAction,
} from "./actions";

type Params = { params: Promise<{ program: string; module: string }> };

export const metadata: Metadata = { title: "Work packet" };

const box = "rounded-lg border border-line bg-surface p-4";

function CheckResultField({ name, label }: { name: string; label: string }) {
  return (
    <Field name={name} label={label} defaultValue="">
      <option value="">Choose…</option>
      {CHECK_RESULTS.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </Field>
  );
}

export default async function PacketPage({ params }: Params) {
  const { program: programSlug, module: moduleSlug } = await params;
  const program = getProgram(programSlug);
  const mod = program ? getModule(program, moduleSlug) : null;
  if (!program || !mod) notFound();
  const title = `Module ${mod.meta.number}: ${mod.meta.title} — work packet`;
  const signedIn = await currentUser();
  const learner = signedIn?.learnerId ? await (await db()).learner.findUnique({ where: { id: signedIn.learnerId } }) : null;
  if (!signedIn || !learner || learner.programSlug !== program.slug) {
    return (
      <>
        <PageHeader title={title} />
        <p className={box}>
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
  const [attempts, running] = await Promise.all([
    (await db()).packet.findMany({ where: { learnerId: learner.id, moduleNumber: mod.meta.number }, orderBy: { attempt: "asc" } }),
    runningTimerOf(learner.id),
  ]);
  const current = attempts.at(-1);
  const [detail, plans] = current ? await Promise.all([packetDetail(current.id), packetPlans(current.id)]) : [null, []];
  const status = current?.status ?? "pending";
  const lastReview = latestVerdict(detail?.reviews ?? []);
  const threshold = program.meta.rubric.passThreshold ?? DEFAULT_THRESHOLD;
  const evidenceOptions = detail?.items ?? [];
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
        <section aria-labelledby="feedback" className="mb-6 rounded-lg border border-danger bg-danger-soft p-4">
          <h2 id="feedback" className="font-semibold">
            Review feedback from {lastReview.reviewerName}
          </h2>
          <p className="mt-2 whitespace-pre-wrap">{lastReview.feedback}</p>
          {lastReview.remediationParsed ? (
            <div className="mt-3">
              <h3 className="font-semibold">Remediation work</h3>
              <p className="text-sm">Weak: {lastReview.remediationParsed.dimensions.map((d) => DIMENSION_LABELS[d]).join(", ")}</p>
              <ul className="list-disc pl-5 text-sm">
                {lastReview.remediationParsed.drills.map((d) => (
                  <li key={d.id}>
                    Drill ({d.level}): {d.title}
                  </li>
                ))}
                {lastReview.remediationParsed.failureModes.map((f) => (
                  <li key={f.symptom}>Failure mode to study: {f.symptom}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="status" title="Status">
          {status === "pending" || status === "completed" || status === "blocked" ? (
            <ActionForm action={startAction} label="Start">
              <input type="hidden" name="moduleNumber" value={mod.meta.number} />
              <input type="hidden" name="restart" value={status === "pending" ? "false" : "true"} />
              <p className="mb-3 text-sm text-muted">
                {status === "pending"
                  ? "Starting writes the first plan-log entry."
                  : `${status === "blocked" ? "Stuck? " : "This module is completed. "}A new attempt keeps every earlier one intact.`}
              </p>
              <SubmitButton tone={status === "blocked" ? "plain" : "primary"}>{status === "pending" ? "Start this module" : "Start a new attempt"}</SubmitButton>
            </ActionForm>
          ) : null}
          {status === "in_progress" && current ? (
            <ActionForm action={blockAction} label="Block">
              <input type="hidden" name="packetId" value={current.id} />
              <Field name="reason" label="Blocked? Say why" hint="Shown to your reviewer and written to the plan log." />
              <SubmitButton tone="plain">Block the packet</SubmitButton>
            </ActionForm>
          ) : null}
          {status === "blocked" && current ? (
            <ActionForm action={unblockAction} label="Unblock">
              <input type="hidden" name="packetId" value={current.id} />
              <Field name="reason" label="What removed the blocker (optional)" />
              <SubmitButton>Unblock</SubmitButton>
            </ActionForm>
          ) : null}
          {status === "review_required" ? <p className={box}>Submitted. The packet waits for your reviewer&apos;s sign-off; you can still add evidence, which the reviewer sees as a delta.</p> : null}
          <div className="mt-3">
            <TimerPanel program={program} running={running} target={{ value: String(mod.meta.number), label: "this packet" }} now={new Date()} />
          </div>
          {attempts.length > 1 ? (
            <p className="mt-3 text-sm text-muted">
              Earlier attempts: {attempts.slice(0, -1).map((a) => `#${a.attempt} (${a.status})`).join(", ")}
            </p>
          ) : null}
        </Section>

        {detail && current && status !== "completed" ? (
          <Section id="add-evidence" title="Add evidence">
            <ActionForm action={evidenceAction} label="Add a note" className={`${box} mb-4`}>
              <input type="hidden" name="packetId" value={current.id} />
              <input type="hidden" name="kind" value="note" />
              <Field name="itemKey" label="Evidence item">
                <option value="">A new note</option>
                {evidenceOptions
                  .filter((i) => i.latest.kind === "note")
                  .map((i) => (
                    <option key={i.key} value={i.key}>
                      New version of “{i.latest.title}”
                    </option>
                  ))}
              </Field>
              <Field name="title" label="Title" />
              <Field name="body" label="Note (Markdown)" multiline rows={5} />
              <SubmitButton>Save note</SubmitButton>
            </ActionForm>
            <ActionForm action={evidenceAction} label="Add a link" className={`${box} mb-4`}>
              <input type="hidden" name="packetId" value={current.id} />
              <input type="hidden" name="kind" value="link" />
              <Field name="title" label="Link title" />
              <Field name="url" label="Address" type="url" />
              <SubmitButton tone="plain">Save link</SubmitButton>
            </ActionForm>
            <ActionForm action={evidenceAction} label="Attach a file" className={`${box} mb-4`} encType="multipart/form-data">
              <input type="hidden" name="packetId" value={current.id} />
              <input type="hidden" name="kind" value="file" />
              <Field name="title" label="File title" />
              <Field name="file" label={`File (up to ${megabytes(MAX_FILE_BYTES)})`} type="file" maxBytes={MAX_FILE_BYTES} />
              <FieldError name="bytes" />
              <SubmitButton tone="plain">Upload file</SubmitButton>
            </ActionForm>
          </Section>
        ) : null}
      </div>

      {detail && current ? (
        <>
          <Section id="evidence" title="Evidence">
            <EvidenceList detail={detail} />
          </Section>

          <Section id="execplans" title="ExecPlans">
            <AttachedPlans plans={plans} emptyText="No ExecPlan is attached. Attach one from its page under Plans." />
          </Section>

          {detail.comments.length > 0 ? (
            <Section id="comments" title="Review comments">
              <ul className="space-y-3">
                {detail.comments.map((c) => (
                  <li key={c.id} className={box}>
                    <p className="text-sm text-muted">
                      {c.authorName} on <a href={`#evidence-${c.evidenceItemKey}`}>{c.evidenceItemKey}</a>
                    </p>
                    <p>{c.body}</p>
                    {c.resolution ? (
                      <p className="mt-1 text-sm text-success">Resolved: {c.resolution.note}</p>
                    ) : status !== "completed" ? (
                      <ActionForm action={resolveCommentAction} label="Resolve comment" className="mt-2">
                        <input type="hidden" name="commentId" value={c.id} />
                        <Field name="note" label="What you changed" />
                        <SubmitButton tone="plain">Mark resolved</SubmitButton>
                      </ActionForm>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}

          {status === "in_progress" || status === "blocked" || status === "review_required" ? (
            <div className="grid gap-6 lg:grid-cols-2">
              <Section id="drills" title="Record a drill attempt">
                <ActionForm action={evidenceAction} label="Record a drill" className={box}>
                  <input type="hidden" name="packetId" value={current.id} />
                  <input type="hidden" name="kind" value="drill" />
                  <Field name="drillId" label="Drill">
                    {mod.meta.drills.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.level}: {d.title}
                        {d.timebox ? ` (${d.timebox.reps} reps in ${d.timebox.minutes} min)` : ""}
                      </option>
                    ))}
                  </Field>
                  <DrillTimer timeboxMinutes={mod.meta.drills.find((d) => d.timebox)?.timebox?.minutes} />
                  <FieldError name="seconds" />
                  <Field name="reps" label="Reps completed" type="number" defaultValue="1" />
                  <label className="mb-3 flex items-center gap-2 text-sm">
                    <input type="checkbox" name="passed" /> Met the drill&apos;s standard
                  </label>
                  <Field name="title" label="Label" defaultValue="Drill attempt" />
                  <Field name="body" label="Notes" multiline rows={2} />
                  <SubmitButton tone="plain">Record attempt</SubmitButton>
                </ActionForm>
              </Section>
              <Section id="exercise-results" title="Record an exercise result">
                <ActionForm action={evidenceAction} label="Record an exercise result" className={box}>
                  <input type="hidden" name="packetId" value={current.id} />
                  <input type="hidden" name="kind" value="exercise" />
                  <Field name="exercise" label="Exercise">
                    {mod.exercises.map((e) => (
                      <option key={e.slug} value={e.slug}>
                        {mod.meta.number}.{e.meta.number} {e.meta.title}
                      </option>
                    ))}
                  </Field>
                  <Field name="title" label="Label" defaultValue="Exercise result" />
                  <Field name="body" label="Result against the success criteria, and where its evidence is" multiline rows={4} />
                  <SubmitButton tone="plain">Save result</SubmitButton>
                </ActionForm>
              </Section>
              <Section id="exit-ticket" title="Exit ticket">
                {mod.meta.exitTicket.map((question, index) => (
                  <ActionForm key={question} action={evidenceAction} label={`Exit ticket question ${index + 1}`} className={`${box} mb-3`}>
                    <input type="hidden" name="packetId" value={current.id} />
                    <input type="hidden" name="kind" value="exit-ticket" />
                    <input type="hidden" name="question" value={index} />
                    <input type="hidden" name="title" value={`Exit ticket ${index + 1}`} />
                    <Field name="body" label={`${index + 1}. ${question}`} multiline rows={3} />
                    <SubmitButton tone="plain">Save answer</SubmitButton>
                  </ActionForm>
                ))}
              </Section>
            </div>
          ) : null}

          {status === "in_progress" ? (
            <Section id="submit" title="Completion proof and submission">
              <ActionForm action={submitAction} label="Submit for review" className={box}>
                <input type="hidden" name="packetId" value={current.id} />
                <div className="grid gap-4 md:grid-cols-2">
                  <div>
                    <CheckResultField name="validationStatus" label="Build/validation status" />
                    <Field name="validationDetail" label="What was validated (command and result)" multiline rows={2} />
                  </div>
                  <div>
                    <CheckResultField name="drillStatus" label="Test/drill status" />
                    <Field name="drillDetail" label="Which drills and tests ran, with results" multiline rows={2} />
                  </div>
                </div>
                <h3 className="mb-2 font-semibold">Self-score</h3>
                <RubricInput threshold={threshold} />
                <FieldError name="selfScores" />
                <Field name="rubricSummary" label="Rubric score summary" multiline rows={2} />
                <Field name="risks" label="Risks" multiline rows={2} />
                <Field name="followUps" label="Follow-ups" multiline rows={2} />
                <h3 className="mb-2 font-semibold">Assessment claims and their evidence</h3>
                {[0, 1, 2].map((i) => (
                  <fieldset key={i} className="mb-3 rounded border border-line p-3">
                    <legend className="px-1 text-sm">Claim {i + 1}{i > 0 ? " (optional)" : ""}</legend>
                    <Field name={`claim${i}`} label="What you claim" />
                    <p className="text-sm">Backed by:</p>
                    {evidenceOptions.length === 0 ? <p className="text-sm text-muted">Add evidence first.</p> : null}
                    {evidenceOptions.map((item) => (
                      <label key={item.key} className="mr-4 inline-flex items-center gap-1 text-sm">
                        <input type="checkbox" name={`claim${i}Evidence`} value={item.key} /> {item.latest.title}
                      </label>
                    ))}
                    <FieldError name={`claims.${i}.evidence`} />
                  </fieldset>
                ))}
                <FieldError name="claims" />
                <SubmitButton>Submit for review</SubmitButton>
              </ActionForm>
            </Section>
          ) : null}

          {status === "review_required" && learner.soloMode ? (
            <Section id="self-review" title="Self-review (solo mode)">
              <ActionForm action={selfReviewAction} label="Self-review" className={box}>
                <input type="hidden" name="packetId" value={current.id} />
                <p className="mb-3 text-sm text-muted">
                  Opens {learner.coolingOffHours} hours after submission. It is recorded and shown as a self-review, never as a reviewer&apos;s accept.
                </p>
                {SELF_REVIEW_CHECKLIST.map((item) => (
                  <label key={item.id} className="mb-2 flex items-start gap-2 text-sm">
                    <input type="checkbox" name="checklist" value={item.id} className="mt-1" /> {item.text}
                  </label>
                ))}
                <RubricInput threshold={threshold} />
                <Field name="reflection" label="What you checked and what you would improve" multiline rows={3} />
                <SubmitButton>Record self-review</SubmitButton>
              </ActionForm>
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
