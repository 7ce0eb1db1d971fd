// The backups of Settings → Your data: the app's own archives and the button that takes one, or,
// where the database's own backups are the install's (PostgreSQL), the sentence that says so.
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { BackupListing } from "@/lib/backup/archive";
import type { InAppBackups } from "@/lib/backup/availability";
import type { FormState } from "@/lib/forms";

type Props = {
  backups: InAppBackups;
  /** The newest archives, when the app makes its own. */
  archives: BackupListing[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  className: string;
};

export function Backups({ backups, archives, action, className }: Props) {
  if (!backups.available) {
    return (
      <div className={className}>
        <h3 className="font-semibold">Backups</h3>
        <p className="text-sm">{backups.reason}</p>
      </div>
    );
  }
  return (
    <ActionForm action={action} label="Back up now" className={className}>
      <h3 className="font-semibold">Backups</h3>
      <p className="mb-2 text-sm">
        Everything lives in one SQLite file and the uploaded files beside it, on this machine. A backup is a consistent copy of both, taken
        safely while the app runs, with checksums and signed with this install&apos;s key; restore one with{" "}
        <code>npm run restore -- &lt;archive&gt;</code> while the app is stopped.
      </p>
      {archives.length === 0 ? (
        <p className="text-muted">No backups yet.</p>
      ) : (
        <ul className="text-sm">
          {archives.map((b) => (
            <li key={b.name}>
              <code>{b.name}</code> · {(b.bytes / 1024).toFixed(0)} KB
            </li>
          ))}
        </ul>
      )}
      <SubmitButton>Back up now</SubmitButton>
    </ActionForm>
  );
}
