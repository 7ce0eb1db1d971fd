#!/usr/bin/env node
// The `mastery` command (package.json "bin"): runs the CLI bundle bin/build-cli.js makes from
// lib/cli, rebuilding it first when a source changed; if it cannot be built, runs the TypeScript
// sources through tsx instead (slower, same behaviour).
import { pathToFileURL } from "node:url";
import { BUNDLE, buildCli, isFresh } from "./build-cli.js";

async function loadCli() {
  try {
    if (!isFresh()) await buildCli();
    return await import(pathToFileURL(BUNDLE).href);
  } catch (error) {
    process.stderr.write(
      `mastery: could not build the CLI bundle (${error instanceof Error ? error.message : String(error)}); running from source.\n`,
    );
    const { tsImport } = await import("tsx/esm/api");
    return tsImport("../lib/cli/main.ts", import.meta.url);
  }
}

const { run, nodeStreams } = await loadCli();
process.exitCode = await run(process.argv.slice(2), nodeStreams());
