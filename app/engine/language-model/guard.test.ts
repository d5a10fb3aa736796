// The guard on the language model's wording, against the scenarios as authored: the engine decides
// each turn with respond(), and candidate wordings are checked against that decision.
import { beforeAll, describe, expect, test } from "vitest";
import type { Scenario } from "~/content/practice-schemas.ts";
import { loadPracticeFromSource } from "~/content/practice.server.ts";
import { initialState, openingLine, respond } from "~/engine/simulation/customer.ts";
import { customerDecision, type CustomerDecision, type TranscriptLine } from "./decision.ts";
import { distinctiveTerms, guardCustomerWording, maxWordingLength } from "./guard.ts";

let damaged: Scenario;
let locked: Scenario;

beforeAll(async () => {
  const { catalog } = await loadPracticeFromSource();
  damaged = catalog.scenarios.find((scenario) => scenario.slug === "damaged-item-deadline")!;
  locked = catalog.scenarios.find((scenario) => scenario.slug === "account-locked-out")!;
});

/** The engine's decision for the first reply to the opening line. */
function firstTurn(scenario: Scenario, message: string): CustomerDecision {
  const opening = openingLine(scenario, 7);
  const state = initialState(scenario);
  const turn = respond(scenario, state, message, opening, 8);
  const transcript: TranscriptLine[] = [
    { speaker: "customer", text: opening },
    { speaker: "agent", text: message },
  ];
  return customerDecision(scenario, state, turn, transcript);
}

const rejection = (candidate: string, decision: CustomerDecision) => {
  const result = guardCustomerWording(candidate, decision);
  return result.accepted ? null : result.reason;
};

describe("distinctive terms of a fact", () => {
  test("are its numbers, codes, addresses and mid-sentence names", () => {
    expect(distinctiveTerms("Um, it's a Visa ending 4417. Is that enough?")).toEqual([
      { text: "Visa", caseSensitive: true },
      { text: "4417", caseSensitive: false },
    ]);
    expect(distinctiveTerms("It's nadia.haddad@example.com. At least I think that's the one I used… yes, it is.")).toEqual([
      { text: "nadia.haddad@example.com", caseSensitive: false },
    ]);
    expect(distinctiveTerms("It's KH-558230. It's been sitting in your system for weeks.").map((term) => term.text)).toEqual(["KH-558230"]);
  });

  test("leave out sentence openers, contractions and single digits", () => {
    const terms = distinctiveTerms("Yesterday around 4:15 in the afternoon, and Monday morning around 9. Same file both times.");
    expect(terms.map((term) => term.text)).toEqual(["4:15", "Monday"]);
  });
});

describe("guardCustomerWording", () => {
  test("accepts a faithful re-phrasing and returns it trimmed", () => {
    const decision = firstTurn(damaged, "I'm so sorry it arrived broken. Could you send me your order number and a photo of the damage?");
    expect(decision.disclosedNow.map((fact) => fact.id)).toEqual(["order-number", "photo"]);
    const result = guardCustomerWording(
      "  Sure — it's order 48213, placed on the 3rd. I've attached a photo: the oven door has snapped right off.  ",
      decision,
    );
    expect(result).toEqual({
      accepted: true,
      text: "Sure — it's order 48213, placed on the 3rd. I've attached a photo: the oven door has snapped right off.",
    });
  });

  test("rejects a fact the engine has not disclosed, by its number or its name", () => {
    const decision = firstTurn(damaged, "I'm so sorry. Could you send me your order number?");
    expect(decision.disclosedNow.map((fact) => fact.id)).toEqual(["order-number"]);
    expect(decision.withheld.map((fact) => fact.id)).toContain("deadline");
    expect(rejection("It's order 48213, from the 3rd.", decision)).toBeNull();
    // The party time is the deadline fact, not asked for yet.
    expect(rejection("It's order 48213 from the 3rd — and the party is Saturday!", decision)).toBe("discloses-fact");
    const card = firstTurn(locked, "Could you tell me the email address on your account?");
    expect(rejection("Sure, it's nadia.haddad@example.com. My card is a Visa, if that helps.", card)).toBe("discloses-fact");
    expect(rejection("It's nadia.haddad@example.com. And the card ends 4417.", card)).toBe("discloses-fact");
  });

  test("does not count a term that someone already said as a disclosure", () => {
    // The agent names the day first: the customer repeating it gives nothing away.
    const decision = firstTurn(damaged, "I'm so sorry. Is this for Saturday? Could you send me your order number?");
    expect(rejection("Yes, Saturday. It's order 48213, placed on the 3rd.", decision)).toBeNull();
  });

  test("matches names by case and numbers as whole words only", () => {
    const decision = firstTurn(locked, "Could you tell me the email address on your account?");
    // "visa" in lower case is an ordinary word here; 44170 is not 4417.
    expect(rejection("It's nadia.haddad@example.com — I need to sort my visa paperwork too.", decision)).toBeNull();
    expect(rejection("It's nadia.haddad@example.com, I've tried 44170 times!", decision)).toBeNull();
  });

  test("rejects a specific detail nobody has said", () => {
    const decision = firstTurn(damaged, "I'm so sorry. Could you send me your order number?");
    expect(rejection("It's order 48213, and I paid £89.99 for it.", decision)).toBe("invents-detail");
    expect(rejection("It's order 48213. You can reach me at dana@example.org.", decision)).toBe("invents-detail");
  });

  test("rejects accepting an offer the engine refused", () => {
    const decision = firstTurn(damaged, "You can keep it and I'll refund you, no need to return it.");
    expect(decision.accepted).toBeNull();
    expect(decision.pushback).toEqual(["Refund while she keeps the damaged item (not acceptable to the customer)"]);
    expect(rejection("Oh, that sounds great, thank you!", decision)).toBe("accepts");
    expect(rejection("Yes please, let's do that.", decision)).toBe("accepts");
    expect(rejection("Keep it and get my money back? That doesn't work for me — won't I be charged later?", decision)).toBeNull();
  });

  test("reads negation and questions before calling something acceptance", () => {
    const decision = firstTurn(damaged, "You can keep it and I'll refund you, no need to return it.");
    expect(rejection("I really can't say that works for me. What if someone notices?", decision)).toBeNull();
    expect(rejection("Would that work, though? I don't want trouble later.", decision)).toBeNull();
    expect(rejection("I don't accept that, sorry.", decision)).toBeNull();
  });

  test("rejects acceptance of a fix offered before the facts are in", () => {
    const decision = firstTurn(damaged, "I'll send you a replacement with express shipping.");
    expect(decision.accepted).toBeNull();
    expect(rejection("Perfect, sounds good!", decision)).toBe("accepts");
    expect(rejection("Don't you need my order details first? I haven't given you anything yet.", decision)).toBeNull();
  });

  test("lets the customer accept what the engine accepted", () => {
    const opening = openingLine(damaged, 7);
    const ask = "I'm so sorry. Could you send me your order number and a photo of the damage?";
    const asked = respond(damaged, initialState(damaged), ask, opening, 8);
    const offer = "Thank you. I'll send you a replacement with express shipping.";
    const accepted = respond(damaged, asked.state, offer, asked.reply, 10);
    const decision = customerDecision(damaged, asked.state, accepted, [
      { speaker: "customer", text: opening },
      { speaker: "agent", text: ask },
      { speaker: "customer", text: asked.reply },
      { speaker: "agent", text: offer },
    ]);
    expect(decision.accepted).toBe("a new play kitchen sent out by express");
    expect(rejection("Yes please, that sounds great — a new one by express would be perfect.", decision)).toBeNull();
  });

  test("allows an acceptance-like phrase the engine's own reply already says", () => {
    const decision = { ...firstTurn(damaged, "Okay."), reply: "Okay, go ahead and check, I'll wait." };
    expect(rejection("Alright, go ahead and check, I'll hang on.", decision)).toBeNull();
  });

  test.each([
    ["As an AI language model, I can't share personal details.", "out-of-character"],
    ["I'm an AI, but I'll play along: my order is late.", "out-of-character"],
    ["Sorry, my instructions say I can't give that yet.", "out-of-character"],
    ["Let me stay in character: I'm upset!", "out-of-character"],
    ["Customer: I'm still waiting.", "out-of-character"],
    ["Thank you for contacting support! How can I help you today?", "out-of-character"],
    ["I'm here to help — let me check that for you.", "out-of-character"],
    ["   ", "empty"],
    ["…", "empty"],
  ])("rejects %j as %s", (candidate, reason) => {
    expect(rejection(candidate, firstTurn(damaged, "Okay."))).toBe(reason);
  });

  test.each([
    "I'd appreciate a prompt reply, honestly.",
    "Your chatbot earlier was no help at all.",
    "Sorry, I'm not sure what you need from me. Can you fix this?",
  ])("keeps in-character wording %j", (candidate) => {
    expect(rejection(candidate, firstTurn(damaged, "Okay."))).toBeNull();
  });

  test("rejects wording far longer than the decided reply", () => {
    const decision = firstTurn(damaged, "Okay.");
    const limit = maxWordingLength(decision.reply);
    expect(rejection("Sorry. ".repeat(Math.ceil(limit / 7) + 1), decision)).toBe("too-long");
    expect(rejection("Sorry, what do you need from me?", decision)).toBeNull();
  });

  test("rejects handing over a secret the engine refused", () => {
    const decision = firstTurn(locked, "To verify you, what's your current password?");
    expect(decision.pushback).toContain("being asked for a password or other secret");
    expect(rejection("Fine, my password is sunflower.", decision)).toBe("accepts");
    expect(rejection("You want my password? Isn't that what scammers ask for?", decision)).toBeNull();
  });
});
