// Turns a grade into coaching: which criteria to fix first, advice worded for the scenario being
// graded, and a better reply built from that scenario's own people, facts and policy.
import type { Scenario } from "~/content/practice-schemas.ts";

export type RankableCriterion = {
  id: string;
  applicable: boolean;
  critical: boolean;
  /** The level that counts (a reviewer's override when there is one). */
  level: number;
  maxLevel: number;
  weight: number;
};

/** How much fixing a criterion would move the result: a failed critical criterion outranks everything. */
export function fixPriority(criterion: RankableCriterion): number {
  if (!criterion.applicable || criterion.maxLevel <= 0 || criterion.level >= criterion.maxLevel) return 0;
  if (criterion.critical) return criterion.level === 0 ? Number.POSITIVE_INFINITY : 0;
  return (1 - criterion.level / criterion.maxLevel) * criterion.weight;
}

/**
 * The few criteria worth fixing first: failed critical ones, then the biggest weighted shortfall,
 * ties going to the heavier criterion and then to rubric order. Criteria at their top level never appear.
 */
export function rankFixes<T extends RankableCriterion>(criteria: T[], limit = 3): T[] {
  return criteria
    .map((criterion, order) => ({ criterion, order, priority: fixPriority(criterion) }))
    .filter((entry) => entry.priority > 0)
    .sort((a, b) => b.priority - a.priority || b.criterion.weight - a.criterion.weight || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.criterion);
}

/** Whether a criterion reached its top level: shown as a strength, anything lower as something to fix. */
export function isStrength(criterion: Pick<RankableCriterion, "applicable" | "level" | "maxLevel">): boolean {
  return criterion.applicable && criterion.level >= criterion.maxLevel;
}

// Rubrics are shared by every scenario, but their examples were written about particular cases
// ("I'm sorry the gift won't make Saturday"). A quoted example in brackets is dropped so the advice
// never talks about another scenario's customer.
const QUOTED_EXAMPLE = /\s*\((?:for example\s*)?["“][^)]*\)/g;

/** A rubric suggestion with its case-specific quoted examples removed. */
export function scenarioNeutralAdvice(suggestion: string): string {
  return suggestion
    .replace(QUOTED_EXAMPLE, "")
    .replace(/\s+([.,;])/g, "$1")
    .trim();
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const firstName = (scenario: Scenario) => scenario.persona.name.split(" ")[0];
/** Fact descriptions speak about the customer ("his account"); a reply speaks to them. */
const toCustomer = (text: string) => lowerFirst(text).replace(/\b(?:his|her|their)\b/g, "your");

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function askForFacts(scenario: Scenario): string | null {
  const required = scenario.facts.filter((fact) => fact.required).map((fact) => toCustomer(fact.description));
  return required.length ? `So I can sort this out in one go, could you send me ${joinList(required)}?` : null;
}

function offerFix(scenario: Scenario): string | null {
  const fix = scenario.policy.allowed.find((offer) => offer.resolves);
  return fix ? `Here's what I can do: ${lowerFirst(fix.description)}.` : null;
}

function channelOpening(scenario: Scenario): string {
  const name = firstName(scenario);
  switch (scenario.channel) {
    case "email":
      return `Hi ${name},\n\nThank you for writing in, and I'm sorry about the trouble. ${offerFix(scenario) ?? ""}\n\nKind regards`;
    case "social":
      return `Sorry to hear this, ${name}. Could you send us a direct message with the details? We'll pick it up there straight away.`;
    default:
      return `Thanks, ${name}. ${offerFix(scenario) ?? "Let's get this sorted."}`;
  }
}

/** A better reply for one criterion, written for this scenario's customer; null when no sample would help. */
export function betterReply(criterionId: string, scenario: Scenario): string | null {
  const name = firstName(scenario);
  switch (criterionId) {
    case "empathy.emotional-reaction":
      return `I'm really sorry, ${name} — that's not what should have happened, and I can see why you're upset.`;
    case "empathy.interpretation":
      return `Let me check I have this right, ${name}, so I fix the right thing. ${askForFacts(scenario) ?? "What exactly happened?"}`;
    case "empathy.exploration":
      return `What matters most to you here, ${name}, so I can pick the option that actually helps?`;
    case "resolution.identified-issue":
    case "resolution.gathered-information":
    case "efficiency.turns":
      return askForFacts(scenario);
    case "resolution.correct-fix":
    case "communication.positive-language":
      return offerFix(scenario);
    case "resolution.set-expectations":
      return (
        offerFix(scenario) && `${offerFix(scenario)} I'll confirm by email as soon as it's done, so you know exactly where things stand.`
      );
    case "resolution.confirmed-satisfaction":
      return `Does that work for you, ${name}? If anything's still not right, tell me and I'll look again.`;
    case "communication.personalisation":
      return `Thanks for bearing with me, ${name}.`;
    case "communication.tone-fit":
      return channelOpening(scenario);
    case "critical.no-rudeness":
      return `I can see this has been frustrating, ${name}. ${offerFix(scenario) ?? "Let's get it put right."}`;
    case "critical.protects-secrets":
      return "To check it's your account, could you confirm the email address on it? We'll never ask for your password.";
    case "critical.no-false-promises":
      return "I can't promise a time yet, but I'll update you as soon as I know more, and by the end of the day at the latest.";
    default:
      return null;
  }
}

export type ScoreProgress = { first: number; best: number; latest: number; attempts: number };

/** First → best → latest from graded scores oldest first; null before any graded attempt. */
export function scoreProgress(scores: number[]): ScoreProgress | null {
  if (scores.length === 0) return null;
  return { first: scores[0], best: Math.max(...scores), latest: scores[scores.length - 1], attempts: scores.length };
}
