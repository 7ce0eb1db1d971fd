// Secrets generated on first use into `<data folder>/secrets/`, readable by the owner only
// (folder 0700, files 0600); never in the database, never in the repository, never logged. A team
// server's instances share SESSION_SECRET from their environment instead.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, dialect, env } from "../env";

export function secretsDir(): string {
  return path.join(dataDir(), "secrets");
}

function readOrCreateSecret(name: string, dir = secretsDir()): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = path.join(dir, name);
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

let cachedSessionSecret: string | undefined;

/** Why a team server cannot do without SESSION_SECRET, in the words of a configuration error. */
export const SESSION_SECRET_REQUIRED =
  "Invalid configuration:\n  SESSION_SECRET: required when DATABASE_URL names a PostgreSQL server: every app instance must seal and open sign-in cookies with the same secret (32+ characters), or a person signed in on one instance is signed out on the next";

/**
 * The secret that seals session cookies: SESSION_SECRET, or else `secrets/session.key`, generated
 * once. On PostgreSQL several app instances serve one team, and a key generated into one
 * instance's data folder would be that instance's alone, so there SESSION_SECRET is required.
 */
export function sessionSecret(): string {
  const configured = env().SESSION_SECRET;
  if (configured) return configured;
  if (dialect() === "postgresql") throw new Error(SESSION_SECRET_REQUIRED);
  cachedSessionSecret ??= readOrCreateSecret("session.key");
  return cachedSessionSecret;
}

/**
 * The key that signs backup archives (HMAC-SHA256): `secrets/backup.key`, generated once. It is
 * never put into an archive, and restoring an archive never replaces it. Only an install that
 * makes backups of its own (SQLite) asks for it: every caller starts from `backupPlaces()`.
 */
export function backupSigningKey(dir = secretsDir()): string {
  return readOrCreateSecret("backup.key", dir);
}
