// vitest globalSetup: applies every migration once, into a template database that the test files
// copy (test/database.ts) instead of each running the migrations again: a SQLite file, and, when
// PostgreSQL can run here, a template database on a throwaway PostgreSQL server (the one
// `npm test` started, named by MASTERY_TEST_POSTGRES_URL, or one of its own).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyPendingMigrations } from "../prisma/migrator";
import { startThrowawayCluster } from "../scripts/postgres-cluster";
import { databaseUrl, POSTGRES_TEMPLATE } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    migratedTemplate: string;
    /** The throwaway server's `postgres` database, or "" when no PostgreSQL runs here. */
    postgresAdminUrl: string;
  }
}

async function postgresTemplate(): Promise<{ adminUrl: string; stop(): void } | null> {
  let adminUrl = process.env.MASTERY_TEST_POSTGRES_URL ?? "";
  let stop = () => {};
  if (!adminUrl) {
    try {
      const cluster = await startThrowawayCluster();
      adminUrl = cluster.adminUrl;
      stop = cluster.stop;
    } catch (error) {
      console.warn(`PostgreSQL tests skipped: ${(error as Error).message}`);
      return null;
    }
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${POSTGRES_TEMPLATE}"`);
    await admin.query(`CREATE DATABASE "${POSTGRES_TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  // In a process of its own (the app's own migrate command): under vitest's module loader the
  // schema engine's WebAssembly memory is read wrongly once a PostgreSQL migration grows it.
  const migrate = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts", "--apply"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(adminUrl, POSTGRES_TEMPLATE) },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`Migrating the PostgreSQL template failed:\n${migrate.stderr}`);
  return { adminUrl, stop };
}

type Templates = { dbPath: string; postgresAdminUrl: string; teardown(): void };

/** Makes the templates once per run: vitest calls this setup once per project (sqlite, postgresql). */
async function makeTemplates(): Promise<Templates> {
  const dir = mkdtempSync(path.join(tmpdir(), "mastery-test-template-"));
  const dbPath = path.join(dir, "template.db");
  await applyPendingMigrations({ dbPath });
  // Everything into the main file, so that copying that one file copies the whole database.
  const database = new Database(dbPath);
  database.pragma("wal_checkpoint(TRUNCATE)");
  database.close();
  const postgres = await postgresTemplate();
  return {
    dbPath,
    postgresAdminUrl: postgres?.adminUrl ?? "",
    teardown() {
      postgres?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const shared = globalThis as unknown as { masteryTestTemplates?: Promise<Templates>; masteryTestProjects?: number };

export default async function setup(project: TestProject): Promise<() => void> {
  shared.masteryTestTemplates ??= makeTemplates();
  shared.masteryTestProjects = (shared.masteryTestProjects ?? 0) + 1;
  const templates = await shared.masteryTestTemplates;
  project.provide("migratedTemplate", templates.dbPath);
  project.provide("postgresAdminUrl", templates.postgresAdminUrl);
  return () => {
    shared.masteryTestProjects! -= 1;
    if (shared.masteryTestProjects === 0) templates.teardown();
  };
}
