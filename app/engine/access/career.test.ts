import { expect, test } from "vitest";
import { canViewCareerOf, readinessScope } from "./career.ts";

const lead = { id: "lead", role: "lead" as const, ledTeamIds: ["orders"] };
const admin = { id: "admin", role: "admin" as const, ledTeamIds: [] };
const agent = { id: "agent", role: "agent" as const, ledTeamIds: [] };

test("a lead sees the careers of their own teams' people only", () => {
  expect(canViewCareerOf(lead, { id: "kwame", teamId: "orders" })).toBe(true);
  expect(canViewCareerOf(lead, { id: "isabel", teamId: "billing" })).toBe(false);
  expect(canViewCareerOf(lead, { id: "floater", teamId: null })).toBe(false);
});

test("an admin sees anyone's; an agent no one else's, not even a teammate's", () => {
  expect(canViewCareerOf(admin, { id: "isabel", teamId: "billing" })).toBe(true);
  expect(canViewCareerOf(agent, { id: "kwame", teamId: "orders" })).toBe(false);
});

test("nobody opens their own career through this page", () => {
  expect(canViewCareerOf(admin, { id: "admin", teamId: null })).toBe(false);
  expect(canViewCareerOf(lead, { id: "lead", teamId: "orders" })).toBe(false);
});

test("a lead's readiness table lists the agents on their teams, narrowed only to a team they lead", () => {
  const twoTeams = { ...lead, ledTeamIds: ["orders", "billing"] };
  expect(readinessScope(twoTeams, null)).toEqual({ teamIds: ["orders", "billing"], roles: ["agent"] });
  expect(readinessScope(twoTeams, "billing")).toEqual({ teamIds: ["billing"], roles: ["agent"] });
  expect(readinessScope(twoTeams, "returns")).toEqual({ teamIds: [], roles: ["agent"] });
});

test("an admin's lists everyone who can still be nominated, on every team or the one chosen; an agent's lists nobody", () => {
  expect(readinessScope(admin, null)).toEqual({ teamIds: null, roles: ["agent", "lead"] });
  expect(readinessScope(admin, "returns")).toEqual({ teamIds: ["returns"], roles: ["agent", "lead"] });
  expect(readinessScope(agent, null)).toEqual({ teamIds: [], roles: ["agent"] });
});
