// The crash harness: runs the writer (worker.ts) in a child process, kills it with SIGKILL at a
// random moment, and checks the database after every kill: SQLite's integrity check passes,
// every acknowledged write is present, every row of every append-only table (found by its
// triggers) is still there unchanged, and no multi-row operation is visible half-done.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { applyPendingMigrations } from "../../prisma/migrator";

const WORKER = path.join(import.meta.dirname, "worker.ts");
const TABLE_OF: Record<string, string> = { packet: "Packet", evidence: "Evidence", proof: "CompletionProof", review: "Review", pattern: "PatternVersion" };

type Ack = { kind: string; id: string };
export type CrashReport = { kills: number; writes: number; byKind: Record<string, number>; appendOnlyRows: number };

function runUntilKilled(dbFile: string, delayMs: number, acknowledged: Ack[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let armed = false;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const ack = JSON.parse(line) as Ack;
      if (ack.kind === "ready") return;
      acknowledged.push(ack);
      // Counted from the first write, once the writer is warm, so every kill lands mid-stream.
      if (!armed) setTimeout(() => child.kill("SIGKILL"), delayMs);
      armed = true;
    });
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`the writer stopped by itself:\n${stderr}`));
    });
  });
}

function appendOnlyTables(database: Database.Database): string[] {
  const rows = database.prepare("SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%append_only%'").all() as { name: string }[];
  return rows.map((row) => row.name).sort();
}

/** Problems found in the database after a kill; `seen` carries append-only rows from one check to the next. */
export function checkAfterKill(dbFile: string, acknowledged: Ack[], seen: Map<string, string>): string[] {
  const database = new Database(dbFile);
  const problems: string[] = [];
  try {
    const integrity = database.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);

    for (const ack of acknowledged) {
      const table = TABLE_OF[ack.kind]!;
      if (!database.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(ack.id)) problems.push(`acknowledged ${ack.kind} ${ack.id} is missing`);
    }

    for (const table of appendOnlyTables(database)) {
      const current = new Map((database.prepare(`SELECT * FROM "${table}"`).all() as { id: string }[]).map((row) => [`${table}:${row.id}`, JSON.stringify(row)]));
      for (const [key, row] of seen) {
        if (!key.startsWith(`${table}:`)) continue;
        if (current.get(key) !== row) problems.push(`append-only row ${key} was ${current.has(key) ? "changed" : "removed"}`);
      }
      for (const [key, row] of current) seen.set(key, row);
    }

    const halfDone = [
      // A submission writes the proof, the status and a log entry in one transaction.
      `SELECT id FROM Packet p WHERE status IN ('review_required', 'completed') AND NOT EXISTS (SELECT 1 FROM CompletionProof c WHERE c.packetId = p.id)`,
      // An accept writes the review and completes the packet together, and only together.
      `SELECT id FROM Packet p WHERE status = 'completed' AND NOT EXISTS (SELECT 1 FROM Review r WHERE r.packetId = p.id AND r.verdict = 'accept')`,
      `SELECT r.id FROM Review r JOIN Packet p ON p.id = r.packetId WHERE r.verdict = 'accept' AND p.status <> 'completed'`,
      // A pattern save moves the head row and appends its version together.
      `SELECT p.id FROM Pattern p WHERE p.version <> (SELECT MAX(v.version) FROM PatternVersion v WHERE v.patternId = p.id)`,
      // Every transition is logged with the status it produced.
      `SELECT p.id FROM Packet p
         WHERE p.attempt = (SELECT MAX(attempt) FROM Packet q WHERE q.learnerId = p.learnerId AND q.moduleNumber = p.moduleNumber)
           AND p.status <> (SELECT l.status FROM PlanLogEntry l WHERE l.learnerId = p.learnerId AND l.moduleNumber = p.moduleNumber ORDER BY l.rowid DESC LIMIT 1)`,
    ];
    for (const sql of halfDone) {
      for (const row of database.prepare(sql).all() as { id: string }[]) problems.push(`half-done operation visible on ${row.id}: ${sql.split("\n")[0]}`);
    }
  } finally {
    database.close();
  }
  return problems;
}

/** Kills the writer `kills` times at random moments, checking the database after each kill. */
export async function runCrashHarness(options: { dbFile: string; kills: number; maxDelayMs?: number; onKill?: (n: number) => void }): Promise<CrashReport> {
  const { dbFile, kills, maxDelayMs = 300 } = options;
  await applyPendingMigrations({ dbPath: dbFile });
  const acknowledged: Ack[] = [];
  const seen = new Map<string, string>();
  for (let n = 1; n <= kills; n++) {
    await runUntilKilled(dbFile, 50 + Math.floor(Math.random() * maxDelayMs), acknowledged);
    const problems = checkAfterKill(dbFile, acknowledged, seen);
    if (problems.length > 0) throw new Error(`after kill ${n}:\n  ${problems.slice(0, 20).join("\n  ")}`);
    options.onKill?.(n);
  }
  const byKind: Record<string, number> = {};
  for (const ack of acknowledged) byKind[ack.kind] = (byKind[ack.kind] ?? 0) + 1;
  return { kills, writes: acknowledged.length, byKind, appendOnlyRows: seen.size };
}
