// Targeted practice assigned automatically when an agent keeps failing the same
// criterion. Pure: the model hands over the agent's graded attempts, their
// earlier automatic assignments and the catalog; this decides what to assign.
//
// Rules:
// - A criterion is failed in an attempt when its final level (a lead's override
//   if there is one, else the automatic level) is 0. On our 0–2 scales that is
//   "none"; for a critical criterion it is the failure itself.
// - It triggers after failing in each of the last N graded attempts where it
//   applied (attempts where it did not apply neither break nor extend the run).
// - Once per run of failures: while an automatic assignment for the criterion
//   is still open nothing new is assigned, and after one was made only attempts
//   started after it count towards the next.
// - Content: a scenario that exercises the criterion's competency, preferring
//   one other than the scenario just failed, in the catalog order given (the
//   model passes easiest first); failing that, a module on the competency.
//   Content already open as automatic practice is not assigned twice.
// - At most one new assignment per graded attempt (the model enforces the
//   "per attempt"; this returns one), for the first triggered criterion in
//   rubric order: an agent missing everything needs a conversation with their
//   lead more than a pile of assignments, and the next attempt brings the
//   next one if the misses continue.

import type { AssignmentKind } from "~/domain/coaching.ts";
import { finalLevel } from "./assignment-status.ts";

export const DEFAULT_AUTO_ASSIGN_AFTER = 3;

export type AttemptCriterion = {
  criterionId: string;
  competency: string;
  applicable: boolean;
  level: number;
  overrideLevel: number | null;
};

export type GradedAttemptForRule = { scenarioSlug: string; startedAt: Date; criteria: AttemptCriterion[] };

export type EarlierAutoAssignment = { triggerCriterion: string; kind: AssignmentKind; contentSlug: string; createdAt: Date; open: boolean };

export type PracticeContent = { slug: string; competencies: string[] };

export type AutoPractice = {
  triggerCriterion: string;
  competency: string;
  kind: AssignmentKind;
  contentSlug: string;
  /** How many consecutive failures triggered it. */
  failures: number;
};

export type RepeatedFailure = { criterionId: string; competency: string; lastScenarioSlug: string };

/** Criteria failed in each of the last `threshold` attempts (oldest first in `attempts`) where they applied. */
export function repeatedFailures(
  attempts: GradedAttemptForRule[],
  threshold: number,
  earlier: EarlierAutoAssignment[] = [],
): RepeatedFailure[] {
  const ordered = [...attempts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const criterionIds = [...new Set(ordered.flatMap((attempt) => attempt.criteria.map((criterion) => criterion.criterionId)))];
  const found: RepeatedFailure[] = [];
  for (const criterionId of criterionIds) {
    const previous = earlier.filter((assignment) => assignment.triggerCriterion === criterionId);
    if (previous.some((assignment) => assignment.open)) continue;
    const after = Math.max(-Infinity, ...previous.map((assignment) => assignment.createdAt.getTime()));
    const results = ordered
      .filter((attempt) => attempt.startedAt.getTime() > after)
      .flatMap((attempt) => {
        const criterion = attempt.criteria.find((candidate) => candidate.criterionId === criterionId && candidate.applicable);
        return criterion ? [{ attempt, criterion }] : [];
      });
    const recent = results.slice(-threshold);
    if (recent.length < threshold || !recent.every(({ criterion }) => finalLevel(criterion) === 0)) continue;
    const last = recent[recent.length - 1];
    found.push({ criterionId, competency: last.criterion.competency, lastScenarioSlug: last.attempt.scenarioSlug });
  }
  return found;
}

export function chooseAutoPractice({
  attempts,
  threshold = DEFAULT_AUTO_ASSIGN_AFTER,
  earlier = [],
  scenarios,
  modules,
}: {
  attempts: GradedAttemptForRule[];
  threshold?: number;
  earlier?: EarlierAutoAssignment[];
  scenarios: PracticeContent[];
  modules: PracticeContent[];
}): AutoPractice | null {
  const openContent = new Set(
    earlier.filter((assignment) => assignment.open).map((assignment) => `${assignment.kind}:${assignment.contentSlug}`),
  );
  const needed = Math.max(1, threshold);
  for (const failure of repeatedFailures(attempts, needed, earlier)) {
    const onCompetency = scenarios.filter((scenario) => scenario.competencies.includes(failure.competency));
    const scenario = onCompetency.find((candidate) => candidate.slug !== failure.lastScenarioSlug) ?? onCompetency[0];
    const module = modules.find((candidate) => candidate.competencies.includes(failure.competency));
    const content = scenario
      ? { kind: "scenario" as const, slug: scenario.slug }
      : module
        ? { kind: "module" as const, slug: module.slug }
        : null;
    if (!content || openContent.has(`${content.kind}:${content.slug}`)) continue;
    return {
      triggerCriterion: failure.criterionId,
      competency: failure.competency,
      kind: content.kind,
      contentSlug: content.slug,
      failures: needed,
    };
  }
  return null;
}
