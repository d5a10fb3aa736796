import { describe, expect, test } from "vitest";
import {
  dueDateToInstant,
  instantToDueDate,
  isOverdue,
  localDate,
  localDateTimeInput,
  splitByTime,
  zonedDateTimeToUtc,
} from "./sessions.ts";

describe("time zones", () => {
  test("reads a wall-clock time in the zone, across daylight saving", () => {
    expect(zonedDateTimeToUtc("2025-01-15T09:30", "Europe/London")!.toISOString()).toBe("2025-01-15T09:30:00.000Z");
    expect(zonedDateTimeToUtc("2025-07-15T09:30", "Europe/London")!.toISOString()).toBe("2025-07-15T08:30:00.000Z");
    expect(zonedDateTimeToUtc("2025-07-15T09:30", "America/New_York")!.toISOString()).toBe("2025-07-15T13:30:00.000Z");
    expect(zonedDateTimeToUtc("2025-03-10T00:15", "Asia/Kolkata")!.toISOString()).toBe("2025-03-09T18:45:00.000Z");
  });

  test("a time skipped by the spring jump lands after it", () => {
    expect(zonedDateTimeToUtc("2025-03-30T01:30", "Europe/London")!.toISOString()).toBe("2025-03-30T01:30:00.000Z");
  });

  test("refuses text that is not a real time", () => {
    expect(zonedDateTimeToUtc("2025-02-30T10:00", "Europe/London")).toBeNull();
    expect(zonedDateTimeToUtc("2025-01-15 10:00", "Europe/London")).toBeNull();
    expect(zonedDateTimeToUtc("2025-01-15T24:00", "Europe/London")).toBeNull();
  });

  test("shows an instant as the zone's calendar and clock", () => {
    const instant = new Date("2025-07-15T23:30:00Z");
    expect(localDate(instant, "Europe/London")).toBe("2025-07-16");
    expect(localDate(instant, "America/Los_Angeles")).toBe("2025-07-15");
    expect(localDateTimeInput(instant, "Asia/Tokyo")).toBe("2025-07-16T08:30");
    expect(zonedDateTimeToUtc(localDateTimeInput(instant, "Asia/Tokyo"), "Asia/Tokyo")!.toISOString()).toBe(instant.toISOString());
  });
});

describe("action item dates", () => {
  test("a due date is that day's midnight UTC, and back", () => {
    expect(dueDateToInstant("2025-04-02")!.toISOString()).toBe("2025-04-02T00:00:00.000Z");
    expect(instantToDueDate(dueDateToInstant("2025-04-02")!)).toBe("2025-04-02");
    expect(dueDateToInstant("2025-02-29")).toBeNull();
    expect(dueDateToInstant("tomorrow")).toBeNull();
  });

  test("an open item is overdue only after its day", () => {
    const dueAt = dueDateToInstant("2025-04-02")!;
    expect(isOverdue({ dueAt, completedAt: null }, "2025-04-02")).toBe(false);
    expect(isOverdue({ dueAt, completedAt: null }, "2025-04-03")).toBe(true);
    expect(isOverdue({ dueAt, completedAt: new Date("2025-04-05") }, "2025-04-09")).toBe(false);
  });
});

describe("splitByTime", () => {
  test("upcoming soonest first, past latest first", () => {
    const now = new Date("2025-05-10T12:00:00Z");
    const at = (iso: string) => ({ id: iso, scheduledAt: new Date(iso) });
    const { upcoming, past } = splitByTime(
      [
        at("2025-05-01T10:00:00Z"),
        at("2025-05-20T10:00:00Z"),
        at("2025-05-12T10:00:00Z"),
        at("2025-05-09T10:00:00Z"),
        at("2025-05-10T12:00:00Z"),
      ],
      now,
    );
    expect(upcoming.map((session) => session.id)).toEqual(["2025-05-10T12:00:00Z", "2025-05-12T10:00:00Z", "2025-05-20T10:00:00Z"]);
    expect(past.map((session) => session.id)).toEqual(["2025-05-09T10:00:00Z", "2025-05-01T10:00:00Z"]);
  });
});
