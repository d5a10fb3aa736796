import { afterEach, describe, expect, test, vi } from "vitest";
import { formatDate, formatDateTime, formatTenure, plural } from "./format.ts";

// 23:30 UTC is already the next day east of UTC and still the same day far west.
const LATE_EVENING = "2024-03-05T23:30:00.000Z";
const EARLY_MORNING = "2024-03-05T00:15:00.000Z";

describe("formatDate", () => {
  test("formats an ISO string in UTC", () => {
    expect(formatDate(LATE_EVENING)).toBe("5 Mar 2024");
    expect(formatDate(EARLY_MORNING)).toBe("5 Mar 2024");
  });

  test("formats a Date object the same as its ISO string", () => {
    expect(formatDate(new Date(LATE_EVENING))).toBe("5 Mar 2024");
  });

  test("handles a date-only string as midnight UTC", () => {
    expect(formatDate("2023-12-31")).toBe("31 Dec 2023");
  });
});

describe("formatDateTime", () => {
  test("formats an ISO string in UTC with the zone named", () => {
    expect(formatDateTime(LATE_EVENING)).toBe("5 Mar 2024, 23:30 UTC");
    expect(formatDateTime(EARLY_MORNING)).toBe("5 Mar 2024, 00:15 UTC");
  });

  test("pads hours and minutes to two digits", () => {
    expect(formatDateTime("2024-11-09T09:05:00Z")).toBe("9 Nov 2024, 09:05 UTC");
  });

  test("formats a Date object the same as its ISO string", () => {
    expect(formatDateTime(new Date(LATE_EVENING))).toBe("5 Mar 2024, 23:30 UTC");
  });
});

describe("formatDate/formatDateTime are stable whatever the process time zone", () => {
  const originalTz = process.env.TZ;

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.resetModules();
  });

  test.each([
    ["Pacific/Kiritimati", -14 * 60],
    ["Pacific/Pago_Pago", 11 * 60],
    ["Asia/Kolkata", -330],
    ["UTC", 0],
  ])("TZ=%s", async (zone, expectedOffset) => {
    process.env.TZ = zone;
    // Prove the switch took effect, so this test could catch local-time formatting.
    expect(new Date(LATE_EVENING).getTimezoneOffset()).toBe(expectedOffset);
    vi.resetModules();
    const fresh = await import("./format.ts");
    expect(fresh.formatDate(LATE_EVENING)).toBe("5 Mar 2024");
    expect(fresh.formatDate(EARLY_MORNING)).toBe("5 Mar 2024");
    expect(fresh.formatDateTime(LATE_EVENING)).toBe("5 Mar 2024, 23:30 UTC");
    expect(fresh.formatDateTime(EARLY_MORNING)).toBe("5 Mar 2024, 00:15 UTC");
  });
});

describe("formatTenure", () => {
  test.each([
    [0, "0 days"],
    [1, "1 day"],
    [2, "2 days"],
    [30, "30 days"],
    [31, "1 month"],
    [45, "1 month"],
    [61, "2 months"],
    [200, "6 months"],
    [335, "11 months"],
    [365, "1 year"],
    [400, "1 year 1 month"],
    [730, "2 years"],
    [800, "2 years 2 months"],
    [1100, "3 years"],
  ])("%i days reads %s", (days, expected) => {
    expect(formatTenure(days)).toBe(expected);
  });

  test("never mixes a whole number of years with an empty month part", () => {
    for (const days of [366, 731, 1096]) expect(formatTenure(days)).toMatch(/^\d+ years?$/);
  });

  test("output never has stray spaces", () => {
    for (let days = 0; days <= 1500; days++) {
      const text = formatTenure(days);
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}/);
      expect(text).not.toBe("");
    }
  });
});

describe("plural", () => {
  test("singular for exactly one", () => {
    expect(plural(1, "course")).toBe("1 course");
  });

  test("adds s for zero and many", () => {
    expect(plural(0, "course")).toBe("0 courses");
    expect(plural(2, "course")).toBe("2 courses");
    expect(plural(12, "session")).toBe("12 sessions");
  });

  test("uses a custom plural when given", () => {
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(3, "person", "people")).toBe("3 people");
    expect(plural(0, "person", "people")).toBe("0 people");
  });

  test("treats non-integers and negatives as plural", () => {
    expect(plural(1.5, "hour")).toBe("1.5 hours");
    expect(plural(-1, "point")).toBe("-1 points");
  });
});
