import path from "node:path";
import { defineConfig } from "vitest/config";
import { databaseFreeTests } from "./tests/test-projects";

// Two projects (issue 18 item 6): tests that never reach the database run without one; the others get the run's
// database (tests/global-setup.ts: one PostgreSQL database with TEST_DATABASE_URL, else PGlite per file).
const unit = databaseFreeTests();
const exclude = ["node_modules/**", "e2e/**", ".next/**", ".next-*/**", ".data/**"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: unit, exclude } },
      {
        extends: true,
        test: {
          name: "database",
          include: ["**/*.test.ts"],
          exclude: [...exclude, ...unit],
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/setup-db.ts"],
        },
      },
    ],
  },
});
