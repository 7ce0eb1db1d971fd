// `npm run restore -- <archive>`: verifies the archive (checksum, every entry, SQLite's
// integrity check) and only then replaces the database, keeping the current one aside.
// Stop the app first; pending migrations are applied at the next start.
import path from "node:path";
import { backupPlaces } from "../lib/backup/places";
import { RestoreError, restoreBackup } from "../lib/backup/restore";

const archive = process.argv[2];
if (!archive || archive.startsWith("-")) {
  console.error("Usage: npm run restore -- <path to backup-….zip>");
  process.exit(2);
}
try {
  const result = await restoreBackup(path.resolve(archive), backupPlaces());
  if (result.keptAside) console.log(`Kept the previous database at ${result.keptAside}`);
  console.log(`Restored the backup of ${result.manifest.createdAt} (${result.filesRestored} file(s) added).`);
} catch (error) {
  if (error instanceof RestoreError) {
    console.error(`Refused: ${error.message}\nNothing was changed.`);
    process.exit(1);
  }
  throw error;
}
