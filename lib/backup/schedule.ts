// Backups taken by the app itself: one on request (the settings button, `npm run backup`) and,
// while the server runs, one whenever the newest archive is older than the configured interval.
import { env } from "../env";
import { createBackup, listBackups, pruneBackups, type BackupPlaces, type BackupResult } from "./archive";

export async function backupNow(places: BackupPlaces, reason = "manual"): Promise<BackupResult & { pruned: string[] }> {
  const result = await createBackup(places, { reason });
  return { ...result, pruned: pruneBackups(places.backupsDir, env().MASTERY_BACKUP_KEEP) };
}

export function isBackupDue(places: BackupPlaces, everyHours: number, now = new Date()): boolean {
  if (everyHours <= 0) return false;
  const newest = listBackups(places.backupsDir)[0];
  return !newest || now.getTime() - newest.createdAt.getTime() >= everyHours * 3_600_000;
}

/** Checks every `checkEveryMs` whether a scheduled backup is due; returns a stop function. */
export function startBackupSchedule(places: BackupPlaces, log: (line: string) => void, checkEveryMs = 3_600_000): () => void {
  const everyHours = env().MASTERY_BACKUP_EVERY_HOURS;
  if (everyHours <= 0) return () => {};
  const tick = () => {
    if (!isBackupDue(places, everyHours)) return;
    backupNow(places, "scheduled").then(
      (result) => log(`Backed up to ${result.archive}`),
      (error: unknown) => log(`Scheduled backup failed: ${(error as Error).message}`),
    );
  };
  tick();
  const timer = setInterval(tick, Math.min(checkEveryMs, everyHours * 3_600_000));
  timer.unref();
  return () => clearInterval(timer);
}
