// The mastery command: parse the command line, call the API, print the answer; the exit code
// tells usage errors, refusals and connection failures apart (exit-codes.ts).
import { readFile, writeFile } from "node:fs/promises";
import { type CommandLine, helpText, parseCommandLine } from "./args";
import { apiCall } from "./client";
import type { Command, Io } from "./command-kit";
import { COMMANDS } from "./commands";
import { resolveConfig } from "./config";
import { CliError, EXIT } from "./exit-codes";
import { httpFetch } from "./http-fetch";

const EXIT_NAMES: Record<number, string> = Object.fromEntries(Object.entries(EXIT).map(([name, code]) => [code, name]));

export type Streams = { stdout: (text: string) => void; stderr: (text: string) => void; env: Record<string, string | undefined>; io: Io };

export function nodeStreams(): Streams {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    io: {
      readStdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString("utf8");
      },
      readFile: (file) => readFile(file),
      writeFile: (file, data) => writeFile(file, data),
    },
  };
}

export async function run(argv: string[], streams: Streams, fetchImpl: typeof fetch = httpFetch): Promise<number> {
  let line: CommandLine<Command> | undefined;
  try {
    line = parseCommandLine(argv, COMMANDS);
    if (line.kind === "help") {
      streams.stdout(helpText(COMMANDS, line.command));
      return EXIT.ok;
    }
    const config = resolveConfig(line.global, streams.env);
    const { args, options } = line;
    const outcome = await line.command.run({ args, options, io: streams.io, call: (request) => apiCall(config, request, fetchImpl) });
    streams.stdout(line.global.json ? `${JSON.stringify(outcome.json, null, 2)}\n` : `${outcome.text}\n`);
    return outcome.exitCode ?? EXIT.ok;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (line?.kind === "run" ? line.global.json : argv.includes("--json")) {
      streams.stdout(`${JSON.stringify(error.body ?? { error: { code: EXIT_NAMES[error.exitCode] ?? "failed", message: error.message } }, null, 2)}\n`);
    }
    streams.stderr(`mastery: ${error.message}\n`);
    return error.exitCode;
  }
}
