// Where backups read from and write to: the database file, the uploaded files beside it and
// the `backups` folder in the same data folder, and the `secrets` folder holding the signing key.
import path from "node:path";
import { secretsDir } from "../auth/secrets";
import { databasePath } from "../db";
import { filesDir } from "../files";
import type { BackupPlaces } from "./archive";

export function backupPlaces(): BackupPlaces {
  const dbPath = databasePath();
  return { dbPath, filesDir: filesDir(), backupsDir: path.join(path.dirname(dbPath), "backups"), secretsDir: secretsDir() };
}
