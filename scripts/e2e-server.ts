// Serves the production build for the end-to-end suite on a database made fresh
// for each run, so every run starts from the same seeded demo organisation.
import fs from "node:fs";
import path from "node:path";

const databaseFile = path.resolve((process.env.DATABASE_URL ?? "").replace(/^file:/, ""));
if (!databaseFile.includes(`${path.sep}tests${path.sep}`)) {
  console.error(`Refusing to reset ${databaseFile}: the end-to-end database must live under tests/.`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databaseFile}${suffix}`, { force: true });

await import("./start.ts");
