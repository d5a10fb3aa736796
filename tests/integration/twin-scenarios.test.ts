// A translated scenario is the same case in every language: the scripted
// competent, poor and critical agents, written in each language, reach the
// same outcome and the same level on every criterion as in English.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { gradeScenarioConversation } from "~/engine/grading/grade.ts";
import { simulate } from "~/engine/simulation/customer.ts";
import { TRANSLATED_LOCALES } from "~/i18n/locales.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

const SCRIPTS_DIR = "tests/fixtures/scenario-scripts";
const catalog = await getPracticeCatalog();

type Scripts = { competent: string[]; poor: string[]; critical: string[] };
const readScripts = (file: string) => JSON.parse(fs.readFileSync(path.join(SCRIPTS_DIR, file), "utf8")) as Scripts;

function play(scenario: Scenario, messages: string[]) {
  const { turns, state } = simulate(scenario, messages, 7);
  const grade = gradeScenarioConversation(scenario, rubricsFor(catalog, scenario), turns, state.outcome ?? undefined);
  return {
    outcome: state.outcome,
    passed: grade.passed,
    criticalFailures: grade.criticalFailures,
    levels: Object.fromEntries(grade.criteria.map((criterion) => [criterion.id, criterion.applicable ? criterion.level : "n/a"])),
  };
}

const AGENTS = {
  competent: (scripts: Scripts) => scripts.competent,
  poor: (scripts: Scripts) => scripts.poor,
  critical: (scripts: Scripts) => [...scripts.critical, ...scripts.competent],
};

const twins = catalog.scenarios.flatMap((scenario) =>
  TRANSLATED_LOCALES.filter((locale) => scenario.variants[locale]).map((locale) => ({ slug: scenario.slug, locale, scenario })),
);

describe.each(twins)("$slug in $locale", ({ slug, locale, scenario }) => {
  const english = readScripts(`${slug}.json`);
  const translated = readScripts(`${slug}.${locale}.json`);
  test.each(Object.keys(AGENTS) as (keyof typeof AGENTS)[])("the %s agent gets the English outcome and levels", (agent) => {
    const inEnglish = play(scenario, AGENTS[agent](english));
    const inTranslation = play(scenario.variants[locale]!, AGENTS[agent](translated));
    expect(inTranslation).toEqual(inEnglish);
  });

  test("the customer speaks the scenario's language and asks for it when written to in another", () => {
    const variant = scenario.variants[locale]!;
    const { turns, state } = simulate(variant, [english.competent[0]], 7);
    expect(/\p{Script=Han}/u.test(turns[0].text)).toBe(true);
    expect(variant.lines.wrongLanguage).toContain(turns[2].text);
    expect(state.outcome).toBeNull();
  });
});
