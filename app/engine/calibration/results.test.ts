import { describe, expect, it } from "vitest";
import { sessionResults, type ResultItem } from "./results.ts";

const raters = [
  { id: "ana", name: "Ana" },
  { id: "ben", name: "Ben" },
];
const CRITERIA = ["empathy.emotional-reaction", "empathy.exploration"];

function item(id: string, grader: number[], ana: (number | null)[], ben: (number | null)[]): ResultItem {
  const rate = (levels: (number | null)[]) =>
    Object.fromEntries(CRITERIA.map((criterionId, index) => [criterionId, { level: levels[index], comment: null }]));
  return {
    id,
    grader: Object.fromEntries(CRITERIA.map((criterionId, index) => [criterionId, { level: grader[index], turn: 1, quote: "I'm sorry" }])),
    ratings: { ana: rate(ana), ben: rate(ben) },
    benchmarks: {},
  };
}

describe("sessionResults", () => {
  const items = [item("calm", [2, 1], [2, 1], [2, 1]), item("split", [2, 0], [0, 0], [2, 1]), item("off-grader", [1, 1], [2, 1], [2, 1])];
  const results = sessionResults(CRITERIA, raters, items);

  it("puts conversations with the most disagreements first and keeps sample order among equals", () => {
    expect(results.items.map((result) => result.id)).toEqual(["split", "off-grader", "calm"]);
    expect(results.items.map((result) => result.disagreements)).toEqual([2, 1, 0]);
  });

  it("orders a conversation's criteria with disagreements and the widest spread first", () => {
    const split = results.items[0];
    expect(split.cells.map((cell) => [cell.criterionId, cell.spread])).toEqual([
      ["empathy.emotional-reaction", 2],
      ["empathy.exploration", 1],
    ]);
  });

  it("counts agreement with the grader as agreement even when people agree with each other", () => {
    const offGrader = results.items.find((result) => result.id === "off-grader")!;
    const reaction = offGrader.cells.find((cell) => cell.criterionId === "empathy.emotional-reaction")!;
    expect(reaction.spread).toBe(0);
    expect(reaction.disagreement).toBe(true);
  });

  it("summarises each criterion: judged conversations, exact agreement with the grader, kappa per rater", () => {
    const reaction = results.criteria.find((summary) => summary.criterionId === "empathy.emotional-reaction")!;
    expect(reaction.judged).toBe(3);
    // Ana matches the grader on 1 of 3, Ben on 2 of 3.
    expect(reaction.exactAgreement).toBeCloseTo(3 / 6);
    expect(reaction.raters.map((rater) => rater.kappa?.count)).toEqual([3, 3]);
  });

  it("leaves unrecorded benchmarks undefined and keeps an agreed N/A as null", () => {
    const withBenchmark = { ...items[0], benchmarks: { "empathy.exploration": null } };
    const [result] = sessionResults(CRITERIA, raters, [withBenchmark]).items;
    expect(result.cells.find((cell) => cell.criterionId === "empathy.exploration")!.benchmark).toBeNull();
    expect(result.cells.find((cell) => cell.criterionId === "empathy.emotional-reaction")!.benchmark).toBeUndefined();
  });
});
