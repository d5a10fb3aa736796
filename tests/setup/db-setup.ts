import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Each test file works on its own copy of the run's migrated database. This
// runs before the file's imports, so the app's Prisma client opens the copy.
const baseDatabase = inject("baseDatabase");
const databaseFile = path.join(path.dirname(baseDatabase), `test-${randomUUID()}.db`);
fs.copyFileSync(baseDatabase, databaseFile);
process.env.DATABASE_URL = `file:${databaseFile}`;

afterAll(async () => {
  const { prisma } = await import("~/utils/db.server.ts");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
});
