// The learner's packet page: the requirements checklist follows recorded work, a re-uploaded file
// is v2 of the same item with a diff, a drill stopwatch survives a reload, evidence links open
// safely, the exercise page says whether its result is recorded; axe-clean at desktop and phone width.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { evidenceForm, openArea } from "./packet-steps";
import { addLearner, REVIEWER, signIn } from "./people";

const PACKET = "/programs/codex-mastery/modules/internals/packet";
const EXERCISE = "/programs/codex-mastery/modules/internals/exercises/baseline-and-trace";
const PAULA = { name: "Paula Packet", passphrase: "paula-passphrase-1" };
/** The phone test also runs in the desktop project: a learner of its own in each. */
const phil = (project: string) => ({ name: `Phil ${project}`, passphrase: "phil-passphrase-1" });

test.describe.configure({ mode: "serial", timeout: 150_000 });

/** A new learner with module 1 started, on its packet page. */
async function startedLearner(browser: Parameters<typeof signIn>[0], who: typeof PAULA): Promise<Page> {
  await addLearner(await signIn(browser, REVIEWER), who);
  const page = await signIn(browser, who);
  await page.goto(PACKET);
  await page.getByRole("button", { name: "Start this module" }).click();
  await expect(page.getByText("In progress", { exact: true })).toBeVisible();
  return page;
}

const requirement = (page: Page, group: string, name: string | RegExp) =>
  page.getByRole("list", { name: group, exact: true }).getByRole("listitem").filter({ hasText: name });

async function uploadFile(page: Page, title: string, name: string, text: string) {
  const form = await evidenceForm(page, "File");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("File (up to 10 MB)").setInputFiles({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
  await form.getByRole("button", { name: "Save evidence" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved "${title}" as version 1`);
}

test("the packet page shows what is left, keeps versions, a running drill and safe links", async ({ browser, expectAccessible }) => {
  const page = await startedLearner(browser, PAULA);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByText("Blocked? Say why")).toBeHidden();
  await expectAccessible(page);

  // The exercise page says no result is recorded and leads to the packet's result form.
  await page.goto(EXERCISE);
  const footer = page.getByRole("region", { name: "Your result" });
  await expect(footer).toContainText("No result recorded yet.");
  await footer.getByRole("link", { name: "Record your result in the packet →" }).click();
  const result = page.getByRole("form", { name: "Record an exercise result" });
  await expect(result.getByLabel("Exercise")).toHaveValue("baseline-and-trace");
  const row = requirement(page, "Exercise results", "Baseline your workflow and trace a session");
  await expect(row).toContainText("Open:");
  await expect(row).toContainText("no result yet");
  await result.getByLabel("Result against the success criteria, and where its evidence is").fill("Three tasks measured; trace labelled.");
  await result.getByRole("button", { name: "Save result" }).click();
  await expect(result.getByRole("status")).toContainText("Saved");
  await expect(row).toContainText("Met:");
  await expect(row).toContainText("result recorded");
  await expectAccessible(page);
  await page.goto(EXERCISE);
  await expect(footer).toContainText("Result recorded in the packet (v1");

  // A file uploaded again from its card is v2 of the same item, with a line diff.
  await page.goto(PACKET);
  await uploadFile(page, "Session trace", "trace.md", "user: fix the test\nassistant: calls read_file\n");
  const card = page.getByRole("listitem", { name: /^Session trace \(v/ });
  await card.getByText("Upload new version").click();
  const again = card.getByRole("form", { name: "Upload new version of Session trace" });
  await again.getByLabel("File (up to 10 MB)").setInputFiles({
    name: "trace.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("user: fix the test\nassistant: calls read_file\ntool: read_file result (312 lines)\n"),
  });
  await again.getByRole("button", { name: "Save v2" }).click();
  await expect(page.getByRole("listitem", { name: "Session trace (v2)" })).toContainText("replaces v1");
  await expect(page.getByRole("listitem", { name: /^Session trace/ })).toHaveCount(1);
  const diff = page.getByLabel("Changes in Session trace from v1 to v2");
  await expect(diff).toContainText("+ tool: read_file result (312 lines)");
  await expect(diff).not.toContainText("- user: fix the test");
  await expectAccessible(page);

  // A link opens in a new tab without handing this page to the other site, and says so.
  const linkForm = await evidenceForm(page, "Link");
  await linkForm.getByLabel("Title").fill("Pull request");
  await linkForm.getByLabel("Address").fill("https://example.com/pr/1");
  await linkForm.getByLabel("Listed artifact (optional)").selectOption({ label: "01_session-trace.md" });
  await linkForm.getByRole("button", { name: "Save evidence" }).click();
  await expect(linkForm.getByRole("status")).toContainText('Saved "Pull request" as version 1');
  const link = page.getByRole("link", { name: "https://example.com/pr/1 (external site, opens in a new tab)" });
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(requirement(page, "Artifacts", "01_session-trace.md")).toContainText("attached");

  // A drill stopwatch keeps running through a reload; stopping records the attempt.
  await openArea(page, "Drills");
  const start = page.getByRole("form", { name: "Start a drill" });
  await start.getByLabel("Drill").selectOption("role-labelling");
  await start.getByRole("button", { name: "Start the stopwatch" }).click();
  const clock = page.getByRole("form", { name: "Running drill" }).getByRole("timer");
  await expect(clock).toHaveText(/^00:00:0[2-9]|^00:00:[1-5]\d/);
  await page.reload();
  await expect(clock).toHaveText(/^00:00:0[2-9]|^00:00:[1-5]\d/);
  await expectAccessible(page);
  const running = page.getByRole("form", { name: "Running drill" });
  await running.getByLabel("Reps completed").fill("3");
  await running.getByLabel("Met the drill's standard").check();
  await running.getByRole("button", { name: "Stop and record" }).click();
  await expect(page.getByRole("list", { name: "Recorded drill attempts" })).toContainText("Label a transcript by role: 3 reps in 0 min");
  await expect(page.getByRole("form", { name: "Start a drill" })).toBeVisible();
  await expect(requirement(page, "Drills", "Label a transcript by role")).toContainText("1 attempt, within the time box");

  // The proof form names what is still open; blocking is under More actions.
  await openArea(page, "Proof");
  await expect(page.getByRole("note", { name: "Open requirements" })).toContainText("requirements are still open");
  await expectAccessible(page);
  await openArea(page, "Exit ticket");
  await expectAccessible(page);
  await page.getByText("More actions").click();
  await expect(page.getByRole("form", { name: "Block" }).getByLabel("Blocked? Say why")).toBeVisible();

  // The reviewer sees the same checklist at the top of the review page.
  const packetId = (await page.getByTestId("packet-id").textContent())!;
  const reviewer = await signIn(browser, REVIEWER);
  await reviewer.goto(`/review/${packetId}`);
  await expect(reviewer.getByRole("region", { name: /^What the module asks for \(3 of \d+ met\)$/ })).toBeVisible();
  await expect(requirement(reviewer, "Exercise results", "Baseline your workflow and trace a session")).toContainText("Met:");
  await expect(requirement(reviewer, "Drills", "Label a transcript by role")).toContainText("within the time box");
  await expectAccessible(reviewer);
});

test("the packet page fits a phone and passes axe in every work area @phone", async ({ browser, expectAccessible }, testInfo) => {
  const page = await startedLearner(browser, phil(testInfo.project.name));
  await page.setViewportSize({ width: 390, height: 844 });
  await uploadFile(page, "Session trace", "trace.md", "user: hello\n");
  for (const area of ["Evidence", "Exercises", "Drills", "Exit ticket", "Proof"] as const) {
    await openArea(page, area);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  }
});
