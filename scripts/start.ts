// `npm start`: prepare the database (migrations, unattended setup), build if the sources changed since the last build, then
// serve on HOST:PORT (127.0.0.1:3000 by default).
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { buildInputsHash, buildIsCurrent, STAMP_FILE } from "./build-stamp";
import { prepareDatabase } from "./prepare";

const next = path.resolve("node_modules", ".bin", "next");
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

await prepareDatabase();

if (!buildIsCurrent()) {
  console.log("Building the app (sources changed since the last build)…");
  const hash = buildInputsHash();
  const build = spawnSync(next, ["build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP_FILE, hash);
}

const { HOST, PORT } = env();
const server = spawn(next, ["start", "--hostname", HOST, "--port", String(PORT)], {
  stdio: "inherit",
  env: { ...childEnv, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
