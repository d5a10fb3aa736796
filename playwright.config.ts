import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ISOLATED = /(grader-trust|language-model)\.spec\.ts/;
export const E2E_DATABASE = `tests/.e2e-data/frontline-${PORT}.db`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // Journeys sign in several people and run an axe scan on each page: 20–60 s on a 2-core machine running
  // two of them side by side. The limit only stops a journey that hangs.
  timeout: 120_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "tests/.results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: ISOLATED },
    // Journeys that run once every other one has finished: one changes the organisation-wide trust rule,
    // the other starts a second app server and a model server of its own.
    { name: "isolated", use: { browserName: "chromium" }, testMatch: ISOLATED, dependencies: ["chromium"] },
  ],
  webServer: {
    // The production build on a fresh, seeded database (see scripts/e2e-server.ts).
    command: "tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    // Request lines would bury the test report; warnings and errors still show.
    env: { PORT: String(PORT), DATABASE_URL: `file:./${E2E_DATABASE}`, NODE_ENV: "production", LOG_LEVEL: "warn" },
  },
});
