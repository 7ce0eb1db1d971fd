// The plan log a page at a time: newest first, older and newer pages by cursor with the filters
// kept, a clear message for a damaged address, and the download still the whole log.
import { expect, test } from "./fixtures";
import { addLearner, REVIEWER, signIn } from "./people";

const PAGER = { name: "Pat Pager", passphrase: "pat-passphrase-1" };
const NOTES = 205;
/** Every fourth note is on module 2, the rest on module 1. */
const moduleOf = (n: number) => (n % 4 === 0 ? 2 : 1);
const note = (n: number) => `page note ${String(n).padStart(3, "0")}`;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("the log pages through 205 entries newest first, keeps its filters, and explains a bad address", async ({
  browser,
  expectAccessible,
}) => {
  await addLearner(await signIn(browser, REVIEWER), PAGER);
  const page = await signIn(browser, PAGER);
  for (let n = 1; n <= NOTES; n++) {
    const answer = await page.request.post("/api/v1/log", { data: { module: moduleOf(n), summary: note(n) } });
    expect(answer.status()).toBe(201);
  }

  await page.goto("/log");
  const log = page.getByRole("list", { name: `Plan log of ${PAGER.name}` });
  const pages = page.getByRole("navigation", { name: "Plan log pages" });
  await expect(page.getByText(`Entries 1–100 of ${NOTES}, newest first.`)).toBeVisible();
  await expect(log.getByRole("listitem")).toHaveCount(100);
  await expect(log.getByRole("listitem").first()).toContainText(note(205));
  await expect(log.getByRole("listitem").last()).toContainText(note(106));
  await expect(pages.getByRole("link", { name: "Newer entries" })).toHaveCount(0);
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Older entries" }).click();
  await expect(page.getByText(`Entries 101–200 of ${NOTES}, newest first.`)).toBeVisible();
  await expect(log.getByRole("listitem").first()).toContainText(note(105));
  await expect(log.getByRole("listitem").last()).toContainText(note(6));
  await pages.getByRole("link", { name: "Older entries" }).click();
  await expect(page.getByText(`Entries 201–205 of ${NOTES}, newest first.`)).toBeVisible();
  await expect(log.getByRole("listitem")).toHaveCount(5);
  await expect(pages.getByRole("link", { name: "Older entries" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Newer entries" }).click();
  await expect(page.getByText(`Entries 101–200 of ${NOTES}, newest first.`)).toBeVisible();
  await expect(log.getByRole("listitem").first()).toContainText(note(105));
  await page.getByRole("link", { name: "Newest entries" }).click();
  await expect(page.getByText(`Entries 1–100 of ${NOTES}, newest first.`)).toBeVisible();

  // A filter is kept on every page.
  const module1 = Array.from({ length: NOTES }, (_, i) => i + 1).filter((n) => moduleOf(n) === 1);
  await page.getByRole("form", { name: "Filter the log" }).getByLabel("Module").selectOption("1");
  await page.getByRole("form", { name: "Filter the log" }).getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText(`Entries 1–100 of ${module1.length}, newest first.`)).toBeVisible();
  await pages.getByRole("link", { name: "Older entries" }).click();
  await expect(page).toHaveURL(/module=1/);
  await expect(page.getByText(`Entries 101–${module1.length} of ${module1.length}, newest first.`)).toBeVisible();
  await expect(log.getByRole("listitem")).toHaveCount(module1.length - 100);
  await expect(log.getByText(/module=02/)).toHaveCount(0);
  await expect(log.getByRole("listitem").last()).toContainText(note(module1[0]!));
  await expect(page.getByRole("form", { name: "Filter the log" }).getByLabel("Module")).toHaveValue("1");
  await expectAccessible(page);

  // A damaged cursor is explained, and the newest entries are shown instead of an error.
  for (const address of ["/log?before=not-a-cursor%21", "/log?after=12", `/log?after=1-a&before=2-b`]) {
    const response = await page.goto(address);
    expect(response!.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Showing the newest entries instead." })).toBeVisible();
    await expect(page.getByText(`Entries 1–100 of ${NOTES}, newest first.`)).toBeVisible();
    await expect(page.getByTestId("error-boundary")).toHaveCount(0);
  }
  await expectAccessible(page);

  // The download is still the whole log, oldest first.
  const text = await (await page.request.get("/log/download")).text();
  expect(text.match(/^summary=/gm)).toHaveLength(NOTES);
  expect(text.indexOf(note(1))).toBeLessThan(text.indexOf(note(205)));
});
