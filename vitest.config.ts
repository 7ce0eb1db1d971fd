import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Generous: these tests run real SQLite files, child processes and builds on machines that may be busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
