// The checker against the conforming plan, one fixture per rule, the template and edge cases.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlan } from "./check";
import { parsePlan } from "./document";
import { parseTermList, undefinedTerms } from "./jargon";
import { checkReference } from "./references";
import { REFUSING_RULES, RULES } from "./rules";
import { planTemplate } from "./template";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, `${name}.md`), "utf8");
const conforming = fixture("conforming");
const rulesOf = (text: string, previous?: string) => [...new Set(checkPlan(text, { previous }).findings.map((f) => f.rule))];

/** Rules compared against the previous revision: their fixture is checked against the conforming plan. */
const HISTORY_RULES = new Set(["decision-log-shrank", "revision-notes-shrank", "history-rewritten", "revision-note-not-added"]);

/** The line each fixture's finding must point at. */
const EXPECTED_LINE: Record<string, number> = {
  "title-missing": 1,
  "metadata-missing": 1,
  "metadata-invalid": 3,
  "section-missing": 76,
  "section-order": 54,
  "revision-note-missing": 90,
  "heading-blank-line": 80,
  "nested-fence": 53,
  "placeholder-left": 82,
  "task-table-malformed": 40,
  "task-status-unknown": 41,
  "task-type-unknown": 42,
  "task-evidence-missing": 39,
  "task-in-progress-many": 41,
  "path-line-malformed": 41,
  "path-line-missing": 42,
  "jargon-undefined": 22,
  "decision-log-shrank": 56,
  "revision-notes-shrank": 92,
  "history-rewritten": 59,
  "revision-note-not-added": 93,
  "success-criteria-checklist": 14,
  "quality-gates-table": 65,
};

describe("the ExecPlan checker", () => {
  it("finds nothing wrong with a conforming plan and reads its title, status and progress", () => {
    const result = checkPlan(conforming);
    expect(result.findings).toEqual([]);
    expect(result.title).toBe("Export an account's invoices as CSV");
    expect(result.status).toBe("in_progress");
    expect(result.progress).toMatchObject({ done: 2, total: 5, percent: 40 });
    expect(checkPlan(conforming, { previous: conforming }).findings).toEqual([]);
  });

  it("has one fixture per rule, and each fixture breaks exactly its rule at the expected line", () => {
    const names = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".md") && f !== "conforming.md")
      .map((f) => f.slice(0, -3))
      .sort();
    expect(names).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of names) {
      const previous = HISTORY_RULES.has(rule) ? conforming : undefined;
      const { findings } = checkPlan(fixture(rule), { previous });
      expect(
        findings.map((f) => f.rule),
        rule,
      ).toEqual([rule]);
      expect(findings[0]!.line, rule).toBe(EXPECTED_LINE[rule]);
      expect(findings[0]!.hint, rule).not.toBe("");
    }
  });

  it("gives every rule a severity, a description and a fix hint, and only history rules refuse a save", () => {
    for (const rule of RULES) {
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.checks.length).toBeGreaterThan(20);
      expect(rule.hint.length).toBeGreaterThan(10);
    }
    expect(REFUSING_RULES.every((id) => HISTORY_RULES.has(id))).toBe(true);
  });

  it("reads a fresh template as to-do progress (every section unwritten), not as findings", () => {
    const result = checkPlan(planTemplate({ title: "Try the checker", date: "2026-03-04" }));
    expect(result.findings).toEqual([]);
    expect(result.profile.id).toBe("execplan-spec");
    expect(result.outline).toMatchObject({ written: 0, total: 14 });
    expect(result.outline.todo.map((t) => t.label)).toEqual(
      expect.arrayContaining([
        "Repo/Branch (metadata)",
        "Scope/Priority (metadata)",
        "Links (metadata)",
        "Purpose / Big Picture",
        "Detailed Phase Task Steps",
      ]),
    );
    expect(result.outline.todo).toHaveLength(17);
    expect(result.status).toBe("draft");
    expect(result.title).toBe("Try the checker");
  });

  it("suggests the status key a near miss meant", () => {
    const text = conforming.replace("| `src/server/routes.ts:120-140` | pending |", "| `src/server/routes.ts:120-140` | in progress |");
    const finding = checkPlan(text).findings.find((f) => f.rule === "task-status-unknown");
    expect(finding?.hint).toMatch(/^Write in_progress\./);
  });

  it("recognises a plan wrapped in one outer fence, and a fence that never closes", () => {
    const wrapped = checkPlan(`\`\`\`md\n${conforming}\`\`\`\n`).findings.filter((f) => f.rule === "nested-fence");
    expect(wrapped).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("omits the outer fence") })]);
    const open = checkPlan(`${conforming}\n\`\`\`\nnever closed\n`).findings.filter((f) => f.rule === "nested-fence");
    expect(open[0]?.message).toContain("never closes");
  });

  it("does not read headings, jargon or references inside indented code", () => {
    const text = conforming.replace("    3\n", "    3\n    # middleware: not a heading, src/a.ts:L1\n");
    expect(checkPlan(text).findings).toEqual([]);
  });

  it("treats a rewritten entry as an edit and a missing one as removed, ignoring “none yet” entries", () => {
    const rewritten = conforming.replace("D2: Amounts are written in minor units (cents).", "D2: Amounts are written in cents.");
    expect(rulesOf(rewritten, conforming)).toEqual(["history-rewritten", "revision-note-not-added"]);
    const fromNoneYet = conforming
      .replace("None yet (plan created 2026-03-02).", "M1 shipped.")
      .replace("recorded D2 and the missing-currency surprise.", "recorded D2.\n- 2026-03-05 — First outcome.");
    const previous = conforming.replace(/## Decision Log\n\n[\s\S]*?\n\n## /, "## Decision Log\n\nNone yet.\n\n## ");
    expect(rulesOf(fromNoneYet, previous)).toEqual(["history-rewritten"]);
  });

  it("checks metadata dates", () => {
    const text = conforming
      .replace("Created: 2026-03-02", "Created: March 2nd")
      .replace("Last updated: 2026-03-04", "Last updated: 2026-03-04");
    expect(checkPlan(text).findings.map((f) => f.message)).toEqual(["Created “March 2nd” is not a date written as YYYY-MM-DD (or an ISO 8601 time)."]);
    const backwards = conforming.replace("Last updated: 2026-03-04", "Last updated: 2026-03-01");
    expect(checkPlan(backwards).findings.map((f) => f.message)).toEqual(["Last updated is earlier than Created."]);
  });

  it("accepts metadata in bold, in a list or several fields on one line", () => {
    const text = conforming
      .replace(
        "Status: in_progress\nRepo/Branch: acme/billing / feature/csv-export\n",
        "**Status:** in_progress\n- Repo/Branch: acme/billing / feature/csv-export    Scope/Priority: high\n",
      )
      .replace("Scope/Priority: CSV export of one account's invoices from the command line and the web; high\n", "");
    const doc = parsePlan(text);
    expect(doc.metadata.get("Scope/Priority")?.value).toBe("high");
    expect(doc.metadata.get("Repo/Branch")?.value).toBe("acme/billing / feature/csv-export");
    expect(checkPlan(text).findings).toEqual([]);
  });

  it("handles empty and odd input without throwing", () => {
    for (const text of [
      "",
      "\n\n",
      "# Only a title",
      "| a |\n|---|",
      "## Detailed Phase Task Steps\n\n| ID |\n",
      "\uFEFF# T\r\n\r\nStatus: draft\r\n",
    ]) {
      expect(() => checkPlan(text)).not.toThrow();
    }
    expect(rulesOf("")).toContain("title-missing");
  });
});

describe("path:line references", () => {
  it("accepts repository-relative paths with a line or a range", () => {
    for (const ref of ["src/a.ts:1", "lib/execplans/check.ts:120-140", "README.md:3", "@scope/pkg/index.js:9"])
      expect(checkReference(ref)).toEqual({ kind: "ok" });
  });

  it("says what is wrong with a malformed one", () => {
    const problems = Object.fromEntries(
      ["src/a.ts:", "src/a.ts:0", "src/a.ts:L3", "src/a.ts:3:7", "/abs/a.ts:3", "../a.ts:3", "src\\a.ts:3", "src/a.ts:9-2", "src/a.ts"].map(
        (r) => [r, checkReference(r)],
      ),
    );
    expect(problems["src/a.ts:"]).toMatchObject({ kind: "malformed", problem: expect.stringContaining("missing") });
    expect(problems["src/a.ts:0"]).toMatchObject({ kind: "malformed", problem: "lines are counted from 1" });
    expect(problems["src/a.ts:L3"]).toMatchObject({ kind: "malformed" });
    expect(problems["src/a.ts:3:7"]).toMatchObject({ kind: "malformed", problem: expect.stringContaining("no column") });
    expect(problems["/abs/a.ts:3"]).toMatchObject({ kind: "malformed", problem: expect.stringContaining("repository-relative") });
    expect(problems["../a.ts:3"]).toMatchObject({ kind: "malformed" });
    expect(problems["src\\a.ts:3"]).toMatchObject({ kind: "malformed", problem: expect.stringContaining("forward slashes") });
    expect(problems["src/a.ts:9-2"]).toMatchObject({ kind: "malformed", problem: expect.stringContaining("ends before") });
    expect(problems["src/a.ts"]).toMatchObject({ kind: "no-line" });
  });

  it("leaves URLs, host:port and script names alone", () => {
    const text = conforming.replace(
      "Each milestone starts",
      "See `https://example.com/a.ts:3`, `npm run test:unit` and `localhost:3000`. Each milestone starts",
    );
    expect(checkPlan(text).findings).toEqual([]);
  });
});

describe("the jargon word list", () => {
  const doc = (body: string) => parsePlan(`# T\n\n${body}\n`);

  it("reads one term a line, skipping comments, blanks and repeats", () => {
    expect(parseTermList("daemon\n# a comment\n\n  RPC   gateway \nDaemon\n")).toEqual(["daemon", "RPC gateway"]);
  });

  it("counts the usual ways of defining a term, and plurals as uses", () => {
    for (const body of [
      "A daemon (a program that runs in the background) starts.",
      "The daemon — a background program — starts.",
      "- **Daemon**: a background program.",
      "A daemon is a background program.",
      "The daemon, which runs in the background, starts.",
      "A background program, called a daemon, starts.",
      "Daemon means a background program.",
    ]) {
      expect(undefinedTerms(doc(body), ["daemon"]), body).toEqual([]);
    }
    expect(undefinedTerms(doc("Two daemons start.\n\nThe daemon logs."), ["daemon"])).toEqual([{ term: "daemon", line: 3, uses: 2 }]);
  });

  it("ignores terms inside code, headings, link targets and placeholders, and matches whole words only", () => {
    expect(
      undefinedTerms(doc("Run `daemon start`.\n\n### Daemon\n\nSee [the docs](docs/daemon.md). {daemon}\n\nDaemonic forces."), ["daemon"]),
    ).toEqual([]);
  });
});
