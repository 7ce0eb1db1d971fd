// `npm run restore -- <archive> [--allow-unsigned]`: verifies the archive (checksum, every entry,
// the signature made with this install's key in data/secrets/backup.key, SQLite's integrity
// check) and only then replaces the database, keeping the current one aside. An archive not
// signed by this install (unsigned, from another install, or edited) is refused unless
// --allow-unsigned is given. Stop the app first; pending migrations are applied at the next start.
// On PostgreSQL it refuses: the database's own backups are restored with the database's own tools.
import path from "node:path";
import { inAppBackups } from "../lib/backup/availability";
import { backupPlaces } from "../lib/backup/places";
import { RestoreError, restoreBackup } from "../lib/backup/restore";
import { ALLOW_UNSIGNED_FLAG, untrustedSummary } from "../lib/backup/signature";
import { count } from "../lib/ui/plural";

const backups = inAppBackups();
if (!backups.available) {
  console.error(`Nothing restored: ${backups.reason}`);
  process.exit(1);
}
const args = process.argv.slice(2);
const allowUnsigned = args.includes(ALLOW_UNSIGNED_FLAG);
const rest = args.filter((arg) => arg !== ALLOW_UNSIGNED_FLAG);
const [archive] = rest;
if (!archive || rest.length !== 1 || archive.startsWith("-")) {
  console.error(`Usage: npm run restore -- <path to backup-….zip> [${ALLOW_UNSIGNED_FLAG}]`);
  console.error(`  ${ALLOW_UNSIGNED_FLAG}  restore an archive not signed by this install (unsigned, from another install, or edited)`);
  console.error("                    after checking where it came from");
  process.exit(2);
}
try {
  const result = await restoreBackup(path.resolve(archive), backupPlaces(), { allowUnsigned });
  if (result.signature.status === "signed") console.log(`The archive is signed by this install (key id ${result.signature.keyId}).`);
  else
    console.warn(
      `Warning: the archive is not signed by this install (${untrustedSummary(result.signature)}); restored it because of ${ALLOW_UNSIGNED_FLAG}.`,
    );
  if (result.keptAside) console.log(`Kept the previous database at ${result.keptAside}`);
  console.log(`Restored the backup of ${result.manifest.createdAt} (${count(result.filesRestored, "file")} added).`);
} catch (error) {
  if (error instanceof RestoreError) {
    console.error(`Refused: ${error.message}\nNothing was changed.`);
    process.exit(1);
  }
  throw error;
}
