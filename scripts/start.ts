// `npm start`: build if needed, migrate, seed an empty database, then serve.
// Each step prints at most one line; a failing step prints what it said and stops.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bin, buildIsStale, cannotStart, migrateDeploy } from "./lib/run.ts";

process.env.NODE_ENV ??= "production";

const { readEnvOrExit } = await import("../app/utils/env.server.ts");
const env = readEnvOrExit();
process.env.DATABASE_URL = env.DATABASE_URL;

/** Runs a step with its output held back, and shows that output only when the step fails. */
function runQuietly(what: string, command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    cannotStart(`${what} failed; its output is above.`);
  }
  return result.stdout.trim();
}

if (buildIsStale()) {
  runQuietly("the build", "npm", ["run", "build", "--silent"]);
  console.log("Built the app from its sources.");
}
migrateDeploy(env.DATABASE_URL);
const seedReport = runQuietly("seeding the demo organisation", bin("tsx"), ["prisma/seed.ts"]);
console.log(seedReport.split("\n").at(-1));
// The server as `npm run build` compiled it: no TypeScript is compiled while serving.
await import(pathToFileURL(path.resolve("build/server.js")).href);
