// `npm run db:restore -- FILE`: replaces the database with a backup, with every server
// using it stopped. The backup is checked first, and the database it replaces is kept
// as a backup of its own, so a restore loses nothing.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupTarget, databaseFiles } from "../app/engine/operations/backups.ts";
import { databaseFile, readEnvOrExit } from "../app/utils/env.server.ts";
import { serversUsing } from "../app/utils/serving.server.ts";
import { backupFolder, fail } from "./lib/backup-command.ts";
import { checkBackup, replaceDatabase, takeBackup } from "./lib/backups.ts";

let requested: string;
try {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error("name one backup file");
  requested = positionals[0];
} catch (error) {
  fail(`${(error as Error).message}. Usage: npm run db:restore -- FILE`);
}

const env = readEnvOrExit();
const database = databaseFile(env.DATABASE_URL);
const backup = path.resolve(requested);
if (databaseFiles(database).includes(backup)) fail(`${backup} is the live database itself; name a backup file.`);

const servers = serversUsing(database);
if (servers.length > 0) {
  fail(`${database} is being served (process ${servers.join(", ")}); stop every server using it, then restore.`);
}
const check = checkBackup(backup);
if (!check.ok) fail(check.reason);

if (fs.existsSync(database)) {
  const folder = backupFolder(env, database);
  const keep = backupTarget({ folder, requested: undefined, databaseFile: database, takenAt: new Date(), exists: fs.existsSync });
  if (!keep.ok) fail(keep.reason);
  const kept = takeBackup(database, keep.file);
  if (!kept.ok) fail(`the current database could not be kept before restoring: ${kept.reason}`);
  console.log(`Kept the current database as ${keep.file}.`);
}
replaceDatabase(database, backup);
console.log(`Restored ${database} from ${backup} (${check.migrations.length} migrations). Start the server to apply any newer ones.`);
