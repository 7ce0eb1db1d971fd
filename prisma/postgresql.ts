// The PostgreSQL side of the one schema: prisma/schema.prisma is the source of truth, and
// prisma/postgresql/schema.prisma is derived from it (provider and client folder only), so the
// two cannot drift; a test fails when the committed copy differs from what this derives.
import path from "node:path";

const POSTGRES_DIR = path.resolve(import.meta.dirname, "postgresql");
export const POSTGRES_SCHEMA_PATH = path.join(POSTGRES_DIR, "schema.prisma");
export const POSTGRES_MIGRATIONS_DIR = path.join(POSTGRES_DIR, "migrations");

const HEADER = `// Derived from prisma/schema.prisma by \`npm run db:migrate\` (prisma/postgresql.ts): edit that
// file, never this one. It is the schema the migrations in ./migrations produce on PostgreSQL.
`;

/** The PostgreSQL schema for the SQLite schema's text: same models, another provider and client folder. */
export function postgresSchema(sqliteSchema: string): string {
  const body = sqliteSchema
    .replace(/^(\/\/[^\n]*\n)+\n?/, "")
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"');
  if (!body.includes('"postgresql"') || !body.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the datasource and generator blocks prisma/postgresql.ts rewrites.");
  }
  return `${HEADER}\n${body}`;
}
