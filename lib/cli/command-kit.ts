// What every mastery command is built from: its context (arguments, options, the API call, files
// and standard input), reading JSON and text inputs, retry-safe writes and document downloads.
import { randomUUID } from "node:crypto";
import type { CommandSpec, Options } from "./args";
import type { ApiAnswer, ApiRequest } from "./client";
import { usageError } from "./exit-codes";

export type Io = {
  readStdin: () => Promise<string>;
  readFile: (file: string) => Promise<Uint8Array>;
  writeFile: (file: string, data: string | Uint8Array) => Promise<void>;
};

export type RunContext = {
  args: Record<string, string>;
  options: Options;
  call: (request: ApiRequest) => Promise<ApiAnswer>;
  io: Io;
};

/** What a command printed: `text` for a person, `json` for --json; and its exit code when not 0. */
export type Outcome = { text: string; json: unknown; exitCode?: number };

export type Command = CommandSpec & { run: (ctx: RunContext) => Promise<Outcome> };

/** Text from an option that may be "-" for standard input. */
export async function textOption(ctx: RunContext, name: string): Promise<string | undefined> {
  const value = ctx.options[name];
  if (typeof value !== "string") return undefined;
  return value === "-" ? ctx.io.readStdin() : value;
}

export async function readJsonFile(ctx: RunContext, file: string): Promise<unknown> {
  const text = file === "-" ? await ctx.io.readStdin() : new TextDecoder().decode(await readOrExplain(ctx, file));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`${file === "-" ? "Standard input" : file} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function readOrExplain(ctx: RunContext, file: string): Promise<Uint8Array> {
  try {
    return await ctx.io.readFile(file);
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

/** A POST that is safe to retry: the same key makes the server answer a repeat with the first answer. */
export function post(ctx: RunContext, route: string, json: unknown, form?: FormData): Promise<ApiAnswer> {
  const key = typeof ctx.options["idempotency-key"] === "string" ? ctx.options["idempotency-key"] : randomUUID();
  return ctx.call({ method: "POST", path: route, ...(form ? { form } : { json }), idempotencyKey: key });
}

export const idempotencyOption = { "idempotency-key": { type: "string", value: "KEY", help: "reuse a key to retry safely (default: a new random key)" } } as const;

/** A binary document (a zip) goes to the file named by --output only. */
export async function binaryCommand(ctx: RunContext, route: string, what: string): Promise<Outcome> {
  const answer = await ctx.call({ method: "GET", path: route, document: "binary" });
  const out = String(ctx.options.output);
  const bytes = answer.body as Uint8Array;
  await ctx.io.writeFile(out, bytes);
  return { text: `Wrote ${what} to ${out} (${bytes.byteLength} bytes).`, json: { file: out, bytes: bytes.byteLength } };
}

export async function documentCommand(ctx: RunContext, route: string, what: string): Promise<Outcome> {
  const answer = await ctx.call({ method: "GET", path: route, document: "text" });
  const content = typeof answer.body === "string" ? answer.body : `${JSON.stringify(answer.body, null, 2)}\n`;
  const out = ctx.options.output;
  if (typeof out === "string") {
    await ctx.io.writeFile(out, content);
    const bytes = Buffer.byteLength(content);
    return { text: `Wrote ${what} to ${out} (${bytes} bytes).`, json: { file: out, bytes } };
  }
  return { text: content.replace(/\n$/, ""), json: { content } };
}

export const outputOption = { output: { type: "string", short: "o", value: "FILE", help: "write to FILE instead of standard output" } } as const;

export const replayNote = (answer: ApiAnswer) => (answer.replayed ? " (a retry: answered from the first request, nothing written twice)" : "");
