// Where the mastery command finds the app and its token: --url, then the MASTERY_URL and
// MASTERY_TOKEN variables, then the config file (~/.config/mastery/config.json or --config).
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { en } from "zod/locales";
import * as z from "zod/mini";
import type { Global } from "./args";
import { usageError } from "./exit-codes";

const DEFAULT_URL = "http://127.0.0.1:3000";

// The small build of zod keeps the command quick to start; it needs its English messages set.
z.config(en());
const ConfigFileSchema = z.strictObject({
  url: z.optional(z.url({ protocol: /^https?$/ })),
  token: z.optional(z.string().check(z.minLength(1))),
});

export type Config = { url: string; token: string | undefined };
type Env = Record<string, string | undefined>;

function defaultConfigPath(env: Env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), ".config"), "mastery", "config.json");
}

function readConfigFile(file: string, explicit: boolean): z.infer<typeof ConfigFileSchema> {
  if (!existsSync(file)) {
    if (explicit) throw usageError(`The config file ${file} does not exist.`);
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw usageError(`The config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ConfigFileSchema.safeParse(data);
  if (!parsed.success) {
    throw usageError(
      `The config file ${file} has problems: ${parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`).join("; ")}. It holds {"url": "...", "token": "..."}.`,
    );
  }
  return parsed.data;
}

export function resolveConfig(global: Global, env: Env): Config {
  const file = readConfigFile(global.config ?? defaultConfigPath(env), global.config !== undefined);
  const url = global.url ?? env.MASTERY_URL ?? file.url ?? DEFAULT_URL;
  if (!/^https?:\/\//.test(url) || !URL.canParse(url)) throw usageError(`"${url}" is not an http(s) address of the Mastery app.`);
  return { url: url.replace(/\/+$/, ""), token: env.MASTERY_TOKEN || file.token };
}
