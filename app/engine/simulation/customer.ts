// The simulated customer: a pure state machine driven by the signals in each
// agent message. Replies come from the scenario's authored lines, picked with a
// random source seeded per attempt and turn, so a replay is identical.
import type { Scenario, ScenarioLineKey } from "~/content/practice-schemas.ts";
import { scenarioContext } from "../grading/grade.ts";
import { analyseMessage, has, type Signal } from "./signals.ts";

export const OUTCOMES = ["resolved", "escalated", "abandoned", "ended"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type CustomerState = {
  mood: number;
  patience: number;
  disclosed: string[];
  acceptedOffer: string | null;
  expectationsSet: boolean;
  escalationDemanded: boolean;
  agentTurns: number;
  outcome: Outcome | null;
};

export type CustomerTurn = { state: CustomerState; reply: string; signals: Signal[]; events: string[] };

const MOOD_MIN = -5;
const MOOD_MAX = 5;
const START_MOOD: Record<Scenario["persona"]["temperament"], number> = { calm: 1, confused: 0, anxious: -1, frustrated: -2, angry: -3 };

export function initialState(scenario: Scenario): CustomerState {
  return {
    mood: START_MOOD[scenario.persona.temperament],
    patience: scenario.persona.patience,
    disclosed: [],
    acceptedOffer: null,
    expectationsSet: false,
    escalationDemanded: false,
    agentTurns: 0,
    outcome: null,
  };
}

/** A small, fast, seedable generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(scenario: Scenario, key: ScenarioLineKey, random: () => number): string {
  const lines = scenario.lines[key];
  return lines[Math.floor(random() * lines.length) % lines.length];
}

export function openingLine(scenario: Scenario, seed: number): string {
  return pick(scenario, "opening", seededRandom(seed));
}

function empathyLift(signals: Signal[]): number {
  const kinds = ["emotional-reaction", "interpretation", "exploration"] as const;
  let lift = 0;
  for (const kind of kinds) {
    const found = signals.filter((signal) => signal.kind === kind);
    if (found.some((signal) => signal.strength === "strong")) lift += 1;
    else if (found.length) lift += 0.5;
  }
  return Math.min(lift, 2);
}

/**
 * The customer's response to one agent message. `turnSeed` must differ per
 * turn (the attempt's seed plus the turn number) for varied but replayable lines.
 */
export function respond(scenario: Scenario, state: CustomerState, message: string, lastCustomerLine: string, turnSeed: number): CustomerTurn {
  const random = seededRandom(turnSeed);
  const signals = analyseMessage(message, { ...scenarioContext(scenario), customerMessage: lastCustomerLine });
  const next: CustomerState = { ...state, disclosed: [...state.disclosed], agentTurns: state.agentTurns + 1 };
  const events: string[] = [];
  const say: string[] = [];
  let progress = false;

  const hurt = has(signals, "rudeness") ? 3 : has(signals, "blame") ? 2 : 0;
  const moodBefore = next.mood;
  next.mood += empathyLift(signals) - hurt - (has(signals, "dismissive") ? 1 : 0) - (has(signals, "jargon") ? 0.5 : 0) - (has(signals, "asks-secret") ? 2 : 0);

  if (has(signals, "asks-secret")) {
    say.push(pick(scenario, "secret", random));
    events.push("refused-secret");
  }

  if (has(signals, "escalates") && (scenario.policy.escalationAllowed || next.escalationDemanded)) {
    next.outcome = "escalated";
    events.push("escalated");
    return { state: clampMood(next), reply: pick(scenario, "escalated", random), signals, events };
  }

  const newFacts = scenario.facts.filter((fact) => !next.disclosed.includes(fact.id) && signals.some((signal) => signal.kind === "asks-fact" && signal.ref === fact.id));
  for (const fact of newFacts) {
    next.disclosed.push(fact.id);
    say.push(fact.answer);
    events.push(`disclosed:${fact.id}`);
    progress = true;
  }

  const offers = signals.filter((signal) => signal.kind === "offers-resolution");
  const forbidden = offers.find((signal) => scenario.policy.forbidden.some((offer) => offer.id === signal.ref));
  const allowed = offers.map((signal) => scenario.policy.allowed.find((offer) => offer.id === signal.ref)).find((offer) => offer !== undefined);
  if (forbidden) {
    next.mood -= 1;
    say.push(pick(scenario, "pushback", random));
    events.push(`forbidden-offer:${forbidden.ref}`);
  } else if (allowed && !next.acceptedOffer) {
    const missing = scenario.facts.filter((fact) => fact.required && !next.disclosed.includes(fact.id));
    if (allowed.resolves && missing.length > 0) {
      say.push(pick(scenario, "missingFacts", random));
      events.push("offer-before-facts");
    } else {
      next.mood += 1;
      if (allowed.resolves) next.acceptedOffer = allowed.id;
      say.push(pick(scenario, "accepted", random));
      events.push(`accepted:${allowed.id}`);
    }
    progress = true;
  }

  if (next.acceptedOffer && has(signals, "sets-expectations")) {
    next.expectationsSet = true;
    progress = true;
  }

  if (next.acceptedOffer && next.expectationsSet && (has(signals, "checks-satisfaction") || has(signals, "closes")) && next.mood > MOOD_MIN + 2) {
    next.outcome = "resolved";
    events.push("resolved");
    return { state: clampMood(next), reply: pick(scenario, "satisfied", random), signals, events };
  }

  if (hurt > 0 && next.mood <= -3 && !next.escalationDemanded) {
    next.escalationDemanded = true;
    say.unshift(pick(scenario, "escalationDemand", random));
    events.push("demanded-escalation");
  } else if (hurt > 0 || has(signals, "dismissive")) {
    say.push(pick(scenario, "frustrated", random));
  }
  if (has(signals, "jargon") && say.length === 0) say.push(pick(scenario, "jargon", random));

  const warmed = next.mood - moodBefore >= 1;
  if (!progress && !warmed) next.patience -= 1;
  if (say.length === 0) say.push(pick(scenario, progress || warmed ? "warmer" : "unclear", random));

  const tooLong = next.agentTurns >= scenario.par.turns * 2 + 2;
  if (next.patience <= 0 || next.mood <= MOOD_MIN || tooLong) {
    next.outcome = "abandoned";
    events.push(tooLong ? "ran-out-of-time" : "gave-up");
    return { state: clampMood(next), reply: pick(scenario, "abandon", random), signals, events };
  }
  return { state: clampMood(next), reply: say.slice(0, 2).join(" "), signals, events };
}

function clampMood(state: CustomerState): CustomerState {
  return { ...state, mood: Math.max(MOOD_MIN, Math.min(MOOD_MAX, state.mood)) };
}

/** Plays a whole conversation: the opening line, then a reply to each agent message until an outcome. */
export function simulate(scenario: Scenario, agentMessages: string[], seed: number) {
  let state = initialState(scenario);
  let lastLine = openingLine(scenario, seed);
  const turns: { from: "customer" | "agent"; text: string }[] = [{ from: "customer", text: lastLine }];
  for (const [index, message] of agentMessages.entries()) {
    if (state.outcome) break;
    turns.push({ from: "agent", text: message });
    const result = respond(scenario, state, message, lastLine, seed + index + 1);
    state = result.state;
    lastLine = result.reply;
    turns.push({ from: "customer", text: result.reply });
  }
  return { turns, state };
}
