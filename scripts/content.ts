// `npm run content:check` validates everything in content/ and prints one line
// per problem; `tsx scripts/content.ts build` (part of `npm run build`) also
// writes the compiled catalog the production server reads.
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { checkLadder, LadderSchema } from "../app/content/career-schemas.ts";
import { ladderFile } from "../app/content/career.server.ts";
import { loadCatalogFromSource, untranslatedModules, writeCatalog } from "../app/content/modules.server.ts";
import { loadPracticeFromSource, untranslatedScenarios } from "../app/content/practice.server.ts";
import { formatProblem, zodProblems } from "../app/content/schemas.ts";
import { compareLadderStructure } from "../app/content/variants.ts";
import { TRANSLATED_LOCALES } from "../app/i18n/locales.ts";

const mode = process.argv[2];
if (mode !== "check" && mode !== "build") {
  console.error("Usage: tsx scripts/content.ts check|build");
  process.exit(2);
}

const { catalog, problems } = await loadCatalogFromSource();
const practice = await loadPracticeFromSource(undefined, new Set(catalog.competencies.map((competency) => competency.key)));
problems.push(...practice.problems);
const scenarioSlugs = new Set(practice.catalog.scenarios.map((scenario) => scenario.slug));
for (const module of catalog.modules) {
  module.frontmatter.scenarios.forEach((slug, index) => {
    if (!scenarioSlugs.has(slug))
      problems.push({ file: module.file, where: `scenarios[${index}]`, message: `unknown scenario "${slug}" (see content/scenarios)` });
  });
}
const LADDER_FILE = "content/career/ladder.yml";
try {
  const ladder = LadderSchema.safeParse(parseYaml(fs.readFileSync(LADDER_FILE, "utf8")));
  if (!ladder.success) problems.push(...zodProblems(LADDER_FILE, ladder.error));
  else {
    const ladderProblems = checkLadder(ladder.data, {
      moduleSlugs: catalog.modules.map((module) => module.slug),
      competencyKeys: catalog.competencies.map((competency) => competency.key),
      gradedCompetencies: practice.catalog.rubrics.flatMap((rubric) => rubric.criteria.map((criterion) => criterion.competency)),
      scenarioDifficulties: practice.catalog.scenarios.map((scenario) => scenario.difficulty),
    });
    problems.push(...ladderProblems.map((problem) => ({ file: LADDER_FILE, ...problem })));
    for (const locale of TRANSLATED_LOCALES) {
      const file = path.relative(process.cwd(), ladderFile(locale));
      if (!fs.existsSync(file)) continue;
      const translated = LadderSchema.safeParse(parseYaml(fs.readFileSync(file, "utf8")));
      if (!translated.success) problems.push(...zodProblems(file, translated.error));
      else problems.push(...compareLadderStructure(ladder.data, translated.data).map((problem) => ({ file, ...problem })));
    }
  }
} catch (error) {
  problems.push({ file: LADDER_FILE, where: "(file)", message: (error as Error).message.split("\n")[0] });
}

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n✖ ${problems.length} content problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
if (mode === "build") await writeCatalog(catalog);
// Untranslated items are listed, not failed: a reader sees the English with a note saying so.
for (const [locale, slugs] of Object.entries(untranslatedModules(catalog))) {
  const translated = catalog.modules.length - slugs.length;
  const scenarios = untranslatedScenarios(practice.catalog)[locale as keyof ReturnType<typeof untranslatedScenarios>];
  console.log(
    `  ${locale}: ${translated} of ${catalog.modules.length} modules and ${practice.catalog.scenarios.length - scenarios.length} of ${practice.catalog.scenarios.length} scenarios translated` +
      (slugs.length || scenarios.length ? `; untranslated: ${[...slugs, ...scenarios].join(", ")}` : ""),
  );
}
const questions = catalog.modules.reduce((sum, module) => sum + module.quizzes.reduce((n, quiz) => n + quiz.questions.length, 0), 0);
console.log(
  `✓ content: ${catalog.modules.length} modules, ${questions} quiz questions, ${catalog.competencies.length} competencies, ` +
    `${practice.catalog.scenarios.length} scenarios, ${practice.catalog.rubrics.length} rubrics, career ladder${mode === "build" ? " (compiled)" : ""}`,
);
