// A person's time zone in a browser: setup stored the browser's zone; Settings refuses an unknown
// zone keeping what was typed, then takes a known one; the time page counts the learner's days in
// it and shows their times on its clock, and a reviewer reads those days with times on their own.
import { expect, test } from "./fixtures";
import { addLearner, LEARNER, REVIEWER, SETUP_TIME_ZONE, signIn } from "./people";

const TIA = { name: `Tia ${Date.now().toString(36)}`, passphrase: "tia-passphrase-1" };
const EAST = "Pacific/Kiritimati";

/** Today as it is in a zone, `YYYY-MM-DD`. */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** The day before a `YYYY-MM-DD` day. */
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });

test("setup stored the zone of the browser it ran in", async ({ browser }) => {
  const ada = await signIn(browser, LEARNER);
  await ada.goto("/settings");
  await expect(ada.getByRole("form", { name: "Time zone" }).getByLabel("Time zone")).toHaveValue(SETUP_TIME_ZONE);
});

test("Settings refuses an unknown zone keeping what was typed, then takes a known one", async ({ browser, expectAccessible }) => {
  const rex = await signIn(browser, REVIEWER);
  await addLearner(rex, TIA);
  const tia = await signIn(browser, TIA);
  await tia.goto("/settings");
  const form = tia.getByRole("form", { name: "Time zone" });
  const field = form.getByLabel("Time zone");
  // A person added on People starts in the zone of the reviewer who added them.
  await expect(field).toHaveValue(SETUP_TIME_ZONE);
  await expectAccessible(tia);

  await field.fill("Mars/Olympus_Mons");
  await form.getByRole("button", { name: "Save time zone" }).click();
  await expect(form.getByRole("alert")).toContainText("The time zone was not changed");
  await expect(form.getByText(/^not a time zone: choose one from the list/)).toBeVisible();
  await expect(field).toHaveValue("Mars/Olympus_Mons");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(tia);

  await field.fill(EAST.toLowerCase());
  await form.getByRole("button", { name: "Save time zone" }).click();
  await expect(form.getByRole("status")).toContainText(`Your time zone is now ${EAST}.`);
  await expect(form).toContainText(new RegExp(`it is now ${todayIn(EAST)} \\d\\d:\\d\\d GMT\\+14`));
});

test("the time page counts the learner's days in their zone and shows times on the viewer's clock", async ({
  browser,
  expectAccessible,
}) => {
  const tia = await signIn(browser, TIA);
  await tia.goto("/time");
  await expect(tia.getByText(`Your days and weeks fall in ${EAST}`)).toBeVisible();
  const add = tia.getByRole("form", { name: "Add time" });
  // The day offered is today at UTC+14, a day ahead of UTC from 10:00 UTC on, and it has begun there.
  await expect(add.getByLabel("Day")).toHaveValue(todayIn(EAST));
  await add.getByLabel("Module or exercise").selectOption("1");
  await add.getByLabel(/^Minutes/).fill("25");
  await add.getByRole("button", { name: "Add the time" }).click();
  await expect(add.getByRole("status")).toContainText("Added 25 min on module 1.");

  const timer = tia.getByRole("form", { name: "Timer", exact: true });
  await timer.getByLabel("Module or exercise").selectOption("2");
  await timer.getByRole("button", { name: "Start the timer" }).click();
  const running = tia.getByRole("form", { name: "Running timer" });
  await expect(running).toContainText(new RegExp(`since ${todayIn(EAST)} \\d\\d:\\d\\d GMT\\+14`));
  await running.getByRole("button", { name: "Stop the timer" }).click();
  await expect(tia.getByRole("form", { name: "Timer", exact: true }).getByRole("status")).toContainText("recorded on module 2.");

  const entries = tia.getByRole("region", { name: "Time entries" });
  await expect(entries.getByRole("row", { name: /Module 2/ })).toContainText(new RegExp(`${todayIn(EAST)} \\d\\d:\\d\\d GMT\\+14`));
  await expect(entries.getByRole("row", { name: /Module 1/ })).toContainText(`${todayIn(EAST)} 00:00 GMT+14`);
  const weeks = tia.getByRole("region", { name: "Time per week" });
  await expect(weeks.getByRole("row", { name: /Week 1/ })).toContainText(todayIn(EAST));
  await expectAccessible(tia);

  // A reviewer in another zone reads the same days, with the times on their own clock.
  const rex = await signIn(browser, REVIEWER);
  await rex.goto("/time");
  await rex.getByRole("combobox", { name: "Learner" }).selectOption({ label: `${TIA.name} (codex-mastery)` });
  await expect(rex.getByText(`${TIA.name}'s (read-only): days and weeks fall in ${EAST}`)).toBeVisible();
  await expect(rex.getByRole("region", { name: "Time per week" }).getByRole("row", { name: /Week 1/ })).toContainText(todayIn(EAST));
  // Tia's day began at 10:00 UTC the day before, which is 10:00 GMT on the reviewer's clock.
  await expect(rex.getByRole("region", { name: "Time entries" }).getByRole("row", { name: /Module 1/ })).toContainText(
    `${dayBefore(todayIn(EAST))} 10:00 GMT`,
  );
});
