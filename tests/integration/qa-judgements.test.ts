// The judgements a trained QA analyst would make on the messages that once
// fooled the analyser, each played through the real scenario content: the
// customer and the grader read the same analysis, so both are checked.
import { describe, expect, test } from "vitest";
import { rubricsFor } from "~/content/practice.server.ts";
import { analyseTranscript, gradeScenarioConversation, scenarioContext } from "~/engine/grading/grade.ts";
import { initialState, openingLine, respond, simulate } from "~/engine/simulation/customer.ts";
import { analyseMessage, type SignalKind } from "~/engine/simulation/signals.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";

const catalog = await getPracticeCatalog();
const scenarioFor = (slug: string) => catalog.scenarios.find((scenario) => scenario.slug === slug)!;

function play(slug: string, messages: string[], seed = 7) {
  const scenario = scenarioFor(slug);
  const { turns, state } = simulate(scenario, messages, seed);
  const grade = gradeScenarioConversation(scenario, rubricsFor(catalog, scenario), turns, state.outcome ?? undefined);
  const level = (id: string) => grade.criteria.find((criterion) => criterion.id === id)!.level;
  return { turns, state, grade, level };
}

function kindsIn(slug: string, message: string): SignalKind[] {
  const scenario = scenarioFor(slug);
  return analyseMessage(message, { ...scenarioContext(scenario), customerMessage: scenario.lines.opening[0] }).map((signal) => signal.kind);
}

const DAMAGED_FACTS = "Could you send me your order number and a photo of the damage?";

describe("one short message no longer wins a scenario", () => {
  test("a keyword list neither resolves Damaged item before a deadline nor passes", () => {
    const { state, grade, turns } = play("damaged-item-deadline", ["order number? photo? replacement. 2 days. anything else?"]);
    expect(state.outcome).toBeNull();
    expect(scenarioFor("damaged-item-deadline").lines.satisfied).not.toContain(turns.at(-1)!.text);
    expect(grade.passed).toBe(false);
  });

  test("an offer made before the customer has answered does not resolve, even with the questions in the same message", () => {
    const { state } = play("damaged-item-deadline", [
      `${DAMAGED_FACTS} I'll send a replacement with express shipping; it takes 1–2 business days. Does that work for you?`,
    ]);
    expect(state.disclosed).toEqual(["order-number", "photo"]);
    expect(state.acceptedOffer).toBeNull();
    expect(state.outcome).toBeNull();
  });
});

describe("offers are judged against the scenario's policy", () => {
  test('"Forget the warranty, I\'ll get the full $429 back onto your card by Friday" is a cash refund, not the warranty', () => {
    const kinds = analyseMessage("Forget the warranty, I'll get the full $429 back onto your card by Friday.", {
      ...scenarioContext(scenarioFor("refund-outside-policy")),
    }).filter((signal) => signal.kind === "offers-resolution");
    expect(kinds.map((signal) => signal.ref)).toEqual(["cash-refund"]);
  });

  test("the $429 cash refund scores no correct fix, and the customer pushes back", () => {
    const { level, state } = play("refund-outside-policy", [
      "Can I take your order number, and tell me what's going wrong with it?",
      "Forget the warranty, I'll get the full $429 back onto your card by Friday.",
    ]);
    expect(level("resolution.correct-fix")).toBe(0);
    expect(state.acceptedOffer).toBeNull();
  });

  test("an invented discount is caught by its terms, whatever the percentage", () => {
    expect(kindsIn("cancellation-retention", "Tell you what, I'll knock 35% off for the next six months if you stay.")).toContain(
      "invented-terms",
    );
    expect(kindsIn("cancellation-retention", "I can move you to the Basic plan at £10 a month.")).not.toContain("invented-terms");
  });

  test("a pushy agent who invents a 40% discount does not pass", () => {
    const { grade, level } = play("cancellation-retention", [
      "I'm sorry to hear you're thinking of leaving, Helen. Could you confirm the email on your account and your postcode?",
      "Thanks. Tell you what, I'll give you 40% off for the next six months if you stay. You'll see it on your next bill. Does that work?",
      "Great, that's all set. Have a lovely day!",
    ]);
    expect(level("resolution.correct-fix")).toBe(0);
    expect(grade.passed).toBe(false);
  });

  test("a perfect in-policy offer in plain words is recognised and accepted", () => {
    const { state, turns } = play("damaged-item-deadline", [
      DAMAGED_FACTS,
      "I'll send a brand-new play kitchen with express delivery at no cost; it usually takes one to two business days, and I'll email you tracking tonight. Would that work for Saturday?",
    ]);
    expect(state.acceptedOffer).toBe("express-replacement");
    const scenario = scenarioFor("damaged-item-deadline");
    const heard = scenario.policy.allowed.find((offer) => offer.id === "express-replacement")!.heard;
    const reply = turns.at(-1)!.text;
    expect(scenario.lines.accepted.some((line) => reply.startsWith(line.replaceAll("{offer}", heard)))).toBe(true);
  });

  test("a fact asked in other words is still asked", () => {
    const { state } = play("damaged-item-deadline", ["Which number is on your confirmation email so I can look it up?"]);
    expect(state.disclosed).toEqual(["order-number"]);
  });
});

describe("critical criteria judge the claim in context", () => {
  test("sarcasm fails no-rudeness and expresses no empathy", () => {
    const { level } = play("charged-twice", ["Oh I'm SO sorry that you can't read a bank statement. Must be hard for you."]);
    expect(level("critical.no-rudeness")).toBe(0);
    expect(level("empathy.emotional-reaction")).toBe(0);
  });

  test('"the courier broke it, not us. calm down, it\'s just a toy" fails no-rudeness', () => {
    expect(play("damaged-item-deadline", ["the courier broke it, not us. calm down, it's just a toy"]).level("critical.no-rudeness")).toBe(
      0,
    );
  });

  test('"with whatever we know" is not rude', () => {
    const { level } = play("service-outage", ["I'm sorry, Rafael. I'll message you every 30 minutes with whatever we know."]);
    expect(level("critical.no-rudeness")).toBe(2);
  });

  test("a delivery day the brief forbids promising fails no-false-promises; refusing to promise passes", () => {
    expect(
      play("damaged-item-deadline", [DAMAGED_FACTS, "I'm sending a new one, it'll be there saturday"]).level("critical.no-false-promises"),
    ).toBe(0);
    const honest = play("damaged-item-deadline", [
      DAMAGED_FACTS,
      "I'm sending a new one by express. I can't promise the exact day, but I'll email you tracking tonight.",
    ]);
    expect(honest.level("critical.no-false-promises")).toBe(2);
    expect(honest.level("communication.positive-language")).toBe(2);
  });

  test('guessing "back in 10 minutes" in an outage fails no-false-promises', () => {
    expect(play("service-outage", ["Don't worry, we'll be back in 10 minutes."]).level("critical.no-false-promises")).toBe(0);
  });

  test('"anything else" is not a check that the fix works', () => {
    expect(kindsIn("damaged-item-deadline", "Anything else?")).not.toContain("checks-satisfaction");
  });

  test('"Once you\'ve set the new password…" does not ask for a secret', () => {
    const scenario = scenarioFor("account-locked-out");
    const turn = respond(
      scenario,
      initialState(scenario),
      "Once you've set the new password, you'll be straight back into your books.",
      openingLine(scenario, 7),
      8,
    );
    expect(turn.signals.map((signal) => signal.kind)).not.toContain("asks-secret");
    expect(scenario.lines.secret).not.toContain(turn.reply);
  });
});

describe("empathy about the wrong thing, small talk and repetition earn nothing", () => {
  test("sympathy about a sick cat to a customer whose parcel arrived smashed is none or weak, and explores nothing", () => {
    const { level } = play("damaged-item-deadline", ["I'm so sorry to hear your cat is sick, that must be heartbreaking"]);
    expect(level("empathy.emotional-reaction")).toBeLessThanOrEqual(1);
    expect(level("empathy.interpretation")).toBe(0);
    expect(level("empathy.exploration")).toBe(0);
  });

  test.each(["What's the weather like where you are?", "Did you catch the football last night?", "¿Qué tal el fin de semana?"])(
    "%j does not calm the customer in Parcel two days late",
    (message) => {
      const scenario = scenarioFor("late-delivery");
      const start = initialState(scenario);
      const turn = respond(scenario, start, message, openingLine(scenario, 7), 8);
      expect(turn.signals.map((signal) => signal.kind)).toContain("off-topic");
      expect(turn.state.mood).toBeLessThan(start.mood);
      expect(scenario.lines.warmer).not.toContain(turn.reply);
    },
  );

  test("the same sentence repeated across turns earns credit once and wears the customer's patience", () => {
    const line = "I'm so sorry your daughter's play kitchen arrived broken right before her party.";
    const once = play("damaged-item-deadline", [line]);
    const twice = play("damaged-item-deadline", [line, line]);
    expect(twice.state.mood).toBeLessThan(once.state.mood);
    const repeated = analyseTranscript(twice.turns, scenarioContext(scenarioFor("damaged-item-deadline")))[3];
    expect(repeated.signals.map((signal) => signal.kind)).toEqual(["repeats"]);
  });

  test("after giving her order number, the customer is not asked for it as if she never had", () => {
    const { turns } = play("damaged-item-deadline", ["What's the order number, please?", "Thanks. Can you send a photo of the damage?"]);
    const scenario = scenarioFor("damaged-item-deadline");
    for (const turn of turns.filter((candidate) => candidate.from === "customer"))
      expect(scenario.lines.missingFacts).not.toContain(turn.text);
  });

  test("asking again for a fact already given repeats the answer and frustrates", () => {
    const { turns, state } = play("damaged-item-deadline", ["What's the order number, please?", "Sorry, what was the order number again?"]);
    expect(turns.at(-1)!.text).toContain("48213");
    expect(state.mood).toBeLessThan(initialState(scenarioFor("damaged-item-deadline")).mood);
  });
});
