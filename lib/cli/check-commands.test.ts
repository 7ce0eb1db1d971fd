// mastery kit init and mastery check against a stand-in server, with real folders and real bash:
// files written with their executable bit and never over a different file unless forced; checks
// run in the practice repository with the kit at $MASTERY_KIT, reported per criterion, the exit
// code telling a failed check, and --attach posting the run.
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchFolders } from "@/test/scratch";
import { EXIT } from "./exit-codes";
import { run } from "./main";

const scratch = scratchFolders("mastery-check-cli-");

const kitFile = (file: string, content: string, executable = false) => ({
  path: file,
  executable,
  size: Buffer.byteLength(content),
  sha256: createHash("sha256").update(content).digest("hex"),
  contentBase64: Buffer.from(content).toString("base64"),
});

const KIT = [
  kitFile("checks/exists.sh", 'test -f "$1" || { echo "no $1" >&2; exit 1; }\necho "found $1"\n', true),
  kitFile("files/scripts/validate.sh", "#!/usr/bin/env bash\necho valid\n", true),
  kitFile("files/practice/SPEC.md", "# Spec\n"),
];

const EXERCISE = {
  slug: "red-first",
  number: 1,
  title: "Red first",
  successCriteria: ["The spec is there.", "The notes are there."],
  checks: [
    {
      id: "spec-present",
      criterion: 1,
      proves: "SPEC.md is in practice/",
      run: 'bash "$MASTERY_KIT/checks/exists.sh" practice/SPEC.md',
      requires: [],
      timeoutSeconds: 10,
    },
    {
      id: "notes-present",
      criterion: 2,
      proves: "NOTES.md is in practice/",
      run: 'bash "$MASTERY_KIT/checks/exists.sh" practice/NOTES.md',
      requires: [],
      timeoutSeconds: 10,
    },
  ],
};

type Sent = { method: string; path: string; body: unknown };

function harness(kit = KIT) {
  const out: string[] = [];
  const err: string[] = [];
  const sent: Sent[] = [];
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    sent.push({ method: init?.method ?? "GET", path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.pathname === "/api/v1/program") return Response.json({ learner: { program: "codex-mastery" } });
    if (url.pathname === "/api/v1/programs/codex-mastery/kit") return Response.json({ program: "codex-mastery", files: kit });
    if (url.pathname === "/api/v1/modules/4") return Response.json({ module: { exercises: [EXERCISE] } });
    if (url.pathname === "/api/v1/modules/4/checks")
      return Response.json({ evidence: { itemKey: "check-red-first", version: 1 } }, { status: 201 });
    return Response.json({ error: { code: "not-found", message: "No such thing." } }, { status: 404 });
  }) as typeof fetch;
  const streams = {
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => err.push(t),
    env: { MASTERY_TOKEN: "mastery_test", HOME: scratch() },
    io: { readStdin: async () => "", readFile: async () => new Uint8Array(), writeFile: async () => undefined },
  };
  return { exec: (argv: string[]) => run(argv, streams, fetchImpl), out, err, sent };
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe("mastery kit init", () => {
  it("writes the kit's files/ into the folder at their paths, keeping the executable bit", async () => {
    const dir = path.join(scratch(), "practice-repo");
    const h = harness();
    expect(await h.exec(["kit", "init", dir])).toBe(EXIT.ok);
    expect(readFileSync(path.join(dir, "scripts/validate.sh"), "utf8")).toBe("#!/usr/bin/env bash\necho valid\n");
    expect(mode(path.join(dir, "scripts/validate.sh"))).toBe(0o755);
    expect(mode(path.join(dir, "practice/SPEC.md"))).toBe(0o644);
    expect(existsSync(path.join(dir, "exists.sh"))).toBe(false);
    expect(h.out.join("")).toBe(
      `Copied the codex-mastery kit into ${dir}:\n  written     practice/SPEC.md\n  written     scripts/validate.sh (executable)\n`,
    );
    expect(await h.exec(["kit", "init", dir])).toBe(EXIT.ok);
    expect(h.out.at(-1)).toContain("  unchanged   scripts/validate.sh (executable)");
  });

  it("refuses to overwrite a file that differs, writing nothing, unless --force", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "keep.txt"), "mine");
    const h = harness();
    expect(await h.exec(["kit", "init", dir])).toBe(EXIT.ok);
    writeFileSync(path.join(dir, "practice/SPEC.md"), "# My own spec\n");
    writeFileSync(path.join(dir, "scripts/validate.sh"), "echo changed\n");
    const changed = harness([...KIT, kitFile("files/new.txt", "new\n")]);
    expect(await changed.exec(["kit", "init", dir])).toBe(EXIT.usage);
    expect(changed.err.join("")).toContain("Nothing written: 2 files");
    expect(changed.err.join("")).toContain("  practice/SPEC.md\n  scripts/validate.sh\nRun again with --force");
    expect(existsSync(path.join(dir, "new.txt"))).toBe(false);
    expect(await changed.exec(["kit", "init", dir, "--force"])).toBe(EXIT.ok);
    expect(changed.out.at(-1)).toContain("  overwritten practice/SPEC.md");
    expect(readFileSync(path.join(dir, "practice/SPEC.md"), "utf8")).toBe("# Spec\n");
    expect(readFileSync(path.join(dir, "keep.txt"), "utf8")).toBe("mine");
  });

  it("refuses a damaged kit file or a path leaving the folder", async () => {
    const damaged = harness([{ ...KIT[1]!, contentBase64: Buffer.from("echo evil\n").toString("base64") }]);
    expect(await damaged.exec(["kit", "init", scratch()])).toBe(EXIT.failed);
    expect(damaged.err.join("")).toContain("arrived damaged");
    const escaping = harness([kitFile("files/../../outside.sh", "echo\n")]);
    expect(await escaping.exec(["kit", "init", scratch()])).toBe(EXIT.failed);
    expect(escaping.err.join("")).toContain("not a plain relative path");
  });
});

describe("mastery check", () => {
  it("runs the checks in the practice repository, prints them per criterion and exits 6 when one fails", async () => {
    const dir = scratch();
    const h = harness();
    await h.exec(["kit", "init", dir]);
    expect(await h.exec(["check", "4.1", "--dir", dir])).toBe(EXIT.checkFailed);
    const text = h.out.at(-1)!;
    expect(text).toContain(`Exercise 4.1: Red first\nChecked ${dir} with the codex-mastery kit`);
    expect(text).toMatch(/Criterion 1: The spec is there\.\n {2}PASS {4}spec-present: SPEC.md is in practice\/ \(\d+\.\d s\)/);
    expect(text).toMatch(
      /Criterion 2: The notes are there\.\n {2}FAIL {4}notes-present: NOTES.md is in practice\/ \(exit 1, \d+\.\d s\)\n {10}\| no practice\/NOTES.md/,
    );
    expect(text).toContain("1 of 2 checks passed: the exercise is not machine-checked yet.");
    expect(h.sent.some((s) => s.method === "POST")).toBe(false);

    writeFileSync(path.join(dir, "practice/NOTES.md"), "notes\n");
    expect(await h.exec(["check", "4.1", "--dir", dir, "--json"])).toBe(EXIT.ok);
    expect(JSON.parse(h.out.at(-1)!)).toMatchObject({
      passed: true,
      results: [{ status: "pass", output: "found practice/SPEC.md" }, { status: "pass" }],
    });
  });

  it("with --attach posts the run: commands, exit codes, output tails, kit checksums, version and time", async () => {
    const dir = scratch();
    const h = harness();
    expect(await h.exec(["check", "4.1", "--dir", dir, "--attach"])).toBe(EXIT.checkFailed);
    expect(h.out.at(-1)).toContain("Attached to the module 4 packet as check-red-first v1.");
    const posted = h.sent.find((s) => s.method === "POST")!;
    expect(posted.path).toBe("/api/v1/modules/4/checks");
    expect(posted.body).toMatchObject({
      exercise: "red-first",
      cliVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      ranAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      kit: KIT.map((f) => ({ path: f.path, sha256: f.sha256 })),
      results: [
        {
          id: "spec-present",
          criterion: 1,
          status: "fail",
          exitCode: 1,
          command: EXERCISE.checks[0]!.run,
          output: "no practice/SPEC.md",
          outputCut: false,
          missing: [],
        },
        { id: "notes-present", criterion: 2, status: "fail", exitCode: 1 },
      ],
    });
  });

  it("says what is wrong with the exercise or the folder, with exit code 2", async () => {
    const h = harness();
    expect(await h.exec(["check", "4"])).toBe(EXIT.usage);
    expect(h.err.at(-1)).toContain("<exercise> is module.exercise, such as 4.1");
    expect(await h.exec(["check", "4.9", "--dir", scratch()])).toBe(EXIT.usage);
    expect(h.err.at(-1)).toContain("Module 4 has no exercise 9");
    expect(await h.exec(["check", "4.1", "--dir", path.join(scratch(), "missing")])).toBe(EXIT.usage);
    expect(h.err.at(-1)).toContain("is not a folder");
  });
});
