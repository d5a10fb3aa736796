import { describe, expect, test } from "vitest";
import { findRedLines, type RedLine } from "./red-lines.ts";

const line = (id: string, phrase: string, variants = [phrase], kind: RedLine["kind"] = "blame"): RedLine => ({
  id,
  phrase,
  kind,
  reason: "Never said to a customer.",
  variants: variants.map((variant) => variant.toLowerCase()),
});

const BLAME = line("blame", "you should have read the instructions");
const PROMISE = line("promise", "guaranteed by tomorrow", undefined, "forbidden-promise");
const CHINESE = line("zh", "这是您自己的问题", ["这是您自己的问题", "這是您自己的問題"]);

describe("findRedLines", () => {
  test("finds a phrase whatever its case and apostrophes, with its place in the text", () => {
    const text = "Honestly, You Should Have Read The Instructions before ordering.";
    expect(findRedLines(text, [BLAME])).toEqual([{ redLine: BLAME, start: 10, end: 47 }]);
    const curly = line("curly", "that's not my job");
    expect(findRedLines("Sorry, that\u2019s not my job.", [curly])).toHaveLength(1);
  });

  test("matches whole words only in Latin text", () => {
    const idiot = line("idiot", "idiot");
    expect(findRedLines("This kettle is idiotproof.", [idiot])).toEqual([]);
    expect(findRedLines("Only an idiot would ask.", [idiot])).toHaveLength(1);
  });

  test("finds Chinese phrases in either script, inside a sentence", () => {
    expect(findRedLines("抱歉，不过這是您自己的問題，我们没办法。", [CHINESE])).toEqual([{ redLine: CHINESE, start: 5, end: 13 }]);
    expect(findRedLines("这是您自己的问题。", [CHINESE])).toHaveLength(1);
  });

  test("reports every place a phrase is sent, each once, in order", () => {
    const text = "Guaranteed by tomorrow! I mean it: guaranteed by tomorrow.";
    expect(findRedLines(text, [PROMISE, PROMISE]).map((hit) => hit.start)).toEqual([0, 35]);
  });

  test("finds nothing without red lines or without a match", () => {
    expect(findRedLines("You should read the instructions.", [])).toEqual([]);
    expect(findRedLines("I can send the instructions again.", [BLAME, PROMISE])).toEqual([]);
  });
});
