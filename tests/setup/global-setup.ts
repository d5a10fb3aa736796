import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BASE_DATABASE, TMP_DIR } from "./paths.ts";

/** Builds one migrated database that every test file copies (tests/setup/db-setup.ts). */
export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const db = new Database(BASE_DATABASE);
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
}
