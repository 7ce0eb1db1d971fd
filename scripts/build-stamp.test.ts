import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchFolders } from "../test/scratch";
import { BENCH_CEILING_FILE, buildInputsHash } from "./build-stamp";

const scratch = scratchFolders("mastery-build-stamp-");

function project(): string {
  const root = scratch();
  mkdirSync(path.join(root, "app"));
  mkdirSync(path.join(root, "public"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
  writeFileSync(path.join(root, "public", "favicon.svg"), "<svg/>");
  return root;
}

describe("the build's inputs", () => {
  it("change with a source or a public file, not with a test file or the bench's ceiling file", () => {
    const root = project();
    const before = buildInputsHash(root);
    writeFileSync(path.join(root, "app", "page.test.tsx"), "test");
    writeFileSync(path.join(root, "public", BENCH_CEILING_FILE), "<p>the module page</p>");
    expect(buildInputsHash(root)).toBe(before);
    writeFileSync(path.join(root, "public", "logo.svg"), "<svg/>");
    const withLogo = buildInputsHash(root);
    expect(withLogo).not.toBe(before);
    writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildInputsHash(root)).not.toBe(withLogo);
  });
});
