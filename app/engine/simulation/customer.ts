// The simulated customer: a pure state machine driven by the signals in each
// agent message. Replies come from the scenario's authored lines, picked with a
// random source seeded per attempt and turn, so a replay is identical.
import type { Scenario, ScenarioLineKey } from "~/content/practice-schemas.ts";
import { scenarioContext } from "../grading/grade.ts";
import type { CustomerState } from "./customer-state.ts";
import { analyseMessage, has, sentenceKeys, type Signal } from "./signals.ts";

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
    said: [],
    spoken: [],
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

function pickFrom(lines: string[], random: () => number, spoken: ReadonlySet<string> = new Set()): string {
  // A line already said in this conversation is used again only when every variant has been.
  const fresh = lines.filter((line) => !spoken.has(line));
  const choices = fresh.length ? fresh : lines;
  return choices[Math.floor(random() * choices.length) % choices.length];
}

export function openingLine(scenario: Scenario, seed: number): string {
  return pickFrom(scenario.lines.opening, seededRandom(seed));
}

// How each temperament takes what the agent does: an angry customer warms slowly and takes offence
// fast; an anxious one settles once told what happens next; a confused one is lost by jargon.
const TEMPERAMENT: Record<Scenario["persona"]["temperament"], { warmth: number; offence: number; reassured: number; jargon: number }> = {
  calm: { warmth: 1, offence: 1, reassured: 0, jargon: 0.5 },
  confused: { warmth: 1, offence: 1, reassured: 0.5, jargon: 1.5 },
  anxious: { warmth: 1, offence: 1, reassured: 1, jargon: 0.5 },
  frustrated: { warmth: 0.75, offence: 1.25, reassured: 0.5, jargon: 0.5 },
  angry: { warmth: 0.5, offence: 1.5, reassured: 0.5, jargon: 0.5 },
};

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
 * turn (the attempt's seed plus the turn number) for varied but replayable
 * lines. The reply is composed from the scenario's authored parts: answers to
 * what was asked, a reaction to what was offered (restating it, and the time
 * promised), and how the message landed.
 */
export function respond(
  scenario: Scenario,
  state: CustomerState,
  message: string,
  lastCustomerLine: string,
  turnSeed: number,
): CustomerTurn {
  const random = seededRandom(turnSeed);
  // Chinese runs sentences together without a space.
  const gap = scenario.locale?.startsWith("zh") ? "" : " ";
  const spoken = new Set(state.spoken);
  const picked: string[] = [];
  const pickLine = (lines: string[]) => {
    const chosen = pickFrom(lines, random, spoken);
    picked.push(chosen);
    return chosen;
  };
  const line = (key: ScenarioLineKey) => pickLine(scenario.lines[key]);
  const signals = analyseMessage(message, {
    ...scenarioContext(scenario),
    customerMessage: lastCustomerLine,
    saidBefore: new Set(state.said),
  });
  const said = [...new Set([...state.said, ...sentenceKeys(message)])];
  const next: CustomerState = { ...state, disclosed: [...state.disclosed], agentTurns: state.agentTurns + 1, said };
  const events: string[] = [];
  const say: string[] = [];
  let progress = false;
  const temperament = TEMPERAMENT[scenario.persona.temperament];
  const finish = (reply: string): CustomerTurn => ({
    state: clampMood({ ...next, spoken: [...state.spoken, ...picked] }),
    reply,
    signals,
    events,
  });

  // A reply the customer cannot read moves nothing on: they ask for their language, and their patience wears.
  if (has(signals, "wrong-language")) {
    next.patience -= 1;
    events.push("wrong-language");
    if (next.patience <= 0) {
      next.outcome = "abandoned";
      events.push("gave-up");
      return finish(line("abandon"));
    }
    return finish(line("wrongLanguage"));
  }

  const hurt = has(signals, "rudeness") ? 3 : has(signals, "blame") ? 2 : 0;
  const moodBefore = next.mood;
  // Talking about something else, repeating itself or asking again for what the customer already gave reads as not listening.
  const askedAgain = scenario.facts.filter(
    (fact) => state.disclosed.includes(fact.id) && signals.some((signal) => signal.kind === "asks-fact" && signal.ref === fact.id),
  );
  const ignored = has(signals, "repeats") || has(signals, "off-topic") || askedAgain.length > 0;
  const harm =
    hurt * temperament.offence +
    (has(signals, "dismissive") || has(signals, "shouting") ? 1 : 0) +
    (has(signals, "jargon") ? temperament.jargon : 0) +
    (has(signals, "asks-secret") ? 2 : 0) +
    (ignored ? 1 : 0);
  next.mood += empathyLift(signals) * temperament.warmth - harm;

  if (has(signals, "asks-secret")) {
    say.push(line("secret"));
    events.push("refused-secret");
  }

  // Required facts given before this message: an offer or hand-over in the same message as the questions comes before the answers.
  const missing = scenario.facts.filter((fact) => fact.required && !state.disclosed.includes(fact.id));
  if (has(signals, "escalates") && (next.escalationDemanded || (scenario.policy.escalationAllowed && missing.length === 0))) {
    next.outcome = "escalated";
    events.push("escalated");
    return finish(line("escalated"));
  }

  if (askedAgain.length) say.push([line("repeated"), ...askedAgain.map((fact) => fact.answer)].join(gap));
  const newFacts = scenario.facts.filter(
    (fact) => !next.disclosed.includes(fact.id) && signals.some((signal) => signal.kind === "asks-fact" && signal.ref === fact.id),
  );
  for (const fact of newFacts) {
    next.disclosed.push(fact.id);
    say.push(fact.answer);
    events.push(`disclosed:${fact.id}`);
    progress = true;
  }
  if (has(signals, "asks-unknown") && newFacts.length === 0 && askedAgain.length === 0) say.push(line("unknown"));

  const offers = signals.filter((signal) => signal.kind === "offers-resolution");
  const forbidden = offers
    .map((signal) => scenario.policy.forbidden.find((offer) => offer.id === signal.ref))
    .find((offer) => offer !== undefined);
  const allowed = offers
    .map((signal) => scenario.policy.allowed.find((offer) => offer.id === signal.ref))
    .find((offer) => offer !== undefined);
  const when = signals.find((signal) => signal.kind === "names-time")?.text;
  if (forbidden || has(signals, "invented-terms")) {
    next.mood -= 1;
    say.push(forbidden ? pickLine(forbidden.pushback) : line("pushback"));
    events.push(forbidden ? `forbidden-offer:${forbidden.id}` : "invented-terms");
  } else if (allowed && !next.acceptedOffer) {
    if (allowed.resolves && missing.length > 0) {
      if (newFacts.length === 0) say.push(line("missingFacts"));
      events.push("offer-before-facts");
    } else {
      next.mood += 1;
      if (allowed.resolves) next.acceptedOffer = allowed.id;
      const accepted = line("accepted").replaceAll("{offer}", allowed.heard);
      say.push(when ? `${accepted}${gap}${line("confirmTime").replaceAll("{when}", when)}` : accepted);
      events.push(`accepted:${allowed.id}`);
    }
    progress = true;
  }

  if (next.acceptedOffer && has(signals, "sets-expectations")) {
    if (!next.expectationsSet && scenario.persona.temperament !== "calm") next.mood += temperament.reassured;
    next.expectationsSet = true;
    progress = true;
  }

  if (
    next.acceptedOffer &&
    next.expectationsSet &&
    (has(signals, "checks-satisfaction") || has(signals, "closes")) &&
    next.mood > MOOD_MIN + 2
  ) {
    next.outcome = "resolved";
    events.push("resolved");
    return finish(line("satisfied"));
  }

  if (hurt > 0 && next.mood <= -3 && !next.escalationDemanded) {
    next.escalationDemanded = true;
    say.unshift(line("escalationDemand"));
    events.push("demanded-escalation");
  } else if (hurt > 0 || has(signals, "dismissive") || ignored) {
    say.push(line("frustrated"));
  }
  if (has(signals, "jargon") && say.length === 0) say.push(line("jargon"));
  // "I'll look into it" with nothing said about what: they ask what that means.
  if (say.length === 0 && !progress && has(signals, "ownership") && !has(signals, "escalates")) say.push(line("vague"));

  const warmed = next.mood - moodBefore >= 1;
  if (!progress && !warmed) next.patience -= 1;
  if (say.length === 0) say.push(line(progress || warmed ? "warmer" : "unclear"));

  const tooLong = next.agentTurns >= scenario.par.turns * 2 + 2;
  if (next.patience <= 0 || next.mood <= MOOD_MIN || tooLong) {
    next.outcome = "abandoned";
    events.push(tooLong ? "ran-out-of-time" : "gave-up");
    return finish(line("abandon"));
  }
  return finish(say.slice(0, 2).join(gap));
}

function clampMood(state: CustomerState): CustomerState {
  return { ...state, mood: Math.max(MOOD_MIN, Math.min(MOOD_MAX, state.mood)) };
}

/**
 * Plays a whole conversation: the opening line, then a reply to each agent
 * message until an outcome. Each reply is seeded with the attempt's seed plus
 * the agent turn's position, as in a live attempt, so a stored conversation
 * replays line for line. `states` holds the customer's state after each reply.
 */
export function simulate(scenario: Scenario, agentMessages: string[], seed: number) {
  let state = initialState(scenario);
  let lastLine = openingLine(scenario, seed);
  const turns: { from: "customer" | "agent"; text: string }[] = [{ from: "customer", text: lastLine }];
  const states: CustomerState[] = [];
  for (const message of agentMessages) {
    if (state.outcome) break;
    const position = turns.length;
    turns.push({ from: "agent", text: message });
    const result = respond(scenario, state, message, lastLine, seed + position);
    state = result.state;
    states.push(state);
    lastLine = result.reply;
    turns.push({ from: "customer", text: result.reply });
  }
  return { turns, state, states };
}
