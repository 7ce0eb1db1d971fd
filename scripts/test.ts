// `npm test`: typecheck, lint, content check, unit tests, then the browser tests. Every step
// runs even after a failure, so one run shows everything that is wrong; exits 1 if any failed.
import { spawnSync } from "node:child_process";

const STEPS: [string, string[]][] = [
  ["typecheck", ["npm", "run", "--silent", "typecheck"]],
  ["lint", ["npm", "run", "--silent", "lint"]],
  ["content:check", ["npm", "run", "--silent", "content:check"]],
  ["test:unit", ["npm", "run", "--silent", "test:unit"]],
  ["test:e2e", ["npm", "run", "--silent", "test:e2e"]],
];

const results = STEPS.map(([name, [command, ...args]]) => {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const { status } = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return { name, ok: status === 0, seconds: (Date.now() - started) / 1000 };
});

console.log("\n── summary ──");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}  (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
