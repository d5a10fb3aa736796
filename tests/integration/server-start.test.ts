// `npm start` next to other processes that have the database open.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { freePort, seededDatabase } from "./server.ts";

type Started = { code: number | null; stdout: string; stderr: string; ready: boolean };

/** Runs `npm start`'s script until the server says it is ready (then stops it) or the script exits. */
async function npmStart(databaseFile: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: `file:${databaseFile}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result: Started = { code: null, stdout: "", stderr: "", ready: false };
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk) => {
      result.stdout += chunk;
      if (result.stdout.includes("Frontline is ready")) {
        result.ready = true;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (chunk) => (result.stderr += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      result.code = code;
      resolve(result);
    });
  });
}

test("with nothing to migrate, start needs no exclusive access: it serves while another process reads the database", async () => {
  const databaseFile = seededDatabase();
  const reader = new Database(databaseFile, { readonly: true });
  reader.exec("BEGIN");
  reader.prepare("SELECT count(*) FROM User").get();
  try {
    const started = await npmStart(databaseFile);
    expect(started.stderr).toBe("");
    expect(started.ready).toBe(true);
  } finally {
    reader.exec("COMMIT");
    reader.close();
  }
}, 90_000);

test("with a migration to apply while another process holds the write lock, start says what is wrong in one line", async () => {
  const databaseFile = seededDatabase();
  const writer = new Database(databaseFile);
  writer.exec("DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)");
  writer.exec("BEGIN IMMEDIATE");
  try {
    const started = await npmStart(databaseFile);
    expect(started.ready).toBe(false);
    expect(started.code).toBe(1);
    const lines = started.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Frontline can't start: .*frontline\.db needs 1 migration but another process has it open for writing/);
  } finally {
    writer.exec("ROLLBACK");
    writer.close();
  }
}, 90_000);
