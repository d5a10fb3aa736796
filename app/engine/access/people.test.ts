import { describe, expect, test } from "vitest";
import { canSeePerson, hasRole, looksAfterTeam, peopleScope, teamScope, type Viewer } from "./people.ts";

const agent: Viewer = { id: "agent-1", role: "agent", ledTeamIds: [] };
const lead: Viewer = { id: "lead-1", role: "lead", ledTeamIds: ["team-a", "team-b"] };
const admin: Viewer = { id: "admin-1", role: "admin", ledTeamIds: [] };

describe("peopleScope", () => {
  test("an admin's scope is everyone", () => {
    expect(peopleScope(admin)).toEqual({ kind: "everyone" });
  });

  test("an admin's scope is everyone even when they also lead teams", () => {
    expect(peopleScope({ ...admin, ledTeamIds: ["team-a"] })).toEqual({ kind: "everyone" });
  });

  test("a lead's scope is the teams they lead plus themselves", () => {
    expect(peopleScope(lead)).toEqual({ kind: "teams", teamIds: ["team-a", "team-b"], selfId: "lead-1" });
  });

  test("a lead who leads no team still gets a teams scope with no teams", () => {
    expect(peopleScope({ id: "lead-2", role: "lead", ledTeamIds: [] })).toEqual({
      kind: "teams",
      teamIds: [],
      selfId: "lead-2",
    });
  });

  test("an agent's scope is only themselves", () => {
    expect(peopleScope(agent)).toEqual({ kind: "self", selfId: "agent-1" });
  });

  test("an agent's scope ignores any ledTeamIds they carry", () => {
    expect(peopleScope({ ...agent, ledTeamIds: ["team-a"] })).toEqual({ kind: "self", selfId: "agent-1" });
  });
});

describe("canSeePerson", () => {
  describe("agent", () => {
    test("sees themselves", () => {
      expect(canSeePerson(agent, { id: "agent-1", teamId: "team-a" })).toBe(true);
    });

    test("sees themselves when they have no team", () => {
      expect(canSeePerson(agent, { id: "agent-1", teamId: null })).toBe(true);
    });

    test("does not see a teammate", () => {
      expect(canSeePerson(agent, { id: "agent-2", teamId: "team-a" })).toBe(false);
    });

    test("does not see someone without a team", () => {
      expect(canSeePerson(agent, { id: "agent-2", teamId: null })).toBe(false);
    });

    test("does not see their lead", () => {
      expect(canSeePerson(agent, { id: "lead-1", teamId: null })).toBe(false);
    });

    test("gains nothing from ledTeamIds (only leads use them)", () => {
      const sneaky: Viewer = { ...agent, ledTeamIds: ["team-a"] };
      expect(canSeePerson(sneaky, { id: "agent-2", teamId: "team-a" })).toBe(false);
    });
  });

  describe("lead", () => {
    test("sees themselves", () => {
      expect(canSeePerson(lead, { id: "lead-1", teamId: null })).toBe(true);
    });

    test("sees members of the first team they lead", () => {
      expect(canSeePerson(lead, { id: "agent-2", teamId: "team-a" })).toBe(true);
    });

    test("sees members of every team they lead", () => {
      expect(canSeePerson(lead, { id: "agent-3", teamId: "team-b" })).toBe(true);
    });

    test("does not see members of a team they do not lead", () => {
      expect(canSeePerson(lead, { id: "agent-4", teamId: "team-c" })).toBe(false);
    });

    test("does not see people with no team", () => {
      expect(canSeePerson(lead, { id: "agent-5", teamId: null })).toBe(false);
    });

    test("does not see other people's teams by id prefix or case", () => {
      expect(canSeePerson(lead, { id: "agent-6", teamId: "team-a2" })).toBe(false);
      expect(canSeePerson(lead, { id: "agent-7", teamId: "TEAM-A" })).toBe(false);
    });

    test("a lead with no teams sees only themselves", () => {
      const lonely: Viewer = { id: "lead-2", role: "lead", ledTeamIds: [] };
      expect(canSeePerson(lonely, { id: "lead-2", teamId: "team-a" })).toBe(true);
      expect(canSeePerson(lonely, { id: "agent-2", teamId: "team-a" })).toBe(false);
      expect(canSeePerson(lonely, { id: "agent-3", teamId: null })).toBe(false);
    });
  });

  describe("admin", () => {
    test("sees themselves", () => {
      expect(canSeePerson(admin, { id: "admin-1", teamId: null })).toBe(true);
    });

    test("sees anyone on any team", () => {
      expect(canSeePerson(admin, { id: "agent-2", teamId: "team-a" })).toBe(true);
      expect(canSeePerson(admin, { id: "agent-4", teamId: "team-z" })).toBe(true);
    });

    test("sees people with no team", () => {
      expect(canSeePerson(admin, { id: "agent-5", teamId: null })).toBe(true);
    });
  });
});

describe("hasRole", () => {
  test("is true when the viewer's role is listed", () => {
    expect(hasRole({ role: "lead" }, ["lead", "admin"])).toBe(true);
    expect(hasRole({ role: "admin" }, ["lead", "admin"])).toBe(true);
    expect(hasRole({ role: "agent" }, ["agent"])).toBe(true);
  });

  test("is false when the viewer's role is not listed", () => {
    expect(hasRole({ role: "agent" }, ["lead", "admin"])).toBe(false);
    expect(hasRole({ role: "lead" }, ["admin"])).toBe(false);
  });

  test("is false for an empty list of roles", () => {
    expect(hasRole({ role: "admin" }, [])).toBe(false);
  });

  test("accepts a full Viewer", () => {
    expect(hasRole(admin, ["admin"])).toBe(true);
    expect(hasRole(agent, ["admin"])).toBe(false);
  });
});

describe("teamScope", () => {
  test("an admin looks after every team, whether or not they lead one", () => {
    expect(teamScope(admin)).toEqual({ kind: "every-team" });
    expect(teamScope({ ...admin, ledTeamIds: ["team-a"] })).toEqual({ kind: "every-team" });
  });

  test("a lead looks after the teams they lead, possibly none", () => {
    expect(teamScope(lead)).toEqual({ kind: "teams", teamIds: ["team-a", "team-b"] });
    expect(teamScope({ id: "lead-2", role: "lead", ledTeamIds: [] })).toEqual({ kind: "teams", teamIds: [] });
  });

  test("an agent looks after no team, whatever ledTeamIds they carry", () => {
    expect(teamScope({ ...agent, ledTeamIds: ["team-a"] })).toEqual({ kind: "teams", teamIds: [] });
  });
});

describe("looksAfterTeam", () => {
  test("a lead looks after only the teams they lead", () => {
    expect(looksAfterTeam(lead, "team-a")).toBe(true);
    expect(looksAfterTeam(lead, "team-c")).toBe(false);
  });

  test("an admin looks after any team and an agent none", () => {
    expect(looksAfterTeam(admin, "team-c")).toBe(true);
    expect(looksAfterTeam({ ...agent, ledTeamIds: ["team-a"] }, "team-a")).toBe(false);
  });
});
