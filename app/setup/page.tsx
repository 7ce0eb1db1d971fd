import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { hasAnyUser } from "@/lib/auth/people";
import { getDefaultProgram, listPrograms } from "@/lib/content";
import { systemTimeZone } from "@/lib/time/zone";
import { TimeZoneField } from "@/components/settings/time-zone-field";
import { setupAction } from "./actions";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/signin");
  const programs = listPrograms().filter((p) => !p.meta.template);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Set up Mastery">
        Create the learner who works the program and the reviewer who signs off each module. You can add more people later.
      </PageHeader>
      <ActionForm action={setupAction} label="Set up">
        <fieldset className="mb-4 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">Learner</legend>
          <Field name="learnerName" label="Name" required autoComplete="username" />
          <Field
            name="learnerPassphrase"
            label="Passphrase"
            type="password"
            hint="At least 10 characters."
            required
            autoComplete="new-password"
          />
          <Field name="programSlug" label="Program" defaultValue={getDefaultProgram()?.slug}>
            {programs.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.meta.title}
              </option>
            ))}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="soloMode" /> Solo mode: no mentor; I review my own packets after a cooling-off period
          </label>
          <Field name="coolingOffHours" label="Cooling-off hours before a self-review (solo mode)" type="number" defaultValue="12" />
        </fieldset>
        <fieldset className="mb-4 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">Reviewer</legend>
          <Field name="reviewerName" label="Name" required />
          <Field
            name="reviewerPassphrase"
            label="Passphrase"
            type="password"
            hint="At least 10 characters."
            required
            autoComplete="new-password"
          />
        </fieldset>
        <TimeZoneField
          defaultValue={systemTimeZone()}
          hint="Where the learner's days and weeks begin, and the clock times both of you see; each can change theirs in Settings."
          fromBrowser
        />
        <SubmitButton>Create and sign in as the learner</SubmitButton>
      </ActionForm>
    </div>
  );
}
