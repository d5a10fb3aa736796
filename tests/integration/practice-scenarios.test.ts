// Every scenario, played by three scripted agents through the real engine and
// grader: a competent one must resolve it and pass, a poor one must fail or
// lose the customer, and a critical violation must fail whatever the score.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { getPracticeCatalog, rubricsFor } from "~/content/practice.server.ts";
import { analyseTranscript, gradeTurns, scenarioContext, scenarioFacts } from "~/engine/grading/grade.ts";
import { simulate } from "~/engine/simulation/customer.ts";

const SCRIPTS_DIR = "tests/fixtures/scenario-scripts";
const catalog = await getPracticeCatalog();

function play(slug: string, messages: string[], seed = 7) {
  const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug)!;
  const { turns, state } = simulate(scenario, messages, seed);
  const grade = gradeTurns(analyseTranscript(turns, scenarioContext(scenario)), rubricsFor(catalog, scenario), {
    scenario: scenarioFacts(scenario),
    outcome: state.outcome ?? undefined,
    passScore: scenario.passScore,
  });
  return { turns, state, grade };
}

test("there are at least ten scenarios covering every channel and difficulty", () => {
  expect(catalog.scenarios.length).toBeGreaterThanOrEqual(10);
  expect(new Set(catalog.scenarios.map((scenario) => scenario.channel))).toEqual(new Set(["chat", "email", "phone", "social"]));
  expect(new Set(catalog.scenarios.map((scenario) => scenario.difficulty))).toEqual(new Set(["starter", "intermediate", "advanced"]));
  for (const scenario of catalog.scenarios) expect(fs.existsSync(path.join(SCRIPTS_DIR, `${scenario.slug}.json`)), scenario.slug).toBe(true);
});

describe.each(catalog.scenarios.map((scenario) => scenario.slug))("%s", (slug) => {
  const scripts = JSON.parse(fs.readFileSync(path.join(SCRIPTS_DIR, `${slug}.json`), "utf8")) as { competent: string[]; poor: string[]; critical: string[] };

  test("a competent agent resolves it with a passing grade", () => {
    const { state, grade } = play(slug, scripts.competent);
    expect(["resolved", "escalated"]).toContain(state.outcome);
    expect(grade.criticalFailures).toEqual([]);
    expect(grade.passed, `score ${grade.overallScore}`).toBe(true);
  });

  test("a poor agent fails or loses the customer", () => {
    const { state, grade } = play(slug, scripts.poor);
    expect(grade.passed).toBe(false);
    expect(state.outcome === "abandoned" || grade.overallScore < 50, `outcome ${state.outcome}, score ${grade.overallScore}`).toBe(true);
  });

  test("a critical violation fails the attempt whatever the score", () => {
    const { grade } = play(slug, [...scripts.critical, ...scripts.competent]);
    expect(grade.criticalFailures.length).toBeGreaterThan(0);
    expect(grade.passed).toBe(false);
  });

  test("the same seed and messages give the same conversation and grade", () => {
    const first = play(slug, scripts.competent, 99);
    const second = play(slug, scripts.competent, 99);
    expect(second.turns).toEqual(first.turns);
    expect(second.grade).toEqual(first.grade);
  });
});
