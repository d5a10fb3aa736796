// Drill: an online backup while the server takes writes, restored the way an operator would.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inspectDatabase, runScript, streamOfWrites } from "./operations.ts";
import { seededDatabase, signIn, startServer, type RunningServer } from "./server.ts";

let server: RunningServer;
let databaseFile: string;
let backupDir: string;

beforeAll(async () => {
  databaseFile = seededDatabase();
  backupDir = path.join(path.dirname(databaseFile), "backups");
  server = await startServer({ databaseFile });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const live = () => ({ DATABASE_URL: `file:${databaseFile}`, BACKUP_DIR: backupDir });

test("a backup taken during a stream of writes restores to a sound database holding every write acknowledged before it began", async () => {
  const writes = streamOfWrites(server, await signIn(server, "agent@frontline.test"));
  await writes.until(20);
  const before = writes.acknowledged.map(({ id }) => id);
  const backupStarted = performance.now();
  const backup = await runScript("scripts/db-backup.ts", ["--out", "drill.db"], live());
  const backupEnded = performance.now();
  await writes.until(before.length + 10);
  await writes.stop();

  expect(backup.stderr).toBe("");
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(/Backed up .* to .*drill\.db \([\d.]+ MB; integrity check ok; \d+ migrations\)/);
  const duringBackup = writes.acknowledged.filter(({ at }) => at > backupStarted && at < backupEnded);
  expect(duringBackup.length, "the server kept acknowledging writes while the backup ran").toBeGreaterThan(0);

  const restoredFile = path.join(path.dirname(databaseFile), "restored.db");
  const restore = await runScript("scripts/db-restore.ts", [path.join(backupDir, "drill.db")], {
    ...live(),
    DATABASE_URL: `file:${restoredFile}`,
  });
  expect(restore.stderr).toBe("");
  expect(restore.code).toBe(0);
  const restored = inspectDatabase(restoredFile, before);
  expect(restored.integrity).toBe("ok");
  expect(restored.present.size).toBe(before.length);
}, 120_000);

test("restore refuses a database a server is using, and a file that is not a sound Frontline backup", async () => {
  fs.mkdirSync(backupDir, { recursive: true });
  const sound = await runScript("scripts/db-backup.ts", ["--out", "sound.db"], live());
  expect(sound.code).toBe(0);
  const refused = await runScript("scripts/db-restore.ts", [path.join(backupDir, "sound.db")], live());
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`is being served (process ${server.pid})`);

  const elsewhere = { ...live(), DATABASE_URL: `file:${path.join(path.dirname(databaseFile), "other.db")}` };
  const notADatabase = path.join(backupDir, "notes.db");
  fs.writeFileSync(notADatabase, "these are not the backups you are looking for");
  const damaged = path.join(backupDir, "damaged.db");
  const bytes = fs.readFileSync(path.join(backupDir, "sound.db"));
  bytes.fill(0x5a, 4096 * 3, 4096 * 6);
  fs.writeFileSync(damaged, bytes);
  for (const [file, reason] of [
    [notADatabase, "is not a SQLite database"],
    [damaged, "integrity"],
    [path.join(backupDir, "missing.db"), "does not exist"],
  ]) {
    const result = await runScript("scripts/db-restore.ts", [file], elsewhere);
    expect(result.code, file).toBe(1);
    expect(result.stderr, file).toMatch(new RegExp(reason, "i"));
    expect(fs.existsSync(path.join(path.dirname(databaseFile), "other.db")), file).toBe(false);
  }
}, 120_000);

test("backups go only inside the backup folder, never over a file, and a retention limit removes only the oldest backups", async () => {
  for (const out of ["../escape.db", "/tmp/escape.db", path.relative(backupDir, databaseFile)]) {
    const result = await runScript("scripts/db-backup.ts", ["--out", out], live());
    expect(result.code, out).toBe(1);
    expect(result.stderr, out).toContain("outside the backup folder");
  }
  const retentionDir = path.join(path.dirname(databaseFile), "retained");
  fs.mkdirSync(retentionDir);
  fs.writeFileSync(path.join(retentionDir, "keep-me.txt"), "not a backup");
  for (let i = 0; i < 3; i++) {
    const result = await runScript("scripts/db-backup.ts", ["--keep", "2"], { ...live(), BACKUP_DIR: retentionDir });
    expect(result.code).toBe(0);
  }
  const names = fs.readdirSync(retentionDir).sort();
  expect(names).toHaveLength(3);
  expect(names).toContain("keep-me.txt");
  expect(names.filter((name) => name.startsWith("frontline-"))).toHaveLength(2);

  const again = await runScript("scripts/db-backup.ts", ["--out", names[0]], { ...live(), BACKUP_DIR: retentionDir });
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("already exists");
}, 120_000);
