// Where backups read from and write to: the database file, the uploaded files beside it and
// the `backups` folder in the same data folder, and the `secrets` folder holding the signing key.
// Only an install that makes backups of its own has them (availability.ts).
import path from "node:path";
import { secretsDir } from "../auth/secrets";
import { databasePath } from "../db";
import { filesDir } from "../files";
import type { BackupPlaces } from "./archive";
import { requireInAppBackups } from "./availability";

export function backupPlaces(): BackupPlaces {
  requireInAppBackups();
  const dbPath = databasePath();
  return { dbPath, filesDir: filesDir(), backupsDir: path.join(path.dirname(dbPath), "backups"), secretsDir: secretsDir() };
}
