// What the new-assignment page offers: the teams the viewer may assign to, the chosen team's
// people, and the modules, scenarios and rubric levels an assignment can name.
import type { TFunction } from "i18next";
import type { AssignmentFormOptions } from "~/components/assignments/assignment-form.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { todayUtc } from "~/domain/fields.ts";
import type { Viewer } from "~/engine/access/people.ts";
import { listAssignableTeams } from "~/models/assignment.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { notFound } from "~/utils/permissions.server.ts";

export async function newAssignmentView(viewer: Viewer, teamId: string | undefined, t: TFunction) {
  const [teams, catalog, practice] = await Promise.all([listAssignableTeams(viewer), getCatalog(), getPracticeCatalog()]);
  const team = teamId ? teams.find((candidate) => candidate.id === teamId) : teams[0];
  if (teamId && !team) notFound(t("assignments:new.teamNotYours"));
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  // Empathy first: it is what leads most often set a floor for.
  const rubrics = practice.rubrics
    .map((rubric) => ({ id: rubric.id, title: rubric.title, criteria: rubric.criteria.filter((criterion) => !criterion.critical) }))
    .filter((rubric) => rubric.criteria.length > 0)
    .sort((a, b) => Number(b.id === "empathy") - Number(a.id === "empathy") || a.title.localeCompare(b.title));
  const options: AssignmentFormOptions = {
    modules: catalog.modules.map((module) => ({ slug: module.slug, title: module.frontmatter.title })).sort(byTitle),
    scenarios: practice.scenarios.map((scenario) => ({ slug: scenario.slug, title: scenario.title })).sort(byTitle),
    rubrics: rubrics.map((rubric) => ({
      id: rubric.id,
      title: rubric.title,
      criteria: rubric.criteria.map((criterion) => ({
        id: criterion.id,
        title: criterion.title,
        levels: criterion.levels
          .filter((level) => level.level > 0)
          .sort((a, b) => a.level - b.level)
          .map((level) => ({
            value: String(level.level),
            label: t("assignments:form.levelOption", { level: level.label.toLowerCase(), number: level.level }),
          })),
      })),
    })),
    today: todayUtc(),
  };
  return {
    teams: teams.map((candidate) => ({ id: candidate.id, name: candidate.name })),
    team: team ? { id: team.id, name: team.name, members: team.members } : null,
    ...options,
  };
}
