import { describe, expect, test } from "vitest";
import { isNewHire, NEW_HIRE_DAYS, tenureInDays } from "./tenure.ts";

const DAY = 86_400_000;
const hire = new Date("2024-01-01T09:00:00Z");
const after = (ms: number) => new Date(hire.getTime() + ms);

describe("tenureInDays", () => {
  test("is 0 on the hire date", () => {
    expect(tenureInDays(hire, hire)).toBe(0);
  });

  test("floors partial days", () => {
    expect(tenureInDays(hire, after(DAY - 1))).toBe(0);
    expect(tenureInDays(hire, after(DAY))).toBe(1);
    expect(tenureInDays(hire, after(2 * DAY - 1))).toBe(1);
    expect(tenureInDays(hire, after(10.9 * DAY))).toBe(10);
  });

  test("counts whole days across a leap year", () => {
    expect(tenureInDays(new Date("2024-01-01T00:00:00Z"), new Date("2025-01-01T00:00:00Z"))).toBe(366);
  });

  test("is never negative when the hire date is in the future", () => {
    expect(tenureInDays(hire, after(-1))).toBe(0);
    expect(tenureInDays(hire, after(-30 * DAY))).toBe(0);
  });
});

describe("isNewHire", () => {
  test("the 90-day threshold is exported", () => {
    expect(NEW_HIRE_DAYS).toBe(90);
  });

  test("is a new hire on day 0", () => {
    expect(isNewHire(hire, hire)).toBe(true);
  });

  test("is a new hire at 89 days", () => {
    expect(isNewHire(hire, after(89 * DAY))).toBe(true);
  });

  test("is a new hire one millisecond before 90 days", () => {
    expect(isNewHire(hire, after(90 * DAY - 1))).toBe(true);
  });

  test("is no longer a new hire at exactly 90 days", () => {
    expect(isNewHire(hire, after(90 * DAY))).toBe(false);
  });

  test("is not a new hire long after", () => {
    expect(isNewHire(hire, after(400 * DAY))).toBe(false);
  });

  test("someone whose start date is still ahead counts as a new hire", () => {
    expect(isNewHire(hire, after(-5 * DAY))).toBe(true);
  });
});
