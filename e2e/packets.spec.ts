// The whole review gate in a browser: start, refusals, proof, reject, rework, accept, log.
import { expect, test } from "./fixtures";
import { addNote, evidenceForm, fillProof, openArea, scoreAll, submitVerdict } from "./packet-steps";
import { LEARNER, REVIEWER, signIn } from "./people";

const MODULE_1 = "/programs/codex-mastery/modules/internals/packet";

// Whole flows with two browsers: give them room on a busy 2-core machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a packet goes through refusals, rejection, rework and acceptance", async ({ browser, expectAccessible }) => {
  const learner = await signIn(browser, LEARNER);

  // Start module 1; module 5 is refused for its prerequisites.
  await learner.goto(MODULE_1);
  await learner.getByRole("button", { name: "Start this module" }).click();
  await expect(learner.getByText("In progress", { exact: true })).toBeVisible();
  const packetId = (await learner.getByTestId("packet-id").textContent())!;
  await learner.goto("/programs/codex-mastery/modules/planning/packet");
  await learner.getByRole("button", { name: "Start this module" }).click();
  await expect(learner.getByRole("form", { name: "Start" }).getByRole("alert")).toContainText(
    "starts after Module 1: Codex Code Internals",
  );

  // With module 2's prerequisite waived, a second packet is still refused: one at a time.
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: "Waive a prerequisite for Ada Learner" }).click();
  await expect(reviewer).toHaveURL(/\/review\?waive=[^#]+#learner-/);
  const waiver = reviewer.getByRole("form", { name: "Waive a prerequisite for Ada Learner" });
  await waiver
    .getByLabel("Module and the prerequisite to skip")
    .selectOption({ label: "Module 2: Advanced Customization — without Module 1: Codex Code Internals" });
  await waiver.getByLabel("Reason").fill("Customised agents at work for a year already");
  await waiver.getByRole("button", { name: "Waive prerequisite" }).click();
  await expect(waiver.getByRole("status")).toContainText("Prerequisite waived");
  await learner.goto("/programs/codex-mastery/modules/customization/packet");
  await learner.getByRole("button", { name: "Start this module" }).click();
  await expect(learner.getByRole("form", { name: "Start" }).getByRole("alert")).toContainText(
    "Module 1: Codex Code Internals is already in progress",
  );

  // Submitting without a proof lists what is missing.
  await learner.goto(MODULE_1);
  await openArea(learner, "Proof");
  await learner.getByRole("form", { name: "Submit for review" }).getByRole("button", { name: "Submit for review" }).click();
  const refusal = learner.getByRole("form", { name: "Submit for review" }).getByRole("alert");
  await expect(refusal).toContainText("The completion proof is incomplete");
  await expect(refusal).toContainText("build/validation status");
  await expect(refusal).toContainText("risks");

  // Evidence, then a complete proof.
  await openArea(learner, "Evidence");
  await addNote(learner, "Session trace", "user: fix the test\nassistant: calls read_file");
  await fillProof(learner, "Session trace");
  await expect(learner.getByText("Review required", { exact: true })).toBeVisible();
  await expectAccessible(learner);

  // A learner's direct request to the accept endpoint is refused.
  const forged = await learner.request.post(`/api/v1/packets/${packetId}/review`, {
    data: { verdict: "accept", scores: { correctness: 5, speed: 5, resilience: 5, judgment: 5, maintainability: 5, collaboration: 5 } },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.message).toMatch(/reviewer/);

  // The reviewer must give actionable feedback to reject.
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: /Ada Learner — Module 1/ }).click();
  await expectAccessible(reviewer);
  const verdict = reviewer.getByRole("form", { name: "Verdict" });
  await scoreAll(verdict, "4");
  await verdict.getByRole("radio", { name: "Request changes" }).check();
  await verdict.getByRole("button", { name: "Submit review" }).click();
  await expect(verdict.getByRole("alert")).toContainText("Write feedback");
  await verdict.getByLabel("Feedback").fill("Close, but the trace is incomplete:\n- Label every tool message in the session trace");
  await submitVerdict(verdict, "Request changes");
  await expect(reviewer.getByRole("status").filter({ hasText: "Changes requested" })).toBeVisible();
  await expect(reviewer.getByText(/^Rejected by Rex Reviewer/)).toBeVisible();

  // The learner sees the feedback, adds a new version and resubmits.
  await learner.goto(MODULE_1);
  const feedback = learner.getByRole("region", { name: /Changes requested by Rex Reviewer/ });
  await expect(feedback).toContainText("Label every tool message in the session trace");
  await addNote(
    learner,
    "Session trace",
    "user: fix the test\nassistant: calls read_file\ntool: read_file result (312 lines)",
    "Session trace",
  );
  await expect(learner.getByRole("form", { name: "Add evidence" }).getByRole("status")).toContainText("as version 2");
  await fillProof(learner, "Session trace");
  await expect(learner.getByText("Review required", { exact: true })).toBeVisible();

  // The reviewer sees the delta and accepts.
  await reviewer.goto(`/review/${packetId}`);
  const delta = reviewer.locator("#delta");
  await expect(delta).toContainText("Session trace: v1 → v2");
  await expect(delta).toContainText("+ tool: read_file result (312 lines)");
  await scoreAll(verdict, "4");
  await submitVerdict(verdict, "Approve");
  await expect(reviewer.getByText(/^Accepted by Rex Reviewer/)).toBeVisible();
  await reviewer.getByText("Correct your scores").click();
  const rescore = reviewer.getByRole("form", { name: "Correct scores" });
  await scoreAll(rescore, "5");
  await rescore.getByLabel("Why the scores change").fill("The decision notes were excellent");
  await rescore.getByRole("button", { name: "Save corrected scores" }).click();
  await expect(reviewer.getByText(/^Rescored by Rex Reviewer/)).toBeVisible();

  // Completed: module 2 becomes available, and the log shows every step.
  await learner.goto("/");
  const path = learner.getByRole("list", { name: "Learning path" });
  await expect(path.getByRole("listitem").filter({ hasText: "1. Codex Code Internals" }).last()).toContainText("Done");
  await expect(path.getByRole("listitem").filter({ hasText: "2. Advanced Customization" }).last()).toContainText("Available");
  await learner.goto("/log?module=1");
  const log = learner.getByRole("list", { name: /Plan log of Ada Learner/ });
  for (const text of [
    "Started Module 1",
    "Submitted Module 1: Codex Code Internals for review",
    "Rejected Module 1: Codex Code Internals with feedback",
    "New version of note evidence",
    "Accepted Module 1",
    "Rescored Module 1",
  ]) {
    await expect(log).toContainText(text);
  }
  await expect(log.getByText(/status=completed/)).toHaveCount(2);
  await expectAccessible(learner);
  const download = await learner.request.get("/log/download?module=1");
  expect(await download.text()).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] module=01 status=in_progress\nsummary=Started Module 1/);
});

test("a reviewer adds a learner, who attaches a file and an exercise result and blocks with a reason", async ({
  browser,
  expectAccessible,
}) => {
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto("/people");
  await expectAccessible(reviewer);
  const add = reviewer.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill("Bo Learner");
  await add.getByLabel("Passphrase").fill("bo-passphrase-1");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toContainText("Added Bo Learner as a learner");
  await expect(reviewer.getByRole("region", { name: "People" })).toContainText("Bo Learner");

  const bo = await signIn(browser, { name: "Bo Learner", passphrase: "bo-passphrase-1" });
  await bo.goto(MODULE_1);
  await bo.getByRole("button", { name: "Start this module" }).click();
  const upload = await evidenceForm(bo, "File");
  await upload.getByRole("button", { name: "Save evidence" }).click();
  await expect(upload.getByRole("alert")).toContainText("some fields need attention");
  await upload.getByRole("radio", { name: "File" }).check();
  await upload.getByLabel("Title").fill("Validation log");
  await upload
    .getByLabel("File (up to 10 MB)")
    .setInputFiles({ name: "validate.log", mimeType: "text/plain", buffer: Buffer.from("validate.sh: all checks passed\n") });
  await upload.getByRole("button", { name: "Save evidence" }).click();
  await expect(upload.getByRole("status")).toContainText('Saved "Validation log" as version 1');
  const download = await bo.request.get((await bo.getByRole("link", { name: "Download v1" }).getAttribute("href"))!);
  expect(await download.text()).toBe("validate.sh: all checks passed\n");

  await openArea(bo, "Exercises");
  const result = bo.getByRole("form", { name: "Record an exercise result" });
  await result
    .getByLabel("Result against the success criteria, and where its evidence is")
    .fill("All four criteria met; see the validation log.");
  await result.getByRole("button", { name: "Save result" }).click();
  await expect(result.getByRole("status")).toContainText("Saved");

  await bo.getByText("More actions").click();
  const block = bo.getByRole("form", { name: "Block" });
  await block.getByRole("button", { name: "Block the packet" }).click();
  await expect(block.getByText("Say why the packet is blocked.")).toBeVisible();
  await block.getByLabel("Blocked? Say why").fill("Waiting for access to the team repository");
  await block.getByRole("button", { name: "Block the packet" }).click();
  await expect(bo.getByText("Blocked: Waiting for access to the team repository")).toBeVisible();
  await expectAccessible(bo);
});
