import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DATABASE, TMP_DIR } from "./paths.ts";

// Each test file works on its own copy of the migrated database. This runs
// before the file's imports, so the app's Prisma client opens the copy.
const databaseFile = path.join(TMP_DIR, `test-${randomUUID()}.db`);
fs.copyFileSync(BASE_DATABASE, databaseFile);
process.env.DATABASE_URL = `file:${databaseFile}`;

afterAll(async () => {
  const { prisma } = await import("~/utils/db.server.ts");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
});
