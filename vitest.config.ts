import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["proxy.test.ts", "lib/**/*.test.ts", "components/**/*.test.tsx", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Migrates a template database once; test files copy it (test/database.ts).
    globalSetup: ["test/global-setup.ts"],
    // Generous: these tests run real SQLite files, child processes and builds on machines that may be busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
