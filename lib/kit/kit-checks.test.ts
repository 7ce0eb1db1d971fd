// The machine checks that the Codex program's exercises declare, run as `mastery check` runs them: bash -c with
// the practice repository as working directory and the starter kit as $MASTERY_KIT. Each is run against a
// scratch repository prepared to pass and one prepared to fail.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/loader";
import { KIT, onPath, type ScratchRepo, scratchRepos } from "@/test/kit-repo";

const program = loadContent(path.resolve("content")).programs.find((p) => p.slug === "codex-mastery")!;
const exercises = program.modules.flatMap((m) => m.exercises);
const hasPytest = onPath("pytest") && spawnSync("python3", ["-c", "import pytest"]).status === 0;

const scratch = scratchRepos();

/** Runs the check `id` of exercise `module.number` in `repo`, as the check runner does. */
function check(repo: ScratchRepo, exercise: string, id: string, env: Record<string, string> = {}) {
  const [module, number] = exercise.split(".").map(Number);
  const found = exercises.find((e) => e.meta.module === module && e.meta.number === number)?.meta.checks.find((c) => c.id === id);
  if (!found) throw new Error(`exercise ${exercise} has no check ${id}`);
  return repo.run(found.run, { env: { MASTERY_KIT: KIT, ...env } });
}

describe("the declared checks", () => {
  it("name only kit files that exist, parse as bash, and leave exercise 4.1 to its own checks", () => {
    const all = exercises.flatMap((e) => e.meta.checks.map((c) => ({ exercise: `${e.meta.module}.${e.meta.number}`, ...c })));
    expect(all.length).toBeGreaterThanOrEqual(45);
    for (const c of all) {
      for (const [, file] of c.run.matchAll(/\$MASTERY_KIT\/([\w./-]+)/g)) {
        expect(() => readFileSync(path.join(KIT, file!)), `${c.exercise} ${c.id}: ${file}`).not.toThrow();
      }
      expect(spawnSync("bash", ["-n", "-c", c.run]).status, `${c.exercise} ${c.id}`).toBe(0);
    }
  });

  it("match the text: every excerpt in the program is a subsequence of the kit file it names", () => {
    const files = [...program.modules.map((m) => m.file), ...exercises.map((e) => e.file)];
    let excerpts = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(
        /```\w*\n((?:(?!```)[\s\S])*?)\n[ \t]*```\n\n[ \t]*(?:Excerpt: the full \w+ is|This \w+ is|Excerpt: the full reference version is|This reference version is) `([^`]+)` in the starter kit/g,
      )) {
        const kitPath = match[2]!.startsWith("solutions/") ? match[2]! : `files/${match[2]}`;
        const kitLines = readFileSync(path.join(KIT, kitPath), "utf8").split("\n");
        const indent = /^[ \t]*/.exec(match[1]!)![0];
        let at = 0;
        for (const line of match[1]!.split("\n").map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))) {
          if (line.trim() === "# ..." || line.trim() === "") continue;
          while (at < kitLines.length && kitLines[at] !== line) at += 1;
          expect(at, `${path.basename(file)}: "${line}" is not in ${kitPath} in this order`).toBeLessThan(kitLines.length);
          at += 1;
        }
        excerpts += 1;
      }
    }
    expect(excerpts).toBeGreaterThanOrEqual(30);
  });
});

describe("Module 1 checks", () => {
  it.skipIf(!hasPytest)("1.2 run-tests-refuses passes the kit's run-tests and fails one that uses eval", () => {
    const repo = scratch("c-run-tests");
    repo.copyKit("files/practice/bin/run-tests", "practice/bin/run-tests");
    repo.write("tests/test_ok.py", "def test_ok():\n    assert True\n");
    repo.commitAll("tool");
    expect(check(repo, "1.2", "run-tests-refuses").code).toBe(0);
    repo.write("practice/bin/run-tests", '#!/usr/bin/env bash\neval pytest -q "$2"\n', 0o755);
    const failing = check(repo, "1.2", "run-tests-refuses");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("uses eval");
  });

  it("1.4 checks pass a repository with the guard rails and fail one without", () => {
    const repo = scratch("c-guard");
    repo.copyKit("files/scripts/validate.sh", "scripts/validate.sh");
    repo.copyKit("files/practice/bin/logrun", "practice/bin/logrun");
    repo.write(".githooks/pre-commit", "#!/bin/sh\nexec practice/bin/logrun scripts/validate.sh\n", 0o755);
    repo.write("AGENTS.md", "Done means `practice/bin/logrun scripts/validate.sh` exits 0. Never use `git commit --no-verify`.\n");
    for (const id of ["scripts-executable", "hook-installed", "failing-and-passing-run"]) {
      expect(check(repo, "1.4", id).code, `${id} before setup`).not.toBe(0);
    }
    repo.commitAll("guard rails");
    repo.git("config", "core.hooksPath", ".githooks");
    repo.run("practice/bin/logrun scripts/validate.sh", { env: repo.stubs({ npx: "exit 1", npm: "exit 0" }) });
    expect(check(repo, "1.4", "failing-and-passing-run").code).toBe(1);
    expect(check(repo, "1.5", "last-validation-passed").code).toBe(1);
    repo.run("practice/bin/logrun scripts/validate.sh", { env: repo.stubs({ npx: "exit 0", npm: "exit 0" }) });
    for (const id of ["scripts-executable", "hook-installed", "agents-rules", "failing-and-passing-run"]) {
      expect(check(repo, "1.4", id).code, id).toBe(0);
    }
    expect(check(repo, "1.5", "last-validation-passed").code).toBe(0);
    repo.run("chmod -x scripts/validate.sh && git commit --no-verify -qam 'lose the bit'");
    expect(check(repo, "1.4", "scripts-executable").stdout).toContain("FAIL scripts/validate.sh is committed with mode 100644");
    repo.write("AGENTS.md", "Done means scripts/validate.sh exits 0.\n");
    expect(check(repo, "1.4", "agents-rules").code).not.toBe(0);
  });
});

// A Module 2 practice kit as the exercises leave it, inside the learner's repository.
function kitRepo(): ScratchRepo {
  const repo = scratch("c-02-kit");
  const kit = "practice/02-kit";
  repo.copyKit("files/practice/02-kit", kit);
  repo.copyKit("solutions/practice/02-kit/scripts/validate_codex.py", `${kit}/scripts/validate_codex.py`);
  repo.write(`${kit}/AGENTS.md`, "Canary: reply exactly heron-42.\n\n- run_tests: run the unit tests of one directory.\n");
  repo.write(`${kit}/.codex/fragments/scope.md`, "Change only files under {{allowed_paths}}.\n");
  repo.write(`${kit}/.codex/fragments/verify.md`, "Run run_tests and paste its status line.\n");
  repo.write(
    `${kit}/.codex/prompts/bugfix.md`,
    "# Bug fix (template v1)\n\nSymptom: {{symptom}}\n@include ../fragments/scope.md\n\n## Output\n1. The failing test.\n",
  );
  const inner = new ScratchRepoView(repo, kit);
  inner.run(
    "git init -q -b main && git config user.name t && git config user.email t@example.invalid && git add -A && git commit -qm kit && git config core.hooksPath .githooks",
  );
  return repo;
}
class ScratchRepoView {
  constructor(
    private readonly repo: ScratchRepo,
    private readonly sub: string,
  ) {}
  run(command: string) {
    return this.repo.run(command, { cwd: this.sub });
  }
}

describe("Module 2 checks", () => {
  it("pass a finished practice kit", () => {
    const repo = kitRepo();
    repo.run("codex_helpers/run_tests.sh tests", { cwd: "practice/02-kit" });
    repo.write("practice/02-kit/.fault", "2\n6\n1\n");
    const pass: [string, string][] = [
      ["2.1", "canary-first"],
      ["2.2", "fragments-short"],
      ["2.2", "template-parts"],
      ["2.2", "render-names-slot"],
      ["2.3", "wrapper-exit-codes"],
      ["2.3", "helper-log"],
      ["2.4", "validate-catches-faults"],
      ["2.4", "kit-hook"],
      ["2.4", "gate-ok"],
      ["2.5", "three-rounds"],
      ["2.5", "guard-fault-met"],
    ];
    for (const [exercise, id] of pass) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
    // The kit's catalog says when to use run_tests and when not to.
    expect(check(repo, "2.3", "catalog-contract").code).toBe(0);
  });

  it("fail a kit with the faults each check looks for", () => {
    const repo = kitRepo();
    const kit = "practice/02-kit";
    repo.write(`${kit}/AGENTS.md`, "Project notes.\ncanary: heron-42\n");
    repo.write(`${kit}/.codex/fragments/verify.md`, "word ".repeat(80));
    repo.write(`${kit}/.codex/prompts/bugfix.md`, "# Bug fix\n\nSymptom: given\n");
    repo.write(
      `${kit}/.codex/functions.json`,
      repo
        .read(`${kit}/.codex/functions.json`)
        .replace(" Do not use for linting or type checks.", "")
        .replace('"additionalProperties": false', '"additionalProperties": true'),
    );
    repo.write(`${kit}/.fault`, "1\n2\n");
    repo.run("chmod -x .githooks/pre-commit && git config core.hooksPath .hooks", { cwd: kit });
    const fail: [string, string, string][] = [
      ["2.1", "canary-first", ""],
      ["2.2", "fragments-short", "FAIL verify.md has 80 words or more"],
      ["2.2", "template-parts", ""],
      ["2.2", "render-names-slot", "FAIL render without values exited 0"],
      ["2.3", "catalog-contract", "FAIL helpers[0] run_tests: no do-not-use-when sentence"],
      ["2.3", "helper-log", ""],
      ["2.4", "validate-catches-faults", "not mentioned in AGENTS.md"],
      ["2.4", "kit-hook", "FAIL core.hooksPath is '.hooks'"],
      ["2.4", "gate-ok", ""],
      ["2.5", "three-rounds", ""],
      ["2.5", "guard-fault-met", ""],
    ];
    for (const [exercise, id, message] of fail) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).not.toBe(0);
      expect(result.out, `${exercise} ${id}`).toContain(message);
    }
    expect(check(repo, "2.3", "catalog-contract").stdout).toContain("additionalProperties is not false");
    repo.run("rm -rf tests", { cwd: kit });
    expect(check(repo, "2.3", "wrapper-exit-codes").code).not.toBe(0);
  });

  it("2.4 validate-catches-faults fails a validation script that never fails", () => {
    const repo = kitRepo();
    repo.write("practice/02-kit/scripts/validate_codex.py", "print('all fine')\n");
    const result = check(repo, "2.4", "validate-catches-faults");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL broken catalog was not reported (exit 0)");
  });
});

describe("Module 3 checks", () => {
  it("3.2, 3.3 and 3.4 pass a disjoint decomposition and scoped branches, and fail overlaps and strays", () => {
    const repo = scratch("c-speed");
    repo.write(
      "practice/speed/units.json",
      JSON.stringify([
        { id: "U1", writes: ["a.py"], minutes: 5 },
        { id: "U2", writes: ["b.py"], minutes: 5 },
      ]),
    );
    repo.write("practice/speed/context.md", "line\n".repeat(60));
    repo.write("README.md", "textkit\n");
    const base = repo.commitAll("contract");
    const threads = ["a", "b", "c"].map((id) => ({
      id,
      worktree: `../wt-${id}`,
      branch: `speed/${id}`,
      writes: [`${id}.py`],
      verify: `python3 ${id}.py`,
    }));
    for (const t of threads) {
      repo.git("switch", "-q", "-c", t.branch, base);
      repo.write(`${t.id}.py`, "print(1)\n");
      repo.commitAll(`thread ${t.id}`);
    }
    repo.git("switch", "-q", "main");
    repo.write(
      "practice/speed/bundle.json",
      JSON.stringify({
        base_commit: base,
        shared_preamble: "practice/speed/context.md",
        validate: "bash practice/speed/check.sh",
        output_contract: ["status"],
        threads,
      }),
    );
    for (const [exercise, id] of [
      ["3.2", "no-write-overlap"],
      ["3.3", "context-60-lines"],
      ["3.4", "bundle-fields"],
      ["3.4", "scoped-diffs"],
    ]) {
      const result = check(repo, exercise!, id!);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
    repo.git("switch", "-q", "speed/b");
    repo.write("README.md", "changed by thread b\n");
    repo.commitAll("stray");
    repo.git("switch", "-q", "main");
    repo.write(
      "practice/speed/units.json",
      JSON.stringify([
        { id: "U1", writes: ["a.py"], minutes: 5 },
        { id: "U2", writes: ["a.py"], minutes: 5 },
      ]),
    );
    repo.write("practice/speed/context.md", "line\n".repeat(61));
    repo.write("practice/speed/bundle.json", JSON.stringify({ base_commit: base, validate: "x", output_contract: ["s"], threads }));
    expect(check(repo, "3.2", "no-write-overlap").stdout).toContain("clashes={'a.py': ['U1', 'U2']}");
    expect(check(repo, "3.2", "no-write-overlap").code).toBe(1);
    expect(check(repo, "3.3", "context-60-lines").code).toBe(1);
    expect(check(repo, "3.4", "bundle-fields").stdout).toContain("FAIL no shared_preamble");
    const stray = check(repo, "3.4", "scoped-diffs");
    expect(stray.code).toBe(1);
    expect(stray.stdout).toContain("FAIL thread b: README.md is outside its write scope");
  });
});

describe("Module 4 checks", () => {
  function gateRepo(gate: "files" | "solutions") {
    const repo = scratch("c-gate");
    repo.write("practice/tdd/duration.py", "def parse(text):\n    return int(text)\n");
    repo.write(
      "practice/tdd/test_duration.py",
      "import unittest\nfrom duration import parse\nclass T(unittest.TestCase):\n    def test_parse(self): self.assertEqual(parse('5'), 5)\n",
    );
    repo.copyKit(`${gate}/practice/quality/gate.sh`, "practice/quality/gate.sh");
    repo.write(".githooks/pre-commit", "#!/bin/sh\npractice/quality/gate.sh || exit 1\nexec scripts/validate.sh\n", 0o755);
    repo.commitAll("gate");
    repo.git("config", "core.hooksPath", ".githooks");
    return repo;
  }

  it("4.2 passes the reference gate wired into the hook with a bypass logged, and fails the bare skeleton", () => {
    const repo = gateRepo("solutions");
    repo.write("practice/quality/bypass.log", "2026-01-01T10:00Z abc123 debug on purpose gate=FAIL\n");
    for (const id of ["gate-in-hook", "gate-blocks-four", "bypass-logged"]) {
      const result = check(repo, "4.2", id);
      expect(result.code, `${id}: ${result.out}`).toBe(0);
    }
    const skeleton = gateRepo("files");
    const result = check(skeleton, "4.2", "gate-blocks-four");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL the gate accepted: newly skipped test");
    expect(check(skeleton, "4.2", "bypass-logged").code).not.toBe(0);
    skeleton.write(".githooks/pre-commit", "#!/bin/sh\nexec scripts/validate.sh\n", 0o755);
    expect(check(skeleton, "4.2", "gate-in-hook").stdout).toContain("FAIL .githooks/pre-commit does not run practice/quality/gate.sh");
  });

  it("4.4 passes the reference repro, a matching bisect log and a red-then-green fix, and fails their opposites", () => {
    const repo = scratch("c-bisect");
    repo.copyKit("files/practice/bisect-setup.sh", "practice/bisect-setup.sh");
    repo.copyKit("solutions/practice/bisect-repro.sh", "practice/bisect-repro.sh");
    repo.run("bash practice/bisect-setup.sh");
    const lab = "practice/bisect-lab";
    repo.run(
      "git bisect start HEAD $(git rev-list --max-parents=0 HEAD) >/dev/null && git bisect run ../bisect-repro.sh >/dev/null && git bisect log > ../bisect.log && git bisect reset >/dev/null 2>&1",
      { cwd: lab },
    );
    repo.run(
      `printf '\\nclass HalfCent(unittest.TestCase):\\n    def test_half_up(self):\\n        self.assertEqual(total_cents(10, 25), 13)\\n' >> test_pricing.py && git commit -qam 'Test half-cent rounding'`,
      { cwd: lab },
    );
    expect(check(repo, "4.4", "fix-red-then-green").stdout).toContain("FAIL the test commit");
    repo.run("git checkout -q HEAD~2 -- pricing.py 2>/dev/null || true", { cwd: lab });
    const first = repo.run("git rev-list --max-parents=0 HEAD", { cwd: lab }).stdout.trim();
    repo.run(`git show ${first}:pricing.py > pricing.py && git commit -qam 'Round half up with Decimal again'`, { cwd: lab });
    for (const id of ["repro-exit-codes", "bisect-log-names-regression", "fix-red-then-green"]) {
      const result = check(repo, "4.4", id);
      expect(result.code, `${id}: ${result.out}`).toBe(0);
    }
    repo.write(
      "practice/bisect-repro.sh",
      '#!/usr/bin/env bash\npython3 -c "import sys, pricing; sys.exit(0 if pricing.total_cents(10, 25) == 13 else 1)"\n',
      0o755,
    );
    expect(check(repo, "4.4", "repro-exit-codes").stdout).toContain("FAIL WIP commit: exit 1, expected 125");
    const wip = repo.run("git log --format=%H -1 --grep '^WIP'", { cwd: lab }).stdout.trim();
    repo.write("practice/bisect.log", `# first bad commit: [${wip}] WIP pricing helpers\n`);
    expect(check(repo, "4.4", "bisect-log-names-regression").code).not.toBe(0);
  });

  it("4.5 suite-stable passes a fixed lab and fails a suite that needs the shell's environment", () => {
    const repo = scratch("c-messy");
    repo.write(
      "practice/messy-lab/test_env.py",
      "import os, unittest\nclass T(unittest.TestCase):\n    def test_region(self): self.assertIn('APP_REGION', os.environ)\n",
    );
    expect(check(repo, "4.5", "suite-stable", { APP_REGION: "eu" }).code).not.toBe(0);
    repo.write(
      "practice/messy-lab/test_env.py",
      "import os, unittest\nclass T(unittest.TestCase):\n    def test_region(self): self.assertEqual(os.environ.get('APP_REGION', 'eu'), 'eu')\n",
    );
    expect(check(repo, "4.5", "suite-stable").code).toBe(0);
  });
});

describe("Module 5 checks", () => {
  const sections = [
    "Purpose / Big Picture",
    "Success Criteria / Acceptance Tests",
    "Tech Stack, Constraints, Development Approach",
    "Context & Orientation",
    "High-Level Phase Plan",
    "Detailed Phase Task Steps",
    "Progress Per Session",
    "Surprises & Discoveries",
    "Decision Log",
    "Test Plan and Quality Gates",
    "Idempotence & Recovery",
    "Artifacts & Notes",
    "PR & Review",
    "Outcomes & Retrospective",
  ];
  const audit = [
    "Repo Map",
    "Capability Audit Table",
    "High-Signal Findings",
    "Atomic Diffs",
    "Local Tests & Gates",
    "Reproducibility Checklist",
    "Deferred Items",
    "Error Capture Blocks",
    "Task Sequence",
  ];
  function planRepo() {
    const repo = scratch("c-plan");
    repo.copyKit("files/practice/05-planning/plan-sync.sh", "practice/05-planning/plan-sync.sh");
    repo.write("src/export.py", "def export():\n    return []\n");
    const body = sections
      .map((s) => `## ${s}\n`)
      .join("\n")
      .replace("## Decision Log\n", "## Decision Log\n- 2026-03-04 — D1: CSV dates in UTC.\n");
    repo.write("practice/05-planning/execplan-export.md", `# ExecPlan: export\n\nSee \`src/export.py:2\`.\n\n${body}`);
    repo.write("practice/05-planning/05_status-update.md", audit.map((s) => `## ${s}\n`).join("\n"));
    repo.commitAll("plan");
    repo.write("practice/05-planning/pivot-base.txt", repo.git("rev-parse", "HEAD") + "\n");
    return repo;
  }

  it("pass a plan with its sections, in sync, moving with the code, with its history kept", () => {
    const repo = planRepo();
    const plan = "practice/05-planning/execplan-export.md";
    for (const n of [1, 2, 3]) {
      repo.write("src/export.py", repo.read("src/export.py") + `# step ${n}\n`);
      repo.write(plan, repo.read(plan) + `- 2026-03-0${n + 4} step ${n} done in src/export.py\n`);
      repo.commitAll(`step ${n}`);
    }
    const pass: [string, string][] = [
      ["5.1", "report-sections"],
      ["5.2", "plan-sections"],
      ["5.2", "plan-sync-agrees"],
      ["5.3", "plan-moves-with-code"],
      ["5.4", "plan-sync-after-pivot"],
      ["5.4", "history-preserved"],
    ];
    for (const [exercise, id] of pass) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
  });

  it("fail a plan with a section out of order, drift, no code commits and a rewritten decision", () => {
    const repo = planRepo();
    const plan = "practice/05-planning/execplan-export.md";
    repo.write(
      plan,
      repo
        .read(plan)
        .replace("## Context & Orientation\n", "")
        .replace("## PR & Review", "## Context & Orientation\n\n## PR & Review")
        .replace("- 2026-03-04 — D1: CSV dates in UTC.", "- 2026-03-04 — D1: CSV dates in local time.")
        .replace("src/export.py:2", "src/export.py:20"),
    );
    repo.write(
      "practice/05-planning/05_status-update.md",
      audit
        .reverse()
        .map((s) => `## ${s}\n`)
        .join("\n"),
    );
    repo.commitAll("rewrite");
    const fail: [string, string, string][] = [
      ["5.1", "report-sections", "FAIL no heading"],
      ["5.2", "plan-sections", "FAIL no heading 'High-Level Phase Plan'"],
      ["5.2", "plan-sync-agrees", "stale-line"],
      ["5.3", "plan-moves-with-code", "FAIL 2 commits"],
      ["5.4", "history-preserved", "FAIL dated entries were removed or changed"],
    ];
    for (const [exercise, id, message] of fail) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).not.toBe(0);
      expect(result.out, `${exercise} ${id}`).toContain(message);
    }
  });
});

describe.skipIf(!hasPytest)("Module 6 checks (need pytest)", () => {
  const tests = (fn: string) => `from legacy_pricing import ${fn}

def test_gold_discount():
    assert ${fn}([{"price": 10, "qty": 2}], {"tier": "gold"}) == 18.0

def test_save_coupon():
    assert ${fn}([{"price": 50}], coupon="SAVE10") == 40

def test_half_needs_more_than_100():
    assert ${fn}([{"price": 100}], coupon="HALF") == 100
    assert ${fn}([{"price": 101}], coupon="HALF") == 50.5
`;
  function legacyRepo() {
    const repo = scratch("c-legacy");
    repo.copyKit("files/practice/domain/legacy/legacy_pricing.py", "practice/domain/legacy/legacy_pricing.py");
    repo.copyKit("files/practice/domain/check.sh", "practice/domain/check.sh");
    repo.write("practice/domain/legacy/conftest.py", "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n");
    repo.write("practice/domain/legacy/test_characterization.py", tests("price"));
    repo.commitAll("pin legacy");
    return repo;
  }

  it("6.1, 6.2 and 6.5 pass pinned legacy code refactored through three green checkpoints", () => {
    const repo = legacyRepo();
    repo.write("practice/domain/01-map/facts.txt", `commit ${repo.git("rev-parse", "HEAD")}\n42 files\n`);
    const f = "practice/domain/legacy/legacy_pricing.py";
    repo.write(f, repo.read(f) + "\ndef quote_total(items, customer=None, coupon=None):\n    return price(items, customer, coupon)\n");
    repo.commitAll("expand");
    repo.git("tag", "m6-1-expand");
    repo.write("practice/domain/STATE.md", "goal: quote_total\nlast green: m6-1-expand\n");
    repo.commitAll("migrate (no callers yet)");
    repo.git("tag", "m6-2-migrate");
    repo.write("practice/domain/legacy/test_characterization.py", tests("quote_total"));
    repo.commitAll("contract");
    repo.git("tag", "m6-3-contract");
    const pass: [string, string][] = [
      ["6.1", "facts-with-commit"],
      ["6.2", "legacy-unchanged"],
      ["6.2", "mutations-caught"],
      ["6.2", "check-passes"],
      ["6.5", "checkpoints-green"],
    ];
    for (const [exercise, id] of pass) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
  });

  it("6.1, 6.2 and 6.5 fail an edited legacy file, a weak test suite and a changed expectation", () => {
    const repo = scratch("c-legacy-bad");
    repo.copyKit("files/practice/domain/legacy/legacy_pricing.py", "practice/domain/legacy/legacy_pricing.py");
    repo.write(
      "practice/domain/legacy/legacy_pricing.py",
      repo.read("practice/domain/legacy/legacy_pricing.py").replace("total < 0", "total <= 0"),
    );
    repo.write("practice/domain/legacy/conftest.py", "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n");
    repo.write(
      "practice/domain/legacy/test_characterization.py",
      "from legacy_pricing import price\n\ndef test_empty():\n    assert price([]) == 0\n",
    );
    repo.write("practice/domain/01-map/facts.txt", "42 files, taken at deadbeef\n");
    repo.commitAll("pin");
    repo.git("tag", "m6-1-expand");
    repo.write(
      "practice/domain/legacy/test_characterization.py",
      "from legacy_pricing import price\n\ndef test_empty():\n    assert price([]) == 0\n\ndef test_one():\n    assert price([{'price': 1}]) == 1\n",
    );
    repo.commitAll("contract");
    repo.git("tag", "m6-2-migrate");
    repo.git("tag", "m6-3-contract");
    const fail: [string, string, string][] = [
      ["6.1", "facts-with-commit", "names no commit"],
      ["6.2", "legacy-unchanged", "differs from the supplied version"],
      ["6.2", "mutations-caught", "survived"],
      ["6.2", "check-passes", ""],
      ["6.5", "checkpoints-green", "FAIL the characterization tests changed beyond the function name"],
    ];
    for (const [exercise, id, message] of fail) {
      const result = check(repo, exercise, id);
      expect(result.code, `${exercise} ${id}: ${result.out}`).not.toBe(0);
      expect(result.out, `${exercise} ${id}`).toContain(message);
    }
  });

  it("6.3 and 6.4 pass a kept change with identical output and tests landed first, and fail the opposite", () => {
    const repo = scratch("c-perf");
    repo.copyKit("files/practice/domain/perf", "practice/domain/perf");
    repo.commitAll("baseline");
    repo.run("python3 make_events.py 200 5 && python3 report.py events.jsonl > baseline.tsv", { cwd: "practice/domain/perf" });
    expect(check(repo, "6.3", "changes-after-baseline").code).toBe(1);
    repo.write(
      "practice/domain/perf/report.py",
      repo.read("practice/domain/perf/report.py").replace("    seen = []", "    seen = []  # hypothesis: list membership is the cost"),
    );
    repo.commitAll("perf: hypothesis");
    expect(check(repo, "6.3", "changes-after-baseline").code).toBe(0);
    expect(check(repo, "6.3", "output-identical").code).toBe(0);
    repo.write(
      "practice/domain/perf/report.py",
      repo.read("practice/domain/perf/report.py").replace('print(f"{user}\\t{total}")', 'print(f"{user} {total}")'),
    );
    expect(check(repo, "6.3", "output-identical").code).not.toBe(0);

    repo.write("practice/domain/security/report_service.py", "def compress(name):\n    return f'gzip {name}'\n");
    repo.commitAll("service");
    repo.write(
      "practice/domain/security/test_security.py",
      "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\nfrom report_service import compress\n\ndef test_rejects_shell_characters():\n    assert compress('a;rm') is None\n",
    );
    repo.commitAll("test: compress rejects shell characters (red)");
    expect(check(repo, "6.4", "security-tests-first").stdout).toContain("has no green commit after it");
    repo.write("practice/domain/security/report_service.py", "def compress(name):\n    return None if ';' in name else f'gzip {name}'\n");
    repo.commitAll("fix: compress rejects shell characters");
    expect(check(repo, "6.4", "security-tests-first").code).toBe(0);
  });
});

describe("Module 7 and 8 checks", () => {
  it("7.1 and 7.4 pass a work-order template and real pattern cards, and fail a missing label and a stale exemplar", () => {
    const repo = scratch("c-collab");
    repo.write(
      "practice/prompts/work-order.md",
      "Goal: what\nContext: where\nConstraints: limits\nDone when: a command\nBefore editing: questions\n",
    );
    repo.copyKit("files/scripts/check-patterns.sh", "scripts/check-patterns.sh");
    repo.write("src/data/userRepo.ts", "export const findById = () => ({ ok: true });\n");
    repo.write(
      "AGENTS.md",
      "### Pattern: data returns Result\nScope: src/data/**\nExemplar: src/data/userRepo.ts, function findById\nCheck: scripts/check-patterns.sh\n\n### Pattern: flags through flags.get\nExemplar: `src/data/userRepo.ts`\nCheck: grep\n",
    );
    repo.commitAll("collab");
    for (const [exercise, id] of [
      ["7.1", "work-order-template"],
      ["7.4", "pattern-cards"],
      ["7.4", "pattern-check-passes"],
    ]) {
      const result = check(repo, exercise!, id!);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
    repo.write("practice/prompts/work-order.md", "Goal: what\nContext: where\n");
    repo.write("AGENTS.md", repo.read("AGENTS.md").replace("Exemplar: `src/data/userRepo.ts`", "Exemplar: src/flags.ts"));
    repo.write("src/data/orders.ts", "throw new Error('x');\n");
    expect(check(repo, "7.1", "work-order-template").stdout).toContain("FAIL no line starts with Constraints:");
    expect(check(repo, "7.4", "pattern-cards").stdout).toContain("exemplar src/flags.ts does not exist");
    expect(check(repo, "7.4", "pattern-check-passes").code).toBe(1);
  });

  it("8.1, 8.2, 8.3 and 8.4 pass the grown gate, runnable verify lines and the reference agent, and fail their opposites", () => {
    const repo = scratch("c-integration");
    repo.copyKit("solutions/scripts/validate.sh", "scripts/validate.sh");
    repo.copyKit("solutions/practice/integration/agent", "practice/integration/agent");
    repo.write(".gitignore", ".gate-logs/\n");
    repo.write(
      "AGENTS.md",
      "- Tests: `make test` runs the suite.\n  verify: test -f scripts/validate.sh\n- Branch: main.\n  verify: git rev-parse --verify main\n",
    );
    repo.commitAll("integration");
    const make = repo.stubs({ make: '[ -n "${BREAK:-}" ] && exit 2; exit 0' });
    for (const [exercise, id] of [
      ["8.1", "gate-modes"],
      ["8.2", "verify-lines-pass"],
      ["8.3", "agent-catalog"],
      ["8.4", "gate-full-passes"],
    ]) {
      const result = check(repo, exercise!, id!, make);
      expect(result.code, `${exercise} ${id}: ${result.out}`).toBe(0);
    }
    expect(check(repo, "8.1", "gate-modes", { ...make, BREAK: "1" }).stdout).toContain("FAIL scripts/validate.sh fast exited");
    expect(check(repo, "8.4", "gate-full-passes", { ...make, BREAK: "1" }).code).not.toBe(0);
    repo.write("AGENTS.md", repo.read("AGENTS.md") + "- Lint: ruff.\n  verify: test -f pyproject.toml\n");
    expect(check(repo, "8.2", "verify-lines-pass").stdout).toContain("FAIL test -f pyproject.toml");
    repo.write(
      "practice/integration/agent/tools.json",
      JSON.stringify({ tools: [{ name: "run", parameters: { type: "object", properties: { cmd: { type: "string" } } } }] }),
    );
    const agent = check(repo, "8.3", "agent-catalog");
    expect(agent.code).toBe(1);
    expect(agent.stdout).toContain("FAIL 1 tools, expected at least 2");
    expect(agent.stdout).toContain("FAIL run: additionalProperties is not false");
  });
});
