import type { Metadata } from "next";
import Link from "next/link";
import { NewToken } from "@/components/settings/new-token";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listApiTokens } from "@/lib/agent/tokens";
import { learnerProfilesOf } from "@/lib/auth/people";
import { currentUser } from "@/lib/auth/session";
import { formatTimestamp } from "@/lib/log/format";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

const box = "rounded-lg border border-line bg-surface p-4";

export default async function SettingsPage() {
  const signedIn = await currentUser();
  if (!signedIn) {
    return (
      <>
        <PageHeader title="Settings" />
        <p className={box}>
          <Link href="/signin" className="underline">
            Sign in
          </Link>{" "}
          to change your settings.
        </p>
      </>
    );
  }
  const [profiles, tokens] = await Promise.all([learnerProfilesOf(signedIn.user.id), listApiTokens(signedIn.user.id)]);
  const current = profiles.find((p) => p.id === signedIn.learnerId) ?? profiles[0];
  return (
    <>
      <PageHeader title="Settings">Your account and the credentials agents use to work for you.</PageHeader>
      <Section id="account" title="Account">
        <dl className={`${box} grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]`}>
          <dt className="font-medium">Name</dt>
          <dd>{signedIn.user.name}</dd>
          <dt className="font-medium">Role</dt>
          <dd>{signedIn.user.role}</dd>
          <dt className="font-medium">Learner profiles</dt>
          <dd>{profiles.length > 0 ? profiles.map((p) => `${p.programSlug}${p.soloMode ? " (solo)" : ""}`).join(", ") : "none"}</dd>
        </dl>
      </Section>
      <Section id="api-tokens" title="API tokens">
        <p className="mb-4 max-w-3xl">
          A token lets an agent or a script work on your packets through the <Link href="/api" className="underline">API and the mastery command</Link>: read
          the plan, start the next module, attach evidence, submit for review and write to the plan log. It acts as your learner profile and can never
          accept, reject or rescore a review. Only a hash of it is kept, so it is shown once; revoke a token you no longer use.
        </p>
        {current ? (
          <ActionForm action={createTokenAction} label="Create an API token" className={`${box} mb-6 max-w-xl`}>
            <NewToken />
            <Field name="name" label="Token name" hint="What will use it, e.g. ci-agent or laptop." />
            {profiles.length > 1 ? (
              <Field name="learnerId" label="Acts as the learner profile" defaultValue={current.id}>
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} in {p.programSlug}
                  </option>
                ))}
              </Field>
            ) : (
              <input type="hidden" name="learnerId" value={current.id} />
            )}
            <SubmitButton>Create token</SubmitButton>
          </ActionForm>
        ) : (
          <p className={`${box} mb-6`}>Tokens act as a learner profile, and you have none.</p>
        )}
        {tokens.length === 0 ? (
          <p className="text-muted">No tokens yet.</p>
        ) : (
          <DataTable
            label="API tokens"
            rowHeaders
            headers={["Name", "Token", "Profile", "Created", "Last used", "Status"]}
            rows={tokens.map((t) => ({
              key: t.id,
              cells: [
                t.name,
                <code key="prefix">{t.prefix}…</code>,
                t.learner.programSlug,
                formatTimestamp(t.createdAt),
                t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : "never",
                t.revokedAt ? (
                  `Revoked ${formatTimestamp(t.revokedAt)}`
                ) : (
                  <ActionForm key="revoke" action={revokeTokenAction} label={`Revoke ${t.name}`} className="flex flex-wrap items-center gap-2">
                    <span>Active</span>
                    <input type="hidden" name="tokenId" value={t.id} />
                    <SubmitButton tone="danger">Revoke</SubmitButton>
                  </ActionForm>
                ),
              ],
            }))}
          />
        )}
      </Section>
    </>
  );
}
