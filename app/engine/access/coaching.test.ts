import { describe, expect, test } from "vitest";
import { assigneeScope, canCoach, sessionRole } from "./coaching.ts";
import type { Viewer } from "./people.ts";

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

describe("assigneeScope", () => {
  test("an admin assigns to anyone; a lead to the agents on the teams they lead; an agent to nobody", () => {
    expect(assigneeScope(admin)).toEqual({ kind: "anyone" });
    expect(assigneeScope(lead)).toEqual({ kind: "team-agents", teamIds: ["team-a"] });
    expect(assigneeScope({ ...agent, ledTeamIds: ["team-a"] })).toEqual({ kind: "team-agents", teamIds: [] });
  });
});
