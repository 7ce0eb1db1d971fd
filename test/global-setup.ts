// vitest globalSetup: applies every migration once, into a template database that the test files
// copy (test/database.ts) instead of each running the migrations again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { applyPendingMigrations } from "../prisma/migrator";

declare module "vitest" {
  export interface ProvidedContext {
    migratedTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), "mastery-test-template-"));
  const dbPath = path.join(dir, "template.db");
  await applyPendingMigrations({ dbPath });
  // Everything into the main file, so that copying that one file copies the whole database.
  const database = new Database(dbPath);
  database.pragma("wal_checkpoint(TRUNCATE)");
  database.close();
  project.provide("migratedTemplate", dbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
