import path from "node:path";
import type { Env } from "../../app/utils/env.server.ts";

/** Where backups are written and looked for. */
export function backupFolder(env: Env, databaseFile: string): string {
  return path.resolve(env.BACKUP_DIR ?? path.join(path.dirname(databaseFile), "backups"));
}

/** Stops the command with one line saying why. */
export function fail(reason: string): never {
  console.error(`✖ ${reason}`);
  process.exit(1);
}
