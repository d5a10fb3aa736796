import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/db-setup.ts"],
    restoreMocks: true,
    // Integration tests read and write real SQLite files; on a busy 2-core machine a few take longer than vitest's 5 s default.
    testTimeout: 20_000,
  },
});
