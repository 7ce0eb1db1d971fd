import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listPeople } from "@/lib/auth/people";
import { currentUser } from "@/lib/auth/session";
import { listPrograms } from "@/lib/content";
import { TimeZoneField } from "@/components/settings/time-zone-field";
import { addOwnProfileAction, addPersonAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const signedIn = await currentUser();
  if (!signedIn?.asReviewer) forbidden();
  const [people, programs] = await Promise.all([listPeople(), listPrograms().filter((p) => !p.meta.template)]);
  const programOptions = programs.map((p) => (
    <option key={p.slug} value={p.slug}>
      {p.meta.title}
    </option>
  ));
  return (
    <>
      <PageHeader title="People">Learners and reviewers of this install, as in a cohort.</PageHeader>
      <DataTable
        label="People"
        headers={["Name", "Role", "Learner profiles", "Time zone"]}
        rows={people.map((person) => ({
          key: person.id,
          cells: [
            person.name,
            person.role,
            person.learners.map((l) => `${l.programSlug}${l.soloMode ? " (solo)" : ""}`).join(", ") || "none",
            person.timeZone,
          ],
        }))}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="add" title="Add a person">
          <ActionForm action={addPersonAction} label="Add a person" className="card p-4">
            <Field name="name" label="Name" />
            <Field
              name="passphrase"
              label="Passphrase"
              type="password"
              hint="At least 10 characters; give it to them privately."
              autoComplete="new-password"
            />
            <Field name="role" label="Role" defaultValue="learner">
              <option value="learner">Learner</option>
              <option value="reviewer">Reviewer</option>
            </Field>
            <Field name="programSlug" label="Program (for a learner)">
              {programOptions}
            </Field>
            <label className="mb-4 flex items-center gap-2 text-sm">
              <input type="checkbox" name="soloMode" /> Solo mode (no mentor)
            </label>
            <Field name="coolingOffHours" label="Solo mode: cooling-off hours before a self-review" type="number" defaultValue="12" />
            <TimeZoneField defaultValue={signedIn.user.timeZone} hint="Where their days and weeks begin; they can change it in Settings." />
            <SubmitButton>Add</SubmitButton>
          </ActionForm>
        </Section>
        <Section id="own-profile" title="Your own learner profile">
          <ActionForm action={addOwnProfileAction} label="Add your own learner profile" className="card p-4">
            <p className="mb-3 text-sm text-muted">You can learn too; you can never review your own packets.</p>
            <Field name="programSlug" label="Program">
              {programOptions}
            </Field>
            <SubmitButton tone="plain">Create my profile</SubmitButton>
          </ActionForm>
        </Section>
      </div>
    </>
  );
}
