// `npm run bench`: serves the production build over a large seeded organisation
// and measures each page against a trivial route in the same server and the
// same run, so the figures are ratios that hold across machines. Writes
// docs/benchmarks.md.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import type { ServerBuild } from "@remix-run/node";
import autocannon from "autocannon";
import { EMPATHY_CRITERIA, evaluateEmpathy, readChineseLabelled, readLabelled } from "./lib/empathy-eval.ts";
import { measureGrader } from "./lib/grader-bench.ts";
import { measureMatching } from "./lib/matching-bench.ts";
import { bin, buildIsStale, migrateDeploy, run } from "./lib/run.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const LARGE = { teams: 40, agentsPerTeam: 25 };
const LONG_HISTORY = {
  gradedAttempts: 50_000,
  prefix: "history",
  teamName: "Long History",
  leadEmail: "lead.history@frontline.test",
  agentEmail: (n: number) => `history.agent${n}@frontline.test`,
};
const MIXED = { requestsPerSecond: 50, seconds: 30, agents: 8 };
/**
 * The same profile taken before the evidence rollups and the compiled server (commit a3a6fd5, the
 * same pages without the 50,000-conversation team, 2026-12-05), kept by hand: a run cannot go back in time.
 */
const PROFILE_BEFORE = [
  "Before the evidence rollups and the compiled server (commit a3a6fd5, 2026-12-05: the same pages without the",
  "50,000-conversation team, server run through tsx): 91.0 s of busy time, of which Node.js internals 19.5%, the SQLite",
  "driver 16.2%, other libraries 13.6%, garbage collection 11.1%, route matching 10.8%, the Prisma client 8.7%, React",
  "7.0%, Frontline's code 6.0%, i18next 3.4%. Top functions: `performIO` (Prisma's SQLite adapter) 13.0%, garbage",
  "collection 11.1%, `compilePath` (route matching) 3.5%, `writev` 3.0%, `prepare` (better-sqlite3) 2.5%, `createFormatter`",
  "1.7%. tsx also ran a module-loader thread beside the server (2.9 s of its own, compiling TypeScript at start).",
];

process.env.NODE_ENV = "production";
if (buildIsStale()) run("npm", ["run", "build"]);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-bench-"));
const databaseUrl = `file:${path.join(dataDir, "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;
migrateDeploy(databaseUrl);
run(bin("tsx"), ["prisma/seed.ts"], { DATABASE_URL: databaseUrl });
// Installed before any app module opens the database, so the statements a page loader runs in
// this process can be counted (the readiness table's budget below).
const { createCountingPrismaClient } = await import("./lib/counting-prisma.ts");
const statements: string[] = [];
(globalThis as { prisma?: unknown }).prisma = createCountingPrismaClient(databaseUrl, statements);
const { seedLargeOrganisation } = await import("./lib/large-organisation.ts");
await seedLargeOrganisation(LARGE);
const { COACHING_TEAM, seedCoachingTeam } = await import("./lib/coaching-team.ts");
await seedCoachingTeam();
// The same team with ten times the history: team pages must cost the same for both.
await seedCoachingTeam(LONG_HISTORY);
const { prisma } = await import("../app/utils/db.server.ts");
const people = await prisma.user.count();
await prisma.$disconnect();

// Profiled for the whole run, written when it stops: where a request's time goes.
const profileDir = path.join(dataDir, "profile");
const server = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "build/server.js"], {
  env: { ...process.env, PORT: String(PORT), DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
let serverOutput = "";
server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The server did not start");
}

async function sessionCookie(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "login", email, password: "frontline-demo" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`Could not sign in as ${email}`);
  return cookie;
}

/**
 * SQL statements one request for the page runs, from the session check to the last loader:
 * the same build handles the request in this process, where every statement is counted.
 */
async function countStatements(urlPath: string, cookie?: string): Promise<number> {
  const { createRequestHandler } = await import("@remix-run/node");
  const build = (await import(url.pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");
  const request = () => new Request(`${BASE}${urlPath}`, { headers: cookie ? { cookie } : {} });
  await handle(request(), { cspNonce: "bench", clientAddress: "127.0.0.1" });
  statements.length = 0;
  const response = await handle(request(), { cspNonce: "bench", clientAddress: "127.0.0.1" });
  if (response.status !== 200) throw new Error(`${urlPath} answered ${response.status} when counting its statements`);
  return statements.length;
}

/** Resident memory of the server process, in MB. */
function serverRss(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

type Result = {
  name: string;
  path: string;
  cookie?: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statements?: number;
};

async function measure(name: string, urlPath: string, cookie?: string): Promise<Result> {
  const outcome = await autocannon({
    url: `${BASE}${urlPath}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const result: Result = {
    name,
    path: urlPath,
    cookie,
    requestsPerSecond: outcome.requests.average,
    p50: outcome.latency.p50,
    p99: outcome.latency.p99,
    errors: outcome.non2xx + outcome.errors,
  };
  console.log(
    `${name.padEnd(44)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`,
  );
  return result;
}

await waitForServer();
const agent = await sessionCookie("agent@frontline.test");
const admin = await sessionCookie("admin@frontline.test");
const insightsLead = await sessionCookie(COACHING_TEAM.leadEmail);
const historyLead = await sessionCookie(LONG_HISTORY.leadEmail);
const mentee = await sessionCookie("ravi.menon@frontline.test");

const floorBefore = await measure("floor: /robots.txt", "/robots.txt");
const results = [
  await measure("health check (one query)", "/healthz"),
  await measure("home page, agent", "/", agent),
  await measure("Learn: path and library, agent", "/learn", agent),
  await measure("module page (compiled once), agent", "/learn/modules/how-support-works", agent),
  await measure(`people's learning, admin (${people} people)`, "/learn/people", admin),
  await measure("team insights, lead of 50 agents (5,000 graded attempts)", "/coaching/insights", insightsLead),
  await measure("Career: readiness and evidence, agent", "/career", agent),
  await measure("team readiness, lead of 50 agents (5,000 graded attempts)", "/career/team", insightsLead),
  await measure("team insights, lead of 50 agents (50,000 graded attempts)", "/coaching/insights", historyLead),
  await measure("team readiness, lead of 50 agents (50,000 graded attempts)", "/career/team", historyLead),
  await measure("Mentoring: ranked suggestions, mentee", "/mentoring", mentee),
];
const floorAfter = await measure("floor: /robots.txt (again)", "/robots.txt");

console.log(`\nMixed traffic at ${MIXED.requestsPerSecond} requests/s for ${MIXED.seconds} s…`);
const { runMixedTraffic } = await import("./lib/mixed-traffic.ts");
const mixedAgents = await Promise.all(Array.from({ length: MIXED.agents }, (_, n) => sessionCookie(COACHING_TEAM.agentEmail(n + 1))));
const rssBefore = serverRss();
const mixed = await runMixedTraffic({
  base: BASE,
  agents: mixedAgents,
  lead: insightsLead,
  scenarioSlug: "late-delivery",
  requestsPerSecond: MIXED.requestsPerSecond,
  seconds: MIXED.seconds,
});
const rssAfter = serverRss();
console.log(`  p50 ${mixed.p50.toFixed(0)} ms  p95 ${mixed.p95.toFixed(0)} ms  p99 ${mixed.p99.toFixed(0)} ms  errors ${mixed.errors}`);

for (const result of results) result.statements = await countStatements(result.path, result.cookie);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
const { summariseCpuProfile } = await import("./lib/cpu-profile.ts");
const profile = summariseCpuProfile(path.join(profileDir, fs.readdirSync(profileDir)[0]));
fs.rmSync(dataDir, { recursive: true, force: true });
const compiles = /MDX compiles during this run: (\d+)/.exec(serverOutput)?.[1] ?? "unknown";

console.log("\nMatching and grader…");
const matching = measureMatching();
const grader = await measureGrader();
const labelled = readLabelled();
const agreement = await evaluateEmpathy(labelled);
const chinese = readChineseLabelled();
const chineseAgreement = await evaluateEmpathy(chinese);

const floor = (floorBefore.requestsPerSecond + floorAfter.requestsPerSecond) / 2;
const floorP50 = (floorBefore.p50 + floorAfter.p50) / 2 || 1;
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  "# Benchmarks",
  "",
  "Measured by `npm run bench`: the production build served by `server/index.ts` over a seeded database",
  `(the demo organisation plus ${LARGE.teams} teams of ${LARGE.agentsPerTeam} agents with onboarding history, and ${COACHING_TEAM.teamName}:`,
  "50 agents with 5,000 graded practice conversations, assignments and 1:1s; Long History: the same team with 50,000 —",
  `${people} people),`,
  `loaded by autocannon from the same machine with ${CONNECTIONS} connections for ${DURATION_SECONDS} s per page.`,
  "Absolute numbers depend on the machine; the ratios compare each page with the framework floor — a",
  "trivial route (`/robots.txt`) through the same Express + Remix stack, measured before and after the",
  "pages in the same run — and are what to compare between runs.",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, Node ${process.version}.`,
  "",
  "| page | requests/s | share of floor throughput | p50 latency | p50 vs floor | p99 latency | non-2xx | SQL statements |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  `| floor (/robots.txt), mean of before and after | ${floor.toFixed(0)} | 1.00 | ${floorP50.toFixed(1)} ms | 1.0× | ${Math.max(floorBefore.p99, floorAfter.p99)} ms | ${floorBefore.errors + floorAfter.errors} | 0 |`,
  ...results.map(
    (result) =>
      `| ${result.name} (\`${result.path}\`) | ${result.requestsPerSecond.toFixed(0)} | ${(result.requestsPerSecond / floor).toFixed(2)} | ${result.p50} ms | ${(result.p50 / floorP50).toFixed(1)}× | ${result.p99} ms | ${result.errors} | ${result.statements} |`,
  ),
  "",
  `Floor drift within the run: ${floorBefore.requestsPerSecond.toFixed(0)} → ${floorAfter.requestsPerSecond.toFixed(0)} requests/s.`,
  "SQL statements: those one request for the page runs, from the session check to the last loader.",
  "",
  "## Mixed traffic",
  "",
  `${MIXED.requestsPerSecond} requests a second for ${MIXED.seconds} s, sent on a fixed schedule whatever the answers take (an open loop, so each`,
  `request's own time is measured): ${MIXED.agents} agents of ${COACHING_TEAM.teamName} cycling through their home page, Learn, a module, Practice,`,
  "a step in a practice conversation of their own (a reply, or starting a new conversation after two replies) and Career,",
  "and their lead opening team insights or team readiness once in every 19 requests.",
  "",
  "| figure | value | goal |",
  "|---|---:|---|",
  `| requests answered | ${mixed.requests} | ${MIXED.requestsPerSecond * MIXED.seconds} |`,
  `| p50 latency | ${mixed.p50.toFixed(0)} ms | — |`,
  `| p95 latency | ${mixed.p95.toFixed(0)} ms | ≤ 150 ms |`,
  `| p99 latency | ${mixed.p99.toFixed(0)} ms | ≤ 400 ms |`,
  `| slowest request | ${mixed.max.toFixed(0)} ms | — |`,
  `| errors (status ≥ 400 or no answer) | ${mixed.errors}${
    mixed.errors === 0
      ? ""
      : ` (${Object.entries(mixed.failures)
          .map(([reason, count]) => `${reason}: ${count}`)
          .join("; ")})`
  } | 0 |`,
  `| server's resident memory before → after | ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB | — |`,
  "",
  `Requests by kind: ${Object.entries(mixed.mix)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ")}.`,
  "",
  `MDX compiles in the server during the run: **${compiles}** (modules are compiled by \`npm run build\`; the server only reads`,
  "`build/content/catalog.json`).",
  "",
  "## Where a request's time goes",
  "",
  `A CPU profile of the server (\`node --cpu-prof\`) over the whole run above: ${profile.busySeconds.toFixed(1)} s of busy time, shared out by`,
  "each function's own time (not what it called).",
  "",
  "| part of the stack | share of busy time |",
  "|---|---:|",
  ...profile.parts.map((part) => `| ${part.name} | ${(part.share * 100).toFixed(1)}% |`),
  "",
  "| function — where | share of busy time |",
  "|---|---:|",
  ...profile.functions.map((entry) => `| \`${entry.name.replaceAll("|", "\\|")}\` | ${(entry.share * 100).toFixed(1)}% |`),
  "",
  ...PROFILE_BEFORE,
  "",
  "## Careers and mentoring",
  "",
  "Measured in this process, same run.",
  "",
  "| figure | value | goal |",
  "|---|---:|---|",
  `| optimal whole-pool matching, ${matching.mentees.toLocaleString("en")} mentees × ${matching.mentors} mentors (${matching.places} free places, ${matching.matched} matched), median of ${matching.runs} | ${matching.medianSeconds.toFixed(2)} s | < 2 s |`,
  "",
  "## Grader",
  "",
  "Measured in one process (one core), same run.",
  "",
  "| figure | value | goal |",
  "|---|---:|---|",
  `| distinct 20-turn transcripts graded per second, every message read for the first time (all five rubrics) | ${grader.transcriptsPerSecond.toFixed(0)} | ≥ 1,000 |`,
  `| ceiling set by the language library: transcripts per second if grading did nothing but wink-nlp's reading of the ten agent replies | ${grader.libraryCeilingPerSecond.toFixed(0)} | — |`,
  `| signal analysis per agent message | ${grader.microsecondsPerMessage.toFixed(1)} µs | — |`,
  `| \`npm run grade -- --input\` on ${grader.gradeCommandReplies.toLocaleString("en")} replies, whole process | ${grader.gradeCommandSeconds.toFixed(1)} s | < 60 s |`,
  "",
  "## Agreement with people (empathy)",
  "",
  `\`npm run grade:eval\` grades the ${labelled.length} replies labelled to \`docs/empathy-labelling-guide.md\` (\`tests/fixtures/empathy/\` and`,
  `\`tests/fixtures/empathy-labelled.jsonl\`): ${labelled.filter((item) => item.split === "dev").length} dev, ${labelled.filter((item) => item.split === "held-out").length} held out. The model (ADR 009) is trained on the dev part only, so`,
  "the dev figures only say it fits its data; the held-out part measures agreement with people on replies it never saw.",
  "`tests/integration/grader-agreement.test.ts` fails if macro-F1 drops below these figures.",
  "",
  "| criterion | dev macro-F1 | held-out macro-F1 | held-out accuracy | held-out Cohen's kappa |",
  "|---|---:|---:|---:|---:|",
  ...EMPATHY_CRITERIA.map(
    (id) =>
      `| ${id} | ${agreement[id].dev.macroF1.toFixed(3)} | ${agreement[id].heldOut.macroF1.toFixed(3)} | ${agreement[id].heldOut.accuracy.toFixed(3)} | ${agreement[id].heldOut.kappa.toFixed(3)} |`,
  ),
  "",
  "### In Chinese",
  "",
  `The ${chinese.length} Chinese replies in \`tests/fixtures/empathy-zh/\` (both scripts, labelled to the same guide): ${chinese.filter((item) => item.split === "dev").length} dev, ${chinese.filter((item) => item.split === "held-out").length} held out.`,
  "Chinese empathy levels come from their own model (`app/engine/simulation/empathy-weights-zh.json`), trained by `npm run grader:train` on the dev part only, over the readings and lexicon cues of the phrase rules in `app/engine/simulation/signals-chinese.ts`.",
  "",
  "| criterion | dev macro-F1 | held-out macro-F1 | held-out accuracy | held-out Cohen's kappa |",
  "|---|---:|---:|---:|---:|",
  ...EMPATHY_CRITERIA.map(
    (id) =>
      `| ${id} (zh) | ${chineseAgreement[id].dev.macroF1.toFixed(3)} | ${chineseAgreement[id].heldOut.macroF1.toFixed(3)} | ${chineseAgreement[id].heldOut.accuracy.toFixed(3)} | ${chineseAgreement[id].heldOut.kappa.toFixed(3)} |`,
  ),
  "",
];
fs.writeFileSync("docs/benchmarks.md", lines.join("\n"));
console.log(`\nMDX compiles during the run: ${compiles}\nWrote docs/benchmarks.md`);
