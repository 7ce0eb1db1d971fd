import { defineConfig, devices } from "@playwright/test";

// scripts/e2e.ts (`npm run test:e2e`) picks a free port and prepares the database and content.
const PORT = Number(process.env.E2E_PORT);
if (!Number.isInteger(PORT) || PORT <= 0)
  throw new Error("Run the browser tests with `npm run test:e2e`, which picks a free port (E2E_PORT).");

/** Specs that assert how fast the server answers while it works. */
const TIMED = /hostile-upload\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  // Two spec files at a time (the tests of one file run in order); each spec works with people of
  // its own, so no spec sees another's writes.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // A ceiling, not a timing test: several page loads and accessibility scans in one test take
  // minutes when the 2-core machine is busy (each wait for what a person sees stays at 15 s).
  timeout: 180_000,
  // Assertions wait for what a person would see; on a busy 2-core machine a passphrase hash and a
  // cold page render can take several seconds, so waiting up to 15 s is not a timing test.
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test costs a quarter of the run's time: a failure keeps a
    // screenshot, and `npm run test:e2e -- --trace on` records traces when one is needed.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      // scripts/e2e.ts finds the browser (Chromium's headless shell where it is installed).
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // A navigation within the app keeps its page's renderer (Chromium otherwise swaps in a new
        // one, to keep the old page for Back, which no test uses), so V8 compiles the framework's
        // scripts once per page, not at every page load: about a fifth less CPU per navigation.
        "--disable-features=BackForwardCache,ProactivelySwapBrowsingInstance,RenderDocument",
        // V8 interprets the pages' scripts without compiling them to machine code: pages live for
        // seconds here, so the compilers' threads cost more CPU than they save (the app's pages run
        // no WebAssembly, which this turns off).
        "--js-flags=--jitless",
      ],
    },
  },
  // Setup runs first, once, on the fresh database; every other spec signs in as the people it made.
  // A spec that measures how fast the server answers runs last, alone, so that no other spec's
  // work counts against its budget.
  projects: [
    { name: "setup", testMatch: /setup\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: [/setup\.spec\.ts/, TIMED], dependencies: ["setup"] },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/, testIgnore: [/setup\.spec\.ts/, TIMED], dependencies: ["setup"] },
    { name: "timed", use: { ...devices["Desktop Chrome"] }, testMatch: TIMED, dependencies: ["desktop", "phone"] },
  ],
  webServer: {
    command: "tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { HOST: "127.0.0.1", PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
