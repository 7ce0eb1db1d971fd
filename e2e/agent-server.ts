// The agent specs' side of the app's one test server: a learner and a reviewer of their own (made
// once per run through the People page, so these specs share no people with the other specs), and
// a scratch folder per test for the `mastery` command's home and files. Also: running the real
// `mastery` command against the server, creating a token on the Settings page, and counting rows
// for no-partial-write checks.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { expect, test as base } from "./fixtures";
import { addPerson, REVIEWER as SETUP_REVIEWER, signIn } from "./people";

export const LEARNER = { name: "Lin Learner", passphrase: "lin-passphrase-1" };
export const REVIEWER = { name: "Rhea Reviewer", passphrase: "rhea-passphrase-1" };

export type AgentServer = { url: string; dbPath: string; scratch: string };

/** The test database file, named by DATABASE_URL (set by scripts/e2e.ts). */
function testDatabasePath(): string {
  return path.resolve(process.env.DATABASE_URL!.slice("file:".length));
}

function hasPerson(name: string): boolean {
  const db = new Database(testDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT 1 FROM "User" WHERE name = ?`).get(name) !== undefined;
  } finally {
    db.close();
  }
}

/** Adds the agent specs' learner and reviewer unless an earlier test of this run did. */
async function ensureAgentPeople(browser: Browser): Promise<void> {
  if (hasPerson(LEARNER.name) && hasPerson(REVIEWER.name)) return;
  const setupReviewer = await signIn(browser, SETUP_REVIEWER);
  if (!hasPerson(LEARNER.name)) await addPerson(setupReviewer, LEARNER, "learner");
  if (!hasPerson(REVIEWER.name)) await addPerson(setupReviewer, REVIEWER, "reviewer");
  await setupReviewer.context().close();
}

export const test = base.extend<{ agentServer: AgentServer }>({
  // Automatic: every test of these specs may sign in as the agent specs' people.
  agentServer: [
    async ({ browser, baseURL }, provide) => {
      await ensureAgentPeople(browser);
      const scratch = mkdtempSync(path.join(process.env.E2E_SCRATCH ?? tmpdir(), "agent-"));
      await provide({ url: baseURL!, dbPath: testDatabasePath(), scratch });
    },
    { auto: true },
  ],
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
