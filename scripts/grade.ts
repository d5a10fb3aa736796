// `npm run grade -- --input FILE.jsonl` grades one agent reply per line and
// writes one JSON line per input to stdout, in order; problems go to stderr
// with their line number. `--transcript FILE.json` grades a whole conversation.
import fs from "node:fs";
import readline from "node:readline";
import { z } from "zod";
import { getContentPracticeCatalog, rubricsFor } from "../app/content/practice.server.ts";
import { gradeScenarioConversation } from "../app/engine/grading/grade.ts";
import { gradeReply } from "../app/engine/grading/reply.ts";
import { LOCALES } from "../app/i18n/locales.ts";

// `lang` (optional) is the conversation's language; without it each reply is read in its own.
const ReplyLine = z.object({ id: z.string(), customer: z.string(), agent: z.string(), lang: z.enum(LOCALES).optional() });
const TranscriptFile = z.object({
  scenario: z.string(),
  turns: z.array(z.object({ from: z.enum(["customer", "agent"]), text: z.string(), ms: z.number().nonnegative().optional() })).min(1),
});

function usage(): never {
  process.stderr.write("Usage: npm run grade -- --input FILE.jsonl | --transcript FILE.json\n");
  process.exit(2);
}

const [flag, file] = process.argv.slice(2);
if (!file || (flag !== "--input" && flag !== "--transcript")) usage();
if (!fs.existsSync(file)) {
  process.stderr.write(`${file}: no such file\n`);
  process.exit(2);
}

const catalog = await getContentPracticeCatalog();

if (flag === "--transcript") {
  let parsed;
  try {
    parsed = TranscriptFile.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    process.stderr.write(
      `${file}: ${error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") : (error as Error).message}\n`,
    );
    process.exit(1);
  }
  const scenario = catalog.scenarios.find((candidate) => candidate.slug === parsed.scenario);
  if (!scenario) {
    process.stderr.write(`${file}: unknown scenario "${parsed.scenario}"\n`);
    process.exit(1);
  }
  const grade = gradeScenarioConversation(scenario, rubricsFor(catalog, scenario), parsed.turns);
  process.stdout.write(`${JSON.stringify(grade, null, 2)}\n`);
} else {
  await gradeReplies(file);
}

/** Exit codes are set, not forced: process.exit() would cut off output still queued for a pipe. */
async function gradeReplies(file: string) {
  // A single reply has no scenario: grade it on the rubrics that apply to any reply.
  const rubrics = catalog.rubrics.filter((rubric) => ["empathy", "communication", "critical"].includes(rubric.id));
  let lineNumber = 0;
  let failures = 0;
  const out: string[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    let item;
    try {
      item = ReplyLine.parse(JSON.parse(line));
    } catch (error) {
      failures += 1;
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ")
          : (error as Error).message;
      process.stderr.write(`${file}:${lineNumber}: ${reason}\n`);
      continue;
    }
    const grade = gradeReply(item.customer, item.agent, rubrics, item.lang && (item.lang === "en" ? "en" : "zh"));
    const criteria = Object.fromEntries(
      grade.criteria
        .filter((criterion) => criterion.applicable)
        .map((criterion) => [criterion.id, { level: criterion.level, evidence: criterion.evidence.map((evidence) => evidence.text) }]),
    );
    out.push(JSON.stringify({ id: item.id, criteria }));
    if (out.length >= 500) process.stdout.write(`${out.splice(0).join("\n")}\n`);
  }
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  process.exitCode = failures > 0 ? 1 : 0;
}
