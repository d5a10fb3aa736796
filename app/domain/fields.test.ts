import { describe, expect, test } from "vitest";
import { inEnglish } from "../../tests/support/english.ts";
import { calendarDayField, parseCalendarDay, shiftDay } from "./fields.ts";

describe("parseCalendarDay", () => {
  test("reads a real day as its midnight UTC", () => {
    expect(parseCalendarDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseCalendarDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  test.each([
    "2026-02-30",
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "+275760-09-13",
    "26-01-01",
    "2026-1-1",
    "",
    "2026-01-01T00:00",
  ])("refuses %j", (text) => {
    expect(parseCalendarDay(text)).toBeNull();
  });
});

test("shiftDay crosses months and years", () => {
  expect(shiftDay("2026-12-30", 3)).toBe("2027-01-02");
  expect(shiftDay("2026-03-01", -1)).toBe("2026-02-28");
});

describe("calendarDayField", () => {
  const field = calendarDayField({
    required: "Choose a date",
    min: { day: "2026-01-01", message: "Too early" },
    max: { day: "2026-12-31", message: "Too late" },
  });
  const messages = (value: unknown) => {
    const parsed = field.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => inEnglish(issue.message));
  };

  test("a day inside the window passes as its text", () => {
    expect(field.parse(" 2026-06-15 ")).toBe("2026-06-15");
    expect(field.parse("2026-01-01")).toBe("2026-01-01");
    expect(field.parse("2026-12-31")).toBe("2026-12-31");
  });

  test("each problem gets one message a person can act on", () => {
    expect(messages(undefined)).toEqual(["Choose a date"]);
    expect(messages("2026-02-30")).toEqual(["Enter a real date, like 2026-01-31"]);
    expect(messages("+275760-09-13")).toEqual(["Enter a real date, like 2026-01-31"]);
    expect(messages("1970-01-01")).toEqual(["Too early"]);
    expect(messages("9999-12-31")).toEqual(["Too late"]);
  });
});
