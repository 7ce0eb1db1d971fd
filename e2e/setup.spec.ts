// First-start setup in a browser; runs before every other spec (see playwright.config.ts), which
// sign in as the learner and the reviewer it creates: it signs both in once and keeps their state,
// and adds the people of the agent specs.
import { expect, test } from "./fixtures";
import { LEARNER as AGENT_LEARNER, REVIEWER as AGENT_REVIEWER } from "./agent-server";
import { addPerson, keepSignedIn, LEARNER, REVIEWER, SETUP_TIME_ZONE, signInThroughForm } from "./people";

// The browser setup runs in: its zone is the form's default. Africa/Abidjan keeps UTC's clock all
// year, so every spec's days are UTC's, while the zone shows that setup stored the browser's.
test.use({ timezoneId: SETUP_TIME_ZONE });

test("setup refuses a weak passphrase, then creates the learner and the reviewer", async ({ page, expectAccessible }) => {
  await page.goto("/setup");
  await expectAccessible();
  const form = page.getByRole("form", { name: "Set up" });
  await form.getByRole("group", { name: "Learner" }).getByLabel("Name").fill(LEARNER.name);
  await form.getByRole("group", { name: "Learner" }).getByLabel("Passphrase").fill("short");
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Name").fill(REVIEWER.name);
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Passphrase").fill(REVIEWER.passphrase);
  await expect(form.getByLabel("Time zone")).toHaveValue(SETUP_TIME_ZONE);
  await form.getByRole("button", { name: /Create and sign in/ }).click();
  await expect(form.getByText("use at least 10 characters")).toBeVisible();
  await expect(form.getByRole("group", { name: "Reviewer" }).getByLabel("Name")).toHaveValue(REVIEWER.name);
  await expect(form.getByLabel("Time zone")).toHaveValue(SETUP_TIME_ZONE);

  await form.getByRole("group", { name: "Learner" }).getByLabel("Passphrase").fill(LEARNER.passphrase);
  await form.getByRole("group", { name: "Reviewer" }).getByLabel("Passphrase").fill(REVIEWER.passphrase);
  await form.getByRole("button", { name: /Create and sign in/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`${LEARNER.name} (learner)`)).toBeVisible();
});

test("the learner and the reviewer sign in once; the other specs reuse their signed-in state", async ({ browser }) => {
  for (const who of [LEARNER, REVIEWER]) await keepSignedIn(await signInThroughForm(browser, who), who);
});

test("the reviewer adds the agent specs' learner and reviewer through the People page", async ({ browser }) => {
  const reviewer = await signInThroughForm(browser, REVIEWER);
  await addPerson(reviewer, AGENT_LEARNER, "learner");
  await addPerson(reviewer, AGENT_REVIEWER, "reviewer");
});
