import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { inEnglish } from "../../tests/support/english.ts";
import {
  LEVEL_LABELS,
  LEVELS,
  LevelSchema,
  listTimeZones,
  ROLE_LABELS,
  ROLES,
  RoleSchema,
  TimeZoneSchema,
  WORK_MODE_LABELS,
  WORK_MODES,
  WorkModeSchema,
} from "./people.ts";

function errorMessages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => inEnglish(issue.message)!);
}

describe("RoleSchema", () => {
  test.each(["agent", "lead", "admin"])("accepts %s", (role) => {
    expect(RoleSchema.parse(role)).toBe(role);
  });

  test.each(["", "Admin", "ADMIN", "manager", "owner", " agent", "agent "])('rejects "%s" with "Choose a role"', (value) => {
    expect(errorMessages(RoleSchema, value)).toEqual(["Choose a role"]);
  });

  test.each([undefined, null, 1, {}])("rejects non-string %s with the same message", (value) => {
    expect(errorMessages(RoleSchema, value)).toEqual(["Choose a role"]);
  });

  test("every role has a label", () => {
    expect(ROLES).toEqual(["agent", "lead", "admin"]);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLES.map((role) => inEnglish(ROLE_LABELS[role]))).toEqual(["Agent", "Team lead", "Admin"]);
  });
});

describe("LevelSchema", () => {
  test.each(["agent-1", "agent-2", "senior-agent", "team-lead", "support-manager"])("accepts %s", (level) => {
    expect(LevelSchema.parse(level)).toBe(level);
  });

  test.each(["", "agent-3", "Agent I", "senior agent", "lead", "team_lead"])('rejects "%s" with "Choose a level"', (value) => {
    expect(errorMessages(LevelSchema, value)).toEqual(["Choose a level"]);
  });

  test("rejects undefined with the same message", () => {
    expect(errorMessages(LevelSchema, undefined)).toEqual(["Choose a level"]);
  });

  test("every level has a label, in ladder order", () => {
    expect(LEVELS.map((level) => inEnglish(LEVEL_LABELS[level]))).toEqual([
      "Agent I",
      "Agent II",
      "Senior Agent",
      "Team Lead",
      "Support Manager",
    ]);
  });
});

describe("WorkModeSchema", () => {
  test.each(["remote", "hybrid", "office"])("accepts %s", (mode) => {
    expect(WorkModeSchema.parse(mode)).toBe(mode);
  });

  test.each(["", "Remote", "onsite", "home"])('rejects "%s" with "Choose a work mode"', (value) => {
    expect(errorMessages(WorkModeSchema, value)).toEqual(["Choose a work mode"]);
  });

  test("rejects undefined with the same message", () => {
    expect(errorMessages(WorkModeSchema, undefined)).toEqual(["Choose a work mode"]);
  });

  test("every work mode has a label", () => {
    expect(WORK_MODES.map((mode) => inEnglish(WORK_MODE_LABELS[mode]))).toEqual(["Remote", "Hybrid", "Office"]);
  });
});

describe("TimeZoneSchema", () => {
  test.each(["Europe/Lisbon", "UTC", "America/New_York", "Asia/Tokyo", "Australia/Sydney"])("accepts %s", (zone) => {
    expect(TimeZoneSchema.parse(zone)).toBe(zone);
  });

  test.each(["Mars/Olympus", "", "europe/lisbon", "Europe/Lisbon ", "GMT+25", "Lisbon"])(
    'rejects "%s" with "Choose a time zone from the list"',
    (zone) => {
      expect(errorMessages(TimeZoneSchema, zone)).toEqual(["Choose a time zone from the list"]);
    },
  );

  test('a missing value asks to "Choose a time zone"', () => {
    expect(errorMessages(TimeZoneSchema, undefined)).toEqual(["Choose a time zone"]);
  });
});

describe("listTimeZones", () => {
  const zones = listTimeZones();

  test("is sorted with no duplicates", () => {
    for (let i = 1; i < zones.length; i++) {
      expect(zones[i - 1] < zones[i], `${zones[i - 1]} before ${zones[i]}`).toBe(true);
    }
  });

  test("includes UTC and common zones", () => {
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Lisbon");
    expect(zones).toContain("America/New_York");
    expect(zones).not.toContain("Mars/Olympus");
  });

  test("every listed zone passes TimeZoneSchema", () => {
    expect(zones.length).toBeGreaterThan(100);
    for (const zone of zones) expect(TimeZoneSchema.safeParse(zone).success).toBe(true);
  });

  test("returns a fresh array each call", () => {
    const first = listTimeZones();
    first.push("Mars/Olympus");
    expect(listTimeZones()).not.toContain("Mars/Olympus");
    expect(TimeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
  });
});
