// A real full disk: the server runs in its own mount namespace with the
// database on a small tmpfs, which the test fills and frees from outside.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SERVER_COMMAND, seededDatabase, signIn, startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let disk: string;
let cookie: string;

/** Runs a shell command in the server's mount namespace, where the tmpfs is. */
function inServerNamespace(script: string): void {
  const result = spawnSync("nsenter", ["--target", String(server.pid), "--mount", "sh", "-c", script], {
    encoding: "utf8",
    env: { ...process.env, DISK: disk },
  });
  if (result.status !== 0) throw new Error(`nsenter failed: ${result.stderr}`);
}

const fillDisk = () => inServerNamespace('cat /dev/zero > "$DISK/filler" 2>/dev/null; true');
const freeDisk = () => inServerNamespace('rm -f "$DISK/filler"');

async function post(pathname: string, body: string): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, ms: performance.now() - started, text: await response.text() };
}

async function health(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(20_000) });
  return { status: response.status, body: await response.json() };
}

const startPractice = () => post("/practice/scenarios/late-delivery", new URLSearchParams({ intent: "start" }).toString());
const saveReflection = (text: string) =>
  post("/learn/modules/how-support-works", new URLSearchParams({ intent: "reflection", reflectionId: "case-number", text }).toString());

beforeAll(async () => {
  const seeded = seededDatabase();
  disk = path.join(path.dirname(seeded), "disk");
  fs.mkdirSync(disk);
  const mountAndServe = 'mount -t tmpfs -o size=16m tmpfs "$DISK" && cp "$SEEDED" "$DISK/frontline.db" && exec "$@"';
  server = await startServer({
    databaseFile: path.join(disk, "frontline.db"),
    command: ["unshare", "--mount", "--propagation", "private", "sh", "-c", mountAndServe, "sh", ...SERVER_COMMAND],
    env: { DISK: disk, SEEDED: seeded },
  });
  cookie = await signIn(server, "agent@frontline.test");
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

test("with the disk full, writes fail fast with a clear 503 and /healthz says the database can't be written; once space is back, everything works again", async () => {
  expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  expect((await startPractice()).status).toBe(302);

  fillDisk();
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const write of [startPractice, () => saveReflection(`While the disk is full ${attempt}`)]) {
      const reply = await write();
      expect(reply.status, server.output()).toBe(503);
      expect(reply.text).toContain("storage is full or unavailable");
      expect(reply.ms).toBeLessThan(10_000);
    }
  }
  expect(await health()).toEqual({ status: 503, body: { status: "error", database: "cannot-write" } });
  // Pages that only read keep working.
  const home = await fetch(`${server.url}/`, { headers: { Cookie: cookie } });
  expect(home.status).toBe(200);

  freeDisk();
  expect((await startPractice()).status).toBe(302);
  const saved = await saveReflection("Written after the disk was freed");
  expect(saved.status).toBe(200);
  expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
}, 120_000);
