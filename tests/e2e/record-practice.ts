// `tsx tests/e2e/record-practice.ts <userId> <scenario slug> <competent|poor> <days ago>`: stores one
// graded conversation played from the scenario's scripted replies (see recordPractice in people.ts).
import fs from "node:fs";
import { rubricsFor } from "~/content/practice.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import { prisma } from "~/utils/db.server.ts";

const [userId, slug, script, daysAgo] = process.argv.slice(2);
const catalog = await getPracticeCatalog();
const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug);
if (!scenario) throw new Error(`No scenario ${slug}`);
const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${slug}.json`, "utf8")) as Record<string, string[]>;
const startedAt = new Date(Date.now() - Number(daysAgo) * 86_400_000);
await recordScriptedAttempt(userId, scenario, rubricsFor(catalog, scenario), {
  messages: scripts[script],
  seed: 11,
  startedAt,
  replySeconds: 45,
});
await prisma.$disconnect();
