// `npm run test:e2e`: Playwright against a real `next start` with a fresh temporary database
// and a temporary copy of the content, plus the fixture programs the specs expect: a broken one
// and a copy of the template whose first module carries script-injection payloads.
// `npm run test:e2e -- --team`: the team-server smoke run instead (playwright.team.config.ts): two
// app instances on one PostgreSQL database, on the throwaway server MASTERY_TEST_POSTGRES_URL names
// or on one of its own.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-stamp";
import { ensureTestBrowser } from "./chromium";
import { freePort } from "./free-port";
import { startThrowawayCluster } from "./postgres-cluster";
import { createPostgresDatabase } from "../test/postgres";

let chromium: string;
try {
  chromium = ensureTestBrowser();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Build first, outside Playwright's server-start timeout: on a busy machine a build takes minutes.
// Types are not checked again inside the build: `npm test` runs `npm run typecheck` as its own step.
process.env.MASTERY_BUILD_TYPECHECKED = "1";
buildIfStale();

const scratch = mkdtempSync(path.join(tmpdir(), "mastery-e2e-"));
const contentDir = path.join(scratch, "content");
cpSync("content", contentDir, { recursive: true });
cpSync(path.join("e2e", "fixtures", "content"), contentDir, { recursive: true });
const inert = path.join(contentDir, "inert-fixture");
cpSync(path.join("content", "async-plan-template"), inert, { recursive: true });
const programFile = path.join(inert, "program.md");
writeFileSync(programFile, readFileSync(programFile, "utf8").replace('title: "Async Plan Template"', 'title: "Inert Fixture"'));
appendFileSync(path.join(inert, "modules", "01-orientation.md"), `\n${readFileSync(path.join("e2e", "fixtures", "xss-payloads.md"), "utf8")}`);

const appPort = await freePort();

/** The team run's database: a fresh, empty one on the test PostgreSQL server (the app migrates it). */
async function teamDatabase(): Promise<Record<string, string>> {
  let adminUrl = process.env.MASTERY_TEST_POSTGRES_URL;
  if (!adminUrl) {
    const cluster = await startThrowawayCluster();
    process.once("exit", cluster.stop);
    adminUrl = cluster.adminUrl;
  }
  return {
    DATABASE_URL: await createPostgresDatabase(adminUrl, "e2e_team", { migrated: false }),
    MASTERY_DATA_DIR: path.join(scratch, "data"),
    SESSION_SECRET: "the session secret both test instances share",
    E2E_SECOND_PORT: String(await freePort()),
    E2E_TEAM: "1",
  };
}

const team = process.argv.includes("--team");
const args = process.argv.slice(2).filter((arg) => arg !== "--team");
const database = team ? await teamDatabase() : { DATABASE_URL: `file:${path.join(scratch, "e2e.db")}` };

const result = spawnSync(path.resolve("node_modules", ".bin", "playwright"), ["test", ...(team ? ["--config", "playwright.team.config.ts"] : []), ...args], {
  stdio: "inherit",
  env: {
    ...process.env,
    CHROMIUM_PATH: chromium,
    ...database,
    CONTENT_DIR: contentDir,
    E2E_SCRATCH: scratch,
    E2E_PORT: process.env.E2E_PORT ?? String(appPort),
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
