import { expect, test } from "vitest";
import { CLOSE_TO_READY_PERCENT, readinessOf } from "./readiness.ts";

test("ready at 100% and above", () => {
  expect(readinessOf(100)).toBe("ready");
  expect(readinessOf(120)).toBe("ready");
});

test("close from the threshold up to just below 100%", () => {
  expect(CLOSE_TO_READY_PERCENT).toBe(75);
  expect(readinessOf(75)).toBe("close");
  expect(readinessOf(99)).toBe("close");
});

test("no badge below the threshold", () => {
  expect(readinessOf(74)).toBeNull();
  expect(readinessOf(0)).toBeNull();
});
