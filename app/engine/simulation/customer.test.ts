// The simulated customer as a pure state machine, played against the
// damaged-item-deadline scenario exactly as authored in content/scenarios.
import { beforeAll, describe, expect, test } from "vitest";
import { TEMPERAMENTS, type Scenario } from "~/content/practice-schemas.ts";
import { loadPracticeFromSource } from "~/content/practice.server.ts";
import type { CustomerState } from "./customer-state.ts";
import { initialState, openingLine, respond, seededRandom, simulate } from "./customer.ts";
import { moodLabel } from "./mood.ts";

let scenario: Scenario;
let opening: string;

beforeAll(async () => {
  const { catalog, problems } = await loadPracticeFromSource();
  expect(problems).toEqual([]);
  scenario = catalog.scenarios.find((candidate) => candidate.slug === "damaged-item-deadline")!;
  expect(scenario).toBeDefined();
  // The facts and offers these tests rely on, as authored.
  expect(scenario.persona).toMatchObject({ temperament: "anxious", patience: 4 });
  expect(scenario.facts.filter((fact) => fact.required).map((fact) => fact.id)).toEqual(["order-number", "photo"]);
  expect(scenario.policy.escalationAllowed).toBe(false);
  opening = openingLine(scenario, 1);
});

const ASK_BOTH = "Could you send me your order number and a photo of the damage?";
const OFFER = "I'll send you a replacement with express shipping.";
const EXPECTATIONS = "It will arrive within 2 business days.";
const CHECK = "Does that work for you?";
const NEUTRAL = "Okay.";

const answers = () => scenario.facts.map((fact) => fact.answer);
const withPersona = (changes: Partial<Scenario["persona"]>): Scenario => ({ ...scenario, persona: { ...scenario.persona, ...changes } });
const withPolicy = (changes: Partial<Scenario["policy"]>): Scenario => ({ ...scenario, policy: { ...scenario.policy, ...changes } });

/** Plays messages from the initial state and returns every turn's result. */
function play(messages: string[], from: CustomerState = initialState(scenario), on: Scenario = scenario) {
  const results = [];
  let state = from;
  let last = opening;
  for (const [index, message] of messages.entries()) {
    const result = respond(on, state, message, last, 100 + index);
    results.push(result);
    state = result.state;
    last = result.reply;
  }
  return results;
}

describe("initialState", () => {
  test.each([
    ["calm", 1],
    ["confused", 0],
    ["anxious", -1],
    ["frustrated", -2],
    ["angry", -3],
  ] as const)("a %s customer starts at mood %d", (temperament, mood) => {
    expect(initialState(withPersona({ temperament, patience: 7 }))).toEqual({
      mood,
      patience: 7,
      disclosed: [],
      acceptedOffer: null,
      expectationsSet: false,
      escalationDemanded: false,
      agentTurns: 0,
      outcome: null,
      said: [],
      spoken: [],
    });
  });

  test("every temperament has a starting mood, calmer ones higher", () => {
    const moods = TEMPERAMENTS.map((temperament) => initialState(withPersona({ temperament })).mood);
    expect(moods.every((mood) => Number.isFinite(mood))).toBe(true);
    expect([...moods].sort((a, b) => b - a)).toEqual(moods);
  });
});

describe("seededRandom", () => {
  const take = (seed: number, n = 50) => {
    const random = seededRandom(seed);
    return Array.from({ length: n }, () => random());
  };

  test("the same seed gives the same sequence", () => {
    expect(take(42)).toEqual(take(42));
  });

  test("different seeds give different sequences", () => {
    expect(take(42)).not.toEqual(take(43));
  });

  test("values fall in [0, 1) and vary", () => {
    const values = [...take(1, 2000), ...take(0, 200), ...take(2 ** 31 - 1, 200)];
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(new Set(values).size).toBeGreaterThan(values.length * 0.99);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });

  test("the opening line is one of the authored ones and stable per seed", () => {
    expect(scenario.lines.opening).toContain(openingLine(scenario, 5));
    expect(openingLine(scenario, 5)).toBe(openingLine(scenario, 5));
  });
});

describe("facts", () => {
  test("are never volunteered when not asked for", () => {
    const results = play(["I'm so sorry your daughter's present arrived broken.", NEUTRAL, "That sounds really stressful."]);
    for (const result of results) {
      expect(result.state.disclosed).toEqual([]);
      for (const answer of answers()) expect(result.reply).not.toContain(answer);
      expect(result.events.filter((event) => event.startsWith("disclosed:"))).toEqual([]);
    }
  });

  test("are disclosed only when asked, one at a time", () => {
    const [first, second] = play(["Could you send me your order number?", "Could you share a photo of the damage?"]);
    const order = scenario.facts.find((fact) => fact.id === "order-number")!;
    const photo = scenario.facts.find((fact) => fact.id === "photo")!;
    expect(first.state.disclosed).toEqual(["order-number"]);
    expect(first.events).toContain("disclosed:order-number");
    expect(first.reply).toContain(order.answer);
    expect(first.reply).not.toContain(photo.answer);
    expect(second.state.disclosed).toEqual(["order-number", "photo"]);
    expect(second.reply).toContain(photo.answer);
    expect(second.reply).not.toContain(order.answer);
  });

  test("an optional fact is disclosed when asked", () => {
    const [result] = play(["When is the party?"]);
    expect(result.state.disclosed).toEqual(["deadline"]);
    expect(result.reply).toContain(scenario.facts.find((fact) => fact.id === "deadline")!.answer);
  });

  test("a fact already disclosed is not repeated", () => {
    const [, again] = play(["Could you send me your order number?", "Sorry, could you send me your order number?"]);
    expect(again.state.disclosed).toEqual(["order-number"]);
    expect(again.events.filter((event) => event.startsWith("disclosed:"))).toEqual([]);
  });
});

describe("offers", () => {
  test("an allowed resolving offer before the required facts gets a missing-facts line and is not accepted", () => {
    const [result] = play([OFFER]);
    expect(result.events).toEqual(["offer-before-facts"]);
    expect(scenario.lines.missingFacts).toContain(result.reply);
    expect(result.state.acceptedOffer).toBeNull();
  });

  test("with only some required facts the offer is still not accepted", () => {
    const [, result] = play(["Could you send me your order number?", OFFER]);
    expect(result.events).toContain("offer-before-facts");
    expect(result.state.acceptedOffer).toBeNull();
  });

  test("after the required facts the offer is accepted and lifts the mood", () => {
    const [asked, offered] = play([ASK_BOTH, OFFER]);
    expect(offered.events).toContain("accepted:express-replacement");
    expect(offered.state.acceptedOffer).toBe("express-replacement");
    const heard = scenario.policy.allowed.find((offer) => offer.id === "express-replacement")!.heard;
    expect(scenario.lines.accepted.some((line) => offered.reply.startsWith(line.replaceAll("{offer}", heard)))).toBe(true);
    expect(offered.state.mood).toBe(asked.state.mood + 1);
  });

  test("a forbidden offer gets pushback, lowers the mood and is not accepted", () => {
    const [asked, forbidden] = play([ASK_BOTH, "You can keep it and I'll refund you."]);
    expect(forbidden.events).toContain("forbidden-offer:keep-and-refund");
    const keepAndRefund = scenario.policy.forbidden.find((offer) => offer.id === "keep-and-refund")!;
    expect(keepAndRefund.pushback).toContain(forbidden.reply);
    expect(forbidden.state.mood).toBe(asked.state.mood - 1);
    expect(forbidden.state.acceptedOffer).toBeNull();
  });
});

describe("resolution", () => {
  test("needs an accepted offer, expectations and a check or close", () => {
    const [, offered, checkedEarly, expected, checked] = play([ASK_BOTH, OFFER, CHECK, EXPECTATIONS, CHECK]);
    expect(offered.state.outcome).toBeNull();
    // Checking before setting expectations does not resolve.
    expect(checkedEarly.state.outcome).toBeNull();
    expect(checkedEarly.state.expectationsSet).toBe(false);
    expect(expected.state.expectationsSet).toBe(true);
    expect(expected.state.outcome).toBeNull();
    expect(checked.state.outcome).toBe("resolved");
    expect(checked.events).toContain("resolved");
    expect(scenario.lines.satisfied).toContain(checked.reply);
  });

  test("a polite close also resolves once the offer and expectations are in place", () => {
    const results = play([ASK_BOTH, OFFER, EXPECTATIONS, "Thanks for your patience, take care."]);
    expect(results.at(-1)!.state.outcome).toBe("resolved");
  });

  test("expectations set before an offer is accepted do not count", () => {
    const [early, , offered, checked] = play([EXPECTATIONS, ASK_BOTH, OFFER, CHECK]);
    expect(early.state.expectationsSet).toBe(false);
    expect(offered.state.expectationsSet).toBe(false);
    expect(checked.state.outcome).toBeNull();
  });

  test("the whole offer, expectations and check in one message after the facts resolve it", () => {
    const [, result] = play([ASK_BOTH, `${OFFER} ${EXPECTATIONS} ${CHECK}`]);
    expect(result.state).toMatchObject({ acceptedOffer: "express-replacement", expectationsSet: true, outcome: "resolved" });
  });

  test("the customer always says something back, even to a turn that only sets expectations", () => {
    const results = play([ASK_BOTH, OFFER, EXPECTATIONS]);
    for (const result of results) expect(result.reply.trim(), JSON.stringify(result.events)).not.toBe("");
  });
});

describe("rudeness and escalation", () => {
  test("rudeness lowers the mood and, once upset, triggers a demand to escalate", () => {
    const start = initialState(scenario);
    const [result] = play(["That's a stupid question, whatever."]);
    expect(result.state.mood).toBeLessThanOrEqual(start.mood - 3);
    expect(result.state.escalationDemanded).toBe(true);
    expect(result.events).toContain("demanded-escalation");
    expect(result.reply.startsWith(scenario.lines.escalationDemand[0])).toBe(true);
  });

  test("rudeness to a calm customer lowers the mood without a demand yet", () => {
    const calm = withPersona({ temperament: "calm" });
    const [result] = play(["That's a stupid question."], initialState(calm), calm);
    expect(result.state.mood).toBe(-2);
    expect(result.state.escalationDemanded).toBe(false);
    expect(result.events).not.toContain("demanded-escalation");
    expect(scenario.lines.frustrated).toContain(result.reply);
  });

  test("escalating when neither demanded nor allowed does not end the conversation", () => {
    const [result] = play(["I'll escalate this to my supervisor."]);
    expect(result.state.outcome).toBeNull();
    expect(result.events).not.toContain("escalated");
  });

  test("escalating after the customer demanded it ends as escalated", () => {
    const [, result] = play(["That's a stupid question, whatever.", "I'll escalate this to my supervisor."]);
    expect(result.state.outcome).toBe("escalated");
    expect(result.events).toContain("escalated");
    expect(scenario.lines.escalated).toContain(result.reply);
  });

  test("escalating ends as escalated when the scenario allows it and the customer has given what the next team needs", () => {
    const allowing = withPolicy({ escalationAllowed: true });
    const [early, asked, escalated] = play(
      ["I'll escalate this to my supervisor.", ASK_BOTH, "I'll escalate this to my supervisor now."],
      initialState(allowing),
      allowing,
    );
    expect(early.state.outcome).toBeNull();
    expect(asked.state.outcome).toBeNull();
    expect(escalated.state.outcome).toBe("escalated");
  });
});

describe("giving up", () => {
  test("unhelpful turns use up patience until the customer abandons", () => {
    const results = play([NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL]);
    expect(results.map((result) => result.state.patience)).toEqual([3, 2, 1, 0]);
    expect(results.slice(0, 3).every((result) => result.state.outcome === null)).toBe(true);
    const last = results[3];
    expect(last.state.outcome).toBe("abandoned");
    expect(last.events).toContain("gave-up");
    expect(scenario.lines.abandon).toContain(last.reply);
  });

  test("turns that make progress do not use up patience", () => {
    const [result] = play(["Could you send me your order number?"]);
    expect(result.state.patience).toBe(scenario.persona.patience);
  });

  test("a conversation past twice par plus two turns is abandoned", () => {
    const cap = scenario.par.turns * 2 + 2;
    const nearCap: CustomerState = { ...initialState(scenario), patience: 10, agentTurns: cap - 2 };
    const [below, atCap] = play(["Could you send me your order number?", "Could you share a photo?"], nearCap);
    expect(below.state.outcome).toBeNull();
    expect(atCap.state.agentTurns).toBe(cap);
    expect(atCap.state.outcome).toBe("abandoned");
    expect(atCap.events).toContain("ran-out-of-time");
  });

  test("simulate stops at the outcome", () => {
    const { state, turns } = simulate(scenario, [NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL], 3);
    expect(state.outcome).toBe("abandoned");
    // Opening plus four agent/customer pairs; the last two messages are never sent.
    expect(turns).toHaveLength(9);
  });
});

describe("respond", () => {
  test("never mutates the state it is given", () => {
    const state: CustomerState = { ...initialState(scenario), disclosed: ["order-number"] };
    const snapshot = structuredClone(state);
    for (const message of [ASK_BOTH, OFFER, "That's a stupid question, whatever.", "I'll escalate this to my supervisor.", NEUTRAL]) {
      const result = respond(scenario, state, message, opening, 9);
      expect(result.state).not.toBe(state);
      expect(state).toEqual(snapshot);
    }
    expect(state.disclosed).toEqual(["order-number"]);
  });

  test("is deterministic for the same state, message and seed", () => {
    const state = initialState(scenario);
    expect(respond(scenario, state, ASK_BOTH, opening, 12)).toEqual(respond(scenario, state, ASK_BOTH, opening, 12));
  });

  test("keeps the mood within -5..5", () => {
    let state = initialState(withPersona({ temperament: "angry", patience: 10 }));
    for (let i = 0; i < 3; i++) state = respond(scenario, state, "That's stupid, you should have read it, whatever.", opening, i).state;
    expect(state.mood).toBe(-5);
  });
});

describe("moodLabel", () => {
  test.each([
    [-5, "upset"],
    [-3, "upset"],
    [-2.5, "frustrated"],
    [-1, "frustrated"],
    [-0.5, "neutral"],
    [0, "neutral"],
    [1, "neutral"],
    [1.5, "calmer"],
    [3, "calmer"],
    [3.5, "happy"],
    [5, "happy"],
  ] as const)("%d is %s", (mood, label) => {
    expect(moodLabel(mood)).toBe(label);
  });
});
