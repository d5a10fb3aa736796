// Every scenario, played by scripted agents through the real engine and
// grader: a competent one must resolve it and pass, a poor one must fail or
// lose the customer, a critical violation must fail whatever the score, and
// agents who game the grader (a pasted template, a list of the scenario's own
// keywords, small talk) must not pass.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { rubricsFor } from "~/content/practice.server.ts";
import { gradeScenarioConversation } from "~/engine/grading/grade.ts";
import { simulate } from "~/engine/simulation/customer.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

const SCRIPTS_DIR = "tests/fixtures/scenario-scripts";
const catalog = await getPracticeCatalog();

function play(slug: string, messages: string[], seed = 7) {
  const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug)!;
  const { turns, state } = simulate(scenario, messages, seed);
  const grade = gradeScenarioConversation(scenario, rubricsFor(catalog, scenario), turns, state.outcome ?? undefined);
  return { turns, state, grade };
}

// One template pasted into every scenario, carrying the keywords of all of them.
const TEMPLATE =
  "Hi there, thank you so much for reaching out, and I'm so sorry for the trouble. I completely understand how frustrating this must be. " +
  "To look into it, could you please send me your order number, the email address on your account, the last four digits of the card on file, " +
  "your postcode, a screenshot of the error message, your browser version and the steps you took? I'll arrange a replacement with express shipping " +
  "or refund the duplicate charge, send a reset link, pause your membership, or escalate this to my team lead right away, whichever you prefer. " +
  "You'll receive an update within 24 hours. Does that work for you? Is there anything else I can help with? Have a great day!";

const SMALL_TALK = [
  "What's the weather like where you are?",
  "Did you catch the football last night?",
  "I'm thinking of getting a dog. Any tips on breeds?",
  "Have you been anywhere nice on holiday this year?",
  "What's your favourite film?",
];

type Scenario = (typeof catalog.scenarios)[number];

/** The scenario's own keywords, bare: every required fact's first term as a question, an allowed offer's first term, a time and a check. */
function keywordList(scenario: Scenario): string {
  const asks = scenario.facts.filter((fact) => fact.required).map((fact) => `${fact.ask[0]}?`);
  return [...asks, `${scenario.policy.allowed[0].match[0]}.`, "2 days.", "anything else?"].join(" ");
}

const GAMERS: Record<string, (scenario: Scenario) => string[]> = {
  "a template paster": (scenario) => Array(scenario.par.turns * 2 + 2).fill(TEMPLATE),
  "a keyword lister": (scenario) => Array(scenario.par.turns * 2 + 2).fill(keywordList(scenario)),
  "an off-topic talker": (scenario) =>
    Array.from({ length: scenario.par.turns * 2 + 2 }, (_, turn) => SMALL_TALK[turn % SMALL_TALK.length]),
};

test("there are at least ten scenarios covering every channel and difficulty", () => {
  expect(catalog.scenarios.length).toBeGreaterThanOrEqual(10);
  expect(new Set(catalog.scenarios.map((scenario) => scenario.channel))).toEqual(new Set(["chat", "email", "phone", "social"]));
  expect(new Set(catalog.scenarios.map((scenario) => scenario.difficulty))).toEqual(new Set(["starter", "intermediate", "advanced"]));
  for (const scenario of catalog.scenarios)
    expect(fs.existsSync(path.join(SCRIPTS_DIR, `${scenario.slug}.json`)), scenario.slug).toBe(true);
});

describe.each(catalog.scenarios.map((scenario) => scenario.slug))("%s", (slug) => {
  const scripts = JSON.parse(fs.readFileSync(path.join(SCRIPTS_DIR, `${slug}.json`), "utf8")) as {
    competent: string[];
    poor: string[];
    critical: string[];
  };

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

  test.each(Object.keys(GAMERS))("%s does not pass", (gamer) => {
    const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug)!;
    const { state, grade } = play(slug, GAMERS[gamer](scenario));
    expect(grade.passed, `outcome ${state.outcome}, score ${grade.overallScore}`).toBe(false);
  });

  test("the same seed and messages give the same conversation and grade", () => {
    const first = play(slug, scripts.competent, 99);
    const second = play(slug, scripts.competent, 99);
    expect(second.turns).toEqual(first.turns);
    expect(second.grade).toEqual(first.grade);
  });
});
