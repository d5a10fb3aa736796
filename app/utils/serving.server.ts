// Each server process leaves a marker beside the database while it serves it,
// so `npm run db:restore` can refuse to replace a database that is in use.
import fs from "node:fs";
import path from "node:path";

function markerFolder(databaseFile: string): string {
  return `${databaseFile}.serving`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Marks this process as serving the database; the returned function removes the mark. */
export function markServing(databaseFile: string): () => void {
  const folder = markerFolder(databaseFile);
  fs.mkdirSync(folder, { recursive: true });
  const marker = path.join(folder, String(process.pid));
  fs.writeFileSync(marker, new Date().toISOString());
  return () => fs.rmSync(marker, { force: true });
}

/**
 * The processes on this machine serving the database. Marks left by a process
 * that no longer runs (killed without a chance to clean up) are removed.
 */
export function serversUsing(databaseFile: string): number[] {
  const folder = markerFolder(databaseFile);
  if (!fs.existsSync(folder)) return [];
  const running: number[] = [];
  for (const name of fs.readdirSync(folder)) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) running.push(pid);
    else fs.rmSync(path.join(folder, name), { force: true });
  }
  return running;
}
