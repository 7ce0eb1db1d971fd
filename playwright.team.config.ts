import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config";

// The team-server smoke run (`npm run test:e2e -- --team`): two app instances on two ports against
// one PostgreSQL database (scripts/e2e.ts makes it). Setup, a learner's packet through review to
// accepted, the export, and the concurrency spec, which sends half its writes to each instance.
const PORT = Number(process.env.E2E_PORT);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT);
if (!process.env.E2E_TEAM || !Number.isInteger(SECOND_PORT)) throw new Error("Run the team browser tests with `npm run test:e2e -- --team`.");

const server = (port: number) => ({
  command: "tsx scripts/start.ts",
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 300_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: { HOST: "127.0.0.1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", MASTERY_BACKUP_EVERY_HOURS: "0" },
});

export default defineConfig({
  ...base,
  projects: [
    { name: "setup", testMatch: /setup\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "team", testMatch: /(review-loop|data|concurrency)\.spec\.ts/, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: [server(PORT), server(SECOND_PORT)],
});
