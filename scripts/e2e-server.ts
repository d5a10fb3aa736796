// Serves the production build for the end-to-end suite on a database made fresh
// for each run, so every run starts from the same seeded demo organisation.
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "../app/utils/env.server.ts";

const database = databaseFile(process.env.DATABASE_URL ?? "");
if (!database.includes(`${path.sep}tests${path.sep}`)) {
  console.error(`Refusing to reset ${database}: the end-to-end database must live under tests/.`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${database}${suffix}`, { force: true });

await import("./start.ts");
