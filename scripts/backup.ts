// `npm run backup`: an online, consistent backup of the database and uploaded files into
// data/backups/ (safe while the app runs), signed with this install's key
// (data/secrets/backup.key); keeps the newest MASTERY_BACKUP_KEEP archives. On PostgreSQL it
// refuses: the database's own backups are the install's.
import { inAppBackups } from "../lib/backup/availability";
import { backupPlaces } from "../lib/backup/places";
import { backupNow } from "../lib/backup/schedule";
import { count } from "../lib/ui/plural";

const backups = inAppBackups();
if (!backups.available) {
  console.error(`No backup taken: ${backups.reason}`);
  process.exit(1);
}
try {
  const result = await backupNow(backupPlaces());
  console.log(`Backed up the database and ${count(result.files, "file")} to ${result.archive}`);
  console.log(`${(result.bytes / 1024).toFixed(1)} KB, sha256 ${result.sha256}, signed with this install's key (key id ${result.keyId})`);
  for (const old of result.pruned) console.log(`Removed old backup ${old}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
