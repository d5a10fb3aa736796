import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "../integration/server.ts";

const TMP_DIR = path.resolve("tests/.tmp");

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}

/**
 * Builds one migrated database for this run; every test file copies it
 * (tests/setup/db-setup.ts). Each run gets its own folder, so two runs at
 * once never share a half-built file.
 */
export default function setup(project: TestProject) {
  // Tests of the whole server run the production build.
  ensureBuild();
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(TMP_DIR, "run-"));
  const baseDatabase = path.join(runDir, "base.db");
  const db = new Database(baseDatabase);
  const migrationsDir = path.resolve("prisma/migrations");
  const migrations = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const migration of migrations) {
    db.exec(fs.readFileSync(path.join(migrationsDir, migration, "migration.sql"), "utf8"));
  }
  db.close();
  project.provide("baseDatabase", baseDatabase);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
