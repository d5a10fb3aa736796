// What is sent to the organisation's language model: the decision and the conversation, never a
// fact the customer has not given, and a strict answer format for the second opinion.
import { beforeAll, describe, expect, test } from "vitest";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { loadPracticeFromSource, rubricsFor } from "~/content/practice.server.ts";
import { initialState, openingLine, respond } from "~/engine/simulation/customer.ts";
import { customerDecision, type TranscriptLine } from "./decision.ts";
import { CUSTOMER_PROMPT_VERSION, customerWordingMessages, OPINION_PROMPT_VERSION, secondOpinionMessages } from "./prompts.ts";

let scenario: Scenario;
let rubrics: Rubric[];

beforeAll(async () => {
  const { catalog } = await loadPracticeFromSource();
  scenario = catalog.scenarios.find((candidate) => candidate.slug === "damaged-item-deadline")!;
  rubrics = rubricsFor(catalog, scenario);
});

function decide(message: string) {
  const opening = openingLine(scenario, 3);
  const state = initialState(scenario);
  const transcript: TranscriptLine[] = [
    { speaker: "customer", text: opening },
    { speaker: "agent", text: message },
  ];
  return { transcript, decision: customerDecision(scenario, state, respond(scenario, state, message, opening, 4), transcript) };
}

describe("the customer wording prompt", () => {
  test("carries the persona, the numbered conversation, the agent's message and the decision", () => {
    const message = "I'm so sorry! Could you send me your order number?";
    const { transcript, decision } = decide(message);
    const [system, user] = customerWordingMessages(decision, transcript);
    expect(system.role).toBe("system");
    expect(system.content).toContain("Dana Whitfield (anxious)");
    expect(system.content).toContain("live chat message");
    expect(user.content).toContain(`[0] Dana Whitfield: ${transcript[0].text}`);
    expect(user.content).toContain(`[1] Agent: ${message}`);
    expect(user.content).toContain(`The agent's last message:\n${message}`);
    expect(user.content).toContain(`Decided reply to re-phrase: "${decision.reply}"`);
    expect(user.content).toContain('The order number: "It\'s order 48213, placed on the 3rd."');
    expect(user.content).toContain("Accepts: nothing");
    expect(user.content).toMatch(/Mood: (upset|frustrated|neutral|calmer|happy)/);
  });

  test("never sends a fact the customer has not given", () => {
    const { transcript, decision } = decide("I'm so sorry! Could you send me your order number?");
    const sent = customerWordingMessages(decision, transcript)
      .map((message) => message.content)
      .join("\n");
    for (const fact of scenario.facts.filter((candidate) => candidate.id !== "order-number")) expect(sent).not.toContain(fact.answer);
    expect(sent).not.toContain("Saturday at 2");
  });

  test("names what the customer pushes back on", () => {
    const { transcript, decision } = decide("You can keep it and I'll refund you, no need to return it.");
    const [, user] = customerWordingMessages(decision, transcript);
    expect(user.content).toContain("Pushes back on: Refund while she keeps the damaged item");
  });

  test("has versions that are stored with what they produce", () => {
    expect(CUSTOMER_PROMPT_VERSION).toMatch(/^customer-words-\d+$/);
    expect(OPINION_PROMPT_VERSION).toMatch(/^second-opinion-\d+$/);
  });
});

describe("the second opinion prompt", () => {
  test("lists every criterion with its levels, the numbered transcript and the JSON shape to answer in", () => {
    const criteria = rubrics.flatMap((rubric) => rubric.criteria);
    const transcript: TranscriptLine[] = [
      { speaker: "customer", text: "It arrived broken." },
      { speaker: "agent", text: "I'm sorry, let me fix that." },
    ];
    const [system, user] = secondOpinionMessages(criteria, transcript, "Dana Whitfield");
    expect(system.content).toContain(
      '{"criteria":[{"id":"<criterion id>","level":<level number>,"turn":<turn number>,"quote":"<exact words>"}]}',
    );
    expect(user.content).toContain("- empathy.emotional-reaction (Emotional reaction)");
    expect(user.content).toContain("    2 Strong: Concern is expressed and tied to this customer's specific situation.");
    for (const criterion of criteria) expect(user.content).toContain(`- ${criterion.id} (`);
    expect(user.content).toContain("[0] Dana Whitfield: It arrived broken.\n[1] Agent: I'm sorry, let me fix that.");
  });
});
