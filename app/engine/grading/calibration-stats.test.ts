import { describe, expect, it } from "vitest";
import {
  cohensKappa,
  exactAgreement,
  kappaTrend,
  krippendorffAlpha,
  needsHumanReview,
  spread,
  type Judgement,
} from "./calibration-stats.ts";

const repeat = (pair: [Judgement, Judgement], times: number) => Array.from({ length: times }, () => pair);

describe("exactAgreement", () => {
  it("is the share of identical pairs, N/A matching N/A", () => {
    expect(
      exactAgreement([
        [2, 2],
        [null, null],
        [1, 0],
        [null, 1],
      ]),
    ).toBe(0.5);
    expect(exactAgreement([])).toBeNull();
  });
});

describe("cohensKappa", () => {
  it("gives 0.4 on the textbook 2×2 table (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)", () => {
    const pairs = [...repeat([1, 1], 20), ...repeat([1, 0], 5), ...repeat([0, 1], 10), ...repeat([0, 0], 15)];
    const estimate = cohensKappa(pairs)!;
    expect(estimate.kappa).toBeCloseTo(0.4, 10);
    expect(estimate.count).toBe(50);
    // po = 0.7, pe = 0.5: SE = sqrt(0.7 × 0.3 / (50 × 0.25)) = 0.1296, so 0.4 ± 1.96 × 0.1296.
    expect(estimate.low).toBeCloseTo(0.146, 3);
    expect(estimate.high).toBeCloseTo(0.654, 3);
  });

  it("works out (po − pe) / (1 − pe) by hand on a three-category table", () => {
    // Rows are rater A's level, columns rater B's; 100 conversations.
    const table = [
      [10, 20, 5],
      [15, 20, 10],
      [5, 10, 5],
    ];
    const pairs = table.flatMap((row, a) => row.flatMap((count, b) => repeat([a, b], count)));
    // po = (10 + 20 + 5) / 100 = 0.35; margins A 35/45/20, B 30/50/20 give pe = 0.35×0.30 + 0.45×0.50 + 0.20×0.20 = 0.37.
    expect(cohensKappa(pairs)!.kappa).toBeCloseTo((0.35 - 0.37) / (1 - 0.37), 10);
  });

  it("is 1 for perfect agreement, including one shared category, and 0 at chance", () => {
    expect(cohensKappa([...repeat([0, 0], 3), ...repeat([2, 2], 3)])!.kappa).toBe(1);
    expect(cohensKappa(repeat([1, 1], 4))).toEqual({ kappa: 1, low: 1, high: 1, count: 4 });
    expect(cohensKappa([...repeat([0, 0], 5), ...repeat([0, 1], 5), ...repeat([1, 0], 5), ...repeat([1, 1], 5)])!.kappa).toBeCloseTo(0);
  });

  it("treats N/A as a category of its own", () => {
    const estimate = cohensKappa([
      [null, null],
      [null, null],
      [2, 2],
      [2, 2],
    ])!;
    expect(estimate.kappa).toBe(1);
    expect(cohensKappa([])).toBeNull();
  });

  it("narrows its interval as the sample grows, always containing kappa", () => {
    const small = cohensKappa([...repeat([1, 1], 4), ...repeat([1, 0], 1), ...repeat([0, 0], 5)])!;
    const large = cohensKappa([...repeat([1, 1], 40), ...repeat([1, 0], 10), ...repeat([0, 0], 50)])!;
    for (const estimate of [small, large]) {
      expect(estimate.low).toBeLessThanOrEqual(estimate.kappa);
      expect(estimate.high).toBeGreaterThanOrEqual(estimate.kappa);
    }
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(small.low).toBeGreaterThanOrEqual(-1);
    expect(small.high).toBeLessThanOrEqual(1);
  });
});

describe("krippendorffAlpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: four observers,
  // twelve units, values 1–5, missing data.
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = observers[0].map((_, unit) => observers.map((row) => row[unit]));

  it("reproduces the published values for example C: nominal 0.743, ordinal 0.815, interval 0.849", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });

  it("reproduces example A: two observers, binary data, nominal 0.095", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(
      krippendorffAlpha(
        a.map((value, unit) => [value, b[unit]]),
        "nominal",
      ),
    ).toBeCloseTo(0.095, 3);
  });

  it("is 1 when everyone agrees, and null when no unit has two values", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [0, 0],
        ],
        "ordinal",
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        "nominal",
      ),
    ).toBeNull();
  });
});

describe("spread", () => {
  it("is the distance between the highest and lowest level, ignoring N/A", () => {
    expect(spread([0, 2, 1])).toBe(2);
    expect(spread([1, null, 1])).toBe(0);
    expect(spread([2])).toBe(0);
  });
});

describe("needsHumanReview", () => {
  const rule = { minKappa: 0.4, minJudged: 20 };
  const estimate = (kappa: number, count: number) => ({ kappa, low: kappa - 0.1, high: kappa + 0.1, count });

  it("flags a criterion below the bar once enough conversations are judged", () => {
    expect(needsHumanReview(estimate(0.39, 20), rule)).toBe(true);
    expect(needsHumanReview(estimate(0.39, 19), rule)).toBe(false);
  });

  it("trusts a criterion exactly at the bar, and has no verdict without data", () => {
    expect(needsHumanReview(estimate(0.4, 50), rule)).toBe(false);
    expect(needsHumanReview(null, rule)).toBe(false);
  });
});

describe("kappaTrend", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it("splits the pairs into consecutive windows, oldest first, with null for an empty window", () => {
    const pairs = [
      { at: daysAgo(70), pair: [1, 1] as [Judgement, Judgement] },
      { at: daysAgo(65), pair: [0, 0] as [Judgement, Judgement] },
      { at: daysAgo(5), pair: [1, 0] as [Judgement, Judgement] },
      { at: daysAgo(4), pair: [0, 1] as [Judgement, Judgement] },
    ];
    const trend = kappaTrend(pairs, now, 30, 3);
    expect(trend).toHaveLength(3);
    expect(trend[0]!.kappa).toBe(1);
    expect(trend[1]).toBeNull();
    expect(trend[2]!.kappa).toBeCloseTo(-1);
  });
});
