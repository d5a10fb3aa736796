import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import type { CareerCatalog } from "../engine/career/evaluate.ts";
import type { Locale } from "../i18n/locales.ts";
import { LadderSchema, type Ladder } from "./career-schemas.ts";
import { getCatalog, localizedCompetencies, localizeModule } from "./modules.server.ts";
import { localizeScenario } from "./practice.server.ts";

/** The ladder in a language: content/career/ladder.yml, or ladder.<locale>.yml beside it. */
export function ladderFile(locale: Locale): string {
  return path.resolve(`content/career/ladder${locale === "en" ? "" : `.${locale}`}.yml`);
}

async function readLadder(locale: Locale): Promise<Ladder> {
  // content:check (run by the build and the tests) has already reported any problem with the files.
  const file = ladderFile(locale);
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  return LadderSchema.parse(parseYaml(await fs.readFile(exists ? file : ladderFile("en"), "utf8")));
}

const productionLadders = new Map<Locale, Promise<Ladder>>();

/** The career ladder in a language (English where untranslated); read once in production, on every call elsewhere. */
export function getLadder(locale: Locale = "en"): Promise<Ladder> {
  if (process.env.NODE_ENV !== "production") return readLadder(locale);
  let ladder = productionLadders.get(locale);
  if (!ladder) productionLadders.set(locale, (ladder = readLadder(locale)));
  return ladder;
}

/** Everything career pages read from content, in the reader's language: the ladder, titles for evidence, competency names. */
export async function getCareerContent(locale: Locale = "en") {
  const [ladder, contentCatalog, { scenarios: englishScenarios, rubrics }] = await Promise.all([getLadder(locale), getCatalog(), getPracticeCatalog()]);
  const modules = contentCatalog.modules.map((module) => localizeModule(module, locale));
  const competencies = localizedCompetencies(contentCatalog, locale);
  const scenarios = englishScenarios.map((scenario) => localizeScenario(scenario, locale).scenario);
  const difficulties = new Map(scenarios.map((scenario) => [scenario.slug, scenario.difficulty]));
  const catalog: CareerCatalog = {
    modules: modules.map((module) => ({ slug: module.slug, title: module.frontmatter.title })),
    scenarios: scenarios.map((scenario) => ({
      slug: scenario.slug,
      title: scenario.title,
      difficulty: scenario.difficulty,
      competencies: scenario.competencies,
    })),
  };
  const graded = new Set(rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.competency)));
  return {
    ladder,
    catalog,
    competencies: competencies.map((competency) => ({ key: competency.key, name: competency.name })),
    /** What check-ins rate: the competencies practice measures, so a rating always has evidence beside it. */
    gradedCompetencies: competencies
      .filter((competency) => graded.has(competency.key))
      .map((competency) => ({ key: competency.key, name: competency.name })),
    difficultyOf: (scenarioSlug: string) => difficulties.get(scenarioSlug),
  };
}

export type CareerContent = Awaited<ReturnType<typeof getCareerContent>>;
