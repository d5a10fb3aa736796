import { describe, expect, test } from "vitest";
import { completedSlugs, isComplete, moduleStatus, pathProgress, type ModuleRef, type ProgressRecord } from "./progress.ts";

const DAY = new Date("2024-05-01T10:00:00Z");

function mod(slug: string, { version = 1, order = 1, prerequisites = [] as string[] } = {}): ModuleRef {
  return { slug, version, track: "onboarding", order, prerequisites };
}
function started(moduleSlug: string, moduleVersion = 1): ProgressRecord {
  return { moduleSlug, moduleVersion, completedAt: null, reachedEndAt: null };
}
function completed(moduleSlug: string, moduleVersion = 1): ProgressRecord {
  return { moduleSlug, moduleVersion, completedAt: DAY, reachedEndAt: DAY };
}

describe("completedSlugs", () => {
  test("holds slugs completed in any version and nothing merely started", () => {
    const done = completedSlugs([completed("a", 1), started("a", 2), started("b"), completed("c", 3)]);
    expect([...done].sort()).toEqual(["a", "c"]);
  });
});

describe("moduleStatus", () => {
  test("new when there is no row for the module", () => {
    expect(moduleStatus(mod("a"), [])).toEqual({ kind: "new" });
    expect(moduleStatus(mod("a"), [completed("other")])).toEqual({ kind: "new" });
  });

  test("in-progress with a row for the current version that is not completed", () => {
    expect(moduleStatus(mod("a", { version: 2 }), [started("a", 2)])).toEqual({ kind: "in-progress" });
  });

  test("in-progress even when the end was reached but a quiz is still open", () => {
    const row = { moduleSlug: "a", moduleVersion: 1, completedAt: null, reachedEndAt: DAY };
    expect(moduleStatus(mod("a"), [row])).toEqual({ kind: "in-progress" });
  });

  test("completed when the current version is completed", () => {
    expect(moduleStatus(mod("a", { version: 3 }), [completed("a", 3)])).toEqual({ kind: "completed" });
    expect(moduleStatus(mod("a", { version: 3 }), [completed("a", 1), completed("a", 3)])).toEqual({ kind: "completed" });
  });

  test("a row for a different module's current version does not count", () => {
    expect(moduleStatus(mod("a"), [completed("b"), started("c")])).toEqual({ kind: "new" });
  });

  test("locked, listing every missing prerequisite in order", () => {
    const module = mod("c", { prerequisites: ["a", "b", "x"] });
    expect(moduleStatus(module, [completed("b")])).toEqual({ kind: "locked", missing: ["a", "x"] });
    expect(moduleStatus(module, [])).toEqual({ kind: "locked", missing: ["a", "b", "x"] });
  });

  test("a prerequisite only started does not unlock", () => {
    expect(moduleStatus(mod("b", { prerequisites: ["a"] }), [started("a")])).toEqual({ kind: "locked", missing: ["a"] });
  });

  test("a prerequisite completed in any version counts as done", () => {
    const module = mod("b", { prerequisites: ["a"] });
    // "a" is now at version 3; completing version 1 still unlocks "b".
    expect(moduleStatus(module, [completed("a", 1), started("a", 3)])).toEqual({ kind: "new" });
    expect(moduleStatus(module, [completed("a", 1), started("b")])).toEqual({ kind: "in-progress" });
  });

  test("updated when an older version was completed and the current version has no row", () => {
    expect(moduleStatus(mod("a", { version: 2 }), [completed("a", 1)])).toEqual({ kind: "updated", completedVersion: 1 });
  });

  test("updated reports the highest completed older version", () => {
    const records = [completed("a", 2), completed("a", 1), completed("a", 3), started("a", 4)];
    expect(moduleStatus(mod("a", { version: 5 }), records)).toEqual({ kind: "updated", completedVersion: 3 });
  });

  test("only started older versions do not make a module updated", () => {
    expect(moduleStatus(mod("a", { version: 2 }), [started("a", 1)])).toEqual({ kind: "new" });
  });

  test("an older version completed and the current version started stays updated until it is completed", () => {
    expect(moduleStatus(mod("a", { version: 2 }), [completed("a", 1), started("a", 2)])).toEqual({ kind: "updated", completedVersion: 1 });
  });

  test("an older version completed and the current version completed is completed", () => {
    expect(moduleStatus(mod("a", { version: 2 }), [completed("a", 1), completed("a", 2)])).toEqual({ kind: "completed" });
  });

  test("uses the done set when one is passed", () => {
    const module = mod("b", { prerequisites: ["a"] });
    expect(moduleStatus(module, [], new Set(["a"]))).toEqual({ kind: "new" });
    expect(moduleStatus(module, [completed("a")], new Set())).toEqual({ kind: "locked", missing: ["a"] });
  });
});

describe("pathProgress", () => {
  // Input order differs from `order`; "fourth" is open from the start.
  const PATH = [
    mod("fourth", { order: 4 }),
    mod("third", { order: 3, prerequisites: ["second"] }),
    mod("first", { order: 1 }),
    mod("second", { order: 2, prerequisites: ["first"] }),
  ];

  test("nothing done: 0%, next is the lowest order, not the first in the input", () => {
    expect(pathProgress(PATH, [])).toEqual({ completed: 0, total: 4, percent: 0, nextSlug: "first" });
  });

  test("counts completions in any version and rounds the percent", () => {
    const path = [mod("a", { order: 1, version: 2 }), mod("b", { order: 2 }), mod("c", { order: 3 })];
    // "a" was completed in version 1 only: it still counts.
    expect(pathProgress(path, [completed("a", 1), started("b")])).toEqual({ completed: 1, total: 3, percent: 33, nextSlug: "b" });
    expect(pathProgress(path, [completed("a", 1), completed("b")])).toEqual({ completed: 2, total: 3, percent: 67, nextSlug: "c" });
  });

  test("started modules do not count as completed", () => {
    expect(pathProgress(PATH, [started("first"), started("second")])).toMatchObject({ completed: 0, percent: 0 });
  });

  test("next is the first module by order that is neither done nor locked", () => {
    expect(pathProgress(PATH, [completed("first")])).toEqual({ completed: 1, total: 4, percent: 25, nextSlug: "second" });
    expect(pathProgress(PATH, [completed("first"), completed("second")])).toMatchObject({ completed: 2, percent: 50, nextSlug: "third" });
  });

  test("locked modules are skipped when choosing next", () => {
    const path = [mod("a", { order: 1, prerequisites: ["outside"] }), mod("b", { order: 2, prerequisites: ["a"] }), mod("c", { order: 3 })];
    expect(pathProgress(path, []).nextSlug).toBe("c");
  });

  test("done modules are skipped even when completed out of order", () => {
    expect(pathProgress(PATH, [completed("first"), completed("fourth")])).toEqual({
      completed: 2,
      total: 4,
      percent: 50,
      nextSlug: "second",
    });
  });

  test("next is null when everything is done", () => {
    const records = ["first", "second", "third", "fourth"].map((slug) => completed(slug));
    expect(pathProgress(PATH, records)).toEqual({ completed: 4, total: 4, percent: 100, nextSlug: null });
  });

  test("next is null when everything left is locked", () => {
    const path = [mod("a", { order: 1, prerequisites: ["outside"] })];
    expect(pathProgress(path, [])).toEqual({ completed: 0, total: 1, percent: 0, nextSlug: null });
  });

  test("an empty path is 0% with no next module", () => {
    expect(pathProgress([], [])).toEqual({ completed: 0, total: 0, percent: 0, nextSlug: null });
  });

  test("does not reorder the caller's array", () => {
    const path = [...PATH];
    pathProgress(path, []);
    expect(path.map((module) => module.slug)).toEqual(["fourth", "third", "first", "second"]);
  });
});

describe("isComplete", () => {
  test("complete when the end was reached and every quiz passed", () => {
    expect(isComplete({ reachedEnd: true, quizIds: ["q1", "q2"], passedQuizIds: new Set(["q1", "q2"]) })).toBe(true);
    expect(isComplete({ reachedEnd: true, quizIds: ["q1"], passedQuizIds: new Set(["q1", "other"]) })).toBe(true);
  });

  test("not complete when the end was not reached, even with every quiz passed", () => {
    expect(isComplete({ reachedEnd: false, quizIds: ["q1"], passedQuizIds: new Set(["q1"]) })).toBe(false);
  });

  test("with no quizzes only reaching the end matters", () => {
    expect(isComplete({ reachedEnd: true, quizIds: [], passedQuizIds: new Set() })).toBe(true);
    expect(isComplete({ reachedEnd: false, quizIds: [], passedQuizIds: new Set() })).toBe(false);
  });

  test("missing one passed quiz is not complete", () => {
    expect(isComplete({ reachedEnd: true, quizIds: ["q1", "q2"], passedQuizIds: new Set(["q1"]) })).toBe(false);
    expect(isComplete({ reachedEnd: true, quizIds: ["q1", "q2"], passedQuizIds: new Set(["q2", "q3"]) })).toBe(false);
  });
});
