// `npm start`: prepare the database (migrations, unattended setup), build if the sources changed since the last build, then
// serve on HOST:PORT (127.0.0.1:3000 by default), taking a scheduled backup whenever one is due (on SQLite; on PostgreSQL
// the database's own backups are the install's, and there is no schedule).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inAppBackups } from "../lib/backup/availability";
import { backupPlaces } from "../lib/backup/places";
import { startBackupSchedule } from "../lib/backup/schedule";
import { sessionSecret } from "../lib/auth/secrets";
import { env } from "../lib/env";
import { buildIfStale } from "./build-stamp";
import { prepareDatabase } from "./prepare";

const next = path.resolve("node_modules", ".bin", "next");

/**
 * The configuration as the build resolved it (from next.config.ts, with Next's defaults), for
 * `next start` to take as it is, as Next's standalone server does. Otherwise it compiles
 * next.config.ts again with its SWC compiler, which stays loaded for the server's life: 26 MB
 * resident of a server that has 400.
 */
function builtConfig(): string {
  return JSON.stringify(JSON.parse(readFileSync(path.join(".next", "required-server-files.json"), "utf8")).config);
}

const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// A team server without SESSION_SECRET is refused here, before anything is done.
sessionSecret();
await prepareDatabase();

buildIfStale();

const { HOST, PORT, MASTERY_SERVER_HEAP_MB, MALLOC_ARENA_MAX } = env();
// V8 grows its heap lazily on a machine with memory to spare; a ceiling makes it collect sooner
// (the server's resident memory stays under 400 MB under load instead of passing 800 MB).
const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${MASTERY_SERVER_HEAP_MB}`.trim();
// glibc gives each thread that allocates (V8's helper threads, libuv's pool) a malloc arena of its
// own, which keeps memory once freed; other C libraries ignore the variable.
const server = spawn(next, ["start", "--hostname", HOST, "--port", String(PORT)], {
  stdio: "inherit",
  env: {
    ...childEnv,
    HOST,
    NODE_ENV: "production",
    NODE_OPTIONS: nodeOptions,
    MALLOC_ARENA_MAX: String(MALLOC_ARENA_MAX),
    __NEXT_PRIVATE_STANDALONE_CONFIG: builtConfig(),
  },
});
const backups = inAppBackups();
if (backups.available) startBackupSchedule(backupPlaces(), (line) => console.log(line));
else console.log(`No scheduled backups: ${backups.reason}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
