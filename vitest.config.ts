import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { postgresBinDir } from "./scripts/postgres-cluster";

const include = ["proxy.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts?(x)", "prisma/**/*.test.ts", "scripts/**/*.test.ts"];

/**
 * The domain tests: every test file that works on a database of its own (test/database.ts). They
 * run a second time on PostgreSQL, as the "postgresql" project, apart from the tests of SQLite's
 * own connection handling (lib/db.test.ts), which the PostgreSQL side of lib/db.ts does not have.
 */
const SQLITE_ONLY = ["lib/db.test.ts"];
const domainTests = ["lib", "components", "prisma", "scripts"]
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file}`))
  .filter((file) => /\.test\.tsx?$/.test(file))
  .filter((file) => readFileSync(file, "utf8").includes("withTestDatabase(") && !SQLITE_ONLY.includes(file));

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    // Migrates a template database once (SQLite, and PostgreSQL where it can run); test files copy it (test/database.ts).
    globalSetup: ["test/global-setup.ts"],
    // Generous: these tests run real databases, child processes and builds on machines that may be busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One worker more than the cores (vitest's default is one fewer): many tests wait on child
    // processes (git, bash, python, psql), and a waiting worker leaves its core idle.
    maxWorkers: availableParallelism() + 1,
    // The PostgreSQL project where PostgreSQL is installed (`npm test` says in its summary when it is not).
    projects: [
      { extends: true, test: { name: "sqlite", include } },
      ...(postgresBinDir() || process.env.MASTERY_TEST_POSTGRES_URL
        ? [{ extends: true as const, test: { name: "postgresql", include: domainTests, env: { MASTERY_TEST_DATABASE: "postgresql" } } }]
        : []),
    ],
  },
});
