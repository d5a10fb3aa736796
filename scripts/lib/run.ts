import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "../../app/utils/env.server.ts";

const SHIM = path.resolve("scripts/unref-long-timers.cjs");

/** Runs a command with inherited output; exits the process with its code when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed${result.status === null ? "" : ` (exit ${result.status})`}`);
    process.exit(result.status ?? 1);
  }
}

export function bin(name: string): string {
  return path.resolve("node_modules/.bin", name);
}

/** The Prisma CLI, with the timer shim that lets it exit promptly (see the shim's comment). */
export function prisma(args: string[], env: Record<string, string> = {}): void {
  const nodeOptions = [process.env.NODE_OPTIONS, `--require=${SHIM}`].filter(Boolean).join(" ");
  run(bin("prisma"), args, { ...env, NODE_OPTIONS: nodeOptions });
}

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** The migrations this version of Frontline carries, oldest first. */
export function committedMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The migrations a database has applied; none when it has no migration table. */
export function appliedMigrations(db: Database.Database): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!table) return [];
  const rows = db
    .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
    .all() as { name: string }[];
  return rows.map((row) => row.name).sort();
}

/** Committed migrations the database has not applied yet, read without taking any lock a reader could hold up. */
export function pendingMigrations(databaseUrl: string): string[] {
  const committed = committedMigrations();
  const file = databaseFile(databaseUrl);
  if (!fs.existsSync(file)) return committed;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const applied = new Set(appliedMigrations(db));
    return committed.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/** Stops the process with one line saying why Frontline can't start. */
export function cannotStart(reason: string): never {
  console.error(`Frontline can't start: ${reason}`);
  process.exit(1);
}

/**
 * Applies committed migrations to the database at `databaseUrl`, creating its
 * folder if needed. With nothing to apply it touches nothing, so it starts
 * next to any other process that has the file open.
 */
export function migrateDeploy(databaseUrl: string): void {
  const file = databaseFile(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let pending: string[];
  try {
    pending = pendingMigrations(databaseUrl);
  } catch (error) {
    cannotStart(`the database ${file} could not be read (${(error as Error).message}).`);
  }
  if (pending.length === 0) return;
  const nodeOptions = [process.env.NODE_OPTIONS, `--require=${SHIM}`].filter(Boolean).join(" ");
  const result = spawnSync(bin("prisma"), ["migrate", "deploy"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: nodeOptions },
  });
  if (result.status === 0) {
    console.log(`Applied ${pending.length} migration${pending.length === 1 ? "" : "s"} to ${file}.`);
    return;
  }
  const output = `${result.stdout}\n${result.stderr}`;
  // A busy database reaches Prisma's migration engine as a lock error or, through the driver adapter, as a socket timeout.
  if (/database is locked|SQLITE_BUSY|SocketTimeout/i.test(output)) {
    cannotStart(
      `${file} needs ${pending.length} migration${pending.length === 1 ? "" : "s"} but another process has it open for writing; stop that process (an older server, a database shell) and start again.`,
    );
  }
  const reason =
    output
      .split("\n")
      .find((line) => /error/i.test(line))
      ?.trim() ?? "prisma migrate deploy failed.";
  cannotStart(`migrating ${file} failed: ${reason}`);
}

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const BUILD_INPUTS = ["app", "content", "server", "remix.config.js", "package-lock.json", "tsconfig.json"];
const BUILD_OUTPUTS = ["build/index.js", "build/content/catalog.json", "build/server.js"];

/** True when the production build is missing or older than any of its sources. */
export function buildIsStale(): boolean {
  if (!BUILD_OUTPUTS.every((output) => fs.existsSync(output))) return true;
  const builtAt = Math.min(...BUILD_OUTPUTS.map((output) => fs.statSync(output).mtimeMs));
  return BUILD_INPUTS.some((input) => newestChange(input) > builtAt);
}
