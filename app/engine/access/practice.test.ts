import { describe, expect, test } from "vitest";
import type { Viewer } from "./people.ts";
import { canReviewAttempt, canSeeAttempt, canTakePartInAttempt } from "./practice.ts";

const agent: Viewer = { id: "agent-1", role: "agent", ledTeamIds: [] };
const lead: Viewer = { id: "lead-1", role: "lead", ledTeamIds: ["team-a", "team-b"] };
const admin: Viewer = { id: "admin-1", role: "admin", ledTeamIds: [] };

describe("canSeeAttempt", () => {
  test("the agent sees their own conversation, a teammate doesn't", () => {
    expect(canSeeAttempt(agent, { user: { id: "agent-1", teamId: "team-a" } })).toBe(true);
    expect(canSeeAttempt(agent, { user: { id: "agent-2", teamId: "team-a" } })).toBe(false);
  });

  test("a lead sees their teams' conversations only; an admin everyone's", () => {
    expect(canSeeAttempt(lead, { user: { id: "agent-2", teamId: "team-b" } })).toBe(true);
    expect(canSeeAttempt(lead, { user: { id: "agent-3", teamId: "team-c" } })).toBe(false);
    expect(canSeeAttempt(lead, { user: { id: "agent-4", teamId: null } })).toBe(false);
    expect(canSeeAttempt(admin, { user: { id: "agent-3", teamId: "team-c" } })).toBe(true);
  });
});

describe("canTakePartInAttempt", () => {
  test("only the agent who practised replies, ends and answers the review, whatever the viewer's role", () => {
    expect(canTakePartInAttempt(agent, { userId: "agent-1" })).toBe(true);
    expect(canTakePartInAttempt(lead, { userId: "lead-1" })).toBe(true);
    expect(canTakePartInAttempt(lead, { userId: "agent-1" })).toBe(false);
    expect(canTakePartInAttempt(admin, { userId: "agent-1" })).toBe(false);
  });
});

describe("canReviewAttempt", () => {
  test("leads and admins review other people's conversations", () => {
    expect(canReviewAttempt(lead, { userId: "agent-1" })).toBe(true);
    expect(canReviewAttempt(admin, { userId: "lead-1" })).toBe(true);
  });

  test("nobody reviews their own", () => {
    expect(canReviewAttempt(lead, { userId: lead.id })).toBe(false);
    expect(canReviewAttempt(admin, { userId: admin.id })).toBe(false);
  });

  test("agents review nobody's", () => {
    expect(canReviewAttempt(agent, { userId: "agent-2" })).toBe(false);
  });
});
