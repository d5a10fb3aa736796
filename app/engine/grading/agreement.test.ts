// Agreement between grader levels and human labels, checked against numbers worked out by hand.
import { describe, expect, test } from "vitest";
import { agreement } from "./agreement.ts";

const pairs = (...list: [human: number, grader: number][]) => list.map(([human, grader]) => ({ human, grader }));

describe("agreement", () => {
  test("the confusion matrix is indexed [human][grader]", () => {
    const result = agreement(pairs([0, 2], [0, 2], [1, 0]));
    expect(result.confusion).toEqual([
      [0, 0, 2],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.confusion[0][2]).toBe(2);
    expect(result.confusion[2][0]).toBe(0);
    expect(result.levels).toEqual([0, 1, 2]);
    expect(result.count).toBe(3);
    expect(result.accuracy).toBe(0);
  });

  test("macro-F1 on a worked example", () => {
    // human → grader: 0→0, 0→1, 1→1, 1→1, 1→2, 2→2, 2→0
    const result = agreement(pairs([0, 0], [0, 1], [1, 1], [1, 1], [1, 2], [2, 2], [2, 0]));
    expect(result.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [1, 0, 1],
    ]);
    // Level 0: TP 1, predicted 2 (column), actual 2 (row) → P 1/2, R 1/2, F1 1/2.
    // Level 1: TP 2, predicted 3, actual 3 → P 2/3, R 2/3, F1 2/3.
    // Level 2: TP 1, predicted 2, actual 2 → F1 1/2.
    // Macro-F1 = (1/2 + 2/3 + 1/2) / 3 = 5/9.
    expect(result.macroF1).toBeCloseTo(5 / 9, 10);
    expect(result.accuracy).toBeCloseTo(4 / 7, 10);
    expect(result.count).toBe(7);
    // Cohen's kappa: observed 4/7; by chance (2·2 + 3·3 + 2·2) / 49 = 17/49 → (28 − 17) / (49 − 17) = 11/32.
    expect(result.kappa).toBeCloseTo(11 / 32, 10);
  });

  test("kappa is 0 when agreement is no better than chance and negative when worse", () => {
    expect(agreement(pairs([0, 0], [0, 1], [1, 0], [1, 1])).kappa).toBeCloseTo(0, 10);
    expect(agreement(pairs([0, 1], [1, 0])).kappa).toBeCloseTo(-1, 10);
  });

  test("precision and recall differ: F1 is their harmonic mean", () => {
    // Level 0: TP 2, predicted 2, actual 3 → P 1, R 2/3, F1 0.8.
    // Level 1: TP 1, predicted 2, actual 1 → P 1/2, R 1, F1 2/3.
    const result = agreement(pairs([0, 0], [0, 0], [0, 1], [1, 1]), [0, 1]);
    expect(result.confusion).toEqual([
      [2, 1],
      [0, 1],
    ]);
    expect(result.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2, 10);
    expect(result.accuracy).toBe(0.75);
  });

  test("perfect agreement scores 1", () => {
    const result = agreement(pairs([0, 0], [1, 1], [2, 2], [2, 2], [1, 1]));
    expect(result.macroF1).toBe(1);
    expect(result.accuracy).toBe(1);
    expect(result.confusion).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
    ]);
  });

  test("levels no human used are left out of the macro average", () => {
    // Humans used 0 and 1 only; the grader once said 2.
    // Level 0: TP 1, predicted 1, actual 2 → P 1, R 1/2, F1 2/3. Level 1: F1 1. Level 2: no human example, excluded.
    const result = agreement(pairs([0, 0], [0, 2], [1, 1]));
    expect(result.macroF1).toBeCloseTo((2 / 3 + 1) / 2, 10);
    // Counting level 2 as F1 0 would give 5/9 instead.
    expect(result.macroF1).not.toBeCloseTo(5 / 9, 5);
    expect(result.confusion[0][2]).toBe(1);
  });

  test("perfect agreement on the levels used is still 1 when a level is unused", () => {
    expect(agreement(pairs([1, 1], [2, 2])).macroF1).toBe(1);
  });

  test("no pairs gives zeros, not NaN", () => {
    const result = agreement([]);
    expect(result).toMatchObject({ count: 0, accuracy: 0, macroF1: 0, kappa: 0 });
    expect(result.confusion).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
