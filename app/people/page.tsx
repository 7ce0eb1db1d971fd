import type { Metadata } from "next";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listPeople } from "@/lib/auth/people";
import { currentUser } from "@/lib/auth/session";
import { listPrograms } from "@/lib/content";
import { addOwnProfileAction, addPersonAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const signedIn = await currentUser();
  if (!signedIn?.asReviewer) {
    return (
      <>
        <PageHeader title="People" />
        <p className="rounded-lg border border-line bg-surface p-4">Only a signed-in reviewer manages learners and reviewers.</p>
      </>
    );
  }
  const [people, programs] = await Promise.all([listPeople(), listPrograms().filter((p) => !p.meta.template)]);
  const programOptions = programs.map((p) => (
    <option key={p.slug} value={p.slug}>
      {p.meta.title}
    </option>
  ));
  return (
    <>
      <PageHeader title="People">Learners and reviewers of this install, as in a cohort.</PageHeader>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="People">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="bg-sunken text-left">
              <th className="border border-line p-2">Name</th>
              <th className="border border-line p-2">Role</th>
              <th className="border border-line p-2">Learner profiles</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td className="border border-line p-2">{person.name}</td>
                <td className="border border-line p-2">{person.role}</td>
                <td className="border border-line p-2">
                  {person.learners.map((l) => `${l.programSlug}${l.soloMode ? " (solo)" : ""}`).join(", ") || "none"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="add" title="Add a person">
          <ActionForm action={addPersonAction} label="Add a person" className="rounded-lg border border-line bg-surface p-4">
            <Field name="name" label="Name" />
            <Field name="passphrase" label="Passphrase" type="password" hint="At least 10 characters; give it to them privately." autoComplete="new-password" />
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
            <SubmitButton>Add</SubmitButton>
          </ActionForm>
        </Section>
        <Section id="own-profile" title="Your own learner profile">
          <ActionForm action={addOwnProfileAction} label="Add your own learner profile" className="rounded-lg border border-line bg-surface p-4">
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
