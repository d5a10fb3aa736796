import { describe, expect, test } from "vitest";
import { z } from "zod";
import { jsonColumn, StringListColumn } from "./json-column.ts";

const Versions = jsonColumn(z.record(z.number().int()));

describe("jsonColumn", () => {
  test("a written value reads back the same", () => {
    expect(Versions.read(Versions.write({ empathy: 2, resolution: 1 }))).toEqual({ empathy: 2, resolution: 1 });
  });

  test("a value that doesn't fit the schema is refused on write and on read", () => {
    expect(() => Versions.write({ empathy: 1.5 })).toThrow();
    expect(() => Versions.read('{"empathy":"two"}')).toThrow();
    expect(() => Versions.read("not json")).toThrow();
  });

  test("a list of strings keeps its order and refuses anything else in it", () => {
    expect(StringListColumn.read(StringListColumn.write(["tone", "empathy"]))).toEqual(["tone", "empathy"]);
    expect(() => StringListColumn.read('["tone",3]')).toThrow();
  });
});
