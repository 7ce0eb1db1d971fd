// Export from one install, import into another (a separate database, through the real
// `npm run learner` script), and the Markdown bundle of the learning record.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, withTestDatabase } from "../../test/database";
import type { Actor } from "../auth/actor";

const { scratch } = withTestDatabase("portability-test-", path.join("a", "mastery.db"));
const { db } = await import("../db");
const { startPacket, submitPacket } = await import("../packets/service");
const { addEvidence } = await import("../packets/evidence");
const { reviewPacket } = await import("../reviews/service");
const { exportLearner, importLearner, EXPORTED_TABLES, NOT_EXPORTED } = await import("./learner-data");
const { parseLearnerExport, MAX_IMPORT_BYTES } = await import("./export-format");
const { AppError } = await import("../errors");
const { COLUMNS, TABLES } = await import("./import-rows");
const { learningRecordFiles } = await import("./record");
const { learningRecordZip } = await import("./record-zip");
const { proof, scores } = await import("../../test/learner-with-everything");

const other = path.join(scratch, "b", "mastery.db");
let learnerId: string;

/** Runs `npm run learner` on the install of `dbFile` (a SQLite file), or on this test's own database. */
function learnerScript(dbFile: string | "this install", ...args: string[]) {
  const install = dbFile === "this install" ? {} : { DATABASE_URL: `file:${dbFile}`, MASTERY_DATA_DIR: path.dirname(dbFile) };
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/learner-data.ts", ...args], {
    env: { ...process.env, ...install },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A row without its ids, references, people and import marks: what an import must carry over unchanged. */
const NOT_CONTENT = new Set([
  "id",
  "learnerId",
  "ownerId",
  "packetId",
  "commentId",
  "reviewId",
  "patternId",
  "entryId",
  "planId",
  "revisionId",
  "correctsId",
  "actorId",
  "reviewerId",
  "authorId",
  "evidenceSeen",
  "importedAt",
  "importedFrom",
]);
const content = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([column]) => !NOT_CONTENT.has(column)));

/** The message an import is refused with; fails when it is not refused. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return [error.message, ...Object.values(error.fieldErrors)].join("\n");
    throw error;
  }
  throw new Error("the import was not refused");
}

/** How many rows each exported table holds in this test's own database, whichever kind it is. */
async function ownRowCounts(): Promise<Record<string, number>> {
  const client = await db();
  const counts = await Promise.all(
    EXPORTED_TABLES.map(async ({ table }) => {
      const [row] = await client.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
      return [table, Number(row!.n)] as const;
    }),
  );
  return Object.fromEntries(counts);
}

beforeAll(async () => {
  migratedDatabase(other);
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
  const note = await addEvidence(learner, packet.id, {
    kind: "note",
    title: "Trace | labelled",
    body: "Ünïcode — and a ``` fence\n\n---\n<script>x</script>",
  });
  await addEvidence(learner, packet.id, {
    kind: "file",
    title: "Screenshot",
    fileName: "shot.png",
    bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
  });
  await submitPacket(learner, { packetId: packet.id, proof: proof(note.itemKey) });
  const seen = (await client.evidence.findMany({ where: { packetId: packet.id } })).map((e) => e.id);
  await reviewPacket(reviewer, {
    packetId: packet.id,
    verdict: "reject",
    scores: { ...scores(4), speed: 2 },
    feedback: "Please change:\n- time the drill",
    evidenceSeen: seen,
  });
});

describe("the learner export", () => {
  it("covers every table of the schema, or says why not", () => {
    const models = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    const covered = new Set([...EXPORTED_TABLES.map((t) => t.table), ...NOT_EXPORTED]);
    expect(models.filter((model) => !covered.has(model!))).toEqual([]);
  });

  it("checks every column of every exported table on import", () => {
    const database = new Database(other, { readonly: true });
    for (const { table } of EXPORTED_TABLES) {
      const columns = (database.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(Object.keys(TABLES[table]!.schema.shape).sort(), table).toEqual(columns);
    }
    database.close();
  });

  it("states each column's type as the Prisma schema declares it", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const enums = new Set([...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!));
    const scalars: Record<string, string> = { String: "string", Int: "int", Boolean: "boolean", DateTime: "datetime", Json: "json" };
    for (const { table } of EXPORTED_TABLES) {
      const body = new RegExp(`^model ${table} \\{$([\\s\\S]*?)^\\}`, "m").exec(schema)![1]!;
      const declared = [...body.matchAll(/^ +(\w+) +(\w+)(\[\])?/gm)]
        .filter(([, , type, list]) => !list && (type! in scalars || enums.has(type!)))
        .map(([, column, type]) => [column, enums.has(type!) ? "string" : scalars[type!]]);
      expect(COLUMNS[table], table).toEqual(Object.fromEntries(declared));
    }
  });

  it("writes every value in its column's type, the same way every time apart from exportedAt", async () => {
    const data = await exportLearner(learnerId, new Date("2026-01-01T00:00:00Z"));
    expect(data.columns.Learner).toMatchObject({
      soloMode: "boolean",
      coolingOffHours: "int",
      createdAt: "datetime",
      importedAt: "datetime",
    });
    expect(data.tables.Learner![0]).toMatchObject({ soloMode: false, coolingOffHours: 12, importedAt: null });
    expect(data.tables.Review![0]).toMatchObject({
      scores: { ...scores(4), speed: 2 },
      evidenceSeen: [expect.any(String), expect.any(String)],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const again = await exportLearner(learnerId, new Date("2026-06-01T00:00:00Z"));
    expect(JSON.stringify({ ...again, exportedAt: "" })).toBe(JSON.stringify({ ...data, exportedAt: "" }));
  });

  it("moves a profile to another install with its files as a new profile, its verdicts marked as imported", async () => {
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
    expect(again.tables.Learner![0]).toMatchObject({
      ownerId: "bob",
      soloMode: false,
      importedFrom: expect.stringMatching(/^a learner export of Ada made /),
    });
    // Same content, new ids: every id and every reference is this install's own.
    for (const { table } of EXPORTED_TABLES.filter((t) => t.table !== "Learner")) {
      const extra = table === "PlanLogEntry" ? 1 : 0;
      expect(again.tables[table], table).toHaveLength((data.tables[table] ?? []).length + extra);
      (data.tables[table] ?? []).forEach((row, index) => expect(content(again.tables[table]![index]!), table).toEqual(content(row)));
    }
    const oldIds = new Set(Object.values(data.tables).flatMap((rows) => rows.map((row) => String(row.id))));
    expect(
      Object.values(again.tables)
        .flatMap((rows) => rows.map((row) => String(row.id)))
        .filter((id) => oldIds.has(id)),
    ).toEqual([]);
    expect(again.tables.Packet![0]!.importedAt).toEqual(expect.any(String));
    expect(again.tables.Review![0]).toMatchObject({ reviewerId: "imported", reviewerName: "Rex", importedAt: expect.any(String) });
    expect(again.tables.PlanLogEntry!.at(-1)).toMatchObject({
      summary: expect.stringMatching(/^Imported this profile from a learner export of Ada/),
    });
    expect(again.files).toEqual(data.files);
    const [stored] = Object.keys(data.files);
    expect(existsSync(path.join(scratch, "b", "files", stored!))).toBe(true);

    const twice = learnerScript(other, "import", file, "--owner", "Bob");
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/already have a learner profile for codex-mastery/);
  });

  it("refuses an unknown version, a broken file and a bad row without writing anything", async () => {
    const data = await exportLearner(learnerId);
    const cy = await (await db()).user.create({ data: { name: "Cy", role: "learner", passphraseHash: "x" } });
    const before = await ownRowCounts();
    const attempt = (content: string) => refusal(() => importLearner(parseLearnerExport(content), { ownerId: cy.id }));

    const future = path.join(scratch, "future.json");
    writeFileSync(future, JSON.stringify({ ...data, version: 99 }));
    const script = learnerScript("this install", "import", future, "--owner", "Cy");
    expect(script.status).toBe(1);
    expect(script.stderr).toMatch(/version 99/);
    expect(await attempt(JSON.stringify(data).slice(0, 500))).toMatch(/not valid JSON/);
    expect(await attempt(JSON.stringify({ hello: "world" }))).toMatch(/format/);
    const strayColumn = structuredClone(data);
    strayColumn.tables.Review![0]!.mood = "grumpy";
    expect(await attempt(JSON.stringify(strayColumn))).toMatch(/Review row 1 has an unknown column "mood"/);
    const orphan = structuredClone(data);
    orphan.tables.CompletionProof![0]!.packetId = "no-such-packet";
    expect(await attempt(JSON.stringify(orphan))).toMatch(/CompletionProof row 1 points at a Packet row that is not part of this import/);
    const badScores = structuredClone(data);
    badScores.tables.Review![0]!.scores = { correctness: 9 };
    expect(await attempt(JSON.stringify(badScores))).toMatch(/Review row 1 has a bad value in "scores"/);
    const badStatus = structuredClone(data);
    badStatus.tables.Packet![0]!.status = "accepted-by-me";
    expect(await attempt(JSON.stringify(badStatus))).toMatch(/Packet row 1 has a bad value in "status"/);
    const storedForm = structuredClone(data);
    storedForm.tables.Packet![0]!.startedAt = "2026-12-01T10:00:00.000+00:00";
    expect(await attempt(JSON.stringify(storedForm))).toMatch(
      /Packet row 1 has a bad value in "startedAt" \(expected an ISO 8601 UTC time ending in Z\)/,
    );
    const flag = structuredClone(data);
    flag.tables.Learner![0]!.soloMode = 0;
    expect(await attempt(JSON.stringify(flag))).toMatch(/Learner row 1 has a bad value in "soloMode" \(expected true or false\)/);
    const number = structuredClone(data);
    number.tables.Evidence![1]!.version = "1";
    expect(await attempt(JSON.stringify(number))).toMatch(/Evidence row 2 has a bad value in "version" \(expected a whole number\)/);
    const jsonText = structuredClone(data);
    jsonText.tables.CompletionProof![0]!.data = JSON.stringify(jsonText.tables.CompletionProof![0]!.data);
    expect(await attempt(JSON.stringify(jsonText))).toMatch(/CompletionProof row 1 has a bad value in "data"/);
    const retyped = structuredClone(data);
    retyped.columns.Packet!.startedAt = "string";
    expect(await attempt(JSON.stringify(retyped))).toMatch(/states Packet.startedAt is string; this app reads it as datetime/);
    const strayType = structuredClone(data);
    strayType.columns.Review!.mood = "string";
    expect(await attempt(JSON.stringify(strayType))).toMatch(/a column this app does not know: Review.mood/);
    const untyped = structuredClone(data);
    delete untyped.columns.Packet;
    expect(await attempt(JSON.stringify(untyped))).toMatch(/states no column types for Packet/);
    const [key] = Object.keys(data.files);
    const tampered = structuredClone(data);
    tampered.files[key!] = Buffer.from("other bytes").toString("base64");
    expect(await attempt(JSON.stringify(tampered))).toMatch(/does not match its checksum/);
    expect(await attempt("x".repeat(MAX_IMPORT_BYTES + 1))).toMatch(/larger than 50 MB/);

    expect(await ownRowCounts()).toEqual(before);
  });
});

describe("a version 1 export", () => {
  /** A version 1 value as the version 2 one it stands for. */
  const typed = (type: string, value: string | number | null) => {
    if (value === null) return null;
    if (type === "datetime") return new Date(value).toISOString();
    if (type === "boolean") return value === 1;
    return type === "json" ? (JSON.parse(String(value)) as unknown) : value;
  };
  /** Rows in an order of their own content, for exports that list rows in different orders. */
  const byContent = (rows: Record<string, unknown>[]) => {
    const key = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));
    return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  };

  it("imports, and exports again as version 2 with the same data", async () => {
    const text = readFileSync("lib/portability/fixtures/learner-v1.json", "utf8");
    const v1 = JSON.parse(text) as {
      version: number;
      files: Record<string, string>;
      tables: Record<string, Record<string, string | number | null>[]>;
    };
    expect(v1.version).toBe(1);
    const vee = await (await db()).user.create({ data: { name: "Vee", role: "learner", passphraseHash: "x" } });
    const { learnerId: imported } = await importLearner(parseLearnerExport(text), { ownerId: vee.id });
    const v2 = await exportLearner(imported);
    expect(v2.version).toBe(2);
    expect(v2.files).toEqual(v1.files);
    expect(Object.keys(v2.tables)).toEqual(Object.keys(v1.tables));
    for (const [table, rows] of Object.entries(v1.tables)) {
      const expected = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([column, value]) => [column, typed(COLUMNS[table]![column]!, value)])),
      );
      const exported = v2.tables[table]!.filter((row) => !String(row.summary).startsWith("Imported this profile from"));
      expect(byContent(exported.map(content)), table).toEqual(byContent(expected.map(content)));
    }
  });
});

describe("an import crafted to escalate", () => {
  it("can touch no other learner, forge no verdict of this install and read no file outside the files folder", async () => {
    const client = await db();
    const rex = (await client.user.findUniqueOrThrow({ where: { name: "Rex" } })).id;
    const mallory = await client.user.create({ data: { name: "Mallory", role: "learner", passphraseHash: "x" } });
    const malloryElsewhere = await client.learner.create({
      data: { name: "Mallory", ownerId: mallory.id, programSlug: "async-plan-template" },
    });
    const victimOwner = await client.user.create({ data: { name: "Vic", role: "learner", passphraseHash: "x" } });
    const victim = await client.learner.create({ data: { name: "Vic", ownerId: victimOwner.id, programSlug: "codex-mastery" } });
    const base = await exportLearner(learnerId);
    const before = await ownRowCounts();
    const attempt = (data: typeof base) => refusal(() => importLearner(parseLearnerExport(JSON.stringify(data)), { ownerId: mallory.id }));
    const at = "2026-12-01T10:00:00.000Z";
    const acceptedAttempt = (learner: string) => ({
      id: "forged-packet",
      learnerId: learner,
      moduleNumber: 1,
      attempt: 2,
      status: "completed",
      blockedReason: null,
      startedAt: at,
      submittedAt: at,
      completedAt: at,
      createdAt: at,
      updatedAt: at,
    });

    // (1) a completed attempt in one's own existing profile, accepted by a real reviewer
    const ownProfile = structuredClone(base);
    ownProfile.tables.Packet!.push(acceptedAttempt(malloryElsewhere.id));
    ownProfile.tables.Review!.push({
      ...ownProfile.tables.Review![0]!,
      id: "forged-review",
      packetId: "forged-packet",
      verdict: "accept",
      reviewerId: rex,
      evidenceSeen: [],
    });
    expect(await attempt(ownProfile)).toMatch(/Packet row 2 points at a Learner row that is not part of this import/);
    // (2) rows written into another learner's profile
    const intoVictim = structuredClone(base);
    intoVictim.tables.Packet!.push(acceptedAttempt(victim.id));
    expect(await attempt(intoVictim)).toMatch(/points at a Learner row that is not part of this import/);
    const logForVictim = structuredClone(base);
    logForVictim.tables.PlanLogEntry!.push({
      ...logForVictim.tables.PlanLogEntry![0]!,
      id: "forged-log",
      learnerId: victim.id,
      summary: "Accepted Module 1",
    });
    expect(await attempt(logForVictim)).toMatch(/PlanLogEntry row \d+ points at a Learner row/);
    // (3) file evidence naming paths outside the files folder
    for (const filePath of ["../secrets/session.key", "../../../../etc/passwd", "../mastery.db"]) {
      const traversal = structuredClone(base);
      traversal.tables.Evidence!.push({
        ...traversal.tables.Evidence![1]!,
        id: `forged-${filePath}`,
        itemKey: "file-forged",
        filePath,
        sha256: null,
      });
      expect(await attempt(traversal)).toMatch(/Evidence row 3 is a file without its checksum/);
    }
    expect(await ownRowCounts()).toEqual(before);

    // What is left is the attacker's own new profile: their verdicts are history, marked as imported.
    const forged = structuredClone(base);
    forged.tables.Review![0]!.reviewerId = rex;
    forged.tables.Review![0]!.verdict = "accept";
    forged.tables.Packet![0]!.status = "completed";
    forged.tables.Evidence![1]!.filePath = "../secrets/session.key";
    const result = await importLearner(parseLearnerExport(JSON.stringify(forged)), { ownerId: mallory.id });
    const profile = await client.learner.findUniqueOrThrow({
      where: { id: result.learnerId },
      include: { packets: { include: { reviews: true, evidence: true } } },
    });
    expect(profile).toMatchObject({ ownerId: mallory.id, soloMode: false, importedAt: expect.any(Date) });
    const [packet] = profile.packets;
    expect(packet).toMatchObject({ status: "completed", importedAt: expect.any(Date) });
    expect(packet!.reviews).toEqual([expect.objectContaining({ verdict: "accept", reviewerId: "imported", importedAt: expect.any(Date) })]);
    const file = packet!.evidence.find((e) => e.kind === "file")!;
    expect(file.filePath).toBe(`${file.sha256!.slice(0, 2)}/${file.sha256}`);
    expect(await client.review.count({ where: { reviewerId: rex, importedAt: null } })).toBe(1);
    expect(await client.packet.count({ where: { learnerId: victim.id } })).toBe(0);
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
