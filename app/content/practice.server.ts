// Loads and validates content/scenarios and content/rubrics. Both are small
// YAML files, read once per process in production and on every call elsewhere.
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { criterionIsGraded } from "~/engine/grading/criteria.ts";
import { RubricSchema, ScenarioSchema, type Rubric, type Scenario } from "./practice-schemas.ts";
import { zodProblems, type ContentProblem } from "./schemas.ts";

export type PracticeCatalog = { scenarios: Scenario[]; rubrics: Rubric[] };

async function readYamlFolder(folder: string): Promise<{ file: string; name: string; raw: unknown; problem?: ContentProblem }[]> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  const files = entries.filter((entry) => entry.endsWith(".yml")).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(path.basename(path.dirname(folder)), path.basename(folder), name);
      try {
        return { file, name, raw: parseYaml(await fs.readFile(path.join(folder, name), "utf8")) as unknown };
      } catch (error) {
        return { file, name, raw: null, problem: { file, where: "(file)", message: (error as Error).message.split("\n")[0] } };
      }
    }),
  );
}

/** Reads every scenario and rubric under `root` and returns them with every problem found. */
export async function loadPracticeFromSource(
  root = path.resolve("content"),
  competencyKeys?: Set<string>,
): Promise<{ catalog: PracticeCatalog; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const rubrics: Rubric[] = [];
  for (const entry of await readYamlFolder(path.join(root, "rubrics"))) {
    if (entry.problem) {
      problems.push(entry.problem);
      continue;
    }
    const parsed = RubricSchema.safeParse(entry.raw);
    if (!parsed.success) {
      problems.push(...zodProblems(entry.file, parsed.error));
      continue;
    }
    const rubric = parsed.data;
    if (`${rubric.id}.yml` !== entry.name)
      problems.push({ file: entry.file, where: "id", message: `must match the file name ("${entry.name.replace(/\.yml$/, "")}")` });
    rubric.criteria.forEach((criterion, index) => {
      const at = (field: string) => `criteria[${index}].${field}`;
      if (!criterion.id.startsWith(`${rubric.id}.`))
        problems.push({ file: entry.file, where: at("id"), message: `must start with "${rubric.id}."` });
      if (!criterionIsGraded(criterion.id))
        problems.push({ file: entry.file, where: at("id"), message: `the grader has no rule for "${criterion.id}"` });
      if (competencyKeys && !competencyKeys.has(criterion.competency))
        problems.push({ file: entry.file, where: at("competency"), message: `unknown competency "${criterion.competency}"` });
      const levels = criterion.levels.map((level) => level.level);
      if (new Set(levels).size !== levels.length)
        problems.push({ file: entry.file, where: at("levels"), message: "each level may appear once" });
      if (!levels.includes(0)) problems.push({ file: entry.file, where: at("levels"), message: "needs a level 0" });
    });
    rubrics.push(rubric);
  }

  const rubricIds = new Set(rubrics.map((rubric) => rubric.id));
  const scenarios: Scenario[] = [];
  for (const entry of await readYamlFolder(path.join(root, "scenarios"))) {
    if (entry.problem) {
      problems.push(entry.problem);
      continue;
    }
    const parsed = ScenarioSchema.safeParse(entry.raw);
    if (!parsed.success) {
      problems.push(...zodProblems(entry.file, parsed.error));
      continue;
    }
    const scenario: Scenario = { ...parsed.data, slug: entry.name.replace(/\.yml$/, "") };
    const at = (where: string, message: string) => problems.push({ file: entry.file, where, message });
    scenario.rubrics.forEach((id, index) => rubricIds.has(id) || at(`rubrics[${index}]`, `unknown rubric "${id}"`));
    if (competencyKeys)
      scenario.competencies.forEach((key, index) => competencyKeys.has(key) || at(`competencies[${index}]`, `unknown competency "${key}"`));
    const ids = [
      ...scenario.facts.map((fact) => fact.id),
      ...scenario.policy.allowed.map((offer) => offer.id),
      ...scenario.policy.forbidden.map((offer) => offer.id),
    ];
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate) at("(file)", `id "${duplicate}" is used twice among facts and offers`);
    if (!scenario.policy.allowed.some((offer) => offer.resolves) && !scenario.policy.escalationAllowed) {
      at("policy", "needs an allowed offer that resolves the case, or escalationAllowed: true");
    }
    scenarios.push(scenario);
  }
  return { catalog: { scenarios, rubrics }, problems };
}

let productionCatalog: Promise<PracticeCatalog> | undefined;

async function loadOrThrow(): Promise<PracticeCatalog> {
  const { catalog, problems } = await loadPracticeFromSource();
  if (problems.length > 0) {
    throw new Error(
      `Content has ${problems.length} problem(s); run npm run content:check. First: ${problems[0].file}: ${problems[0].where}: ${problems[0].message}`,
    );
  }
  return catalog;
}

/** Scenarios and rubrics; read once in production, re-read elsewhere so edits show on reload. */
export async function getPracticeCatalog(): Promise<PracticeCatalog> {
  if (process.env.NODE_ENV === "production") return (productionCatalog ??= loadOrThrow());
  return loadOrThrow();
}

export function rubricsFor(catalog: PracticeCatalog, scenario: Scenario): Rubric[] {
  return scenario.rubrics
    .map((id) => catalog.rubrics.find((rubric) => rubric.id === id))
    .filter((rubric): rubric is Rubric => rubric !== undefined);
}
