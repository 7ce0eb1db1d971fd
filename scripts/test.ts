// `npm test`: typecheck, lint, content check and the production build at once (each is mostly one
// process, so together they use the machine's cores), then the unit tests, then the browser tests
// on that build. Every step runs even after a failure, so one run shows everything that is wrong;
// exits 1 if any failed. A throwaway PostgreSQL server runs for the whole run: the domain unit
// tests run on it too, and the team-server browser run uses it; where none can start, the summary
// says PostgreSQL was not tested.
import { spawn } from "node:child_process";
import { startThrowawayCluster } from "./postgres-cluster";

type Step = { name: string; command: string[]; env?: Record<string, string> };
type Result = { name: string; ok: boolean; seconds: number };

const AT_ONCE: Step[] = [
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "content:check", command: ["npm", "run", "--silent", "content:check"] },
  // Types are checked by the typecheck step, not a second time inside the build.
  { name: "build", command: ["npx", "tsx", "scripts/build-if-stale.ts"], env: { MASTERY_BUILD_TYPECHECKED: "1" } },
];
const IN_TURN: Step[] = [
  { name: "test:unit", command: ["npm", "run", "--silent", "test:unit"] },
  { name: "test:e2e", command: ["npm", "run", "--silent", "test:e2e"] },
];
const ON_POSTGRES: Step = { name: "test:e2e --team (PostgreSQL, two instances)", command: ["npm", "run", "--silent", "test:e2e", "--", "--team"] };

/** Runs a step; with `quietly`, its output is held and printed in one piece when it ends. */
function run(step: Step, quietly: boolean): Promise<Result> {
  const started = Date.now();
  const [command, ...args] = step.command;
  const child = spawn(command!, args, { stdio: quietly ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  if (!quietly) console.log(`\n── ${step.name} ──`);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const result = { name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000 };
      if (quietly) process.stdout.write(`\n── ${step.name} (${result.seconds.toFixed(1)} s) ──\n${Buffer.concat(output).toString()}`);
      resolve(result);
    });
  });
}

const started = Date.now();
let postgres: string;
try {
  const cluster = await startThrowawayCluster();
  process.env.MASTERY_TEST_POSTGRES_URL = cluster.adminUrl;
  process.once("exit", cluster.stop);
  IN_TURN.push(ON_POSTGRES);
  postgres = `PostgreSQL: ${cluster.version}, on a throwaway server: the domain unit tests and the team browser run used it.`;
} catch (error) {
  postgres = `PostgreSQL: NOT TESTED. ${(error as Error).message} Only SQLite was tested.`;
}
const results = await Promise.all(AT_ONCE.map((step) => run(step, true)));
for (const step of IN_TURN) results.push(await run(step, false));

console.log("\n── summary ──");
console.log(postgres);
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}  (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
process.exit(failed > 0 ? 1 : 0);
