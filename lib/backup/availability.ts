// Whether this install makes backups of its own. On SQLite it does: the database is one file, the
// uploaded files sit beside it, and the app archives both (archive.ts). On PostgreSQL it does not:
// a team backs up its database with the database's own tools (pg_dump, a managed service's
// snapshots), and those backups hold the uploaded files too, which are rows there (lib/files.ts).
import { dialect, type Dialect } from "../env";
import { AppError } from "../errors";

export type InAppBackups = { available: true } | { available: false; reason: string };

/** The one rule for the backup button, the backup and restore commands and the scheduled backups. */
export function inAppBackups(kind: Dialect = dialect()): InAppBackups {
  if (kind === "sqlite") return { available: true };
  return {
    available: false,
    reason:
      "This install keeps its data in PostgreSQL, uploaded files included, so its backups are the database's own (pg_dump or the managed service's snapshots): see “Team server” in the README.",
  };
}

/** Refuses, with the reason, to make or restore a backup of the app's own where there are none. */
export function requireInAppBackups(): void {
  const backups = inAppBackups();
  if (!backups.available) throw new AppError("refused", backups.reason, {}, "backups-elsewhere");
}
