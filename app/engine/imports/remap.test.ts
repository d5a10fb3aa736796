import { describe, expect, test } from "vitest";
import { maskPersonalData } from "./personal-data.ts";
import { remapEvidence } from "./remap.ts";

describe("remapEvidence", () => {
  test("moves evidence to where it stands in the masked text, and quotes the masked words", () => {
    const original = "Thanks Maria, I've emailed maria@example.com the label. Sorry for the wait!";
    const { text, spans } = maskPersonalData(original, { names: ["Maria"] });
    const sorry = original.indexOf("Sorry for the wait");
    const greeting = original.indexOf("Thanks Maria");
    const evidence = remapEvidence(
      [
        { turn: 1, span: [sorry, sorry + 18], text: "Sorry for the wait" },
        { turn: 1, span: [greeting, greeting + 12], text: "Thanks Maria" },
      ],
      ["", text],
      [[], spans],
    );
    expect(evidence).toEqual([
      { turn: 1, span: [text.indexOf("Sorry"), text.indexOf("Sorry") + 18], text: "Sorry for the wait" },
      { turn: 1, span: [0, 13], text: "Thanks [name]" },
    ]);
  });

  test("leaves evidence of an unmasked turn as it was", () => {
    const evidence = [{ turn: 0, span: [0, 5] as [number, number], text: "Hello" }];
    expect(remapEvidence(evidence, ["Hello there"], [[]])).toEqual(evidence);
  });
});
