// Export from one install, import into another (a separate database, through the real
// `npm run learner` script), and the Markdown bundle of the learning record.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "../../prisma/migrator";
import type { Actor } from "../packets/transitions";

const scratch = mkdtempSync(path.join(tmpdir(), "portability-test-"));
process.env.DATABASE_URL = `file:${path.join(scratch, "a", "mastery.db")}`;
const { db, databasePath } = await import("../db");
const { startPacket, submitPacket } = await import("../packets/service");
const { addEvidence } = await import("../packets/evidence");
const { reviewPacket } = await import("../reviews/service");
const { exportLearner, parseLearnerExport, EXPORTED_TABLES, NOT_EXPORTED } = await import("./learner-data");
const { learningRecordFiles } = await import("./record");
const { learningRecordZip } = await import("./record-zip");

const other = path.join(scratch, "b", "mastery.db");
let learnerId: string;
const scores = (n: number) => ({ correctness: n, speed: n, resilience: n, judgment: n, maintainability: n, collaboration: n });

function learnerScript(dbFile: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/learner-data.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function rowCounts(dbFile: string): Record<string, number> {
  const database = new Database(dbFile, { readonly: true });
  const counts = Object.fromEntries(EXPORTED_TABLES.map(({ table }) => [table, (database.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]));
  database.close();
  return counts;
}

beforeAll(async () => {
  await applyPendingMigrations({ dbPath: databasePath() });
  await applyPendingMigrations({ dbPath: other });
  const target = new Database(other);
  target.prepare("INSERT INTO User (id, name, role, passphraseHash, createdAt) VALUES ('bob', 'Bob', 'learner', 'x', 0)").run();
  target.close();
  const client = await db();
  const ada = await client.user.create({ data: { name: "Ada", role: "learner", passphraseHash: "x" } });
  const rex = await client.user.create({ data: { name: "Rex", role: "reviewer", passphraseHash: "x" } });
  learnerId = (await client.learner.create({ data: { name: "Ada", ownerId: ada.id, programSlug: "codex-mastery" } })).id;
  const learner: Actor = { kind: "learner", userId: ada.id, label: "Ada" };
  const reviewer: Actor = { kind: "reviewer", userId: rex.id, label: "Rex" };
  const packet = await startPacket(learner, { learnerId, moduleNumber: 1 });
  const note = await addEvidence(learner, packet.id, { kind: "note", title: "Trace | labelled", body: "Ünïcode — and a ``` fence\n\n---\n<script>x</script>" });
  await addEvidence(learner, packet.id, { kind: "file", title: "Screenshot", fileName: "shot.png", bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) });
  const proof = {
    validationStatus: "passing",
    validationDetail: "exit 0",
    drillStatus: "passing",
    drillDetail: "in time",
    selfScores: scores(4),
    rubricSummary: "4s",
    risks: "none known",
    followUps: "none",
    claims: [{ claim: "done", evidence: [note.itemKey] }],
  };
  await submitPacket(learner, { packetId: packet.id, proof });
  const seen = (await client.evidence.findMany({ where: { packetId: packet.id } })).map((e) => e.id);
  await reviewPacket(reviewer, { packetId: packet.id, verdict: "reject", scores: { ...scores(4), speed: 2 }, feedback: "Please change:\n- time the drill", evidenceSeen: seen });
});

afterAll(async () => {
  await (await db()).$disconnect();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the learner export", () => {
  it("covers every table of the schema, or says why not", () => {
    const models = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    const covered = new Set([...EXPORTED_TABLES.map((t) => t.table), ...NOT_EXPORTED]);
    expect(models.filter((model) => !covered.has(model!))).toEqual([]);
  });

  it("moves a profile to another install with its files, and refuses to import it twice", async () => {
    const data = await exportLearner(learnerId);
    expect(data.tables.Packet).toHaveLength(1);
    expect(data.tables.Evidence).toHaveLength(2);
    expect(Object.keys(data.files)).toHaveLength(1);
    const file = path.join(scratch, "ada.json");
    writeFileSync(file, JSON.stringify(data));

    const imported = learnerScript(other, "import", file, "--owner", "Bob");
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/Imported learner profile/);
    const back = learnerScript(other, "export", "--learner", "Bob");
    const again = parseLearnerExport(back.stdout);
    expect(again.tables.Learner![0]!.ownerId).toBe("bob");
    for (const { table } of EXPORTED_TABLES.filter((t) => t.table !== "Learner")) expect(again.tables[table]).toEqual(data.tables[table]);
    expect(again.files).toEqual(data.files);
    const [stored] = Object.keys(data.files);
    expect(existsSync(path.join(scratch, "b", "files", stored!))).toBe(true);

    const twice = learnerScript(other, "import", file, "--owner", "Bob");
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/already in this install/);
  });

  it("refuses an unknown version, a broken file and a bad row without writing anything", async () => {
    const data = await exportLearner(learnerId);
    const fresh = path.join(scratch, "c", "mastery.db");
    await applyPendingMigrations({ dbPath: fresh });
    const target = new Database(fresh);
    target.prepare("INSERT INTO User (id, name, role, passphraseHash, createdAt) VALUES ('cy', 'Cy', 'learner', 'x', 0)").run();
    target.close();
    const before = rowCounts(fresh);
    const attempt = (name: string, content: string) => {
      const file = path.join(scratch, name);
      writeFileSync(file, content);
      return learnerScript(fresh, "import", file, "--owner", "Cy");
    };

    expect(attempt("future.json", JSON.stringify({ ...data, version: 99 })).stderr).toMatch(/version 99/);
    expect(attempt("truncated.json", JSON.stringify(data).slice(0, 500)).stderr).toMatch(/not valid JSON/);
    expect(attempt("foreign.json", JSON.stringify({ hello: "world" })).stderr).toMatch(/format/);
    const strayColumn = structuredClone(data);
    strayColumn.tables.Review![0]!.mood = "grumpy";
    expect(attempt("stray.json", JSON.stringify(strayColumn)).stderr).toMatch(/Review row 1 has an unknown column "mood"/);
    const orphan = structuredClone(data);
    orphan.tables.CompletionProof![0]!.packetId = "no-such-packet";
    expect(attempt("orphan.json", JSON.stringify(orphan)).stderr).toMatch(/CompletionProof row 1 cannot be imported/);
    const [key] = Object.keys(data.files);
    const tampered = structuredClone(data);
    tampered.files[key!] = Buffer.from("other bytes").toString("base64");
    expect(attempt("tampered.json", JSON.stringify(tampered)).stderr).toMatch(/does not match its checksum/);

    expect(rowCounts(fresh)).toEqual(before);
    expect(existsSync(path.join(scratch, "c", "files"))).toBe(false);
  });
});

describe("the learning record bundle", () => {
  it("has an overview, a file per started module with evidence, proofs and scores, and the plan log", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const files = await learningRecordFiles(learnerId, now);
    expect(Object.keys(files).sort()).toEqual(["README.md", "log.md", "modules/01-internals.md"]);
    expect(files["README.md"]).toMatch(/\| \[1\. Codex Code Internals\]\(modules\/01-internals\.md\) \| in_progress \| 1 \|/);
    const module1 = files["modules/01-internals.md"]!;
    expect(module1).toContain("#### Trace | labelled (note, version 1");
    expect(module1).toContain("> <script>x</script>");
    expect(module1).toContain("File `shot.png` (7 bytes");
    expect(module1).toMatch(/\| Speed\/Fluency \| 2 \|/);
    expect(module1).toContain("#### reject by Rex");
    expect(files["log.md"]).toMatch(/status=review_required/);
    expect(await learningRecordFiles(learnerId, now)).toEqual(files);

    const zip = unzipSync(await learningRecordZip(learnerId, now));
    expect(strFromU8(zip["learning-record/README.md"]!)).toBe(files["README.md"]);
  });
});
