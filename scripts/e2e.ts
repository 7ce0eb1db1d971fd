// `npm run test:e2e`: Playwright against a real `next start` with a fresh temporary database
// and a temporary copy of the content, plus the fixture programs the specs expect: a broken one
// and a copy of the template whose first module carries script-injection payloads.
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-stamp";
import { ensureChromium } from "./chromium";

let chromium: string;
try {
  chromium = ensureChromium();
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

/** A port nothing listens on now, so that two runs on one machine never collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
const appPort = await freePort();

const result = spawnSync(path.resolve("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    CHROMIUM_PATH: chromium,
    DATABASE_URL: `file:${path.join(scratch, "e2e.db")}`,
    CONTENT_DIR: contentDir,
    E2E_SCRATCH: scratch,
    E2E_PORT: process.env.E2E_PORT ?? String(appPort),
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
