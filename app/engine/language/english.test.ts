import { describe, expect, test } from "vitest";
import { analyseText, contentLemmas, type EntityKind } from "./english.ts";

const entities = (text: string) => analyseText(text).entities.map((entity) => [entity.kind, entity.text] as [EntityKind, string]);
const negatedWords = (text: string) =>
  analyseText(text)
    .tokens.filter((token) => token.negated)
    .map((token) => token.text)
    .join(" ");

describe("sentences", () => {
  test("splits sentences with offsets that quote the original text", () => {
    const text = "Thanks, Dana. It's order 48213 — placed on the 3rd!\nCould you send a photo? I'll refund $12.99 today.";
    const { sentences } = analyseText(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "Thanks, Dana.",
      "It's order 48213 — placed on the 3rd!",
      "Could you send a photo?",
      "I'll refund $12.99 today.",
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  test("decimals and e-mail addresses do not end a sentence", () => {
    expect(analyseText("It was £12.99. Write to help@shop.example for a copy.").sentences).toHaveLength(2);
  });
});

describe("negation scope", () => {
  test.each([
    ["I can't promise it'll be there Saturday.", "promise it 'll be there Saturday"],
    ["Never share your password with anyone.", "share your password with anyone"],
    ["I'm not sure, but I'll refund you today.", "sure"],
    ["There's nothing I can do about the refund.", "I can do about the refund"],
    ["Nobody will ask for your PIN.", "will ask for your PIN"],
    ["I'll send a replacement today.", ""],
    ["I can't refund it but I'll send a replacement today.", "refund it"],
    ["No one will call you.", "one will call you"],
  ])("%s", (text, negated) => {
    expect(negatedWords(text)).toBe(negated);
  });
});

describe("question types", () => {
  test.each([
    ["What's the order number?", "wh"],
    ["And when did it arrive?", "wh"],
    ["Is it the oven door or the whole frame?", "choice"],
    ["Did it arrive damaged?", "yes-no"],
    ["Could you send me a photo of the damage?", "request"],
    ["Can you please confirm the email on the account?", "request"],
    ["How does that sound", "wh"],
    ["I'll send it today.", null],
    ["Have a great day!", null],
  ])("%s → %s", (text, kind) => {
    expect(analyseText(text).sentences[0].question).toBe(kind);
  });
});

describe("entities", () => {
  test("dates, times and durations", () => {
    expect(entities("I'll ship it tomorrow; it takes 2 days and should be there by Saturday at 3pm.")).toEqual(
      expect.arrayContaining([
        ["date", "tomorrow"],
        ["duration", "2 days"],
        ["date", "Saturday"],
        ["time", "3pm"],
      ]),
    );
  });

  test("amounts in any currency and percentages", () => {
    expect(entities("That's $429, or £12.99 and €59 with 40% off.")).toEqual([
      ["money", "$429"],
      ["money", "£12.99"],
      ["money", "€59"],
      ["percent", "40%"],
    ]);
  });

  test("order references, e-mail addresses and phone numbers", () => {
    expect(entities("Order #48213, ticket TKT-20931 and order 55120. Mail dana@example.com or call 0800 123 4567.")).toEqual([
      ["reference", "#48213"],
      ["reference", "TKT-20931"],
      ["reference", "55120"],
      ["email", "dana@example.com"],
      ["phone", "0800 123 4567"],
    ]);
  });
});

test("content lemmas let paraphrases meet: sent/sending → send, photos → photo", () => {
  const lemmas = contentLemmas(analyseText("She sent two photos and is sending the receipts.").tokens);
  expect([...lemmas]).toEqual(expect.arrayContaining(["send", "photo", "receipt"]));
  expect(lemmas.has("the")).toBe(false);
});
