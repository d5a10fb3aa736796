import { describe, expect, test } from "vitest";
import { findPrerequisiteProblems, type PrerequisiteNode } from "./prerequisites.ts";

const node = (slug: string, ...prerequisites: string[]): PrerequisiteNode => ({ slug, prerequisites });

describe("findPrerequisiteProblems", () => {
  test("no modules, or modules with valid prerequisites, have no problems", () => {
    expect(findPrerequisiteProblems([])).toEqual([]);
    expect(findPrerequisiteProblems([node("a"), node("b", "a"), node("c", "a", "b")])).toEqual([]);
  });

  test("an unknown slug is reported at its position", () => {
    expect(findPrerequisiteProblems([node("a"), node("b", "a", "missing")])).toEqual([
      { slug: "b", index: 1, message: 'unknown module "missing"' },
    ]);
  });

  test("a module requiring itself is reported, and not also as a cycle", () => {
    expect(findPrerequisiteProblems([node("a"), node("b", "a", "b")])).toEqual([
      { slug: "b", index: 1, message: "a module cannot require itself" },
    ]);
  });

  test("a two-node cycle is reported once, with its path", () => {
    const problems = findPrerequisiteProblems([node("a", "b"), node("b", "a")]);
    expect(problems).toEqual([{ slug: "b", index: 0, message: "prerequisites form a cycle: a → b → a" }]);
  });

  test("a three-node cycle is reported once, with its path", () => {
    const problems = findPrerequisiteProblems([node("a", "b"), node("b", "c"), node("c", "a")]);
    expect(problems).toHaveLength(1);
    expect(problems[0].slug).toBe("c");
    expect(problems[0].index).toBe(0);
    expect(problems[0].message).toContain("a → b → c → a");
    expect(problems[0].message).toBe("prerequisites form a cycle: a → b → c → a");
  });

  test("the cycle's index points at the prerequisite that closes it", () => {
    const problems = findPrerequisiteProblems([
      node("base"),
      node("a", "b"),
      node("b", "base", "c"),
      node("c", "base", "base-2", "a"),
      node("base-2"),
    ]);
    expect(problems).toEqual([{ slug: "c", index: 2, message: "prerequisites form a cycle: a → b → c → a" }]);
  });

  test("a cycle entered from outside is reported once, without the entry module in the path", () => {
    const problems = findPrerequisiteProblems([node("start", "a"), node("a", "b"), node("b", "a"), node("other", "b", "a")]);
    expect(problems).toEqual([{ slug: "b", index: 0, message: "prerequisites form a cycle: a → b → a" }]);
  });

  test("two separate cycles are each reported once", () => {
    const problems = findPrerequisiteProblems([node("a", "b"), node("b", "a"), node("x", "y"), node("y", "z"), node("z", "x")]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "prerequisites form a cycle: a → b → a",
      "prerequisites form a cycle: x → y → z → x",
    ]);
  });

  test("a diamond (A→B, A→C, B→D, C→D) is not a cycle", () => {
    expect(findPrerequisiteProblems([node("a", "b", "c"), node("b", "d"), node("c", "d"), node("d")])).toEqual([]);
    // The same graph listed leaves first.
    expect(findPrerequisiteProblems([node("d"), node("c", "d"), node("b", "d"), node("a", "b", "c")])).toEqual([]);
  });

  test("unknown prerequisites and cycles are reported together", () => {
    const problems = findPrerequisiteProblems([node("a", "ghost", "b"), node("b", "a")]);
    expect(problems).toEqual([
      { slug: "a", index: 0, message: 'unknown module "ghost"' },
      { slug: "b", index: 0, message: "prerequisites form a cycle: a → b → a" },
    ]);
  });
});
