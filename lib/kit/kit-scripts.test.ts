// The starter kit's scripts, each run against a scratch git repository: the behaviour the program's text
// documents (exit codes, output, refusals) is asserted here, so the text and the files cannot drift apart.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KIT, onPath, type ScratchRepo, scratchRepos } from "@/test/kit-repo";

const scratch = scratchRepos();

const lines = (text: string) => text.split("\n").filter((line) => line !== "");
const hasPytest = onPath("pytest") && spawnSync("python3", ["-c", "import pytest"]).status === 0;
const hasPerl = onPath("perl");

function kitFiles(dir: string): string[] {
  return readdirSync(path.join(KIT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(KIT, path.join(entry.parentPath, entry.name)));
}

describe("every kit file", () => {
  const all = [...kitFiles("files"), ...kitFiles("solutions"), ...kitFiles("checks")];

  it("is executable when it starts with #!, and parses", () => {
    const repo = scratch("parse");
    const python: string[] = [];
    for (const file of all) {
      const full = path.join(KIT, file);
      const text = readFileSync(full, "utf8");
      const shebang = text.startsWith("#!");
      if (shebang) expect(statSync(full).mode & 0o111, `${file} is executable`).not.toBe(0);
      if (/\.py$/.test(file) || text.split("\n", 1)[0]!.includes("python")) python.push(full);
      else if (/\.sh$/.test(file) || shebang) expect(repo.run(`bash -n '${full}'`).code, file).toBe(0);
      else if (/\.json$/.test(file)) expect(() => JSON.parse(text), file).not.toThrow();
    }
    // One interpreter parses every Python file and names each that does not parse.
    const parsed = repo.run(
      `python3 -c 'import ast, sys\nfor f in sys.argv[1:]:\n    try: ast.parse(open(f).read())\n    except SyntaxError as e: print(f, e)' ${python.map((f) => `'${f}'`).join(" ")}`,
    );
    expect(python.length).toBeGreaterThan(10);
    expect(parsed.code).toBe(0);
    expect(parsed.stdout, "Python files that do not parse").toBe("");
  });

  it("never evaluates its input as a command", () => {
    const repo = scratch("eval");
    const hits = repo.run(`grep -rnwE 'eval|exec\\(' '${KIT}/files' '${KIT}/solutions' || true`).stdout;
    expect(hits).toBe("");
  });
});

describe("Module 1: scripts/validate.sh and practice/bin/logrun", () => {
  it("validate.sh prints one ok line per check and stops at the first failure with its output", () => {
    const repo = scratch("validate");
    repo.copyKit("files/scripts/validate.sh", "scripts/validate.sh");
    const passing = repo.stubs({ npx: 'echo "npx $*"', npm: 'echo "npm $*"' });
    const ok = repo.run("scripts/validate.sh", { env: passing });
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)).toEqual(["ok   format", "ok   lint", "ok   tests", "validate: all checks passed"]);

    const failing = repo.stubs({ npx: '[ "$1" = eslint ] && { echo "src/a.ts: 1 problem"; exit 1; }; exit 0', npm: "exit 0" });
    const blocked = repo.run("scripts/validate.sh", { env: failing });
    expect(blocked.code).toBe(1);
    expect(lines(blocked.stdout)).toEqual(["ok   format", "FAIL lint", "src/a.ts: 1 problem"]);
  });

  it("logrun keeps the exit code and appends one valid JSON line, whatever the command line holds", () => {
    const repo = scratch("logrun");
    repo.copyKit("files/practice/bin/logrun", "practice/bin/logrun");
    expect(repo.run("practice/bin/logrun true").code).toBe(0);
    expect(repo.run(`practice/bin/logrun bash -c 'exit 3' 'a "quoted"\targ' $'two\\nlines' 'back\\slash'`).code).toBe(3);
    const entries = lines(repo.read("practice/01-internals/commands.jsonl")).map((line) => JSON.parse(line));
    expect(entries.map((e) => e.rc)).toEqual([0, 3]);
    expect(entries[1].cmd).toBe('bash -c exit 3 a "quoted"\targ two\nlines back\\slash');
    expect(entries[1].ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(repo.run("LOGRUN_FILE=elsewhere/log.jsonl practice/bin/logrun false").code).toBe(1);
    expect(JSON.parse(repo.read("elsewhere/log.jsonl")).rc).toBe(1);
  });
});

describe.skipIf(!hasPytest)("Module 1 exercise 2: practice/bin/run-tests (needs pytest)", () => {
  function testRepo() {
    const repo = scratch("run-tests");
    repo.copyKit("files/practice/bin/run-tests", "practice/bin/run-tests");
    repo.write("tests/test_ok.py", "def test_ok():\n    assert True\n");
    const many = Array.from({ length: 90 }, (_, i) => `def test_fails_${i}():\n    print("noise\\n" * 3)\n    assert ${i} < 0\n`).join(
      "\n",
    );
    repo.write("failing/test_many.py", many);
    repo.commitAll("tests");
    return repo;
  }

  it("runs the tests with the mode and path as separate arguments and ends with the log path", () => {
    const repo = testRepo();
    const full = repo.run("practice/bin/run-tests full tests");
    expect(full.code).toBe(0);
    expect(lines(full.stdout).at(-1)).toMatch(/^full log: practice\/logs\/run-tests\.\w+$/);
    expect(repo.run("../practice/bin/run-tests fast tests/test_ok.py", { cwd: "tests" }).code).toBe(2);
    expect(repo.run("../practice/bin/run-tests fast test_ok.py", { cwd: "tests" }).code).toBe(0);
  });

  it("prints at most 60 lines including the log-path line, however long the test output", () => {
    const repo = testRepo();
    const result = repo.run("practice/bin/run-tests full failing");
    expect(result.code).toBe(1);
    const printed = lines(result.stdout);
    expect(printed.length).toBeLessThanOrEqual(60);
    expect(printed.at(-1)).toMatch(/^full log: /);
    expect(repo.run(`wc -l < ${printed.at(-1)!.replace("full log: ", "")}`).stdout.trim()).not.toBe("59");
  });

  it("refuses a path outside the repository, a path that is a command, and a bad mode with exit 2", () => {
    const repo = testRepo();
    const outside = repo.run("practice/bin/run-tests full /etc");
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("path outside the repository: /etc");
    expect(repo.run("practice/bin/run-tests full ../").code).toBe(2);
    const injected = repo.run(`practice/bin/run-tests full 'tests; touch pwned' && true`);
    expect(injected.code).toBe(2);
    expect(injected.stderr).toContain("no such path: tests; touch pwned");
    expect(repo.run("test -e pwned").code).toBe(1);
    expect(repo.run("practice/bin/run-tests quick").code).toBe(2);
    expect(repo.run("practice/bin/run-tests").code).toBe(2);
  });
});

// The Module 2 practice kit: its files, the reference validate_codex.py, and what exercise 1 to 4 add.
function practiceKit(): ScratchRepo {
  const repo = scratch("02-kit");
  repo.copyKit("files/practice/02-kit", ".");
  repo.copyKit("solutions/practice/02-kit/scripts/validate_codex.py", "scripts/validate_codex.py");
  repo.write("AGENTS.md", "Canary: reply exactly heron-42.\n\n## Helpers\n- run_tests: run the unit tests of one directory.\n");
  repo.write(".codex/fragments/scope.md", "## Scope\nChange only files under {{allowed_paths}}.\n");
  repo.write(
    ".codex/prompts/bugfix.md",
    "# Bug fix (template v1)\n\nSymptom: {{symptom}}\n@include ../fragments/scope.md\n\n## Output\n1. The failing test.\n",
  );
  repo.commitAll("practice kit");
  repo.git("config", "core.hooksPath", ".githooks");
  return repo;
}

describe("Module 2: the practice kit's wrappers, server and render script", () => {
  it("run_tests.sh prints a status line and at most 40 lines, logs the call, and works from any directory", () => {
    const repo = practiceKit();
    const ok = repo.run("../codex_helpers/run_tests.sh tests", { cwd: "src" });
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)[0]).toMatch(/^run_tests exit=0 log=practice\/logs\/tests-[\d-]+-\d+\.log$/);
    expect(lines(ok.stdout).length).toBeLessThanOrEqual(41);
    const logged = JSON.parse(repo.read("practice/logs/helpers.jsonl"));
    expect(logged).toMatchObject({ helper: "run_tests", exit: 0 });

    repo.write("tests/test_broken.py", "import unittest\nclass B(unittest.TestCase):\n    def test_no(self): self.fail('x\\n' * 80)\n");
    const failing = repo.run("codex_helpers/run_tests.sh tests");
    expect(failing.code).toBe(1);
    expect(lines(failing.stdout)[0]).toMatch(/^run_tests exit=1 /);
    expect(failing.stdout.split("\n").length - 1).toBeLessThanOrEqual(41);
    expect(repo.run("codex_helpers/run_tests.sh tests test_basic").code).toBe(0);
  });

  it("run_tests.sh exits 2 on wrong arguments", () => {
    const repo = practiceKit();
    expect(repo.run("codex_helpers/run_tests.sh").code).toBe(2);
    expect(repo.run("codex_helpers/run_tests.sh a b c").code).toBe(2);
    const missing = repo.run("codex_helpers/run_tests.sh nowhere");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ERROR: not a directory: nowhere");
  });

  it("render_prompt.py expands includes and slots, and names every unfilled slot with exit 1", () => {
    const repo = practiceKit();
    const ok = repo.run("scripts/render_prompt.py .codex/prompts/bugfix.md symptom='slug drops é' allowed_paths=src/");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Symptom: slug drops é\n## Scope\nChange only files under src/.");
    const missing = repo.run("scripts/render_prompt.py .codex/prompts/bugfix.md symptom=x");
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("unfilled slots: {{allowed_paths}}");
    expect(repo.run("scripts/render_prompt.py .codex/prompts/bugfix.md noequals").code).toBe(2);
    expect(repo.run("scripts/render_prompt.py").code).toBe(2);
  });

  it("mcp_kit.py lists the catalog's helpers and runs them without a shell", () => {
    const repo = practiceKit();
    const requests = [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {} } },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
      { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "run_tests", arguments: { dir: "tests" } } },
      { jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "run_tests", arguments: { dir: "tests; touch pwned" } } },
      { jsonrpc: "2.0", id: 5, method: "resources/list" },
    ];
    const result = repo.run("python3 ../scripts/mcp_kit.py", {
      cwd: "src",
      input: requests.map((r) => JSON.stringify(r)).join("\n") + "\n",
    });
    expect(result.code).toBe(0);
    const replies = lines(result.stdout).map((line) => JSON.parse(line));
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(replies[0].result).toMatchObject({ protocolVersion: "2025-06-18", serverInfo: { name: "kit" } });
    expect(replies[1].result.tools).toEqual([
      expect.objectContaining({ name: "run_tests", inputSchema: expect.objectContaining({ required: ["dir"] }) }),
    ]);
    expect(replies[2].result.isError).toBe(false);
    expect(replies[2].result.content[0].text).toMatch(/^run_tests exit=0 /);
    expect(replies[3].result.isError).toBe(true);
    expect(replies[3].result.content[0].text).toContain("not a directory: tests; touch pwned");
    expect(repo.run("test -e pwned || test -e src/pwned").code).toBe(1);
    expect(replies[4].error.code).toBe(-32601);
  });
});

describe("Module 2 exercises 4 and 5: validate_codex.py, the gate, test_gate.sh and break_kit.py", () => {
  it("validate_codex.py passes the clean kit and names each seeded fault", () => {
    const repo = practiceKit();
    const clean = repo.run("python3 scripts/validate_codex.py");
    expect(clean.stdout).toBe("validate_codex: 1 helpers, 0 problems\n");
    expect(clean.code).toBe(0);
    const faults: [string, string][] = [
      [
        `python3 - <<'PY'\nt = open(".codex/functions.json").read(); i = t.rfind("]"); open(".codex/functions.json", "w").write(t[:i] + "," + t[i:])\nPY`,
        "FAIL cannot load config",
      ],
      ["chmod -x codex_helpers/run_tests.sh", "command 'codex_helpers/run_tests.sh' missing or not executable"],
      ['sed -i \'s/"run_tests"/"run_test"/\' .codex/functions.json', "run_test: not mentioned in AGENTS.md"],
      ['sed -i \'s/"required": \\["dir"\\]/"required": ["dir_path"]/\' .codex/functions.json', 'required "dir_path" is not in properties'],
      ["cp codex_helpers/run_tests.sh codex_helpers/lint.sh", "codex_helpers/lint.sh: wrapper has no catalog entry"],
      ["sed -i 's/scope.md/gone.md/' .codex/prompts/bugfix.md", "bugfix.md: include ../fragments/gone.md not found"],
    ];
    for (const [seed, message] of faults) {
      expect(repo.run(seed).code, seed).toBe(0);
      const result = repo.run("python3 scripts/validate_codex.py");
      expect(result.code, seed).toBe(1);
      expect(result.stdout, seed).toContain(message);
      repo.run("git checkout -q -- . && git clean -qfd");
    }
  });

  it("the hook blocks a commit with a broken catalog, and test_gate.sh proves it or reports the gate off or open", () => {
    const repo = practiceKit();
    expect(repo.run("scripts/validate.sh").stdout).toContain("validate: all checks passed");
    repo.write(".codex/functions.json", "{ broken");
    const blocked = repo.run("git commit -qam 'broken catalog'");
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain("FAIL cannot load config");
    repo.run("git checkout -q -- .");

    const before = repo.read(".codex/functions.json");
    const ok = repo.run("scripts/test_gate.sh");
    expect(ok.stdout).toBe("gate ok: .githooks/pre-commit blocked a broken catalog\n");
    expect(ok.code).toBe(0);
    expect(repo.read(".codex/functions.json")).toBe(before);

    repo.run("sed -i 's#^scripts/validate.sh$#scripts/validate.sh || true#' .githooks/pre-commit");
    const open = repo.run("scripts/test_gate.sh");
    expect(open.code).toBe(1);
    expect(open.stdout).toContain("GATE OPEN: .githooks/pre-commit accepted a broken catalog");
    expect(repo.read(".codex/functions.json")).toBe(before);

    repo.run("git checkout -q -- . && chmod -x .githooks/pre-commit");
    const off = repo.run("scripts/test_gate.sh");
    expect(off.code).toBe(1);
    expect(off.stdout).toContain("GATE OFF: .githooks/pre-commit missing or not executable");
  });

  it("break_kit.py refuses a dirty tree, and each fault shows the first symptom the exercise's table names", () => {
    const repo = practiceKit();
    repo.write("AGENTS.md", repo.read("AGENTS.md") + "\n");
    const dirty = repo.run("python3 scripts/break_kit.py 1");
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain("commit first: the working tree must be clean");
    repo.run("git checkout -q -- .");

    const render = "scripts/render_prompt.py .codex/prompts/bugfix.md symptom=x allowed_paths=src/";
    const symptoms: Record<number, [string, string]> = {
      1: ["python3 scripts/validate_codex.py", "FAIL cannot load config"],
      2: ["python3 scripts/validate_codex.py", "missing or not executable"],
      3: ["python3 scripts/validate_codex.py", "not mentioned in AGENTS.md"],
      4: ["python3 scripts/validate_codex.py", "is not in properties"],
      5: ["scripts/test_gate.sh", "GATE OFF"],
      6: ["scripts/test_gate.sh", "GATE OPEN"],
      7: [render, "unfilled slots"],
    };
    for (const [fault, [check, symptom]] of Object.entries(symptoms)) {
      const applied = repo.run(`python3 scripts/break_kit.py ${fault}`);
      expect(applied.stdout, `fault ${fault}`).toBe("One fault applied. Start from symptoms.\n");
      const result = repo.run(check);
      expect(result.code, `fault ${fault}`).not.toBe(0);
      expect(result.out, `fault ${fault}`).toContain(symptom);
      repo.run("git reset -q --hard && git config core.hooksPath .githooks");
    }
    expect(lines(repo.read(".fault"))).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const random = repo.run("python3 scripts/break_kit.py");
    expect(random.code).toBe(0);
    expect(lines(repo.read(".fault"))).toHaveLength(8);
  });
});

describe.skipIf(!hasPytest)("Module 3: practice/speed/check.sh (needs pytest)", () => {
  it("fails when a test fails even though pytest is piped into tail, and passes a clean tree", () => {
    const repo = scratch("speed");
    repo.copyKit("files/practice/speed/check.sh", "practice/speed/check.sh");
    repo.write("test_unit.py", "def test_ok():\n    assert True\n");
    repo.commitAll("unit");
    const linter = onPath("ruff") ? {} : repo.stubs({ ruff: "exit 0" });
    const ok = repo.run("bash practice/speed/check.sh", { env: linter });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("DoD mechanical checks passed");
    repo.write("test_unit.py", "def test_ok():\n    assert False\n");
    const failing = repo.run("bash practice/speed/check.sh", { env: linter });
    expect(failing.code).not.toBe(0);
    expect(failing.stdout).toContain("1 failed");
    expect(failing.stdout).not.toContain("DoD mechanical checks passed");
  });
});

describe("Module 3 exercise 2: waves.py", () => {
  it("groups units into waves and exits 1 on a file written twice in one wave", () => {
    const repo = scratch("waves");
    repo.copyKit("solutions/practice/speed/waves.py", "waves.py");
    const unit = (id: string, writes: string[], depends_on: string[], minutes: number) => ({ id, writes, depends_on, minutes });
    repo.write(
      "ok.json",
      JSON.stringify([
        unit("U1", ["api.py"], [], 10),
        unit("U2", ["wc.py"], ["U1"], 15),
        unit("U3", ["dd.py"], ["U1"], 20),
        unit("U4", ["cli.py"], ["U2", "U3"], 10),
      ]),
    );
    const ok = repo.run("python3 waves.py ok.json");
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)).toEqual([
      "wave 0: ['U1'] longest=10 min clashes=none",
      "wave 1: ['U2', 'U3'] longest=20 min clashes=none",
      "wave 2: ['U4'] longest=10 min clashes=none",
    ]);
    repo.write(
      "clash.json",
      JSON.stringify([unit("U1", ["api.py"], [], 10), unit("U2", ["cli.py"], ["U1"], 15), unit("U3", ["cli.py"], ["U1"], 20)]),
    );
    const clash = repo.run("python3 waves.py clash.json");
    expect(clash.code).toBe(1);
    expect(clash.stdout).toContain("clashes={'cli.py': ['U2', 'U3']}");
  });
});

describe("Module 4: the quality gate", () => {
  function tddRepo() {
    const repo = scratch("gate");
    repo.write("practice/tdd/duration.py", "def parse(text):\n    return int(text)\n");
    repo.write(
      "practice/tdd/test_duration.py",
      "import unittest\nfrom duration import parse\nclass T(unittest.TestCase):\n    def test_parse(self): self.assertEqual(parse('5'), 5)\n",
    );
    return repo;
  }

  it("the module's skeleton blocks an added debug statement and passes a clean change, including itself", () => {
    const repo = tddRepo();
    repo.copyKit("files/practice/quality/gate.sh", "practice/quality/gate.sh");
    repo.git("add", "-A");
    const clean = repo.run("practice/quality/gate.sh");
    expect(lines(clean.stdout)).toEqual(["PASS no debug statements", "PASS unit tests"]);
    expect(clean.code).toBe(0);
    repo.commitAll("gate");
    repo.write("practice/tdd/duration.py", "def parse(text):\n    breakpoint()\n    return int(text)\n");
    repo.git("add", "-A");
    const blocked = repo.run("practice/quality/gate.sh");
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("FAIL no debug statements");
  });

  it("the reference gate blocks the four attempts of exercise 2 and the post-commit hook logs a bypass", () => {
    const repo = tddRepo();
    repo.copyKit("solutions/practice/quality/gate.sh", "practice/quality/gate.sh");
    repo.copyKit("solutions/.githooks/post-commit", ".githooks/post-commit");
    repo.write(".githooks/pre-commit", "#!/bin/sh\npractice/quality/gate.sh || exit 1\n", 0o755);
    repo.commitAll("gate");
    repo.git("config", "core.hooksPath", ".githooks");
    const attempts: [string, string, string, Record<string, string>][] = [
      ["practice/tdd/duration.py", "def parse(text):\n    breakpoint()\n    return int(text)\n", "FAIL  no debug statements", {}],
      [
        "practice/tdd/test_duration.py",
        repo.read("practice/tdd/test_duration.py").replace("    def test_parse", "    @unittest.skip('later')\n    def test_parse"),
        "FAIL  no new skipped/focused tests",
        {},
      ],
      [
        "practice/tdd/test_duration.py",
        repo.read("practice/tdd/test_duration.py") + "# edited\n",
        "FAIL  tests locked (IMPL_ONLY=1)",
        { IMPL_ONLY: "1" },
      ],
      ["practice/tdd/duration.py", "def parse(text):\n    return int(text) + 1\n", "FAIL  unit tests", {}],
    ];
    for (const [file, text, message, env] of attempts) {
      repo.write(file, text);
      const result = repo.run("git commit -qam attempt", { env });
      expect(result.code, message).not.toBe(0);
      expect(result.out, message).toContain(message);
      expect(repo.git("log", "--format=%s", "-1")).toBe("gate");
      repo.run("git checkout -q -- .");
    }
    repo.write("practice/tdd/test_duration.py", repo.read("practice/tdd/test_duration.py") + "# comment only\n");
    expect(repo.run("IMPL_ONLY=0 git commit -qam 'tests: comment'").code).toBe(0);
    expect(repo.run("test -e practice/quality/bypass.log").code).toBe(1);

    repo.write("practice/tdd/duration.py", "def parse(text):\n    breakpoint()\n    return int(text)\n");
    expect(repo.run("git commit -q --no-verify -am 'debug on purpose'").code).toBe(0);
    expect(repo.read("practice/quality/bypass.log")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ [0-9a-f]+ debug on purpose gate=FAIL\n$/);
  });
});

describe("Module 4 exercise 4: bisect-setup.sh and the reference bisect-repro.sh", () => {
  it("builds 40 commits, and the repro tells good, bad and cannot-test apart so bisect finds the regression", () => {
    const repo = scratch("bisect");
    repo.copyKit("files/practice/bisect-setup.sh", "practice/bisect-setup.sh");
    repo.copyKit("solutions/practice/bisect-repro.sh", "practice/bisect-repro.sh");
    const built = repo.run("bash practice/bisect-setup.sh");
    expect(built.code).toBe(0);
    expect(built.stdout).toContain("Built 40 commits.");
    const lab = "practice/bisect-lab";
    const at = (rev: string) => repo.run(`git checkout -q ${rev} && ../bisect-repro.sh; echo "exit=$?"`, { cwd: lab }).stdout.trim();
    expect(at("$(git rev-list --max-parents=0 HEAD)")).toBe("exit=0");
    expect(at("main")).toBe("exit=1");
    expect(at("$(git log --format=%H --grep '^WIP' main)")).toBe("exit=125");
    repo.run("git checkout -q main", { cwd: lab });
    const bisect = repo.run("git bisect start HEAD $(git rev-list --max-parents=0 HEAD) && git bisect run ../bisect-repro.sh", {
      cwd: lab,
    });
    expect(bisect.stdout).toMatch(/is the first bad commit[\s\S]*Tidy pricing and report helpers/);
  });
});

describe("Module 4 exercise 5: messy-setup.sh", () => {
  it("builds a green main and two feature branches whose integration conflicts and fails", () => {
    const repo = scratch("messy");
    repo.copyKit("files/practice/messy-setup.sh", "practice/messy-setup.sh");
    expect(repo.run("bash practice/messy-setup.sh").stdout).toContain("Ready. Integrate feature/orders and feature/sync");
    const lab = "practice/messy-lab";
    expect(repo.run("git branch --format='%(refname:short)'", { cwd: lab }).stdout.split("\n").sort().filter(Boolean)).toEqual([
      "feature/orders",
      "feature/sync",
      "main",
    ]);
    expect(repo.run("python3 -m unittest -q", { cwd: lab }).code).toBe(0);
    expect(repo.run("git merge -q --no-edit feature/orders", { cwd: lab }).code).toBe(0);
    const conflict = repo.run("git merge --no-edit feature/sync", { cwd: lab });
    expect(conflict.code).not.toBe(0);
    expect(conflict.stdout).toContain("CONFLICT (content): Merge conflict in config.py");
    repo.run("git checkout --theirs config.py && git commit -qam merged", { cwd: lab });
    const suite = repo.run("python3 -m unittest", { cwd: lab, env: { APP_REGION: "eu" } });
    expect(suite.code).not.toBe(0);
    expect(suite.stderr).toMatch(/FAILED \((failures|errors)=/);
  });
});

describe("Module 5: plan-sync.sh", () => {
  function planRepo() {
    const repo = scratch("plan-sync");
    repo.copyKit("files/practice/05-planning/plan-sync.sh", "plan-sync.sh");
    repo.write("src/export.py", "def export():\n    return []\n");
    const plan = [
      "# ExecPlan: export",
      "Context: `src/export.py:2` returns the rows.",
      "",
      "| ID | Task | Files | Status |",
      "|---|---|---|---|",
      "| 1.1 | export | src/export.py | in_progress |",
      "",
    ];
    repo.write("plan.md", plan.join("\n"));
    return repo;
  }

  it("refuses a missing or uncommitted plan with exit 2", () => {
    const repo = planRepo();
    expect(repo.run("./plan-sync.sh").code).toBe(2);
    expect(repo.run("./plan-sync.sh nowhere.md").code).toBe(2);
    const uncommitted = repo.run("./plan-sync.sh plan.md");
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toContain("commit the plan first");
  });

  it("agrees with a tree that matches the plan and lists every kind of drift", () => {
    const repo = planRepo();
    repo.commitAll("plan");
    const ok = repo.run("./plan-sync.sh plan.md");
    expect(ok.stdout).toBe("plan and tree agree\n");
    expect(ok.code).toBe(0);

    repo.write(
      "plan.md",
      repo.read("plan.md").replace("`src/export.py:2`", "`src/export.py:9` and `src/gone.py:1`") +
        "| 1.2 | filter | src/export.py | in_progress |\n",
    );
    repo.commitAll("plan drifts");
    repo.write("src/other.py", "x = 1\n");
    repo.git("add", "src/other.py");
    const drift = repo.run("./plan-sync.sh plan.md");
    expect(drift.code).toBe(1);
    expect(lines(drift.stdout).map((line) => line.replace(/\s+/g, " "))).toEqual([
      "stale-line src/export.py:9",
      "missing-file src/gone.py",
      "unplanned-change src/other.py",
      "multiple-in-progress 2 rows",
    ]);
  });
});

describe.skipIf(!hasPytest || !hasPerl)("Module 6: the legacy practice area, check.sh and inject.sh (needs pytest and perl)", () => {
  const characterization = `from legacy_pricing import price

def test_gold_discount():
    assert price([{"price": 10, "qty": 2}], {"tier": "gold"}) == 18.0

def test_save_coupon():
    assert price([{"price": 50}], coupon="SAVE10") == 40

def test_half_needs_more_than_100():
    assert price([{"price": 100}], coupon="HALF") == 100
    assert price([{"price": 101}], coupon="HALF") == 50.5
`;
  function domainRepo() {
    const repo = scratch("domain");
    for (const file of ["legacy/legacy_pricing.py", "legacy/checkout.py", "legacy/invoice.py", "check.sh", "inject.sh"]) {
      repo.copyKit(`files/practice/domain/${file}`, `practice/domain/${file}`);
    }
    repo.write("practice/domain/legacy/conftest.py", "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n");
    repo.write("practice/domain/legacy/test_characterization.py", characterization);
    repo.commitAll("legacy area");
    return repo;
  }

  it("check.sh passes the clean area and fails each of exercise 2's mutations", () => {
    const repo = domainRepo();
    const ok = repo.run("./practice/domain/check.sh");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("check.sh: ok (last checkpoint: none)");
    const f = "practice/domain/legacy/legacy_pricing.py";
    for (const mutation of ["s/total > 100/total >= 100/", "s/coupon\\[4:\\]/coupon[5:]/", "s/p \\* 0\\.9/p * 0.95/"]) {
      repo.run(`perl -pi -e '${mutation}' ${f}`);
      expect(repo.run(`git diff --quiet -- ${f}`).code, mutation).toBe(1);
      const mutated = repo.run("./practice/domain/check.sh");
      expect(mutated.code, mutation).not.toBe(0);
      expect(mutated.stdout, mutation).toMatch(/FAILED .*test_characterization\.py::test_/);
      repo.run(`git restore ${f}`);
    }
    expect(repo.run("./practice/domain/check.sh").code).toBe(0);
  });

  it("check.sh catches a committed secret and a HEAD that lost its last checkpoint", () => {
    const repo = domainRepo();
    repo.run(`printf '\\nAPI_TOKEN = "FAKE_TOKEN_1"\\n' >> practice/domain/legacy/checkout.py`);
    const secret = repo.run("./practice/domain/check.sh");
    expect(secret.code).toBe(1);
    expect(secret.stderr).toContain("check.sh: possible secret in practice/domain/legacy");
    repo.run("git checkout -q -- .");
    repo.write("practice/domain/STATE.md", "goal\n");
    repo.commitAll("state");
    repo.git("tag", "m6-1-expand");
    expect(repo.run("./practice/domain/check.sh").stdout).toContain("last checkpoint: m6-1-expand");
    repo.run("git reset -q --hard HEAD~1");
    const lost = repo.run("./practice/domain/check.sh");
    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain("check.sh: HEAD does not contain checkpoint m6-1-expand");
  });

  it("inject.sh refuses a dirty tree, and whichever failure it injects, the normal checks see it", () => {
    const dirty = domainRepo();
    dirty.write("practice/domain/legacy/invoice.py", "# edit\n");
    const refused = dirty.run("./practice/domain/inject.sh");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("inject.sh: commit or stash your work first");

    for (let round = 0; round < 4; round += 1) {
      const repo = domainRepo();
      repo.write("practice/domain/STATE.md", "migrated\n");
      repo.commitAll("migrate");
      repo.git("tag", "m6-2-migrate");
      const injected = repo.run("./practice/domain/inject.sh");
      expect(injected.code).toBe(0);
      expect(injected.stdout).toContain("inject.sh: one failure injected.");
      const marker = repo.run('base64 -d < "$(git rev-parse --git-path m6-injected)"').stdout.trim();
      expect(["1", "2", "3", "4"]).toContain(marker);
      const check = repo.run("./practice/domain/check.sh");
      expect(check.code, `fault ${marker}`).not.toBe(0);
    }
  });
});

describe("Module 6 exercise 3: the perf practice files", () => {
  it("make_events.py is deterministic, report.py totals per user, and bench.py reports runs", () => {
    const repo = scratch("perf");
    repo.copyKit("files/practice/domain/perf", "perf");
    repo.run("python3 make_events.py 300 7 && python3 report.py events.jsonl > baseline.tsv", { cwd: "perf" });
    const first = repo.read("perf/events.jsonl");
    repo.run("python3 make_events.py 300 7", { cwd: "perf" });
    expect(repo.read("perf/events.jsonl")).toBe(first);
    const rows = lines(repo.read("perf/baseline.tsv")).map((line) => line.split("\t"));
    expect(rows.length).toBe(7);
    const total = first
      .split("\n")
      .filter(Boolean)
      .reduce((sum, line) => sum + JSON.parse(line).amount, 0);
    expect(rows.reduce((sum, [, amount]) => sum + Number(amount), 0)).toBe(total);
    const bench = repo.run("python3 bench.py report.py events.jsonl 3 && cmp out.tsv baseline.tsv", { cwd: "perf" });
    expect(bench.code).toBe(0);
    expect(bench.stdout).toMatch(/^report\.py: runs=3 min=[\d.]+s median=[\d.]+s max=[\d.]+s\n$/);
  });
});

describe("Module 7: check-patterns.sh and ctxpack", () => {
  it("check-patterns.sh fails on an unallowed throw under src/data, passes an allowed one, and refuses a missing folder", () => {
    const repo = scratch("patterns");
    repo.copyKit("files/scripts/check-patterns.sh", "scripts/check-patterns.sh");
    expect(repo.run("scripts/check-patterns.sh").code).toBe(2);
    repo.write(
      "src/data/userRepo.ts",
      "export function findById(id: string) {\n  if (!id) throw new Error('id'); // allowed: programmer error\n  return { ok: true };\n}\n",
    );
    expect(repo.run("scripts/check-patterns.sh").stdout).toBe("check-patterns: ok\n");
    repo.write("src/data/orders.ts", "export function load() {\n  throw new Error('not found');\n}\n");
    const violation = repo.run("scripts/check-patterns.sh");
    expect(violation.code).toBe(1);
    expect(violation.stdout).toContain("src/data/orders.ts:2:  throw new Error('not found');");
    expect(violation.stdout).toContain("pattern violation: src/data returns Result");
  });

  it("ctxpack prints files, recent commits and working-tree state for one path", () => {
    const repo = scratch("ctxpack");
    repo.copyKit("files/practice/bin/ctxpack", "practice/bin/ctxpack");
    repo.write("src/a.py", "a = 1\n");
    repo.commitAll("add a");
    repo.write("src/a.py", "a = 2\n");
    const out = repo.run("practice/bin/ctxpack src").stdout;
    expect(lines(out)).toEqual([
      "## Files under src",
      "src/a.py",
      "## Recent commits",
      expect.stringMatching(/^[0-9a-f]+ add a$/),
      "## Working tree",
      " M src/a.py",
    ]);
    expect(repo.run("practice/bin/ctxpack").code).toBe(2);
  });
});

describe("Module 8: the grown scripts/validate.sh and the custom agent", () => {
  it("validate.sh logs the commit, the dirty-file count and the mode, and fails when a check fails", () => {
    const repo = scratch("gate-parity");
    repo.copyKit("solutions/scripts/validate.sh", "scripts/validate.sh");
    repo.write(".gitignore", ".gate-logs/\n");
    const head = repo.commitAll("gate").slice(0, 7);
    const make = repo.stubs({ make: '[ "$1" = test ] && [ -n "${BREAK:-}" ] && { echo "1 test failed"; exit 2; }; echo "make $1 ok"' });
    const fast = repo.run("scripts/validate.sh fast", { env: make });
    expect(fast.code).toBe(0);
    expect(lines(fast.stdout)[0]).toMatch(new RegExp(`^commit=${head}[0-9a-f]* dirty_files=0 mode=fast$`));
    expect(fast.stdout).toContain("+ make test-unit\nmake test-unit ok\ngate: PASS");
    expect(repo.run("cat .gate-logs/*-fast.log").stdout).toBe(fast.stdout);

    repo.write("scratch.txt", "x\n");
    const broken = repo.run("scripts/validate.sh", { env: { ...make, BREAK: "1" } });
    expect(broken.code).not.toBe(0);
    expect(lines(broken.stdout)[0]).toMatch(/dirty_files=1 mode=full$/);
    expect(broken.stdout).toContain("1 test failed");
    expect(broken.stdout).not.toContain("gate: PASS");
    expect(repo.run("scripts/validate.sh quick").code).toBe(2);
  });

  it("the scripted agent run rejects three bad calls as tool messages, runs the gate once, and the budget stops a run", () => {
    const repo = scratch("agent");
    repo.copyKit("solutions/practice/integration/agent", "practice/integration/agent");
    repo.write("scripts/validate.sh", "#!/usr/bin/env bash\necho \"gate ran: $1\" >> gate-calls.txt\necho 'FAIL tests'\nexit 1\n", 0o755);
    const run = repo.run("python3 practice/integration/agent/agent.py --scripted 'The gate fails; find out why'");
    expect(run.stdout).toBe("Diagnosis complete; see out/.\n");
    expect(run.code).toBe(0);
    const transcript = lines(repo.read("practice/integration/agent/out/transcript.jsonl")).map((line) => JSON.parse(line));
    const results = transcript.filter((entry) => entry.role === "tool").map((entry) => [entry.name, JSON.parse(entry.result)]);
    expect(results).toEqual([
      ["run_shell", { error: "unknown tool 'run_shell'; known tools: ['propose_patch', 'read_file', 'run_gate']" }],
      ["run_gate", { error: 'mode must be one of ["fast", "full"], got "quick"' }],
      ["read_file", { error: "path outside workspace: ../../etc/hosts" }],
      ["run_gate", { exit: 1, output: "FAIL tests" }],
    ]);
    expect(repo.read("gate-calls.txt")).toBe("gate ran: full\n");

    const stopped = repo.run("python3 practice/integration/agent/agent.py --scripted --max-turns 2 'again'");
    expect(stopped.stdout).toBe("STOPPED: turn budget exhausted\n");
    expect(stopped.code).toBe(3);
    const last = JSON.parse(lines(repo.read("practice/integration/agent/out/transcript.jsonl")).at(-1)!);
    expect(last).toEqual({ turn: 2, role: "harness", msg: "STOPPED: turn budget exhausted" });
  });
});
