// The PostgreSQL schema cannot drift from the SQLite one: the committed copy is what
// prisma/postgresql.ts derives, and the PostgreSQL migrations produce exactly that schema.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { postgresBinDir } from "../scripts/postgres-cluster";
import { createPostgresDatabase, databaseUrl } from "../test/postgres";
import { postgresMigrationSql, SCHEMA_PATH } from "./migrator";
import { POSTGRES_SCHEMA_PATH, postgresSchema } from "./postgresql";

describe("the PostgreSQL schema", () => {
  it("is the one derived from prisma/schema.prisma (run `npm run db:migrate` after changing it)", () => {
    expect(readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(postgresSchema(readFileSync(SCHEMA_PATH, "utf8")));
  });

  it("has the same models, fields and enums, only another provider", () => {
    const models = (text: string) => text.replace(/^[\s\S]*?(?=\nenum |\nmodel )/, "");
    expect(models(readFileSync(POSTGRES_SCHEMA_PATH, "utf8"))).toBe(models(readFileSync(SCHEMA_PATH, "utf8")));
  });

  // The engine cannot read a PostgreSQL database's schema back through the driver adapter (it
  // fails on the catalog's "char" columns), so compare the server's own dump of the database the
  // migrations built with one built straight from the schema (the first migration's SQL, from empty).
  it.skipIf(!inject("postgresAdminUrl"))("is what the PostgreSQL migrations produce on a real server", async () => {
    const adminUrl = inject("postgresAdminUrl");
    const migrated = await createPostgresDatabase(adminUrl, "migrated");
    const direct = databaseUrl(adminUrl, `direct_${Date.now()}`);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${new URL(direct).pathname.slice(1)}"`);
    await admin.end();
    const sql = await postgresMigrationSql(readFileSync(SCHEMA_PATH, "utf8"), adminUrl, "/nonexistent/schema.prisma");
    const client = new pg.Client({ connectionString: direct });
    await client.connect();
    await client.query(sql!);
    await client.end();
    const dump = (url: string) =>
      execFileSync(path.join(postgresBinDir()!, "pg_dump"), ["--schema-only", "--no-owner", "--exclude-table=_prisma_migrations", url], { encoding: "utf8" })
        .split("\n")
        .filter((line) => !line.startsWith("--") && !line.startsWith("\\") && line.trim() !== "")
        .join("\n");
    expect(dump(migrated)).toBe(dump(direct));
    expect(dump(migrated)).toMatch(/CREATE TRIGGER "Evidence_append_only_update"/);
  });
});
