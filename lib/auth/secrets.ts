// Secrets generated on first use into `<data folder>/secrets/`, readable by the owner only
// (folder 0700, files 0600); never in the database, never in the repository, never logged.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../env";

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

/** The secret that seals session cookies: SESSION_SECRET (32+ characters), or `secrets/session.key`. */
export function sessionSecret(): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  cachedSessionSecret ??= readOrCreateSecret("session.key");
  return cachedSessionSecret;
}

/**
 * The key that signs backup archives (HMAC-SHA256): `secrets/backup.key`, generated once. It is
 * never put into an archive, and restoring an archive never replaces it.
 */
export function backupSigningKey(dir = secretsDir()): string {
  return readOrCreateSecret("backup.key", dir);
}
