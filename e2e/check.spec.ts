// Machine checks end to end: the real `mastery` command copies the kit into a scratch git
// repository, runs exercise 4.1's checks there (failing before the implementation, passing after),
// attaches the passing run, and the reviewer and the learner see it as machine-checked.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addLearnerProfile, createUser } from "../lib/auth/people";
import { createApiToken } from "../lib/agent/tokens";
import { db } from "../lib/db";
import { startPacket } from "../lib/packets/service";
import { waivePrerequisite } from "../lib/reviews/service";
import { expect, mastery, test } from "./agent-server";
import { REVIEWER, signIn, signInThroughForm } from "./people";

test.describe.configure({ mode: "serial", timeout: 300_000 });

const CATO = { name: `Cato ${Date.now().toString(36)}`, passphrase: "cato-passphrase-1" };
let token = "";

// A learner of their own with module 4 in progress: module 1 is waived by the reviewer.
test.beforeAll(async () => {
  const user = await createUser({ ...CATO, role: "learner" });
  const { id: learnerId } = await addLearnerProfile(user.id, { programSlug: "codex-mastery" });
  token = (await createApiToken(user.id, { learnerId, name: "practice-checker" })).secret;
  const rex = await (await db()).user.findUniqueOrThrow({ where: { name: REVIEWER.name } });
  await waivePrerequisite(
    { kind: "reviewer", userId: rex.id, label: rex.name },
    { learnerId, moduleNumber: 4, prerequisite: 1, reason: "Checked in a pairing session already." },
  );
  await startPacket({ kind: "learner", userId: user.id, label: user.name }, { learnerId, moduleNumber: 4 });
});

const TESTS = `import unittest
from duration import parse_duration


class ParseDuration(unittest.TestCase):
    def test_single_units(self):
        self.assertEqual(parse_duration("90s"), 90)
        self.assertEqual(parse_duration("2h"), 7200)

    def test_rejects_bare_number(self):
        with self.assertRaisesRegex(ValueError, "45"):
            parse_duration("45")
`;

const IMPLEMENTATION = `import re


def parse_duration(text):
    match = re.fullmatch(r"(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", text.strip())
    if not text.strip() or not match:
        raise ValueError(f"not a duration: {text!r}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds
`;

function git(repo: string, ...args: string[]) {
  execFileSync("git", ["-c", "user.name=Cato", "-c", "user.email=cato@example.org", ...args], { cwd: repo, stdio: "pipe" });
}

function unittest(repo: string): string {
  const run = spawnSync("python3", ["-m", "unittest", "discover", "-s", "practice/tdd", "-v"], { cwd: repo, encoding: "utf8" });
  return run.stderr + run.stdout;
}

test("a failing run prints fail and exits 6; a passing run is attached and shows as machine-checked", async ({
  agentServer,
  browser,
  expectAccessible,
}) => {
  const repo = path.join(agentServer.scratch, "practice");
  mkdirSync(repo);
  git(repo, "init", "-q");
  const init = await mastery(agentServer, token, ["kit", "init", repo]);
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain(`Copied the codex-mastery kit into ${repo}:`);
  expect(init.stdout).toContain("  written     practice/tdd/SPEC.md");
  expect(init.stdout).toContain("  written     practice/tdd/duration.py");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "tdd: spec and stub for parse_duration");

  writeFileSync(path.join(repo, "practice/tdd/test_duration.py"), TESTS);
  git(repo, "add", "practice/tdd/test_duration.py");
  git(repo, "commit", "-qm", "test: parse_duration rules (red)");
  const red = unittest(repo);

  const failing = await mastery(agentServer, token, ["check", "4.1", "--dir", repo]);
  expect(failing.code, failing.stderr).toBe(6);
  expect(failing.stdout).toMatch(/ {2}FAIL {4}tests-before-implementation: .*\(exit 1/);
  expect(failing.stdout).toContain("| No commit after the red commit");
  expect(failing.stdout).toMatch(/ {2}PASS {4}tests-locked: /);
  expect(failing.stdout).toContain("of 6 checks passed: the exercise is not machine-checked yet.");

  writeFileSync(path.join(repo, "practice/tdd/duration.py"), IMPLEMENTATION);
  git(repo, "commit", "-qam", "feat: parse_duration (green)");
  const green = unittest(repo);
  const transcript = [
    "# parse_duration, red first",
    "## Red",
    "```text",
    red,
    "```",
    "## Green",
    "```text",
    green,
    "```",
    "## Mutation",
    "Made a bare number valid: test_rejects_bare_number failed. Restored with git checkout -- practice/tdd/duration.py.",
  ].join("\n\n");
  writeFileSync(path.join(repo, "practice/tdd/04_tdd-transcript.md"), transcript);

  const passing = await mastery(agentServer, token, ["check", "4.1", "--dir", repo, "--attach"]);
  expect(passing.code, passing.stdout + passing.stderr).toBe(0);
  expect(passing.stdout).toContain("6 of 6 checks passed.");
  expect(passing.stdout).toContain("Attached to the module 4 packet as check-red-first v1.");

  const packet = await (
    await fetch(`${agentServer.url}/api/v1/modules/4/packet`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  const packetId = (packet as { packet: { packetId: string } }).packet.packetId;

  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto(`/review/${packetId}`);
  const result = reviewer.getByRole("group", { name: "Machine-checked result" });
  await expect(result).toContainText("Machine-checked");
  await expect(result).toContainText("6 of 6 checks passed");
  const checks = result.getByRole("list", { name: "Checks" }).getByRole("listitem");
  await expect(checks).toHaveCount(6);
  await expect(checks.first()).toContainText("pass");
  await expect(checks.first()).toContainText("tests-before-implementation");
  await expect(checks.first()).toContainText("Criterion 1: A commit adds the tests while duration.py is still the stub");
  await checks.first().getByText("Command and output of tests-before-implementation").click();
  await expect(checks.first().locator("pre")).toContainText('$ bash "$MASTERY_KIT/checks/red-first.sh" order');
  await expect(checks.first().locator("pre")).toContainText("green: ");
  await expectAccessible(reviewer);

  const learner = await signInThroughForm(browser, CATO);
  await learner.goto("/programs/codex-mastery/modules/quality/packet");
  await expect(learner.getByRole("group", { name: "Machine-checked result" })).toContainText("6 of 6 checks passed");
});
