// Runs the real production server (server/index.ts as the build compiled it, over the built app) as its
// own process, for tests of what only a whole server shows: body limits before
// Remix, headers, memory under hostile requests, a disk that fills up.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildIsStale } from "../../scripts/lib/run.ts";

const TMP_DIR = path.resolve("tests/.tmp");

function runOrThrow(command: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The production build, made first when it is missing or older than its sources (vitest's global setup calls this once). */
export function ensureBuild(): void {
  if (buildIsStale()) runOrThrow("npm", ["run", "build"], { NODE_ENV: "production" });
}

/** A new database file with the demo organisation, in its own folder under tests/.tmp. */
export function seededDatabase(): string {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(fs.mkdtempSync(path.join(TMP_DIR, "server-")), "frontline.db");
  const env = { DATABASE_URL: `file:${file}` };
  runOrThrow("node_modules/.bin/tsx", ["scripts/migrate.ts"], env);
  runOrThrow("node_modules/.bin/tsx", ["prisma/seed.ts"], env);
  return file;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = {
  url: string;
  pid: number;
  /** Resident memory of the server process, in MB. */
  rssMb(): number;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
  stop(): Promise<void>;
};

/** The command line that runs the server in this process, without a wrapper process between. */
export const SERVER_COMMAND = [process.execPath, "build/server.js"];

/**
 * Starts the server on a free port and waits until /healthz answers. `command`
 * may wrap SERVER_COMMAND (e.g. in a mount namespace) as long as the server
 * ends up as the process spawned.
 */
export async function startServer({
  databaseFile,
  command = SERVER_COMMAND,
  env = {},
}: {
  databaseFile: string;
  command?: string[];
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: `file:${databaseFile}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // "close", not "exit": it comes once the output pipes are read to the end, so the last lines are in.
  const exit = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server was not ready within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    rssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    output: () => output,
    exited: () => exit,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/** Runs `use` against a server started for it, and stops the server however `use` ends. */
export async function withServer<T>(options: Parameters<typeof startServer>[0], use: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

export const DEMO_PASSWORD = "frontline-demo";

/** Posts a form as a Frontline page would (same origin), without following a redirect. */
export function postForm(
  server: RunningServer,
  pathname: string,
  fields: Record<string, string> | [string, string][],
  cookie = "",
): Promise<Response> {
  return fetch(`${server.url}${pathname}`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
}

/** Signs in through the login form; returns the session cookie to send back. */
export async function signIn(server: RunningServer, email: string): Promise<string> {
  const reply = await postForm(server, "/login", { intent: "login", email, password: DEMO_PASSWORD });
  const session = reply.headers.getSetCookie().find((cookie) => cookie.startsWith("frontline_session="));
  if (reply.status !== 302 || !session) throw new Error(`Could not sign in as ${email}: ${reply.status}`);
  return session.split(";")[0];
}
