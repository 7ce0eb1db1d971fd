// A zip bomb through the real import form: nine entries whose headers claim 100 bytes and which
// inflate to 1 GB of zeros each (a 9 MB upload). It is refused at the unpacked-size limit with
// nothing written, and the server keeps answering /api/health quickly while it works on it.
import { hostileZip } from "../lib/hostile-zip";
import { healthLatenciesDuring, percentile } from "../scripts/bench/server";
import { expect, test } from "./fixtures";
import { addLearner, REVIEWER, signIn } from "./people";

const HUGO = { name: "Hugo Hostile", passphrase: "hugo-passphrase-1" };

test("a zip whose headers lie is refused at the limit while the server keeps answering", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const bomb = Buffer.from(hostileZip([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `docs/patterns/speed/bomb-${i}.md`)));
  const reviewer = await signIn(browser, REVIEWER);
  await addLearner(reviewer, HUGO);
  await reviewer.context().close();
  const hugo = await signIn(browser, HUGO);

  await hugo.goto("/patterns/import");
  await hugo
    .getByLabel("A zip of the library or an exported playbook file")
    .setInputFiles({ name: "bomb.zip", mimeType: "application/zip", buffer: bomb });
  const answered = hugo.waitForResponse((response) => response.url().endsWith("/patterns/import/upload"), { timeout: 150_000 });
  await hugo.getByRole("button", { name: "Check the upload" }).click();
  const latencies = await healthLatenciesDuring(baseURL!, answered);
  await expect(hugo.getByRole("list", { name: "Problems" })).toHaveText("bomb.zip: unpacks to more than 50 MB");
  await expect(hugo.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  const p95 = percentile(latencies, 95);
  console.log(
    `health during the upload: ${latencies.length} checks, p95 ${p95.toFixed(1)} ms, slowest ${Math.max(...latencies).toFixed(1)} ms`,
  );
  expect(p95, `p95 of ${latencies.length} health checks`).toBeLessThanOrEqual(250);

  const applied = await hugo.request.post("/patterns/import/upload", {
    multipart: { step: "apply", fingerprint: "x", files: { name: "bomb.zip", mimeType: "application/zip", buffer: bomb } },
  });
  expect(applied.status()).toBe(400);
  expect((await applied.json()).plan.problems).toEqual([{ file: "bomb.zip", message: "unpacks to more than 50 MB" }]);
  await hugo.goto("/patterns");
  await expect(hugo.getByText("No patterns yet.")).toBeVisible();
});
