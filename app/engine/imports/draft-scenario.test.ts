// A scenario drafted from a real conversation passes the same schema and checks as a content file, and
// carries what the conversation shows: the opening, the facts asked for, the agent's moves, the mood.
import { beforeAll, describe, expect, test } from "vitest";
import { ScenarioSchema } from "~/content/practice-schemas.ts";
import { loadPracticeFromSource, type PracticeCatalog } from "~/content/practice.server.ts";
import { scenarioProblems } from "~/content/scenario-check.ts";
import { draftScenario, temperamentOf, type DraftSource } from "./draft-scenario.ts";

let catalog: PracticeCatalog;
beforeAll(async () => {
  catalog = (await loadPracticeFromSource()).catalog;
});

const english: DraftSource = {
  subject: "Blender arrived cracked",
  channel: "email",
  turns: [
    {
      from: "customer",
      text: "Hi, the blender I ordered arrived with a cracked jug. This is really disappointing, I need it for a party on Saturday!!",
    },
    { from: "agent", text: "I'm sorry it arrived damaged, [name]. Could you send me your order number and a photo of the crack?" },
    { from: "customer", text: "Order 48213. Photo attached." },
    {
      from: "agent",
      text: "Thanks. I'll send a replacement jug by express delivery today, so it arrives by Friday. Is there anything else I can help with?",
    },
    { from: "customer", text: "Great, thank you!" },
  ],
};

const chinese: DraftSource = {
  subject: null,
  channel: "chat",
  turns: [
    { from: "customer", text: "你好，我上週買的耳機一直連不上藍牙，真的很失望。" },
    { from: "agent", text: "很抱歉造成困擾。請問您的訂單編號是多少？耳機是什麼型號？" },
    { from: "customer", text: "訂單是A1234，型號是X2。" },
    { from: "agent", text: "我可以幫您安排免費換貨，新的耳機三天內寄到。" },
    { from: "customer", text: "好，謝謝。" },
  ],
};

function validated(source: DraftSource, locale: "en" | "zh-Hant") {
  const parsed = ScenarioSchema.safeParse(draftScenario(source, catalog.draftWording[locale]));
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  const scenario = parsed.data!;
  expect(scenarioProblems(scenario, { rubricIds: new Set(catalog.rubrics.map((rubric) => rubric.id)) })).toEqual([]);
  return scenario;
}

describe("draftScenario", () => {
  test("an English email becomes a valid scenario with the customer's opening, the facts asked for and the fix given", () => {
    const scenario = validated(english, "en");
    expect(scenario.title).toBe("Blender arrived cracked");
    expect(scenario.channel).toBe("email");
    expect(scenario.lines.opening).toEqual([english.turns[0].text]);
    expect(scenario.facts).toEqual([
      expect.objectContaining({
        id: "order-number",
        ask: expect.arrayContaining(["order number"]),
        answer: "Order 48213. Photo attached.",
        required: true,
      }),
    ]);
    expect(scenario.policy.allowed).toEqual([
      expect.objectContaining({ match: expect.arrayContaining(["replacement jug"]), resolves: true }),
    ]);
    expect(scenario.policy.allowed[0].description).toContain("replacement jug");
    expect(scenario.persona.temperament).toBe("frustrated");
    expect(scenario.lines.satisfied[0]).toBe("Great, thank you!");
    expect(scenario.goals.some((goal) => goal.includes("order number"))).toBe(true);
  });

  test("a closing question is not a fact, and a draft never names the real customer", () => {
    const scenario = validated(english, "en");
    expect(scenario.facts.some((fact) => fact.description.includes("anything else"))).toBe(false);
    expect(scenario.persona.name).toBe(catalog.draftWording.en.personaName);
  });

  test("a Traditional Chinese chat keeps its script in the phrases and its language's wording", () => {
    const scenario = validated(chinese, "zh-Hant");
    expect(scenario.facts.map((fact) => fact.description)).toEqual(["請問您的訂單編號是多少？", "耳機是什麼型號？"]);
    expect(scenario.facts[0].ask).toContain("訂單編號");
    expect(scenario.policy.allowed[0]).toEqual(
      expect.objectContaining({ description: "我可以幫您安排免費換貨，新的耳機三天內寄到。", resolves: true }),
    );
    expect(scenario.brief).toContain("你好，我上週買的耳機一直連不上藍牙");
    expect(scenario.summary.startsWith("由真實對話")).toBe(true);
  });

  test("without a sentence that reads as a move, the agent's longest last sentence stands in as the offer", () => {
    const scenario = validated(
      {
        subject: "Login",
        channel: "chat",
        turns: [
          { from: "customer", text: "I can't log in." },
          { from: "agent", text: "Hello. Resetting the password from the sign-in page fixes that." },
        ],
      },
      "en",
    );
    expect(scenario.policy.allowed).toHaveLength(1);
    expect(scenario.policy.allowed[0].description).toBe("Resetting the password from the sign-in page fixes that.");
  });
});

describe("temperamentOf", () => {
  test.each([
    [["This is unacceptable. I want a manager."], "angry"],
    [["It's the third time I've asked and this is terrible!!"], "frustrated"],
    [["I'm worried it won't arrive before my flight."], "anxious"],
    [["I don't understand how the export works."], "confused"],
    [["Hi, could you change my delivery address?"], "calm"],
    [["我真的氣死了，不可理喻。"], "angry"],
    [["我很擔心來不及。"], "anxious"],
  ])("%j reads as %s", (messages, temperament) => {
    expect(temperamentOf(messages)).toBe(temperament);
  });
});
