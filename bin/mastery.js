#!/usr/bin/env node
// The `mastery` command (package.json "bin"): runs the TypeScript CLI in lib/cli through tsx.
import { tsImport } from "tsx/esm/api";

const { run, nodeStreams } = await tsImport("../lib/cli/main.ts", import.meta.url);
process.exitCode = await run(process.argv.slice(2), nodeStreams());
