// An agent works module 1 through the real `mastery` command with a token from the Settings
// page; only the reviewer, in the browser, can accept it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { proofFor, scoreAll, submitVerdict } from "./packet-steps";
import { openAccountMenu, signIn } from "./people";
import { type AgentServer, createToken, expect, LEARNER, mastery, REVIEWER, rowCounts, test } from "./agent-server";

// A test runs the `mastery` command a dozen times, each a Node start-up: minutes on a busy machine.
test.describe.configure({ mode: "serial", timeout: 300_000 });

let token = "";

async function json<T = Record<string, unknown>>(server: AgentServer, args: string[], input?: string): Promise<T> {
  const result = await mastery(server, token, [...args, "--json"], input);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

test("a learner creates an API token on the settings page, shown once", async ({ browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await openAccountMenu(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText("name the token after what uses it")).toBeVisible();
  token = await createToken(page, "ci-agent");
  expect(token).toMatch(/^mastery_[\w-]{43}$/);
  await expectAccessible(page);
  const tokens = page.getByRole("region", { name: "API tokens" });
  await expect(tokens.getByRole("row", { name: /ci-agent/ })).toContainText(`${token.slice(0, 14)}…`);
  await expect(tokens.getByRole("row", { name: /ci-agent/ })).toContainText("never");
  await page.reload();
  await expect(page.getByLabel("Your new API token (shown once)")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
});

test("an agent takes module 1 from pending to review_required with evidence", async ({ agentServer }) => {
  const status = await mastery(agentServer, token, ["status"]);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/1 {2}Codex Code Internals +pending/);
  expect(status.stdout).toContain("mastery start 1");
  expect(await json(agentServer, ["next"])).toMatchObject({ next: { kind: "start", module: 1 } });

  expect((await mastery(agentServer, token, ["start", "1"])).stdout).toContain("Started Module 1: Codex Code Internals: in_progress");
  const early = await mastery(agentServer, token, ["start", "2"]);
  expect(early.code).toBe(3);
  expect(early.stderr).toContain("409 prerequisites");

  const note = await json<{ evidence: { itemKey: string } }>(
    agentServer,
    ["evidence", "add", "1", "--note", "-", "--title", "Session trace"],
    "user: fix the test\nassistant: calls read_file\n",
  );
  const noteKey = note.evidence.itemKey;
  const drill = await mastery(agentServer, token, [
    "drill",
    "record",
    "1",
    "--drill",
    "role-labelling",
    "--reps",
    "3",
    "--seconds",
    "840",
    "--passed",
  ]);
  expect(drill.stdout).toContain("Recorded drill role-labelling: 3 reps in 840 s, passed");
  const ticket = await mastery(
    agentServer,
    token,
    ["exit-ticket", "1", "--question", "1", "--answer", "-"],
    "System prompt, tools, then the conversation.",
  );
  expect(ticket.stdout).toContain("exit-ticket-1 v1");
  await mastery(agentServer, token, ["log", "append", "1", "--summary", "Labelled the trace", "--next", "Submit"]);

  const proofFile = path.join(agentServer.scratch, "proof.json");
  writeFileSync(proofFile, JSON.stringify(proofFor(["no-such-item"])));
  const refused = await mastery(agentServer, token, ["submit", "1", "--proof", proofFile]);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain("proof-incomplete");
  writeFileSync(proofFile, JSON.stringify(proofFor([noteKey, "exit-ticket-1"])));
  const submitted = await mastery(agentServer, token, ["submit", "1", "--proof", proofFile]);
  expect(submitted.code, submitted.stderr).toBe(0);
  expect(submitted.stdout).toContain("review_required");

  expect((await mastery(agentServer, token, ["status"])).stdout).toMatch(/1 {2}Codex Code Internals +review_required/);
  const log = await mastery(agentServer, token, ["log", "--module", "1"]);
  expect(log.stdout).toContain("status=review_required\nsummary=Submitted Module 1");
  expect(log.stdout).toContain("by=agent:ci-agent");
});

test("a retried evidence upload with the same idempotency key creates one version", async ({ agentServer, request }) => {
  const file = path.join(agentServer.scratch, "validate.log");
  writeFileSync(file, "validate.sh: all checks passed\n");
  const before = rowCounts(agentServer, LEARNER.name);
  const upload = ["evidence", "add", "1", "--file", file, "--idempotency-key", "upload-validate-log"];
  const first = await mastery(agentServer, token, [...upload, "--json"]);
  const retry = await mastery(agentServer, token, [...upload, "--json"]);
  expect(first.code).toBe(0);
  expect(retry.code).toBe(0);
  expect(JSON.parse(retry.stdout)).toEqual(JSON.parse(first.stdout));
  expect((await mastery(agentServer, token, upload)).stdout).toContain("nothing written twice");
  const after = rowCounts(agentServer, LEARNER.name);
  expect(after.Evidence).toBe(before.Evidence + 1);
  expect(after.IdempotentRequest).toBe(before.IdempotentRequest + 1);
  const packet = await request.get("/api/v1/modules/1/packet", { headers: { authorization: `Bearer ${token}` } });
  const items = ((await packet.json()) as { evidence: { latest: { fileName: string | null }; versions: number }[] }).evidence.filter(
    (i) => i.latest.fileName === "validate.log",
  );
  expect(items).toEqual([expect.objectContaining({ versions: 1 })]);
  const reused = await mastery(agentServer, token, [
    "evidence",
    "add",
    "1",
    "--note",
    "different",
    "--idempotency-key",
    "upload-validate-log",
  ]);
  expect(reused.code).toBe(3);
  expect(reused.stderr).toContain("409 idempotency-key-reused");
});

test("a token's attempt to accept is refused with 403", async ({ agentServer, request }) => {
  const packet = (await json<{ packets: { packetId: string }[] }>(agentServer, ["status"])).packets[0]!;
  const scores = { correctness: 5, speed: 5, resilience: 5, judgment: 5, maintainability: 5, collaboration: 5 };
  for (const [endpoint, data] of [
    ["review", { verdict: "accept", scores }],
    ["review", { verdict: "reject", scores, feedback: "- relabel the tool messages" }],
    ["rescore", { scores, note: "the agent would like a better score" }],
  ] as const) {
    const answer = await request.post(`/api/v1/packets/${packet.packetId}/${endpoint}`, {
      headers: { authorization: `Bearer ${token}` },
      data,
    });
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: "reviewer-only", message: expect.stringContaining("can never accept") } });
  }
  expect((await mastery(agentServer, token, ["status"])).stdout).toMatch(/1 {2}Codex Code Internals +review_required/);
  expect((await mastery(agentServer, token, ["next"])).stdout).toContain("waiting for your reviewer's sign-off");
});

test("a reviewer accepts in the browser; the CLI then shows completed and next points at module 2", async ({ agentServer, browser }) => {
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: /Lin Learner — Module 1/ }).click();
  await expect(reviewer.getByText("by agent ci-agent").first()).toBeVisible();
  const verdict = reviewer.getByRole("form", { name: "Verdict" });
  await scoreAll(verdict, "4");
  await submitVerdict(verdict, "Approve");
  await expect(reviewer.getByText(/^Accepted by Rhea Reviewer/)).toBeVisible();

  const status = await mastery(agentServer, token, ["status"]);
  expect(status.stdout).toMatch(/1 {2}Codex Code Internals +completed/);
  expect(await json(agentServer, ["next"])).toMatchObject({ next: { kind: "start", module: 2, command: "mastery start 2" } });
  const feedback = await mastery(agentServer, token, ["feedback", "1"]);
  expect(feedback.stdout).toContain("Accepted by Rhea Reviewer");
});

test("the agent exports the playbook and the status-update report to files", async ({ agentServer }) => {
  const playbook = path.join(agentServer.scratch, "playbook.md");
  const exported = await mastery(agentServer, token, ["export", "playbook", "-o", playbook]);
  expect(exported.code, exported.stderr).toBe(0);
  expect(readFileSync(playbook, "utf8")).toMatch(/playbook/i);
  const report = path.join(agentServer.scratch, "status.md");
  const reported = await mastery(agentServer, token, ["report", "status", "-o", report]);
  expect(reported.code, reported.stderr).toBe(0);
  const text = readFileSync(report, "utf8");
  expect(text).toMatch(/Status Update \(\d{4}-\d{2}-\d{2}\)/);
  expect(text).toContain("Codex Code Internals");
});

test("an agent records a pattern after an exercise; the learner sees it in the library, marked by agent, and the agent updates it against its version", async ({
  agentServer,
  browser,
}) => {
  const pattern = {
    title: "Label every message by role",
    category: "debugging",
    tags: ["traces"],
    problem: "A trace without roles hides who asked for what.",
    whenToUse: "Reading any session trace.",
    howToApply: "Prefix each message with user, assistant or tool before reading it.",
    sourceModule: 1,
  };
  const created = await json<{ pattern: { slug: string; version: number; actor: { kind: string; label: string } } }>(
    agentServer,
    ["patterns", "create", "--file", "-"],
    JSON.stringify(pattern),
  );
  expect(created.pattern).toMatchObject({ slug: "label-every-message-by-role", version: 1, actor: { kind: "agent", label: "ci-agent" } });
  const page = await signIn(browser, LEARNER);
  await page.goto("/patterns");
  const card = page.getByRole("list", { name: "Patterns" }).getByRole("listitem").filter({ hasText: pattern.title });
  await expect(card).toContainText("Version 1 · by agent ci-agent");
  await card.getByRole("link", { name: pattern.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: pattern.title })).toBeVisible();
  await expect(page.getByText("Version 1, saved")).toContainText("by agent ci-agent");

  const changed = await mastery(
    agentServer,
    token,
    ["patterns", "update", created.pattern.slug, "--version", "1", "--file", "-"],
    JSON.stringify({ whenToUse: "Reading any trace, and before a review." }),
  );
  expect(changed.stdout, changed.stderr).toContain("is v2, saved by agent ci-agent");
  const stale = await mastery(
    agentServer,
    token,
    ["patterns", "update", created.pattern.slug, "--version", "1", "--file", "-"],
    JSON.stringify({ whenToUse: "Overwritten." }),
  );
  expect(stale.code).toBe(5);
  expect(stale.stderr).toContain("expectedVersion: the pattern is now version 2");
  await page.goto(`/patterns/${created.pattern.slug}/history`);
  await expect(page.getByRole("list", { name: "Versions" })).toContainText("by agent ci-agent");

  const zip = path.join(agentServer.scratch, "library.zip");
  const exported = await mastery(agentServer, token, ["library", "export", "-o", zip]);
  expect(exported.code, exported.stderr).toBe(0);
  expect(readFileSync(zip).subarray(0, 2).toString()).toBe("PK");
  const preview = await mastery(agentServer, token, ["library", "import", zip]);
  expect(preview.stdout, preview.stderr).toContain("Preview of");
  const fingerprint = /--fingerprint (\S+)/.exec(preview.stdout)?.[1];
  expect(fingerprint).toBeTruthy();
  const applied = await mastery(agentServer, token, ["library", "import", zip, "--apply", "--fingerprint", fingerprint!]);
  expect(applied.stdout, applied.stderr).toContain("0 created, 0 updated");
});

test("the learner's browser session reaches the same API, and a note added on the log page is read by the agent", async ({
  agentServer,
  browser,
  expectAccessible,
}) => {
  const page = await signIn(browser, LEARNER);
  const packets = await page.request.get("/api/v1/packets");
  expect(await packets.json()).toMatchObject({ learner: { name: LEARNER.name, via: "session" }, next: { kind: "start", module: 2 } });
  const forged = await page.request.post("/api/v1/modules/2/start", { headers: { origin: "http://evil.example" }, data: {} });
  expect(forged.status()).toBe(403);
  await page.goto("/log?module=1");
  await page.getByText("Add a note to the log").click();
  const form = page.getByRole("form", { name: "Add a note to the log" });
  await form.getByRole("button", { name: "Add to the log" }).click();
  await expect(form.getByText("say what changed")).toBeVisible();
  await form.getByLabel("Summary: what changed").fill("Reviewed the accepted trace with the team");
  await form.getByRole("button", { name: "Add to the log" }).click();
  await expect(form.getByRole("status")).toContainText("Added to the plan log");
  await expect(page.getByRole("list", { name: /Plan log of Lin Learner/ })).toContainText(
    "summary=Note on Module 1: Codex Code Internals: Reviewed the accepted trace",
  );
  await expectAccessible(page);
  const log = await mastery(agentServer, token, ["log", "--module", "1", "--status", "completed"]);
  expect(log.stdout).toContain("Reviewed the accepted trace with the team\nevidence=none");
  expect(log.stdout).toContain("by=learner:Lin Learner");
});

test("revoking the token locks the agent out", async ({ agentServer, browser, expectAccessible }) => {
  const page = await signIn(browser, LEARNER);
  await page.goto("/settings");
  const row = page.getByRole("region", { name: "API tokens" }).getByRole("row", { name: /ci-agent/ });
  await expect(row).not.toContainText("never");
  await row.getByRole("form", { name: "Revoke ci-agent" }).getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expectAccessible(page);
  const refused = await mastery(agentServer, token, ["status"]);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain("401 token-revoked");
});

test("the command reports usage errors and connection failures with their own exit codes", async ({ agentServer }) => {
  expect((await mastery(agentServer, token, ["start"])).code).toBe(2);
  expect((await mastery(agentServer, undefined, ["status"])).code).toBe(2);
  const unreachable = await mastery({ ...agentServer, url: "http://127.0.0.1:9" }, token, ["status"]);
  expect(unreachable.code).toBe(4);
  expect(unreachable.stderr).toContain("Cannot reach the Mastery app");
  const help = await mastery(agentServer, token, ["evidence", "add", "--help"]);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("Usage: mastery evidence add <module>");
});

test("the API page lists every endpoint with curl and CLI examples", async ({ page, request, expectAccessible }) => {
  await page.goto("/api");
  await expect(page.getByRole("heading", { level: 1, name: "API and command line" })).toBeVisible();
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      await expect(page.getByRole("heading", { level: 4, name: `${method.toUpperCase()} ${route}`, exact: true })).toBeVisible();
    }
  }
  await expect(page.getByLabel("curl example for POST /api/v1/modules/{module}/evidence").first()).toContainText("Idempotency-Key");
  await expect(page.getByRole("region", { name: "Commands" })).toContainText("mastery evidence add <module>");
  await expect(page.getByRole("region", { name: "Exit codes" })).toContainText("cannot connect to the server");
  await expectAccessible(page);
});
