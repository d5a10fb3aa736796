import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SHIM = path.resolve("scripts/unref-long-timers.cjs");

/** Runs a command with inherited output; exits the process with its code when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed${result.status === null ? "" : ` (exit ${result.status})`}`);
    process.exit(result.status ?? 1);
  }
}

export function bin(name: string): string {
  return path.resolve("node_modules/.bin", name);
}

/** The Prisma CLI, with the timer shim that lets it exit promptly (see the shim's comment). */
export function prisma(args: string[], env: Record<string, string> = {}): void {
  const nodeOptions = [process.env.NODE_OPTIONS, `--require=${SHIM}`].filter(Boolean).join(" ");
  run(bin("prisma"), args, { ...env, NODE_OPTIONS: nodeOptions });
}

/** Applies committed migrations to the database at `databaseUrl`, creating its folder if needed. */
export function migrateDeploy(databaseUrl: string): void {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  prisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
}

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const BUILD_INPUTS = ["app", "content", "remix.config.js", "package-lock.json", "tsconfig.json"];
const BUILD_OUTPUTS = ["build/index.js", "build/content/catalog.json"];

/** True when the production build is missing or older than any of its sources. */
export function buildIsStale(): boolean {
  if (!BUILD_OUTPUTS.every((output) => fs.existsSync(output))) return true;
  const builtAt = Math.min(...BUILD_OUTPUTS.map((output) => fs.statSync(output).mtimeMs));
  return BUILD_INPUTS.some((input) => newestChange(input) > builtAt);
}
