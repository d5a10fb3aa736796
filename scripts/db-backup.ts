// `npm run db:backup [-- --out NAME] [--keep N]`: a checked snapshot of the database while
// the server keeps serving, in BACKUP_DIR (by default `backups/` beside the database).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupTarget } from "../app/engine/operations/backups.ts";
import { databaseFile, readEnvOrExit } from "../app/utils/env.server.ts";
import { backupFolder, fail } from "./lib/backup-command.ts";
import { pruneBackups, takeBackup } from "./lib/backups.ts";

const ArgsSchema = z.object({
  out: z.string().trim().min(1, "--out needs a file name").optional(),
  keep: z.coerce
    .number({ invalid_type_error: "--keep must be a whole number" })
    .int("--keep must be a whole number")
    .min(1, "--keep must be at least 1: the backup just taken is always kept")
    .optional(),
});

let args: z.infer<typeof ArgsSchema>;
try {
  const { values } = parseArgs({ options: { out: { type: "string" }, keep: { type: "string" } }, strict: true });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join("; "));
  args = parsed.data;
} catch (error) {
  fail(`${(error as Error).message}. Usage: npm run db:backup -- [--out NAME] [--keep N]`);
}

const env = readEnvOrExit();
const database = databaseFile(env.DATABASE_URL);
if (!fs.existsSync(database)) fail(`there is no database at ${database}.`);
const folder = backupFolder(env, database);
const target = backupTarget({ folder, requested: args.out, databaseFile: database, takenAt: new Date(), exists: fs.existsSync });
if (!target.ok) fail(target.reason);

const check = takeBackup(database, target.file);
if (!check.ok) fail(check.reason);
const megabytes = (fs.statSync(target.file).size / 1e6).toFixed(1);
console.log(`Backed up ${database} to ${target.file} (${megabytes} MB; integrity check ok; ${check.migrations.length} migrations).`);
if (args.keep !== undefined) {
  const removed = pruneBackups(folder, args.keep);
  console.log(`Kept the newest ${args.keep} backup${args.keep === 1 ? "" : "s"}; removed ${removed.length} older.`);
}
