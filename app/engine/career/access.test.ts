import { expect, test } from "vitest";
import { canViewCareerOf } from "./access.ts";

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
