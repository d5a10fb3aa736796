// In-process grader figures for `npm run bench`: whole-transcript grading,
// signal analysis per message, and the grade command over 5,000 replies.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { getContentPracticeCatalog, rubricsFor } from "../../app/content/practice.server.ts";
import { gradeScenarioConversation } from "../../app/engine/grading/grade.ts";
import { readWithLibraryOnly } from "../../app/engine/language/english.ts";
import { analyseMessage } from "../../app/engine/simulation/signals.ts";
import { readLabelled } from "./empathy-eval.ts";
import { bin } from "./run.ts";

const TRANSCRIPT_TURNS = 20;

export type GraderFigures = {
  transcriptsPerSecond: number;
  /** Transcripts per second if grading cost nothing but wink-nlp reading each agent reply. */
  libraryCeilingPerSecond: number;
  microsecondsPerMessage: number;
  gradeCommandSeconds: number;
  gradeCommandReplies: number;
};

export async function measureGrader(): Promise<GraderFigures> {
  const catalog = await getContentPracticeCatalog();
  const labelled = readLabelled();

  // Distinct 20-turn transcripts: each scenario's customer lines alternating with real agent replies,
  // every labelled reply used once, so no message is read twice and the timing is of cold reading.
  const agentReplies = labelled.map((item) => item.agent);
  const count = Math.floor(agentReplies.length / (TRANSCRIPT_TURNS / 2));
  const transcripts = Array.from({ length: count }, (_, t) => {
    const scenario = catalog.scenarios[t % catalog.scenarios.length];
    const customerLines = Object.values(scenario.lines).flat();
    const turns = Array.from({ length: TRANSCRIPT_TURNS }, (_, i) =>
      i % 2 === 0
        ? { from: "customer" as const, text: customerLines[(i / 2 + t) % customerLines.length] }
        : { from: "agent" as const, text: agentReplies[t * (TRANSCRIPT_TURNS / 2) + (i - 1) / 2], ms: 40_000 },
    );
    return { scenario, turns, rubrics: rubricsFor(catalog, scenario) };
  });
  const gradeAll = () => {
    for (const { scenario, turns, rubrics } of transcripts) {
      gradeScenarioConversation(scenario, rubrics, turns);
    }
  };
  gradeAll();
  let graded = 0;
  const gradeStart = performance.now();
  while (performance.now() - gradeStart < 3000) {
    gradeAll();
    graded += transcripts.length;
  }
  const transcriptsPerSecond = graded / ((performance.now() - gradeStart) / 1000);

  const messages = labelled.map((item) => ({ text: item.agent, customer: item.customer }));
  let analysed = 0;
  const analyseStart = performance.now();
  while (performance.now() - analyseStart < 2000) {
    for (const message of messages) analyseMessage(message.text, { customerMessage: message.customer });
    analysed += messages.length;
  }
  const microsecondsPerMessage = ((performance.now() - analyseStart) * 1000) / analysed;

  let read = 0;
  const readStart = performance.now();
  while (performance.now() - readStart < 2000) {
    for (const message of messages) readWithLibraryOnly(message.text);
    read += messages.length;
  }
  const libraryCeilingPerSecond = read / ((performance.now() - readStart) / 1000) / (TRANSCRIPT_TURNS / 2);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-grade-"));
  const input = path.join(dir, "replies.jsonl");
  const replies = 5000;
  fs.writeFileSync(
    input,
    Array.from({ length: replies }, (_, i) => {
      const item = labelled[i % labelled.length];
      return JSON.stringify({ id: `r${i}`, customer: item.customer, agent: item.agent });
    }).join("\n"),
  );
  const commandStart = performance.now();
  const result = spawnSync(bin("tsx"), ["scripts/grade.ts", "--input", input], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const gradeCommandSeconds = (performance.now() - commandStart) / 1000;
  const lines = result.stdout.trim().split("\n").length;
  fs.rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0 || lines !== replies)
    throw new Error(`grade command failed: exit ${result.status}, ${lines} lines\n${result.stderr}`);
  return { transcriptsPerSecond, libraryCeilingPerSecond, microsecondsPerMessage, gradeCommandSeconds, gradeCommandReplies: replies };
}
