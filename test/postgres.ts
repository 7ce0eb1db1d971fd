// PostgreSQL databases for tests: copies of the template test/global-setup.ts migrated once on the
// throwaway server, made with CREATE DATABASE … TEMPLATE (a file copy inside the server).
import { randomUUID } from "node:crypto";
import pg from "pg";

export const POSTGRES_TEMPLATE = "mastery_template";

/** The URL of database `name` on the server whose `postgres` database is `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * A fresh database on the test server, migrated (a copy of the template) or, with
 * `migrated: false`, empty as a new install's; returns its URL.
 */
export async function createPostgresDatabase(adminUrl: string, prefix = "test", { migrated = true } = {}): Promise<string> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(migrated ? `CREATE DATABASE "${name}" TEMPLATE "${POSTGRES_TEMPLATE}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}
