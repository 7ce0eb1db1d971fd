// Scratch git repositories for the starter kit's tests: each test copies kit files into a fresh repository
// and runs them there with bash, as a learner would.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

export const KIT = path.resolve("content/codex-mastery/kit");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, stdout first. */
  out: string;
}

/** Whether a command is on PATH, for tests that need a tool the kit does not require everywhere. */
export function onPath(command: string): boolean {
  return spawnSync("bash", ["-c", `command -v ${command}`]).status === 0;
}

/**
 * PATH for the scripts under test. Where `python3` on PATH is a version manager's shim (pyenv's is a
 * bash script that costs about 0.2 s a call, and the kit runs Python hundreds of times), the folder of
 * the interpreter it stands for goes in front: the same Python, without the shim's detour.
 */
const SCRIPT_PATH = (() => {
  const base = process.env.PATH ?? "";
  const found = spawnSync("bash", ["-c", "command -v python3"], { encoding: "utf8" }).stdout.trim();
  const real = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout.trim();
  if (!found || !real || path.dirname(found) === path.dirname(real)) return base;
  return `${path.dirname(real)}:${base}`;
})();

export class ScratchRepo {
  readonly dir: string;
  private readonly home: string;

  constructor(prefix: string) {
    this.home = mkdtempSync(path.join(tmpdir(), `kit-${prefix}-`));
    this.dir = path.join(this.home, "repo");
    mkdirSync(this.dir);
    // An empty global configuration, so that the machine's settings (hooks, signing) cannot leak in.
    writeFileSync(path.join(this.home, "gitconfig"), "");
    this.git("init", "-q", "-b", "main");
    this.git("config", "user.name", "Kit Test");
    this.git("config", "user.email", "kit-test@example.invalid");
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { ...process.env, PATH: SCRIPT_PATH, GIT_CONFIG_GLOBAL: path.join(this.home, "gitconfig"), GIT_CONFIG_NOSYSTEM: "1", ...extra };
  }

  /** Runs a bash command line in the repository (or in `cwd` inside it). */
  run(command: string, options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): RunResult {
    const result = spawnSync("bash", ["-c", command], {
      cwd: path.join(this.dir, options.cwd ?? "."),
      env: this.env(options.env),
      input: options.input,
      encoding: "utf8",
      timeout: 110_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, out: result.stdout + result.stderr };
  }

  git(...args: string[]): string {
    const result = spawnSync("git", args, { cwd: this.dir, env: this.env(), encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  write(file: string, text: string, mode?: number): void {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (mode !== undefined) chmodSync(full, mode);
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), "utf8");
  }

  /** Copies `from` (a path under the kit, e.g. files/scripts/validate.sh) to `to` in the repository, keeping modes. */
  copyKit(from: string, to: string): void {
    const target = path.join(this.dir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(KIT, from), target, { recursive: true });
  }

  commitAll(message: string): string {
    this.git("add", "-A");
    this.git("commit", "-q", "--no-verify", "-m", message);
    return this.git("rev-parse", "HEAD");
  }

  /** A folder on PATH in front of the system's, holding stub commands written by the test. */
  stubs(commands: Record<string, string>): Record<string, string> {
    const bin = path.join(this.home, "stub-bin");
    mkdirSync(bin, { recursive: true });
    for (const [name, body] of Object.entries(commands))
      writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
    return { PATH: `${bin}:${SCRIPT_PATH}` };
  }

  remove(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** A maker of scratch repositories for one test file; each is removed after the test that made it. */
export function scratchRepos(): (prefix: string) => ScratchRepo {
  let repos: ScratchRepo[] = [];
  afterEach(() => {
    for (const repo of repos) repo.remove();
    repos = [];
  });
  return (prefix) => {
    const repo = new ScratchRepo(prefix);
    repos.push(repo);
    return repo;
  };
}
