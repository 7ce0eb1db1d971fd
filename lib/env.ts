// Configuration from the environment, validated once; the only place that reads process.env.
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/mastery.db")
    .default("file:./data/mastery.db"),
  CONTENT_DIR: z.string().min(1).default("content"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MASTERY_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(10),
  MASTERY_BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  MASTERY_SERVER_HEAP_MB: z.coerce.number().int().min(64).max(16_384).default(192),
  // The address people reach the app at (e.g. behind a reverse proxy); its host is accepted in the Host header.
  MASTERY_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) address such as https://mastery.example.org" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

export function contentDir(): string {
  return path.resolve(env().CONTENT_DIR);
}

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are from the project root). */
export function databasePath(): string {
  return path.resolve(env().DATABASE_URL.slice("file:".length));
}
