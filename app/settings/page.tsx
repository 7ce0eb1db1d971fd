import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Backups } from "@/components/settings/backups";
import { NewToken } from "@/components/settings/new-token";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm, Field, SubmitButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listApiTokens } from "@/lib/agent/tokens";
import { learnerProfilesOf } from "@/lib/auth/people";
import { currentUser } from "@/lib/auth/session";
import { formatMoment } from "@/lib/time/zone";
import { listBackups } from "@/lib/backup/archive";
import { inAppBackups } from "@/lib/backup/availability";
import { MAX_IMPORT_BYTES } from "@/lib/portability/export-format";
import { megabytes } from "@/lib/security/file-size";
import { backupPlaces } from "@/lib/backup/places";
import { liveSessionsOf } from "@/lib/auth/sessions";
import {
  backupAction,
  changePassphraseAction,
  createTokenAction,
  importLearnerAction,
  revokeTokenAction,
  signOutEverywhereAction,
  timeZoneAction,
} from "./actions";
import { TimeZoneField } from "@/components/settings/time-zone-field";

export const metadata: Metadata = { title: "Settings" };

const box = "card p-4";

/** A short name for a browser from its user-agent text. */
function browserName(userAgent: string): string {
  const known = ["Firefox", "Edg", "Chrome", "Safari", "curl"].find((name) => userAgent.includes(name));
  const system = ["Android", "iPhone", "Windows", "Mac OS X", "Linux"].find((name) => userAgent.includes(name));
  if (!known) return userAgent.slice(0, 40) || "unknown";
  return `${known === "Edg" ? "Edge" : known}${system ? ` on ${system === "Mac OS X" ? "macOS" : system}` : ""}`;
}

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
  const [profiles, tokens, sessions] = await Promise.all([
    learnerProfilesOf(signedIn.user.id),
    listApiTokens(signedIn.user.id),
    liveSessionsOf(signedIn.user.id),
  ]);
  const current = profiles.find((p) => p.id === signedIn.learnerId) ?? profiles[0];
  const zone = signedIn.user.timeZone;
  const backups = inAppBackups();
  const archives = backups.available ? listBackups(backupPlaces().backupsDir).slice(0, 10) : [];
  return (
    <>
      <PageHeader title="Settings">Your account, the credentials agents use to work for you, and your data.</PageHeader>
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
      <Section id="time-zone" title="Time zone">
        <ActionForm action={timeZoneAction} label="Time zone" className={`${box} max-w-xl`}>
          <p className="mb-3 text-sm">
            Your days and program weeks begin at midnight in this zone, and the times you see are on its clock: it is now{" "}
            <strong>{formatMoment(new Date(), zone)}</strong>. Times are stored in UTC, and the plan log keeps its UTC timestamps.
          </p>
          <TimeZoneField
            defaultValue={zone}
            hint="An IANA name such as America/Los_Angeles, Europe/Berlin or UTC; suggestions appear as you type."
          />
          <SubmitButton>Save time zone</SubmitButton>
        </ActionForm>
      </Section>
      <Section id="sign-in" title="Passphrase and signed-in browsers">
        <div className="grid gap-6 lg:grid-cols-2">
          <ActionForm action={changePassphraseAction} label="Change your passphrase" className={box}>
            <h3 className="mb-2 font-semibold">Change your passphrase</h3>
            <Field name="currentPassphrase" label="Current passphrase" type="password" autoComplete="current-password" />
            <Field name="passphrase" label="New passphrase" type="password" hint="At least 10 characters." autoComplete="new-password" />
            <Field name="confirmPassphrase" label="New passphrase again" type="password" autoComplete="new-password" />
            <p className="mb-3 text-sm text-muted">Every other browser signed in as you is signed out.</p>
            <SubmitButton>Change passphrase</SubmitButton>
          </ActionForm>
          <div className={box}>
            <h3 className="mb-2 font-semibold">Signed-in browsers</h3>
            <DataTable
              label="Browsers signed in as you"
              headers={["Browser", "Signed in", "Last active"]}
              rows={sessions.map((s) => ({
                key: s.id,
                cells: [
                  `${browserName(s.userAgent)}${s.id === signedIn.sessionId ? " (this one)" : ""}`,
                  formatMoment(s.createdAt, zone),
                  formatMoment(s.lastSeenAt, zone),
                ],
              }))}
            />
            <ActionForm action={signOutEverywhereAction} label="Sign out everywhere" className="mt-4">
              <p className="mb-3 text-sm text-muted">
                Signs out every browser above, this one too; a copied session cookie stops working at once. API tokens stay valid: revoke
                them below.
              </p>
              <SubmitButton tone="plain">Sign out everywhere</SubmitButton>
            </ActionForm>
          </div>
        </div>
      </Section>
      <Section id="api-tokens" title="API tokens">
        <p className="mb-4 max-w-3xl">
          A token lets an agent or a script work on your packets through the{" "}
          <Link href="/api" className="underline">
            API and the mastery command
          </Link>
          : read the plan, start the next module, attach evidence, submit for review and write to the plan log. It acts as your learner
          profile and can never accept, reject or rescore a review. Only a hash of it is kept, so it is shown once; revoke a token you no
          longer use.
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
                formatMoment(t.createdAt, zone),
                t.lastUsedAt ? formatMoment(t.lastUsedAt, zone) : "never",
                t.revokedAt ? (
                  `Revoked ${formatMoment(t.revokedAt, zone)}`
                ) : (
                  <ActionForm
                    key="revoke"
                    action={revokeTokenAction}
                    label={`Revoke ${t.name}`}
                    className="flex flex-wrap items-center gap-2"
                  >
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
      <Section id="your-data" title="Your data">
        <div className="grid gap-6 lg:grid-cols-2">
          <Backups backups={backups} archives={archives} action={backupAction} className={box} />
          <div className={box}>
            <h3 className="font-semibold">Export</h3>
            {current ? (
              <ul className="list-disc pl-5">
                <li>
                  <a href={`/settings/export/learner?learner=${current.id}`} className="underline">
                    Full export (JSON)
                  </a>{" "}
                  — every packet, evidence version, review, log entry, pattern, plan and file of your profile, to move it to another
                  install.
                </li>
                <li>
                  <a href={`/settings/export/record?learner=${current.id}`} className="underline">
                    Learning record (Markdown, zip)
                  </a>{" "}
                  — a readable account of your progress, attempts, evidence, reviews and plan log.
                </li>
              </ul>
            ) : (
              <p className="text-muted">You have no learner profile to export.</p>
            )}
          </div>
          <ActionForm action={importLearnerAction} label="Import a learner export" className={box}>
            <h3 className="font-semibold">Import</h3>
            <Field
              name="file"
              label="Export file (.json)"
              type="file"
              maxBytes={MAX_IMPORT_BYTES}
              hint={`A full export from another install, up to ${megabytes(MAX_IMPORT_BYTES)}; it becomes a new profile of yours. Reviews in it were given there: its completed modules show as imported, not reviewed here.`}
            />
            <SubmitButton>Import</SubmitButton>
          </ActionForm>
        </div>
      </Section>
    </>
  );
}
