// The checks a scenario must pass beyond its schema, shared by content:check (files in content/) and
// the scenario drafting form (scenarios an organisation saves): one rule set for both.
import type { Scenario } from "./practice-schemas.ts";
import type { ContentProblem } from "./schemas.ts";

export type ScenarioRule = "unknown-rubric" | "unknown-competency" | "duplicate-id" | "no-resolving-offer";
export type ScenarioProblem = Omit<ContentProblem, "file"> & { rule: ScenarioRule; value?: string };

export type ScenarioReferences = { rubricIds: ReadonlySet<string>; competencyKeys?: ReadonlySet<string> };

/** Each problem located by field path (`where`), without a file name. */
export function scenarioProblems(
  scenario: Pick<Scenario, "rubrics" | "competencies" | "facts"> & { policy: Pick<Scenario["policy"], "allowed" | "forbidden" | "escalationAllowed"> },
  references: ScenarioReferences,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const at = (where: string, rule: ScenarioRule, message: string, value?: string) => problems.push({ where, rule, message, value });
  scenario.rubrics.forEach((id, index) => references.rubricIds.has(id) || at(`rubrics[${index}]`, "unknown-rubric", `unknown rubric "${id}"`, id));
  const { competencyKeys } = references;
  if (competencyKeys)
    scenario.competencies.forEach(
      (key, index) => competencyKeys.has(key) || at(`competencies[${index}]`, "unknown-competency", `unknown competency "${key}"`, key),
    );
  const ids = [
    ...scenario.facts.map((fact) => fact.id),
    ...scenario.policy.allowed.map((offer) => offer.id),
    ...scenario.policy.forbidden.map((offer) => offer.id),
  ];
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) at("(file)", "duplicate-id", `id "${duplicate}" is used twice among facts and offers`, duplicate);
  if (!scenario.policy.allowed.some((offer) => offer.resolves) && !scenario.policy.escalationAllowed)
    at("policy", "no-resolving-offer", "needs an allowed offer that resolves the case, or escalationAllowed: true");
  return problems;
}
