// The agent specs' side of the app's one test server: a learner and a reviewer of their own (added
// through the People page by setup.spec.ts, so these specs share no people with the other specs),
// a scratch folder per test for the `mastery` command's home and files. Also: running the real
// `mastery` command against the server, creating a token on the Settings page, and counting one
// learner's rows for no-partial-write checks.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test as base } from "./fixtures";

export const LEARNER = { name: "Lin Learner", passphrase: "lin-passphrase-1" };
export const REVIEWER = { name: "Rhea Reviewer", passphrase: "rhea-passphrase-1" };

export type AgentServer = { url: string; dbPath: string; scratch: string };

/** The test database file, named by DATABASE_URL (set by scripts/e2e.ts). */
function testDatabasePath(): string {
  return path.resolve(process.env.DATABASE_URL!.slice("file:".length));
}

export const test = base.extend<{ agentServer: AgentServer }>({
  // Automatic: every test of these specs may sign in as the agent specs' people.
  agentServer: [
    async ({ baseURL }, provide) => {
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

const WRITTEN_TABLES = [
  "Packet",
  "Evidence",
  "CompletionProof",
  "Review",
  "ReviewComment",
  "CommentResolution",
  "PlanLogEntry",
  "IdempotentRequest",
  "ApiToken",
  "Pattern",
  "PatternVersion",
  "PlaybookEntry",
  "PlaybookEntryVersion",
] as const;

/** Which rows of each table belong to the learner profiles in `:learners`. */
const OWN_ROWS: Record<(typeof WRITTEN_TABLES)[number], string> = {
  Packet: `"learnerId" IN (:learners)`,
  Evidence: `"packetId" IN (SELECT id FROM "Packet" WHERE "learnerId" IN (:learners))`,
  CompletionProof: `"packetId" IN (SELECT id FROM "Packet" WHERE "learnerId" IN (:learners))`,
  Review: `"packetId" IN (SELECT id FROM "Packet" WHERE "learnerId" IN (:learners))`,
  ReviewComment: `"packetId" IN (SELECT id FROM "Packet" WHERE "learnerId" IN (:learners))`,
  CommentResolution: `"commentId" IN (SELECT c.id FROM "ReviewComment" c JOIN "Packet" p ON p.id = c."packetId" WHERE p."learnerId" IN (:learners))`,
  PlanLogEntry: `"learnerId" IN (:learners)`,
  IdempotentRequest: `"learnerId" IN (:learners)`,
  ApiToken: `"learnerId" IN (:learners)`,
  Pattern: `"learnerId" IN (:learners)`,
  PatternVersion: `"patternId" IN (SELECT id FROM "Pattern" WHERE "learnerId" IN (:learners))`,
  PlaybookEntry: `"learnerId" IN (:learners)`,
  PlaybookEntryVersion: `"entryId" IN (SELECT id FROM "PlaybookEntry" WHERE "learnerId" IN (:learners))`,
};

/**
 * Row counts of every table an API write can touch, for the learner profiles of the person with
 * this name: the other specs write at the same time, into profiles of their own.
 */
export function rowCounts(server: AgentServer, person: string): Record<(typeof WRITTEN_TABLES)[number], number> {
  const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
  try {
    const learners = `SELECT l.id FROM "Learner" l JOIN "User" u ON u.id = l."ownerId" WHERE u.name = @person`;
    const count = (table: (typeof WRITTEN_TABLES)[number]) =>
      (
        db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${OWN_ROWS[table].replaceAll(":learners", learners)}`).get({ person }) as {
          n: number;
        }
      ).n;
    return Object.fromEntries(WRITTEN_TABLES.map((t) => [t, count(t)])) as Record<(typeof WRITTEN_TABLES)[number], number>;
  } finally {
    db.close();
  }
}
