import { describe, expect, test } from "vitest";
import type { Viewer } from "~/utils/permissions.ts";
import {
  canCoach,
  dueDateToInstant,
  instantToDueDate,
  isOverdue,
  localDate,
  localDateTimeInput,
  parseStringList,
  sessionRole,
  splitByTime,
  zonedDateTimeToUtc,
} from "./sessions.ts";

const admin: Viewer = { id: "admin", role: "admin", ledTeamIds: [] };
const lead: Viewer = { id: "lead", role: "lead", ledTeamIds: ["team-a"] };
const otherLead: Viewer = { id: "other-lead", role: "lead", ledTeamIds: ["team-b"] };
const agent: Viewer = { id: "agent", role: "agent", ledTeamIds: [] };
const colleague: Viewer = { id: "colleague", role: "agent", ledTeamIds: [] };

describe("sessionRole", () => {
  const session = { leadId: "lead", agent: { id: "agent", teamId: "team-a" } };

  test("the agent sees it as the agent, whatever their role", () => {
    expect(sessionRole(agent, session)).toBe("agent");
    const coachedLead: Viewer = { id: "lead", role: "lead", ledTeamIds: ["team-a"] };
    expect(sessionRole(coachedLead, { leadId: "admin", agent: { id: "lead", teamId: null } })).toBe("agent");
  });

  test("the running lead, the agent's current lead and admins are coaches", () => {
    expect(sessionRole(lead, session)).toBe("coach");
    expect(sessionRole(admin, session)).toBe("coach");
    expect(sessionRole(otherLead, { leadId: "lead", agent: { id: "agent", teamId: "team-b" } })).toBe("coach");
    expect(sessionRole(lead, { leadId: "lead", agent: { id: "agent", teamId: "team-b" } })).toBe("coach");
  });

  test("anyone else has no access", () => {
    expect(sessionRole(otherLead, session)).toBeNull();
    expect(sessionRole(colleague, session)).toBeNull();
  });
});

describe("canCoach", () => {
  const member = { id: "agent", teamId: "team-a", active: true };

  test("a lead coaches active people on their teams, never themselves", () => {
    expect(canCoach(lead, member)).toBe(true);
    expect(canCoach(lead, { ...member, active: false })).toBe(false);
    expect(canCoach(lead, { ...member, teamId: "team-b" })).toBe(false);
    expect(canCoach(lead, { id: "lead", teamId: "team-a", active: true })).toBe(false);
  });

  test("an admin coaches any active person; an agent nobody", () => {
    expect(canCoach(admin, { ...member, teamId: null })).toBe(true);
    expect(canCoach(admin, { id: "admin", teamId: null, active: true })).toBe(false);
    expect(canCoach(agent, { id: "colleague", teamId: "team-a", active: true })).toBe(false);
  });
});

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

describe("parseStringList", () => {
  test("keeps strings and survives damage", () => {
    expect(parseStringList('["a","b"]')).toEqual(["a", "b"]);
    expect(parseStringList('["a",3,null]')).toEqual(["a"]);
    expect(parseStringList("{}")).toEqual([]);
    expect(parseStringList("not json")).toEqual([]);
  });
});
