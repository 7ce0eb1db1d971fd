// A throwaway PostgreSQL server for tests, benchmarks and writing migrations: its own data folder
// and port on 127.0.0.1, run as an unprivileged user, stopped and deleted at the end. It uses the
// machine's PostgreSQL server programs (Debian's `postgresql` package); nothing is downloaded.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export type Cluster = {
  /** The `postgres` database, for creating and dropping others. */
  adminUrl: string;
  /** The URL of database `name` on this server. */
  urlOf(name: string): string;
  version: string;
  stop(): void;
};

/** The folder of the newest installed server programs (initdb, pg_ctl), or null when there are none. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user (or nobody). */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const result = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (result.status === 0) {
      const gid = Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim());
      return { name, uid: Number(result.stdout.trim()), gid };
    }
  }
  throw new Error("Running as root, and there is no postgres or nobody user to run PostgreSQL as.");
}

/**
 * Starts a fresh server; throws with the reason when it cannot. `stop()` is also run at exit.
 * Tests skip the flushes to disk; a benchmark asks for a `durable` server, which makes them as a
 * production server does.
 */
export async function startThrowawayCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL's server programs are not installed (Debian package postgresql).");
  const dir = mkdtempSync(path.join(tmpdir(), "mastery-pg-"));
  const user = serverUser();
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]) => {
    const command = path.join(bin, program);
    const [file, argv] = user ? ["runuser", ["-u", user.name, "--", command, ...args]] : [command, args];
    return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const flushes = options.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${flushes}`;
    run("pg_ctl", ["-D", data, "-o", settings, "-l", path.join(dir, "server.log"), "-w", "-t", "120", "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Could not start a PostgreSQL server: ${detail || (error as Error).message}`);
  }
  const version = run("postgres", ["--version"]).trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already gone: nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  const urlOf = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  return { adminUrl: urlOf("postgres"), urlOf, version, stop };
}
