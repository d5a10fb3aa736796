// For the operations drills: a stream of acknowledged writes against a running
// server, the backup and restore commands as an operator runs them, and a look
// inside a database file afterwards.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { integrity } from "../../scripts/lib/backups.ts";
import { postForm, type RunningServer } from "./server.ts";

export type Acknowledged = { id: string; at: number };

/**
 * Starts practice conversations from `writers` clients at once until stopped;
 * each one the server acknowledged (a redirect to the new conversation) is
 * recorded with the moment its answer arrived.
 */
export function streamOfWrites(server: RunningServer, cookie: string, writers = 4) {
  const acknowledged: Acknowledged[] = [];
  let stopped = false;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      try {
        const reply = await postForm(server, "/practice/scenarios/late-delivery", { intent: "start" }, cookie);
        const id = /\/practice\/attempts\/([^/?]+)/.exec(reply.headers.get("location") ?? "")?.[1];
        if (reply.status === 302 && id) acknowledged.push({ id, at: performance.now() });
      } catch {
        // The server went away mid-request: that write was never acknowledged.
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
  return {
    acknowledged,
    async until(count: number): Promise<void> {
      while (acknowledged.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export type CommandResult = { code: number | null; stdout: string; stderr: string };

/** Runs an npm script's TypeScript as `npm run` would, without blocking this process's event loop. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", [script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const result: CommandResult = { code: null, stdout: "", stderr: "" };
    child.stdout.on("data", (chunk) => (result.stdout += chunk));
    child.stderr.on("data", (chunk) => (result.stderr += chunk));
    child.on("exit", (code) => resolve({ ...result, code }));
  });
}

/** SQLite's integrity verdict for a file and which of `ids` its practice conversations include. */
export function inspectDatabase(file: string, ids: string[]): { integrity: string; present: Set<string> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT id FROM PracticeAttempt").all() as { id: string }[];
    const all = new Set(rows.map((row) => row.id));
    return { integrity: integrity(db), present: new Set(ids.filter((id) => all.has(id))) };
  } finally {
    db.close();
  }
}
