// Configuration from the environment, validated once; the only place that reads process.env.
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)/,
      "must be a SQLite file URL such as file:./data/mastery.db or a PostgreSQL URL such as postgresql://user@host/mastery",
    )
    .default("file:./data/mastery.db"),
  // The folder of uploaded files, secrets and backups when the database is not a file beside them.
  MASTERY_DATA_DIR: z.string().min(1).optional(),
  CONTENT_DIR: z.string().min(1).default("content"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MASTERY_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(10),
  MASTERY_BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  // 320 MB: at 192 a server near capacity spent its time collecting garbage (capacity 150 learners
  // against 254, for about the same memory at the same load; see README, Performance).
  MASTERY_SERVER_HEAP_MB: z.coerce.number().int().min(64).max(16_384).default(320),
  // glibc's malloc arenas for the server (npm start): one per allocating thread otherwise, each
  // keeping what was freed; two kept the server 35–60 MB smaller under load at the same throughput.
  MALLOC_ARENA_MAX: z.coerce.number().int().min(1).max(1024).default(2),
  // Seals the sign-in cookies; without it a key is generated into the data folder (SQLite only: see sessionSecret).
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
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

/** The database DATABASE_URL names: an embedded SQLite file (the default) or a PostgreSQL server. */
export type Dialect = "sqlite" | "postgresql";

export function dialect(url = env().DATABASE_URL): Dialect {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are from the project root). */
export function databasePath(): string {
  const url = env().DATABASE_URL;
  if (dialect(url) !== "sqlite") throw new Error("DATABASE_URL names a PostgreSQL server, not a SQLite file.");
  return path.resolve(url.slice("file:".length));
}

/**
 * The folder that holds what is not in the database (uploaded files on SQLite, secrets, backups):
 * MASTERY_DATA_DIR, or else the SQLite file's folder, or `data` on PostgreSQL.
 */
export function dataDir(): string {
  const configured = env().MASTERY_DATA_DIR;
  if (configured) return path.resolve(configured);
  return dialect() === "sqlite" ? path.dirname(databasePath()) : path.resolve("data");
}
