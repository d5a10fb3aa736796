// Taking, checking and restoring whole-database backups. A backup is made with
// VACUUM INTO: one read transaction, so it is a consistent snapshot that holds
// every write committed before it began, while the server keeps writing.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { backupsBeyondRetention, databaseFiles, migrationMismatch } from "../../app/engine/operations/backups.ts";
import { appliedMigrations, committedMigrations } from "./run.ts";

const BUSY_TIMEOUT_MS = 10_000;
const SQLITE_HEADER = "SQLite format 3\0";

export type BackupCheck = { ok: true; migrations: string[] } | { ok: false; reason: string };

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLite's integrity verdict for an open database: "ok", or its findings joined. */
export function integrity(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join("; ");
}

/** Whether a file is a whole, uncorrupted Frontline database this version can use. */
export function checkBackup(file: string): BackupCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, reason: `${file} does not exist or is not a file.` };
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString("latin1") !== SQLITE_HEADER) return { ok: false, reason: `${file} is not a SQLite database.` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const verdict = integrity(db);
    if (verdict !== "ok") return { ok: false, reason: `${file} failed SQLite's integrity check: ${verdict}` };
    const migrations = appliedMigrations(db);
    const mismatch = migrationMismatch(migrations, committedMigrations());
    if (mismatch) return { ok: false, reason: `${file} can't be restored: ${mismatch}` };
    return { ok: true, migrations };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === "SQLITE_CORRUPT") return { ok: false, reason: `${file} failed SQLite's integrity check: ${message}` };
    return { ok: false, reason: `${file} could not be read as a database: ${message}` };
  } finally {
    db?.close();
  }
}

/**
 * Writes a snapshot of the database to `file` (a new file in an existing or new
 * folder). The snapshot is checked before it takes its final name, so a file
 * with a backup's name is always a whole, checked backup.
 */
export function takeBackup(databaseFile: string, file: string): BackupCheck {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(databaseFile, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    source.prepare("VACUUM INTO ?").run(partial);
  } finally {
    source.close();
  }
  const check = checkBackup(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    return check;
  }
  fsyncFile(partial);
  fs.renameSync(partial, file);
  return check;
}

/** Removes the backups in `folder` beyond the newest `keep`; returns the names removed. */
export function pruneBackups(folder: string, keep: number): string[] {
  const doomed = backupsBeyondRetention(fs.readdirSync(folder), keep);
  for (const name of doomed) fs.rmSync(path.join(folder, name));
  return doomed;
}

/**
 * Replaces the database with a checked backup. The caller has made sure no server
 * uses it. The backup is copied beside the database first and renamed over it,
 * so an interruption leaves either the old database or the restored one.
 */
export function replaceDatabase(databaseFile: string, backupFile: string): void {
  const incoming = `${databaseFile}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  fsyncFile(incoming);
  const [, wal, shm, journal] = databaseFiles(databaseFile);
  for (const companion of [wal, shm, journal]) fs.rmSync(companion, { force: true });
  fs.renameSync(incoming, databaseFile);
}
