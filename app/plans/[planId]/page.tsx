import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Markdown } from "@/components/markdown/markdown";
import { FindingsList } from "@/components/plans/findings-list";
import { PlanProgress } from "@/components/plans/plan-progress";
import { PlanStatusBadge } from "@/components/plans/plan-status-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getProgram, moduleByNumber } from "@/lib/content";
import { withoutTitle } from "@/lib/execplans/document";
import { planDownloadRoute, planEditRoute, planRevisionsRoute, planRoute } from "@/lib/execplans/links";
import { attachablePackets, checkedRevision, planAttachments } from "@/lib/execplans/queries";
import { Moment } from "@/components/ui/moment";
import { attachPlanAction, detachPlanAction } from "../actions";
import { readableOrNotice, revisionParam } from "./readable";

export const metadata: Metadata = { title: "Plan" };

const box = "card p-4";
const button = "rounded border border-line px-3 py-1 text-sm";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<{ revision?: string }> };

export default async function PlanPage({ params, searchParams }: Props) {
  const [{ planId }, query] = await Promise.all([params, searchParams]);
  const { plan, notice } = await readableOrNotice(planId, "Plan");
  if (!plan) return notice;
  const number = revisionParam(plan, query.revision);
  const revision = plan.revisions.find((r) => r.number === number)!;
  const isLatest = number === plan.latest.number;
  const editable = plan.owned && isLatest;
  const [checked, attachments, packets] = await Promise.all([
    checkedRevision(plan.id, number, plan.terms),
    planAttachments(plan.id),
    plan.owned ? attachablePackets(plan.learner.id) : Promise.resolve([]),
  ]);
  const { text, result } = checked!;
  const program = getProgram(plan.learner.programSlug);
  const moduleName = (moduleNumber: number) => {
    const mod = program ? moduleByNumber(program, moduleNumber) : null;
    return mod ? `Module ${moduleNumber}: ${mod.meta.title}` : `Module ${moduleNumber}`;
  };
  return (
    <>
      <PageHeader title={revision.title} eyebrow={<Link href="/plans">Plans</Link>}>
        <p className="flex flex-wrap items-center gap-2">
          <PlanStatusBadge status={revision.status} />
          <span>
            Revision {number} of {plan.latest.number} · saved <Moment at={revision.createdAt} /> by {revision.actorLabel} · learner{" "}
            {plan.learner.name}
          </span>
        </p>
        <p className="mt-3 flex flex-wrap gap-2">
          {editable ? (
            <Link href={planEditRoute(plan.id)} className="rounded bg-accent px-3 py-1 text-sm font-medium text-accent-ink">
              Edit
            </Link>
          ) : null}
          <Link href={planRevisionsRoute(plan.id)} className={button}>
            Revisions ({plan.latest.number})
          </Link>
          <a href={planDownloadRoute(plan.id, number)} className={button} download>
            Download .md
          </a>
        </p>
      </PageHeader>

      {!isLatest ? (
        <p role="status" className="mb-4 rounded border border-warning bg-warning-soft p-3">
          You are reading revision {number}.{" "}
          <Link href={planRoute(plan.id)} className="underline">
            Read the latest revision ({plan.latest.number})
          </Link>
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="progress" title="Progress by phase">
          <PlanProgress progress={result.progress} label="Progress by phase" />
        </Section>
        <Section id="findings" title="Findings">
          <FindingsList
            result={result}
            label="Findings"
            lineControl={
              editable
                ? (line) => (
                    <Link href={planEditRoute(plan.id, line)} className="font-mono underline">
                      Line {line}
                    </Link>
                  )
                : undefined
            }
          />
        </Section>
      </div>

      <Section id="packets" title="Attached to work packets">
        {attachments.length === 0 ? <p className="mb-3 text-muted">Not attached to a packet.</p> : null}
        <ul className="mb-3 space-y-2">
          {attachments.map((a) => (
            <li key={a.id} className={`${box} flex flex-wrap items-center gap-3 text-sm`}>
              <span>
                {moduleName(a.packet.moduleNumber)} (attempt {a.packet.attempt}, {a.packet.status.replace("_", " ")}) — revision{" "}
                {a.revision.number} pinned
              </span>
              {plan.owned && a.packet.status !== "completed" ? (
                <>
                  {a.revision.number < plan.latest.number ? (
                    <ActionForm action={attachPlanAction} label={`Pin the latest revision to ${moduleName(a.packet.moduleNumber)}`}>
                      <input type="hidden" name="planId" value={plan.id} />
                      <input type="hidden" name="packetId" value={a.packetId} />
                      <SubmitButton tone="plain">Pin revision {plan.latest.number}</SubmitButton>
                    </ActionForm>
                  ) : null}
                  <ActionForm action={detachPlanAction} label={`Detach from ${moduleName(a.packet.moduleNumber)}`}>
                    <input type="hidden" name="planId" value={plan.id} />
                    <input type="hidden" name="packetId" value={a.packetId} />
                    <SubmitButton tone="plain">Detach</SubmitButton>
                  </ActionForm>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {plan.owned ? (
          <ActionForm action={attachPlanAction} label="Attach to a packet" className={box}>
            <input type="hidden" name="planId" value={plan.id} />
            {packets.length === 0 ? (
              <p className="text-sm text-muted">Start a module&apos;s work packet to attach this plan to it as evidence.</p>
            ) : (
              <>
                <Field
                  name="packetId"
                  label="Work packet"
                  hint="The latest revision is pinned; the reviewer sees that revision and its progress."
                >
                  {packets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {moduleName(p.moduleNumber)} ({p.status.replace("_", " ")})
                    </option>
                  ))}
                </Field>
                <SubmitButton>Attach revision {plan.latest.number}</SubmitButton>
              </>
            )}
          </ActionForm>
        ) : null}
      </Section>

      <Section id="plan" title="The plan">
        <div className={box}>
          <Markdown source={withoutTitle(text)} />
        </div>
      </Section>
    </>
  );
}
