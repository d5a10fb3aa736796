// Loads and validates content/scenarios and content/rubrics. Both are small
// YAML files, read once per process in production and on every call elsewhere.
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { criterionIsGraded } from "~/engine/grading/criteria.ts";
import { contentVariantOf, LOCALES, type Locale } from "~/i18n/locales.ts";
import { DraftWordingSchema, RubricSchema, ScenarioSchema, type DraftWording, type Rubric, type Scenario } from "./practice-schemas.ts";
import { scenarioProblems } from "./scenario-check.ts";
import { zodProblems, type ContentProblem } from "./schemas.ts";
import { compareRubricStructure, compareScenarioStructure } from "./variants.ts";

export type PracticeCatalog = {
  scenarios: Scenario[];
  rubrics: Rubric[];
  /** What a scenario drafted from a real conversation starts from, per language. */
  draftWording: Record<Locale, DraftWording>;
};

type YamlFile = { file: string; name: string; raw: unknown; problem?: ContentProblem };

async function readYamlFolder(folder: string): Promise<YamlFile[]> {
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
  const rubricFiles = await readYamlFolder(path.join(root, "rubrics"));
  for (const entry of rubricFiles.filter((file) => !contentVariantOf(file.name))) {
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
  for (const { english, locale, variant } of readVariants(rubricFiles, RubricSchema, rubrics, (rubric) => `${rubric.id}.yml`, compareRubricStructure, problems))
    english.variants = { ...english.variants, [locale]: variant };

  const scenarios: Scenario[] = [];
  const scenarioFiles = await readYamlFolder(path.join(root, "scenarios"));
  for (const entry of scenarioFiles.filter((file) => !contentVariantOf(file.name))) {
    if (entry.problem) {
      problems.push(entry.problem);
      continue;
    }
    const parsed = ScenarioSchema.safeParse(entry.raw);
    if (!parsed.success) {
      problems.push(...zodProblems(entry.file, parsed.error));
      continue;
    }
    const scenario: Scenario = { ...parsed.data, slug: entry.name.replace(/\.yml$/, ""), locale: "en", variants: {} };
    problems.push(
      ...scenarioProblems(scenario, { rubricIds, competencyKeys }).map(({ where, message }) => ({ file: entry.file, where, message })),
    );
    scenarios.push(scenario);
  }
  for (const { english, locale, variant } of readVariants(
    scenarioFiles,
    ScenarioSchema,
    scenarios,
    (scenario) => `${scenario.slug}.yml`,
    compareScenarioStructure,
    problems,
  ))
    english.variants[locale] = { ...variant, slug: english.slug, locale, variants: {} };
  const draftWording = await readDraftWording(root, problems);
  return { catalog: { scenarios, rubrics, draftWording }, problems };
}

async function readDraftWording(root: string, problems: ContentProblem[]): Promise<Record<Locale, DraftWording>> {
  const files = await readYamlFolder(path.join(root, "drafting"));
  const wording = {} as Record<Locale, DraftWording>;
  for (const locale of LOCALES) {
    const name = locale === "en" ? "draft.yml" : `draft.${locale}.yml`;
    const entry = files.find((file) => file.name === name);
    if (!entry) {
      problems.push({ file: path.join("content", "drafting", name), where: "(file)", message: "is missing" });
      continue;
    }
    if (entry.problem) {
      problems.push(entry.problem);
      continue;
    }
    const parsed = DraftWordingSchema.safeParse(entry.raw);
    if (parsed.success) wording[locale] = parsed.data;
    else problems.push(...zodProblems(entry.file, parsed.error));
  }
  return wording;
}

/**
 * The translations among `files` that parse and share their English item's structure; every other
 * one is a problem naming its file.
 */
function readVariants<Item, Schema extends z.ZodTypeAny>(
  files: YamlFile[],
  schema: Schema,
  items: Item[],
  fileOf: (item: Item) => string,
  compare: (english: Item, translated: z.output<Schema>) => { where: string; message: string }[],
  problems: ContentProblem[],
): { english: Item; locale: Exclude<Locale, "en">; variant: z.output<Schema> }[] {
  return files.flatMap((entry) => {
    const found = contentVariantOf(entry.name);
    if (!found) return [];
    if (entry.problem) return (problems.push(entry.problem), []);
    const english = items.find((item) => fileOf(item) === found.base);
    if (!english) {
      problems.push({ file: entry.file, where: "(file)", message: `is a translation of ${found.base}, which does not exist or is invalid` });
      return [];
    }
    const parsed = schema.safeParse(entry.raw);
    if (!parsed.success) return (problems.push(...zodProblems(entry.file, parsed.error)), []);
    const drift = compare(english, parsed.data);
    problems.push(...drift.map((problem) => ({ file: entry.file, ...problem })));
    return drift.length ? [] : [{ english, locale: found.locale, variant: parsed.data as z.output<Schema> }];
  });
}

/** The scenario in the reader's language, or in English (`fallback`) when it has no translation for it. */
export function localizeScenario(scenario: Scenario, locale: Locale): { scenario: Scenario; fallback: boolean } {
  const english = scenario.locale === "en" ? scenario : undefined;
  const variant = locale === "en" || !english ? undefined : english.variants[locale];
  if (variant) return { scenario: variant, fallback: false };
  return { scenario, fallback: locale !== "en" && locale !== scenario.locale };
}

/** A rubric worded in the reader's language where it has a translation. */
export function localizeRubric(rubric: Rubric, locale: Locale): Rubric {
  const variant = locale === "en" ? undefined : rubric.variants?.[locale];
  return variant ? { ...variant, variants: rubric.variants } : rubric;
}

/** Which scenarios have no translation yet, per language: reported by content:check, not a failure. */
export function untranslatedScenarios(catalog: PracticeCatalog): Record<Exclude<Locale, "en">, string[]> {
  return {
    "zh-Hant": catalog.scenarios.filter((scenario) => !scenario.variants["zh-Hant"]).map((scenario) => scenario.slug),
    "zh-Hans": catalog.scenarios.filter((scenario) => !scenario.variants["zh-Hans"]).map((scenario) => scenario.slug),
  };
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

/**
 * Scenarios and rubrics from content/; read once in production, re-read elsewhere so edits show on
 * reload. The app reads them with the organisation's own scenarios (`getPracticeCatalog` in models).
 */
export async function getContentPracticeCatalog(): Promise<PracticeCatalog> {
  if (process.env.NODE_ENV === "production") return (productionCatalog ??= loadOrThrow());
  return loadOrThrow();
}

/** Every rubric, worded in one language: what a real conversation, which has no scenario, is graded on. */
export function allRubricsIn(catalog: PracticeCatalog, locale: Locale): Rubric[] {
  return catalog.rubrics.map((rubric) => localizeRubric(rubric, locale));
}

/** The scenario's rubrics, worded in the scenario's language, so its grades and suggestions are too. */
export function rubricsFor(catalog: PracticeCatalog, scenario: Scenario): Rubric[] {
  return scenario.rubrics
    .map((id) => catalog.rubrics.find((rubric) => rubric.id === id))
    .filter((rubric): rubric is Rubric => rubric !== undefined)
    .map((rubric) => localizeRubric(rubric, scenario.locale ?? "en"));
}
