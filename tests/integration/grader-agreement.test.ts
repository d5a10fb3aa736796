// The grader must keep agreeing with people at least as well as the figures
// recorded in docs/benchmarks.md (written by `npm run bench`).
import fs from "node:fs";
import { expect, test } from "vitest";
import { EMPATHY_CRITERIA, evaluateEmpathy, readChineseLabelled } from "../../scripts/lib/empathy-eval.ts";

const ROW = /^\| (empathy\.[a-z-]+) \| ([\d.]+) \| ([\d.]+) \|/;
const CHINESE_ROW = /^\| (empathy\.[a-z-]+) \(zh\) \| ([\d.]+) \| ([\d.]+) \|/;

function recordedFigures(row = ROW): Map<string, { dev: number; heldOut: number }> {
  const rows = fs
    .readFileSync("docs/benchmarks.md", "utf8")
    .split("\n")
    .map((line) => row.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return new Map(rows.map((match) => [match[1], { dev: Number(match[2]), heldOut: Number(match[3]) }]));
}

test("agreement with the hand-labelled replies has not dropped below the recorded figures", async () => {
  const recorded = recordedFigures();
  const report = await evaluateEmpathy();
  for (const id of EMPATHY_CRITERIA) {
    const figures = recorded.get(id);
    expect(figures, `docs/benchmarks.md records ${id}`).toBeDefined();
    // Recorded figures are rounded to three places.
    expect(report[id].dev.macroF1, `${id} dev`).toBeGreaterThanOrEqual(figures!.dev - 0.0005);
    expect(report[id].heldOut.macroF1, `${id} held-out`).toBeGreaterThanOrEqual(figures!.heldOut - 0.0005);
  }
});

test("agreement with the hand-labelled Chinese replies has not dropped below the recorded figures", async () => {
  const recorded = recordedFigures(CHINESE_ROW);
  const report = await evaluateEmpathy(readChineseLabelled());
  for (const id of EMPATHY_CRITERIA) {
    const figures = recorded.get(id);
    expect(figures, `docs/benchmarks.md records ${id} (zh)`).toBeDefined();
    expect(report[id].dev.macroF1, `${id} dev`).toBeGreaterThanOrEqual(figures!.dev - 0.0005);
    expect(report[id].heldOut.macroF1, `${id} held-out`).toBeGreaterThanOrEqual(figures!.heldOut - 0.0005);
  }
});
