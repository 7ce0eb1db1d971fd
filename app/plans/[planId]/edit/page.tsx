import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { PlanEditor } from "@/components/plans/plan-editor";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DEFAULT_TERMS } from "@/lib/execplans/jargon";
import { planRoute } from "@/lib/execplans/links";
import { revisionText } from "@/lib/execplans/queries";
import { savePlanAction, setTermsAction } from "../../actions";
import { readableOrNotice } from "../readable";

export const metadata: Metadata = { title: "Edit plan" };

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<{ line?: string }> };

export default async function EditPlanPage({ params, searchParams }: Props) {
  const [{ planId }, query] = await Promise.all([params, searchParams]);
  const { plan, notice } = await readableOrNotice(planId, "Edit plan");
  if (!plan) return notice;
  const header = <PageHeader title={`Edit: ${plan.latest.title}`} eyebrow={<Link href={planRoute(plan.id)}>Back to the plan</Link>} />;
  if (!plan.owned) {
    return (
      <>
        {header}
        <p className="card p-4">Only the learner who owns this plan edits it; you can read it and its revisions.</p>
      </>
    );
  }
  const text = (await revisionText(plan.id, plan.latest.number))!;
  const line = Number(query.line);
  return (
    <>
      {header}
      <ActionForm action={savePlanAction} label="Save the plan">
        <PlanEditor
          key={plan.latest.number}
          planId={plan.id}
          baseRevision={plan.latest.number}
          initialText={text}
          terms={plan.terms}
          focusLine={Number.isInteger(line) && line > 0 ? line : undefined}
        />
      </ActionForm>
      <Section id="terms" title="Terms that must be defined">
        <ActionForm action={setTermsAction} label="Word list" className="card p-4">
          <input type="hidden" name="planId" value={plan.id} />
          <p className="mb-3 text-sm text-muted">
            The checker reports each of these terms that the plan uses without defining it (rule jargon-undefined). One term a line; lines
            starting with # are skipped. The default list: {DEFAULT_TERMS.join(", ")}.
          </p>
          <Field name="terms" label="Terms, one a line" multiline rows={8} defaultValue={plan.terms.join("\n")} />
          <SubmitButton tone="plain">Save the word list</SubmitButton>
        </ActionForm>
      </Section>
    </>
  );
}
