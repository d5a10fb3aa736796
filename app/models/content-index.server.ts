// The module and practice catalogs indexed by slug: titles, links and pass criteria for the
// models that show or judge assignments.
import { getCatalog } from "~/content/modules.server.ts";
import { DIFFICULTIES } from "~/content/practice-schemas.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

type ScenarioCriterion = { id: string; title: string; maxLevel: number; critical: boolean };

export type ContentIndex = {
  modules: Map<string, { title: string; version: number; competencies: string[] }>;
  scenarios: Map<string, { title: string; passScore: number; competencies: string[]; criteria: ScenarioCriterion[] }>;
  /** Scenario slugs, easiest first: the order automatic practice picks from. */
  scenarioOrder: string[];
};

/** Both catalogs, read once per request and indexed by slug. */
export async function loadContentIndex(): Promise<ContentIndex> {
  const [catalog, practice] = await Promise.all([getCatalog(), getPracticeCatalog()]);
  const modules = new Map(
    catalog.modules.map((module) => [
      module.slug,
      { title: module.frontmatter.title, version: module.frontmatter.version, competencies: module.frontmatter.competencies },
    ]),
  );
  const scenarios = new Map(
    practice.scenarios.map((scenario) => [
      scenario.slug,
      {
        title: scenario.title,
        passScore: scenario.passScore,
        competencies: scenario.competencies,
        criteria: rubricsFor(practice, scenario).flatMap((rubric) =>
          rubric.criteria.map((criterion) => ({
            id: criterion.id,
            title: criterion.title,
            maxLevel: Math.max(...criterion.levels.map((level) => level.level)),
            critical: criterion.critical,
          })),
        ),
      },
    ]),
  );
  const scenarioOrder = [...practice.scenarios]
    .sort((a, b) => DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) || a.slug.localeCompare(b.slug))
    .map((scenario) => scenario.slug);
  return { modules, scenarios, scenarioOrder };
}

export function contentTitle(index: ContentIndex, kind: string, slug: string): string {
  return (kind === "module" ? index.modules.get(slug)?.title : index.scenarios.get(slug)?.title) ?? slug;
}

export function contentLink(kind: string, slug: string): string {
  return kind === "module" ? `/learn/modules/${slug}` : `/practice/scenarios/${slug}`;
}
