import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { amountsIn, analyseMessage, contentWords, sentenceKeys, type AnalysisContext } from "../simulation/signals.ts";
import { evaluateCriterion, type AnalysedTurn, type Evidence, type GradingInput, type ScenarioFacts, type Turn } from "./criteria.ts";
import type { RedLine } from "./red-lines.ts";

/** Bump when grading rules change, so stored grades say which rules produced them. */
export const GRADER_VERSION = "1.0.0";

export type CriterionGrade = {
  id: string;
  rubricId: string;
  title: string;
  competency: string;
  weight: number;
  critical: boolean;
  applicable: boolean;
  level: number;
  maxLevel: number;
  label: string;
  /** 0–1: level over the criterion's highest level. */
  score: number;
  evidence: Evidence[];
  suggestion: string;
};

export type Grade = {
  graderVersion: string;
  rubricVersions: Record<string, number>;
  overallScore: number;
  passed: boolean;
  criticalFailures: string[];
  criteria: CriterionGrade[];
};

/** Analyses each agent turn against the customer message it answers and what the agent already said. */
export function analyseTranscript(turns: Turn[], context: Omit<AnalysisContext, "customerMessage" | "saidBefore"> = {}): AnalysedTurn[] {
  let lastCustomer = "";
  const said = new Set<string>();
  return turns.map((turn, index) => {
    if (turn.from === "customer") {
      lastCustomer = turn.text;
      return { ...turn, index, signals: [] };
    }
    const signals = analyseMessage(turn.text, { ...context, customerMessage: lastCustomer, saidBefore: said });
    for (const key of sentenceKeys(turn.text)) said.add(key);
    return { ...turn, index, signals };
  });
}

/**
 * Grades analysed turns against rubrics. The score is the weighted share of
 * levels reached over applicable, non-critical criteria; any failed critical
 * criterion, or a customer who gave up, fails the attempt.
 */
export function gradeTurns(
  turns: AnalysedTurn[],
  rubrics: Rubric[],
  { scenario, outcome, passScore = 70 }: { scenario?: ScenarioFacts; outcome?: string; passScore?: number } = {},
): Grade {
  const input: GradingInput = { turns, scenario, outcome };
  const criteria: CriterionGrade[] = rubrics.flatMap((rubric) =>
    rubric.criteria.map((criterion) => {
      const result = evaluateCriterion(criterion.id, input);
      const maxLevel = Math.max(...criterion.levels.map((level) => level.level));
      const level = Math.min(result.level, maxLevel);
      const described =
        [...criterion.levels].sort((a, b) => b.level - a.level).find((candidate) => candidate.level <= level) ?? criterion.levels[0];
      return {
        id: criterion.id,
        rubricId: rubric.id,
        title: criterion.title,
        competency: criterion.competency,
        weight: criterion.weight,
        critical: criterion.critical,
        applicable: result.applicable,
        level,
        maxLevel,
        label: result.applicable ? described.label : "N/A",
        score: result.applicable ? level / maxLevel : 0,
        evidence: result.evidence,
        suggestion: result.applicable ? described.suggestion : (criterion.notApplicable ?? "Not applicable here."),
      };
    }),
  );
  const scored = criteria.filter((criterion) => criterion.applicable && !criterion.critical && criterion.weight > 0);
  const totalWeight = scored.reduce((sum, criterion) => sum + criterion.weight, 0);
  const overallScore =
    totalWeight === 0
      ? 0
      : Math.round((scored.reduce((sum, criterion) => sum + criterion.weight * criterion.score, 0) / totalWeight) * 100);
  const criticalFailures = criteria
    .filter((criterion) => criterion.critical && criterion.applicable && criterion.level === 0)
    .map((criterion) => criterion.id);
  const customerLeft = outcome === "abandoned";
  return {
    graderVersion: GRADER_VERSION,
    rubricVersions: Object.fromEntries(rubrics.map((rubric) => [rubric.id, rubric.version])),
    overallScore,
    passed: overallScore >= passScore && criticalFailures.length === 0 && !customerLeft,
    criticalFailures,
    criteria,
  };
}

/**
 * Grades a conversation played in a scenario, as it ended (a transcript from elsewhere may have no outcome),
 * against the organisation's red lines when it has any.
 */
export function gradeScenarioConversation(
  scenario: Scenario,
  rubrics: Rubric[],
  turns: Turn[],
  outcome?: string,
  redLines: readonly RedLine[] = [],
): Grade {
  const context = redLines.length ? { ...scenarioContext(scenario), redLines } : scenarioContext(scenario);
  return gradeTurns(analyseTranscript(turns, context), rubrics, {
    scenario: scenarioFacts(scenario),
    outcome,
    passScore: scenario.passScore,
  });
}

/** The parts of a scenario the grader needs. */
export function scenarioFacts(scenario: Scenario): ScenarioFacts {
  return {
    channel: scenario.channel,
    requiredFacts: scenario.facts.filter((fact) => fact.required).map((fact) => fact.id),
    resolvingOffers: scenario.policy.allowed.filter((offer) => offer.resolves).map((offer) => offer.id),
    forbiddenOffers: scenario.policy.forbidden.map((offer) => offer.id),
    escalationAllowed: scenario.policy.escalationAllowed,
    policyKnown: true,
    par: scenario.par,
  };
}

type ScenarioContext = Omit<AnalysisContext, "customerMessage" | "saidBefore">;

const contexts = new WeakMap<Scenario, ScenarioContext>();

/**
 * Analysis context for a scenario's conversation (without the customer message, which changes per turn).
 * Read for every message the customer answers and every transcript graded, so built once per scenario.
 */
export function scenarioContext(scenario: Scenario): ScenarioContext {
  let context = contexts.get(scenario);
  if (!context) {
    const { policy } = scenario;
    // What a scenario is about, as content lemmas: its title, summary, brief, goals, facts and policy.
    const topic = contentWords(
      [
        scenario.title,
        scenario.summary,
        scenario.brief,
        ...scenario.goals,
        ...scenario.facts.flatMap((fact) => [fact.description, fact.answer, ...fact.ask]),
        ...[...policy.allowed, ...policy.forbidden].flatMap((offer) => [offer.description, ...offer.match]),
        ...scenario.lines.opening,
      ].join("\n"),
    );
    // The amounts an agent may name: those in the allowed offers and the customer's own words.
    const knownAmounts = amountsIn(
      [...policy.allowed.map((offer) => offer.description), ...scenario.facts.map((fact) => fact.answer), ...scenario.lines.opening].join(
        "\n",
      ),
    );
    context = {
      language: scenario.locale?.startsWith("zh") ? "zh" : "en",
      customerName: scenario.persona.name,
      facts: scenario.facts,
      offers: [...policy.allowed, ...policy.forbidden.map((offer) => ({ ...offer, exact: true }))],
      jargon: scenario.jargon,
      unpromisable: policy.unpromisable,
      knownAmounts,
      topic,
    };
    contexts.set(scenario, context);
  }
  return context;
}
