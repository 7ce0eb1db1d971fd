// The review loop as a reviewer and a learner live it: a verdict is never sent by Enter and is
// confirmed before it is final; remarks, pinned comments and the feedback checklist reach the
// learner and come back answered; a rework starts from the proof sent last; a double-clicked
// form writes once.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addNote, evidenceForm, fillProof, openArea, proofFor, scoreAll, submitVerdict } from "./packet-steps";
import { addLearner, REVIEWER, signIn } from "./people";

const MODULE_1 = "/programs/codex-mastery/modules/internals/packet";
const FEEDBACK = "Close, but the trace is incomplete:\n- Label every tool message\n- Attach the validation log";

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** The learner's one note item, as the API counts its versions. */
async function noteVersions(learner: Page): Promise<number[]> {
  const answer = (await (await learner.request.get("/api/v1/modules/1/packet")).json()) as {
    evidence: { versions: number; latest: { title: string } }[];
  };
  return answer.evidence.filter((e) => e.latest.title === "Session trace").map((e) => e.versions);
}

test("a verdict is deliberate, and what the reviewer writes reaches the learner and comes back answered", async ({
  browser,
  expectAccessible,
}) => {
  const kai = { name: `Kai ${Date.now().toString(36)}`, passphrase: "kai-passphrase-1" };
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, kai);
  const learner = await signIn(browser, kai);

  // A double-clicked "Save note" stores one version.
  await learner.goto(MODULE_1);
  await learner.getByRole("button", { name: "Start this module" }).click();
  const packetId = (await learner.getByTestId("packet-id").textContent())!;
  const note = await evidenceForm(learner, "Note");
  await note.getByLabel("Title").fill("Session trace");
  await note.getByLabel("Note (Markdown)").fill("user: fix the test\nassistant: calls read_file");
  await note.getByRole("button", { name: "Save evidence" }).dblclick();
  await expect(note.getByRole("status")).toContainText('Saved "Session trace" as version 1');
  expect(await noteVersions(learner)).toEqual([1]);
  await fillProof(learner, "Session trace");
  await expect(learner.getByText("Review required", { exact: true })).toBeVisible();

  // The reviewer pins a comment to the note.
  await rex.goto(`/review/${packetId}`);
  const pin = rex.getByRole("form", { name: "Pin a comment" });
  await pin.getByLabel("Comment").fill("Label the tool messages too.");
  await pin.getByRole("button", { name: "Pin comment" }).click();
  await expect(pin.getByRole("status")).toContainText("Comment pinned");
  await expect(rex.getByText("· 1 unresolved comment", { exact: false })).toBeVisible();

  // Enter in a remark never sends the verdict.
  const verdict = rex.getByRole("form", { name: "Verdict" });
  await scoreAll(verdict, "4", { "Speed/Fluency": "2" });
  const speedRemark = verdict.getByRole("group", { name: "Speed/Fluency" }).getByLabel("Remark");
  await speedRemark.fill("Twelve minutes for a three-minute drill.");
  await speedRemark.press("Enter");
  await expect(verdict.getByRole("dialog")).toHaveCount(0);
  await expect(speedRemark).toHaveValue("Twelve minutes for a three-minute drill.");
  await expect(rex.getByText("Review required", { exact: true }).first()).toBeVisible();

  // Ctrl+Enter asks for the confirmation, which names learner, module, average and verdict; "Keep editing" records nothing.
  await verdict.getByLabel("Feedback").fill(FEEDBACK);
  await verdict.getByRole("radio", { name: "Request changes" }).check();
  await verdict.getByLabel("Feedback").press("Control+Enter");
  const dialog = verdict.getByRole("dialog", { name: "Submit this review?" });
  await expect(dialog).toContainText(`Request changes on ${kai.name}'s Module 1: Codex Code Internals, rubric average 3.67`);
  await expectAccessible(rex);
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog).toBeHidden();
  await expect(verdict.getByLabel("Feedback")).toHaveValue(FEEDBACK);
  expect((await (await learner.request.get("/api/v1/modules/1/feedback")).json()).reviews).toEqual([]);

  // Confirmed: the outcome and the way to the next packet.
  await submitVerdict(verdict, "Request changes");
  const outcome = rex.getByRole("status").filter({ hasText: "Changes requested" });
  await expect(outcome).toContainText(`${kai.name}'s Module 1, rubric average 3.67`);
  await expect(outcome.getByRole("link", { name: /Next in queue|Back to the review queue/ })).toBeVisible();
  await expect(rex.getByRole("form", { name: "Verdict" })).toHaveCount(0);
  const history = rex.locator("#history");
  await expect(history).toContainText("Speed/Fluency 2");
  await expect(history).toContainText("Twelve minutes for a three-minute drill.");

  // The learner: remarks under "Work on", the checklist, the comment thread, a prefilled proof.
  await learner.goto(MODULE_1);
  const feedback = learner.getByRole("region", { name: /Changes requested by Rex Reviewer/ });
  await expect(feedback).toContainText("Speed/Fluency: 2 of 5");
  await expect(feedback).toContainText("Twelve minutes for a three-minute drill.");
  await expect(feedback).not.toContainText("Correctness:");
  await expect(feedback).toContainText("0 of 2 marked done");
  await feedback.getByRole("checkbox", { name: "Label every tool message" }).check();
  await expect(feedback).toContainText("1 of 2 marked done");
  await learner.reload();
  await expect(feedback.getByRole("checkbox", { name: "Label every tool message" })).toBeChecked();
  await openArea(learner, "Evidence");
  await expect(feedback.getByRole("checkbox", { name: "Attach the validation log" })).not.toBeChecked();

  await expect(learner.getByText("1 review comment is waiting for your answer")).toBeVisible();
  const thread = learner.getByRole("list", { name: "Review comments" });
  await expect(thread).toContainText("Label the tool messages too.");
  const resolve = thread.getByRole("form", { name: "Resolve comment" });
  await resolve.getByLabel("What you changed").fill("Every tool message is labelled now");
  await resolve.getByRole("button", { name: "Mark resolved" }).click();
  await expect(thread).toContainText("Resolved by the learner");

  await openArea(learner, "Proof");
  const proof = learner.getByRole("form", { name: "Submit for review" });
  await expect(proof.getByLabel("What was validated (command and result)")).toHaveValue("scripts/validate.sh exited 0");
  await expect(proof.getByLabel("Risks")).toHaveValue("The hook is not on CI yet");
  await expect(proof.getByRole("group", { name: "Claim 1" }).getByLabel("What you claim")).toHaveValue(
    "Every message of the trace is labelled by role",
  );
  await expect(proof.getByRole("group", { name: "Correctness" }).getByLabel("4")).toBeChecked();
  await expectAccessible(learner);

  // Rework and resubmit: the reviewer sees the ticks and the answered thread.
  await openArea(learner, "Evidence");
  await addNote(learner, "Session trace", "user: fix the test\nassistant: calls read_file\ntool: read_file result", "Session trace");
  await expect(note.getByRole("status")).toContainText("as version 2");
  await openArea(learner, "Proof");
  await proof.getByRole("button", { name: "Submit for review" }).click();
  await expect(learner.getByText("Review required", { exact: true })).toBeVisible();
  await expect(feedback.getByRole("checkbox")).toHaveCount(0);
  await expect(feedback).toContainText("1 of 2 marked done");

  await rex.goto(`/review/${packetId}`);
  await expect(rex.getByText("· 0 unresolved comments", { exact: false })).toBeVisible();
  await expect(rex.getByRole("list", { name: "Review comments" })).toContainText("Every tool message is labelled now");
  await expect(rex.locator("#history")).toContainText("Checklist: 1 of 2 marked done by the learner");
  await expectAccessible(rex);
});

test("the review loop reads well on a phone @phone", async ({ browser, expectAccessible }, testInfo) => {
  const pia = { name: `Pia ${testInfo.project.name} ${Date.now().toString(36)}`, passphrase: "pia-passphrase-1" };
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, pia);
  const learner = await signIn(browser, pia);
  expect((await learner.request.post("/api/v1/modules/1/start", { data: {} })).status()).toBe(200);
  const added = await learner.request.post("/api/v1/modules/1/evidence", {
    data: { kind: "note", title: "Session trace", body: "user: fix the test" },
  });
  const { evidence } = (await added.json()) as { evidence: { id: string; itemKey: string } };
  expect((await learner.request.post("/api/v1/modules/1/submit", { data: proofFor([evidence.itemKey]) })).status()).toBeLessThan(300);
  const { packet } = (await (await learner.request.get("/api/v1/modules/1/packet")).json()) as { packet: { packetId: string } };
  const scores = { correctness: 4, speed: 2, resilience: 4, judgment: 4, maintainability: 4, collaboration: 4 };
  const rejected = await rex.request.post(`/api/v1/packets/${packet.packetId}/review`, {
    data: { verdict: "reject", scores, remarks: { speed: "Too slow on the drill" }, feedback: FEEDBACK, evidenceSeen: [evidence.id] },
  });
  expect(rejected.status(), await rejected.text()).toBeLessThan(300);

  await learner.goto(MODULE_1);
  await expect(learner.getByRole("region", { name: /Changes requested by Rex Reviewer/ })).toContainText("Too slow on the drill");
  await expectAccessible(learner);
  await openArea(learner, "Proof");
  await learner.getByRole("form", { name: "Submit for review" }).getByRole("button", { name: "Submit for review" }).click();
  await expect(learner.getByText("Review required", { exact: true })).toBeVisible();

  await rex.goto(`/review/${packet.packetId}`);
  await expect(rex.getByRole("form", { name: "Verdict" })).toBeVisible();
  await expectAccessible(rex);
  await rex.goto("/review");
  await expect(rex.getByRole("link", { name: new RegExp(`${pia.name} — Module 1`) })).toBeVisible();
  await expectAccessible(rex);
});
