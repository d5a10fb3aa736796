import { describe, expect, test } from "vitest";
import { pageWindow, paginate, type PageWindow } from "./paginate.server.ts";

const letters = "abcdefghij".split("");
const count = async () => letters.length;
const read = async ({ skip, take }: PageWindow) => letters.slice(skip, skip + take);

describe("paginate", () => {
  test("reads the requested page with the total", async () => {
    expect(await paginate(1, 4, count, read)).toEqual({ total: 10, rows: ["a", "b", "c", "d"] });
    expect(await paginate(3, 4, count, read)).toEqual({ total: 10, rows: ["i", "j"] });
  });

  test("a page past the end is empty but still reports the total", async () => {
    expect(await paginate(9, 4, count, read)).toEqual({ total: 10, rows: [] });
  });

  test("a page below the first reads the first", async () => {
    const windows: PageWindow[] = [];
    await paginate(0, 4, count, async (window) => {
      windows.push(window);
      return read(window);
    });
    expect(windows).toEqual([{ skip: 0, take: 4 }]);
  });

  test("the window of a page skips the pages before it", () => {
    expect(pageWindow(3, 20)).toEqual({ skip: 40, take: 20 });
    expect(pageWindow(-2, 20)).toEqual({ skip: 0, take: 20 });
  });
});
