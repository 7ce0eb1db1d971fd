// A Mastery server of its own for the agent specs, started once per worker: a fresh database
// whose learner and reviewer come from the unattended setup, so these specs share no state with
// the other specs. It listens on E2E_AGENT_PORT (a free port picked by scripts/e2e.ts). Also: running the real `mastery` command against
// it, creating a token on the Settings page, and counting rows for no-partial-write checks.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test as base } from "./fixtures";

export const LEARNER = { name: "Lin Learner", passphrase: "lin-passphrase-1" };
export const REVIEWER = { name: "Rhea Reviewer", passphrase: "rhea-passphrase-1" };

export type AgentServer = { url: string; dbPath: string; scratch: string };

async function waitForHealth(url: string, server: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The agent server exited (${server.exitCode}):\n${log.join("")}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The agent server did not answer at ${url}:\n${log.join("")}`);
}

export const test = base.extend<object, { agentServer: AgentServer }>({
  agentServer: [
    async ({}, provide) => {
      const scratch = mkdtempSync(path.join(process.env.E2E_SCRATCH ?? tmpdir(), "agent-"));
      const dbPath = path.join(scratch, "agent.db");
      const port = Number(process.env.E2E_AGENT_PORT ?? 3110);
      const url = `http://127.0.0.1:${port}`;
      const log: string[] = [];
      const server = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
        env: {
          ...process.env,
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: `file:${dbPath}`,
          NEXT_TELEMETRY_DISABLED: "1",
          MASTERY_SETUP_LEARNER_NAME: LEARNER.name,
          MASTERY_SETUP_LEARNER_PASSPHRASE: LEARNER.passphrase,
          MASTERY_SETUP_REVIEWER_NAME: REVIEWER.name,
          MASTERY_SETUP_REVIEWER_PASSPHRASE: REVIEWER.passphrase,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      server.stdout!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
      server.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
      try {
        await waitForHealth(url, server, log);
        await provide({ url, dbPath, scratch });
      } finally {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ agentServer }, provide) => provide(agentServer.url),
});

export { expect };

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `mastery` command (bin/mastery.js) as a child process against the server. */
export function mastery(server: AgentServer, token: string | undefined, args: string[], input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("bin", "mastery.js"), ...args], {
      env: { ...process.env, HOME: server.scratch, XDG_CONFIG_HOME: "", MASTERY_URL: server.url, MASTERY_TOKEN: token ?? "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** Creates an API token on the Settings page and returns its secret, shown there once. */
export async function createToken(page: Page, name: string): Promise<string> {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByRole("status")).toContainText(`Created the token “${name}”`);
  return form.getByLabel("Your new API token (shown once)").inputValue();
}

const WRITTEN_TABLES = ["Packet", "Evidence", "CompletionProof", "Review", "ReviewComment", "CommentResolution", "PlanLogEntry", "IdempotentRequest", "ApiToken"] as const;

/** Row counts of every table an API write can touch. */
export function rowCounts(server: AgentServer): Record<(typeof WRITTEN_TABLES)[number], number> {
  const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return Object.fromEntries(WRITTEN_TABLES.map((t) => [t, count(t)])) as Record<(typeof WRITTEN_TABLES)[number], number>;
  } finally {
    db.close();
  }
}
