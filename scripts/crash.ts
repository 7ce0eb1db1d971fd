// `npm run crash -- [--kills N]`: the crash harness with many kills (default 200) against a
// scratch database; `npm test` runs a few of them through scripts/crash/harness.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCrashHarness } from "./crash/harness";

const flag = process.argv.indexOf("--kills");
const kills = flag >= 0 ? Number(process.argv[flag + 1]) : 200;
if (!Number.isInteger(kills) || kills < 1) {
  console.error("Usage: npm run crash -- [--kills N]   (N a positive whole number)");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), "mastery-crash-"));
const started = performance.now();
try {
  const report = await runCrashHarness({
    dbFile: path.join(scratch, "crash.db"),
    kills,
    onKill: (n) => n % 10 === 0 && process.stdout.write(`${n} kills survived\n`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`Survived ${report.kills} SIGKILLs in ${seconds} s: ${report.writes} acknowledged writes all present (${JSON.stringify(report.byKind)}),`);
  console.log(`${report.appendOnlyRows} append-only rows intact, integrity_check ok, no half-done operation visible.`);
} catch (error) {
  console.error(`Crash harness failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
