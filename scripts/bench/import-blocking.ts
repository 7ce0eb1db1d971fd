// How long other work waits while a large library import runs: the zip of a learner's library is
// imported into a fresh profile, checked and then applied as the upload route does it, while a
// small database read is asked for every 10 ms and the event loop's delay is sampled, all in
// this process (the one a server would run the import in). `npx tsx scripts/bench/import-blocking.ts`
// seeds a scratch database with the bench's library (1,000 patterns, 300 entries) and prints the
// figures; the main bench (scripts/bench.ts) runs `importBlocking` on its own seeded database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const READ_EVERY_MS = 10;

/** Waits (ms) of a read asked for every 10 ms until `work` settles, each counted from when it was due. */
async function readWaitsDuring(work: Promise<unknown>, learnerId: string): Promise<number[]> {
  const { db } = await import("../../lib/db");
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const waits: number[] = [];
  while (!settled) {
    const due = performance.now() + READ_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
    await (await db()).learner.findUnique({ where: { id: learnerId }, select: { id: true } });
    waits.push(performance.now() - due);
  }
  return waits;
}

/**
 * Imports `zip`, the library of `sourceLearnerId` as exported, into a new profile and returns
 * the bench figures: the check's and the apply's time, the longest wait of a concurrent read and
 * the longest event-loop delay meanwhile.
 */
export async function importBlocking(sourceLearnerId: string, zip: Uint8Array): Promise<Record<string, number>> {
  const { connection } = await import("../../lib/db");
  const { applyImport, planImport, readUpload } = await import("../../lib/library/import");
  const client = await connection();
  const source = await client.learner.findUniqueOrThrow({ where: { id: sourceLearnerId } });
  const items =
    (await client.pattern.count({ where: { learnerId: source.id } })) +
    (await client.playbookEntry.count({ where: { learnerId: source.id } }));
  const user = await client.user.create({ data: { name: "Importing Learner", role: "learner", passphraseHash: "unused" } });
  const learner = await client.learner.create({ data: { name: "Importing Learner", ownerId: user.id, programSlug: source.programSlug } });
  const actor = { kind: "learner" as const, userId: user.id, label: "Importing Learner" };
  const upload = [{ name: "library.zip", bytes: zip }];

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const times = { check: 0, apply: 0 };
  const importing = (async () => {
    let started = performance.now();
    const plan = await planImport(learner.id, await readUpload(upload));
    times.check = performance.now() - started;
    started = performance.now();
    const parsed = await readUpload(upload);
    await planImport(learner.id, parsed);
    const result = await applyImport(actor, learner.id, parsed, { fingerprint: plan.fingerprint });
    times.apply = performance.now() - started;
    if (result.created !== items) throw new Error(`the import created ${result.created} items, not ${items}`);
  })();
  const waits = await readWaitsDuring(importing, source.id);
  await importing;
  delay.disable();
  return {
    [`library import of ${items} items, check (ms)`]: times.check,
    [`library import of ${items} items, apply (ms)`]: times.apply,
    "longest wait of a read during a large library import (ms)": Math.max(...waits),
    "longest event-loop delay during a large library import (ms)": delay.max / 1e6,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const scratch = mkdtempSync(path.join(tmpdir(), "mastery-bench-import-"));
  process.env.DATABASE_URL = `file:${path.join(scratch, "bench.db")}`;
  try {
    const { connection, databasePath } = await import("../../lib/db");
    const { applyPendingMigrations } = await import("../../prisma/migrator");
    const { LARGE, seedLibrary } = await import("./seed");
    await applyPendingMigrations({ dbPath: databasePath() });
    const client = await connection();
    const user = await client.user.create({ data: { name: "Bench Learner", role: "learner", passphraseHash: "unused" } });
    const learner = await client.learner.create({ data: { name: "Bench Learner", ownerId: user.id, programSlug: "codex-mastery" } });
    console.log("Seeding the library…");
    await seedLibrary(learner.id, user, LARGE);
    const { exportLibraryZip } = await import("../../lib/library/export");
    const figures = await importBlocking(learner.id, await exportLibraryZip(learner.id));
    const width = Math.max(...Object.keys(figures).map((key) => key.length));
    console.log(
      Object.entries(figures)
        .map(([key, value]) => `${key.padEnd(width)}  ${value.toFixed(1)}`)
        .join("\n"),
    );
    await client.$disconnect();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
