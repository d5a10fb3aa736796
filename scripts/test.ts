// `npm test`: every check the project has, in order, ending with one line
// "N passed, N failed" summed over the unit/integration and end-to-end suites.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, prisma, run } from "./lib/run.ts";

const RESULTS = path.resolve("tests/.results");

function ensureChromium(): void {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canApt) {
    console.error(
      `Chromium was not found at ${chromium}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
}

function step(title: string): void {
  console.log(`\n▶ ${title}`);
}

/** Runs a test suite without stopping on failure; its JSON report is read afterwards. */
function suite(command: string, args: string[], env: Record<string, string> = {}): boolean {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

ensureChromium();
fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

step("Typecheck");
run(bin("tsc"), ["--noEmit"]);

step("Lint and formatting");
run(bin("eslint"), ["."]);
run(bin("prettier"), ["--check", "--log-level=warn", "."]);

step("Content");
run(bin("tsx"), ["scripts/content.ts", "check"]);

step("Message catalogs");
run(bin("tsx"), ["scripts/i18n-check.ts"]);

step("Migrations match the schema");
prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"]);

// Built first: integration tests of the whole server and the end-to-end tests both run the production build.
step("Production build");
run("npm", ["run", "build"]);

step("Unit and integration tests");
const vitestOk = suite(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/vitest.json`]);

step("End-to-end tests in Chromium");
const e2eOk = suite(bin("playwright"), ["test"]);

const vitest = readJson(`${RESULTS}/vitest.json`);
const e2e = readJson(`${RESULTS}/e2e.json`)?.stats as Record<string, number> | undefined;
const passed = Number(vitest?.numPassedTests ?? 0) + (e2e?.expected ?? 0) + (e2e?.flaky ?? 0);
const failed = Number(vitest?.numFailedTests ?? 0) + (e2e?.unexpected ?? 0);
const suitesFailedToReport = (!vitestOk && !vitest) || (!e2eOk && !e2e);

// The summary is the last thing a CI log shows; name each failed unit or integration test there too.
type VitestFile = { name: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] };
for (const file of (vitest?.testResults ?? []) as VitestFile[]) {
  for (const result of file.assertionResults.filter((entry) => entry.status === "failed"))
    console.log(`✘ ${path.relative(process.cwd(), file.name)} › ${result.fullName}: ${result.failureMessages?.[0]?.split("\n")[0] ?? ""}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitestOk && e2eOk && !suitesFailedToReport && failed === 0 ? 0 : 1);
