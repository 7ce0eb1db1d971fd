// The prebuilt mastery command (bin/build-cli.js): built from lib/cli alone, it prints what the
// sources print, and it counts as stale once a source it was built from changes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpText } from "./args";
import { COMMANDS } from "./commands";
import type { Streams } from "./main";

const root = path.resolve(import.meta.dirname, "..", "..");
const build = path.join(root, "bin", "build-cli.js");
let dir: string;
let bundle: string;
let inputsFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mastery-bundle-"));
  bundle = path.join(dir, "mastery.js");
  inputsFile = path.join(dir, "mastery.inputs.json");
  execFileSync(process.execPath, [build, "--out", bundle], { cwd: root });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isFresh = () =>
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(pathToFileURL(build).href)}); console.log(m.isFresh(${JSON.stringify(bundle)}))`,
    ],
    {
      encoding: "utf8",
    },
  ).trim();

describe("the CLI bundle", () => {
  it("is made from the CLI's own modules, the check runner, the time zone arithmetic, the plural rule, the package's version and zod, nothing that opens the database", () => {
    const inputs = Object.keys(JSON.parse(readFileSync(inputsFile, "utf8")) as Record<string, number>);
    expect(inputs).toContain("lib/cli/main.ts");
    expect(
      inputs.filter(
        (file) =>
          !/^(lib\/(cli|checks)\/[\w-]+\.ts|lib\/packets\/imported\.ts|lib\/time\/zone\.ts|lib\/ui\/plural\.ts|package\.json|node_modules\/zod\/.+)$/.test(
            file,
          ),
      ),
    ).toEqual([]);
  });

  it("prints the same help as the sources", async () => {
    const cli = (await import(pathToFileURL(bundle).href)) as typeof import("./main");
    const out: string[] = [];
    const streams: Streams = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), env: {}, io: cliIo };
    expect(await cli.run(["--help"], streams)).toBe(0);
    expect(out.join("")).toBe(helpText(COMMANDS));
  });

  it("is stale once a source it was built from has changed", () => {
    expect(isFresh()).toBe("true");
    const inputs = JSON.parse(readFileSync(inputsFile, "utf8")) as Record<string, number>;
    writeFileSync(inputsFile, JSON.stringify({ ...inputs, "lib/cli/args.ts": inputs["lib/cli/args.ts"]! - 1000 }));
    expect(isFresh()).toBe("false");
    rmSync(inputsFile);
    expect(isFresh()).toBe("false");
  });
});

const cliIo: Streams["io"] = {
  readStdin: async () => "",
  readFile: async () => new Uint8Array(),
  writeFile: async () => undefined,
};
