import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failingProblems, loadContent } from "./loader";
import { scaffoldProgram, ScaffoldError, TEMPLATE_SLUG } from "./scaffold";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "scaffold-test-"));
  cpSync(path.resolve("content", TEMPLATE_SLUG), path.join(root, TEMPLATE_SLUG), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("scaffoldProgram", () => {
  it("copies the template as a real program whose placeholders the check then lists", () => {
    const dir = scaffoldProgram(root, { slug: "sales-ops", domain: "Sales Ops" });
    const text = readFileSync(path.join(dir, "program.md"), "utf8");
    expect(text).toMatch(/^title: "?Sales Ops Mastery Program"?$/m);
    expect(text).toMatch(/^template: false$/m);
    expect(text).toMatch(/^ {2}planId: "?sales-ops"?$/m);

    const content = loadContent(root, root);
    const program = content.programs.find((p) => p.slug === "sales-ops")!;
    expect(program.modules).toHaveLength(8);
    const left = failingProblems(content);
    expect(left.length).toBeGreaterThan(100);
    expect(left.every((p) => p.program === "sales-ops" && p.kind === "placeholder")).toBe(true);
    expect(left.some((p) => p.file === "sales-ops/program.md" && p.line > 1)).toBe(true);
  });

  it("refuses an existing folder and a bad slug", () => {
    scaffoldProgram(root, { slug: "one", domain: "One" });
    expect(() => scaffoldProgram(root, { slug: "one", domain: "One" })).toThrow(ScaffoldError);
    expect(() => scaffoldProgram(root, { slug: "Not A Slug", domain: "X" })).toThrow(/kebab-case/);
  });
});
