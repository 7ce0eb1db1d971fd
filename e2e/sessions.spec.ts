// Sessions are revocable and sign-in guesses are slowed, not locked: a copied cookie stops
// working at sign-out, "sign out everywhere" and a passphrase change sign other browsers out,
// and someone guessing a name's passphrase never holds up that person's own browser.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addLearner, openAccountMenu, REVIEWER, signIn, signInThroughForm, type Person } from "./people";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const SAM: Person = { name: "Sam Sessions", passphrase: "sam-passphrase-1" };
const NOTE = { module: 1, summary: "A note written with a session cookie", evidence: "none", next: "none" };

let reviewer: Page;
test.beforeAll(async ({ browser }) => {
  reviewer = await signIn(browser, REVIEWER);
  await addLearner(reviewer, SAM);
  await addLearner(reviewer, { name: "Gus Guarded", passphrase: "gus-passphrase-1" });
});

/** A request context of its own that carries only the given session cookie. */
async function withCookie(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  cookie: string,
) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `mastery_session=${cookie}` } });
}

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "mastery_session");
  expect(cookie).toBeDefined();
  return cookie!.value;
}

async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
}

test("a copied session cookie stops working at sign-out", async ({ browser, playwright, baseURL }) => {
  const page = await signInThroughForm(browser, SAM);
  const copy = await withCookie(playwright, baseURL!, await sessionCookie(page));
  expect((await copy.get("/api/v1/program")).status()).toBe(200);
  expect((await copy.post("/api/v1/log", { data: NOTE })).status()).toBe(201);

  await signOut(page);
  expect((await copy.get("/api/v1/program")).status()).toBe(401);
  expect((await copy.post("/api/v1/log", { data: NOTE })).status()).toBe(401);
  const settings = await copy.get("/settings");
  expect(await settings.text()).toContain("to change your settings");
});

test("sign out everywhere and a passphrase change sign the other browsers out", async ({
  browser,
  playwright,
  baseURL,
  expectAccessible,
}) => {
  const laptop = await signInThroughForm(browser, SAM);
  const phone = await signInThroughForm(browser, SAM);
  const phoneCopy = await withCookie(playwright, baseURL!, await sessionCookie(phone));
  await laptop.goto("/settings");
  const browsers = laptop.getByRole("region", { name: "Browsers signed in as you" });
  await expect(browsers.getByRole("row")).toHaveCount(3);
  await expect(browsers.getByText(/\(this one\)/)).toHaveCount(1);
  await expectAccessible(laptop);

  // A wrong current passphrase changes nothing and keeps the form as it was.
  const change = laptop.getByRole("form", { name: "Change your passphrase" });
  await change.getByLabel("Current passphrase").fill("not-the-passphrase");
  await change.getByLabel("New passphrase", { exact: true }).fill("sam-passphrase-2");
  await change.getByLabel("New passphrase again").fill("sam-passphrase-2");
  await change.getByRole("button", { name: "Change passphrase" }).click();
  await expect(change.getByRole("alert")).toContainText("Your current passphrase is not right.");
  expect((await phoneCopy.get("/api/v1/program")).status()).toBe(200);

  await change.getByLabel("Current passphrase").fill(SAM.passphrase);
  await change.getByLabel("New passphrase", { exact: true }).fill("sam-passphrase-2");
  await change.getByLabel("New passphrase again").fill("sam-passphrase-2");
  await change.getByRole("button", { name: "Change passphrase" }).click();
  await expect(change.getByRole("status")).toContainText("Changed your passphrase and signed out 1 other browser.");
  expect((await phoneCopy.get("/api/v1/program")).status()).toBe(401);
  await laptop.goto("/settings");
  await expect(laptop.getByRole("heading", { name: "Passphrase and signed-in browsers" })).toBeVisible();

  const second = await signInThroughForm(browser, { ...SAM, passphrase: "sam-passphrase-2" });
  const laptopCopy = await withCookie(playwright, baseURL!, await sessionCookie(laptop));
  await second.goto("/settings");
  await second.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(second).toHaveURL(/\/signin$/);
  expect((await laptopCopy.get("/api/v1/program")).status()).toBe(401);
  await laptop.goto("/settings");
  await expect(laptop.getByText("to change your settings")).toBeVisible();
});

async function tryPassphrase(page: Page, name: string, passphrase: string) {
  await page.goto("/signin");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("guesses slow down the guesser, not the person's own browser", async ({ browser }: { browser: Browser }) => {
  const GUS = { name: "Gus Guarded", passphrase: "gus-passphrase-1" };
  const own = await signInThroughForm(browser, GUS);
  await signOut(own);

  const guesser = await (await browser.newContext()).newPage();
  for (let i = 0; i < 5; i++) {
    await tryPassphrase(guesser, GUS.name, `guess-${i}`);
    await expect(guesser.getByRole("main").getByRole("alert")).toContainText("That name and passphrase do not match.");
  }
  await tryPassphrase(guesser, GUS.name, GUS.passphrase);
  await expect(guesser.getByRole("main").getByRole("alert")).toContainText(
    /Too many failed sign-ins for this name\. Try again in \d+ seconds?\./,
  );
  await expect(guesser.getByLabel("Name")).toHaveValue(GUS.name);

  // The browser that signed in as Gus before keeps its own count.
  await tryPassphrase(own, GUS.name, GUS.passphrase);
  await expect(own.getByText(`${GUS.name} (`)).toBeVisible();
});
