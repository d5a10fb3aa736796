import { expect, test } from "vitest";
import { groupBy } from "./group-by.ts";

test("groups items by key, keeping each group's order and the keys' first-seen order", () => {
  const rows = [
    { who: "b", n: 1 },
    { who: "a", n: 2 },
    { who: "b", n: 3 },
  ];
  const groups = groupBy(rows, (row) => row.who);
  expect([...groups.keys()]).toEqual(["b", "a"]);
  expect(groups.get("b")!.map((row) => row.n)).toEqual([1, 3]);
  expect(groupBy([], (row: { who: string }) => row.who).size).toBe(0);
});
