import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { CareerCatalog } from "../engine/career/evaluate.ts";
import { LadderSchema, type Ladder } from "./career-schemas.ts";
import { getCatalog } from "./modules.server.ts";
import { getPracticeCatalog } from "./practice.server.ts";

const LADDER_FILE = path.resolve("content/career/ladder.yml");

async function readLadder(): Promise<Ladder> {
  // content:check (run by the build and the tests) has already reported any problem with the file.
  return LadderSchema.parse(parseYaml(await fs.readFile(LADDER_FILE, "utf8")));
}

let productionLadder: Promise<Ladder> | undefined;

/** The career ladder; read once in production, on every call elsewhere so edits show on reload. */
export function getLadder(): Promise<Ladder> {
  if (process.env.NODE_ENV === "production") return (productionLadder ??= readLadder());
  return readLadder();
}

/** Everything career pages read from content: the ladder, titles for evidence, competency names. */
export async function getCareerContent() {
  const [ladder, { modules, competencies }, { scenarios, rubrics }] = await Promise.all([getLadder(), getCatalog(), getPracticeCatalog()]);
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
