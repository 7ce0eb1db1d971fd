import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionForm, Field, FieldError, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentUser } from "@/lib/auth/session";
import { SECTIONS } from "@/lib/execplans/format";
import { IMPORT_EXTENSIONS } from "@/lib/execplans/limits";
import { createPlanAction, importPlanAction } from "../actions";

export const metadata: Metadata = { title: "New plan" };

const box = "card p-4";

export default async function NewPlanPage() {
  const signedIn = await currentUser();
  const header = <PageHeader title="New plan" eyebrow={<Link href="/plans">Plans</Link>} />;
  if (!signedIn?.learnerId) {
    return (
      <>
        {header}
        <p className={box}>
          {signedIn ? (
            "Plans belong to a learner profile; you have none."
          ) : (
            <>
              <Link href="/signin" className="underline">
                Sign in
              </Link>{" "}
              as a learner to write plans.
            </>
          )}
        </p>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="from-template" title="From the template">
          <ActionForm action={createPlanAction} label="Create from the template" className={box}>
            <p className="mb-3 text-sm text-muted">
              The canonical template has the metadata block, every section of the spec ({SECTIONS.filter((s) => s.required).length}{" "}
              required, 1 optional) with a note on what belongs there, the task and quality-gate tables, and the revision notes at the
              bottom.
            </p>
            <Field name="title" label="Title" hint="What the plan delivers, e.g. “Export an account's invoices as CSV”." />
            <SubmitButton>Create the plan</SubmitButton>
          </ActionForm>
        </Section>
        <Section id="import" title="Import an ExecPlan file">
          <ActionForm action={importPlanAction} label="Import a plan" className={box} encType="multipart/form-data">
            <p className="mb-3 text-sm text-muted">The file becomes revision 1 and is checked like any revision, conforming or not.</p>
            <Field name="file" label={`Markdown file (${IMPORT_EXTENSIONS.join(", ")}, up to 512 KB)`} type="file" />
            <FieldError name="fileName" />
            <FieldError name="bytes" />
            <SubmitButton tone="plain">Import</SubmitButton>
          </ActionForm>
        </Section>
      </div>
    </>
  );
}
