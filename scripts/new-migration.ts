// `npm run db:new-migration -- <name>`: writes the SQL that takes the committed
// migrations to the current prisma/schema.prisma (see docs/migrations.md).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin } from "./lib/run.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name in snake_case: npm run db:new-migration -- add_module_progress");
  process.exit(1);
}

const diff = spawnSync(
  bin("prisma"),
  ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: `--require=${path.resolve("scripts/unref-long-timers.cjs")}` },
  },
);
if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(diff.status ?? 1);
}
const sql = diff.stdout.trim();
if (sql === "" || sql === "-- This is an empty migration.") {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
console.log(`Wrote ${folder}/migration.sql: review it, then run npm run db:migrate.`);
