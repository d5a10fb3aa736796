import { describe, expect, test } from "vitest";
import type { FormReply } from "~/components/forms/reply.ts";
import { createTeam, getTeam, listPeopleOutsideTeam, moveMember, renameTeam, setTeamLead } from "~/models/team.server.ts";
import { action as teamAction } from "~/routes/admin+/teams.$teamId.tsx";
import { action as teamsAction } from "~/routes/admin+/teams._index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createTeam as createTeamRow, createUser } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, post, sessionCookieFor } from "./request.ts";

let counter = 0;
const teamName = (label = "Team") => `${label} ${++counter}-${Date.now().toString(36)}`;

async function auditFor(targetId: string) {
  const events = await prisma.auditEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((event) => ({ ...event, details: JSON.parse(event.details) as Record<string, unknown> }));
}

async function okTeamId(result: Awaited<ReturnType<typeof createTeam>>): Promise<string> {
  if (result.status !== "ok") throw new Error(`expected ok, got ${result.status}`);
  return result.teamId;
}

describe("createTeam", () => {
  test("creates a team with a lead and audits team.created", async () => {
    const admin = await createUser({ role: "admin" });
    const lead = await createUser({ role: "lead" });
    const name = teamName("Billing");
    const teamId = await okTeamId(await createTeam(admin, { name, leadId: lead.id }));

    expect(await prisma.team.findUniqueOrThrow({ where: { id: teamId } })).toMatchObject({ name, leadId: lead.id });
    const events = await auditFor(teamId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "team.created", actorId: admin.id, targetType: "team" });
    expect(events[0].details).toEqual({ name, leadId: lead.id });
  });

  test("a team without a lead is fine", async () => {
    const admin = await createUser({ role: "admin" });
    const teamId = await okTeamId(await createTeam(admin, { name: teamName(), leadId: null }));
    expect((await prisma.team.findUniqueOrThrow({ where: { id: teamId } })).leadId).toBeNull();
  });

  test("a taken name is refused as name-taken and nothing is written", async () => {
    const admin = await createUser({ role: "admin" });
    const existing = await createTeamRow({ name: teamName("Taken") });
    const auditBefore = await prisma.auditEvent.count();
    expect(await createTeam(admin, { name: existing.name, leadId: null })).toEqual({ status: "name-taken" });
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });

  test.each([
    ["an agent", { role: "agent" as const }],
    ["a deactivated lead", { role: "lead" as const, deactivatedAt: new Date() }],
    ["an admin", { role: "admin" as const }],
  ])("choosing %s as lead is refused as invalid-lead", async (_label, overrides) => {
    const admin = await createUser({ role: "admin" });
    const notALead = await createUser(overrides);
    const name = teamName();
    expect(await createTeam(admin, { name, leadId: notALead.id })).toEqual({ status: "invalid-lead" });
    expect(await prisma.team.findUnique({ where: { name } })).toBeNull();
  });

  test("a nonexistent lead id is refused as invalid-lead", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await createTeam(admin, { name: teamName(), leadId: "no-such-user" })).toEqual({ status: "invalid-lead" });
  });

  test("the teams route answers a taken name with 400 and a name field error", async () => {
    const admin = await createUser({ role: "admin" });
    const existing = await createTeamRow({ name: teamName("Route Taken") });
    const outcome = await callRoute<FormReply>(teamsAction, {
      request: post("/admin/teams", { intent: "create", name: existing.name }, await sessionCookieFor(admin.id)),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.name?.map(inEnglish)).toEqual(["Another team already has this name"]);
    expect(outcome.body?.result.initialValue).toMatchObject({ name: existing.name });
  });

  test("the teams route answers an agent as lead with 400 and a leadId field error", async () => {
    const admin = await createUser({ role: "admin" });
    const agent = await createUser({ role: "agent" });
    const outcome = await callRoute<FormReply>(teamsAction, {
      request: post("/admin/teams", { intent: "create", name: teamName(), leadId: agent.id }, await sessionCookieFor(admin.id)),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.leadId?.map(inEnglish)).toEqual(["Choose an active person with the team lead role"]);
  });

  test("the teams route answers a too-short name with 400, and creates and redirects on success", async () => {
    const admin = await createUser({ role: "admin" });
    const cookie = await sessionCookieFor(admin.id);
    const bad = await callRoute<FormReply>(teamsAction, { request: post("/admin/teams", { intent: "create", name: "x" }, cookie) });
    expect(bad.status).toBe(400);
    expect(bad.body?.result.error?.name?.map(inEnglish)).toEqual(["Enter at least 2 characters"]);

    const name = teamName("Via Route");
    const good = await callRoute(teamsAction, { request: post("/admin/teams", { intent: "create", name, leadId: "" }, cookie) });
    expect(good.status).toBe(302);
    const team = await prisma.team.findUniqueOrThrow({ where: { name } });
    expect(good.location).toBe(`/admin/teams/${team.id}`);
  });
});

describe("renameTeam", () => {
  test("renames and audits team.renamed with from/to", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow({ name: teamName("Old") });
    const name = teamName("New");
    expect(await renameTeam(admin, team.id, name)).toEqual({ status: "ok", teamId: team.id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(name);
    const events = await auditFor(team.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "team.renamed", actorId: admin.id });
    expect(events[0].details).toEqual({ from: team.name, to: name });
  });

  test("renaming to the same name is ok and writes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    expect(await renameTeam(admin, team.id, team.name)).toEqual({ status: "ok", teamId: team.id });
    expect(await auditFor(team.id)).toHaveLength(0);
  });

  test("another team's name is refused; an unknown team is not-found", async () => {
    const admin = await createUser({ role: "admin" });
    const a = await createTeamRow();
    const b = await createTeamRow();
    expect(await renameTeam(admin, a.id, b.name)).toEqual({ status: "name-taken" });
    expect(await renameTeam(admin, "no-such-team", teamName())).toEqual({ status: "not-found" });
  });
});

describe("setTeamLead", () => {
  test("changes the lead and audits team.lead-changed with from/to", async () => {
    const admin = await createUser({ role: "admin" });
    const first = await createUser({ role: "lead" });
    const second = await createUser({ role: "lead" });
    const team = await createTeamRow({ leadId: first.id });

    expect(await setTeamLead(admin, team.id, second.id)).toEqual({ status: "ok", teamId: team.id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).leadId).toBe(second.id);
    expect(await setTeamLead(admin, team.id, null)).toEqual({ status: "ok", teamId: team.id });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).leadId).toBeNull();

    const events = await auditFor(team.id);
    expect(events.map((event) => event.action)).toEqual(["team.lead-changed", "team.lead-changed"]);
    expect(events[0].details).toEqual({ from: first.id, to: second.id });
    expect(events[1].details).toEqual({ from: second.id, to: null });
  });

  test("setting the current lead again is ok and writes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const lead = await createUser({ role: "lead" });
    const team = await createTeamRow({ leadId: lead.id });
    expect(await setTeamLead(admin, team.id, lead.id)).toEqual({ status: "ok", teamId: team.id });
    expect(await auditFor(team.id)).toHaveLength(0);
  });

  test("an agent or deactivated lead is invalid-lead; an unknown team is not-found", async () => {
    const admin = await createUser({ role: "admin" });
    const agent = await createUser({ role: "agent" });
    const gone = await createUser({ role: "lead", deactivatedAt: new Date() });
    const team = await createTeamRow();
    expect(await setTeamLead(admin, team.id, agent.id)).toEqual({ status: "invalid-lead" });
    expect(await setTeamLead(admin, team.id, gone.id)).toEqual({ status: "invalid-lead" });
    expect(await setTeamLead(admin, "no-such-team", null)).toEqual({ status: "not-found" });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).leadId).toBeNull();
    expect(await auditFor(team.id)).toHaveLength(0);
  });
});

describe("moveMember", () => {
  test("moves a person to another team and audits user.team-changed", async () => {
    const admin = await createUser({ role: "admin" });
    const from = await createTeamRow();
    const to = await createTeamRow();
    const agent = await createUser({ teamId: from.id });

    expect(await moveMember(admin, { userId: agent.id, toTeamId: to.id, fromTeamId: from.id })).toEqual({
      status: "ok",
      teamId: from.id,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).teamId).toBe(to.id);
    const events = await auditFor(agent.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.team-changed", actorId: admin.id, targetType: "user" });
    expect(events[0].details).toEqual({ from: from.id, to: to.id });
  });

  test("a stale fromTeamId (the person already moved) is invalid-member and changes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const stale = await createTeamRow();
    const actual = await createTeamRow();
    const destination = await createTeamRow();
    const agent = await createUser({ teamId: actual.id });

    expect(await moveMember(admin, { userId: agent.id, toTeamId: destination.id, fromTeamId: stale.id })).toEqual({
      status: "invalid-member",
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).teamId).toBe(actual.id);
    expect(await auditFor(agent.id)).toHaveLength(0);
  });

  test("a deactivated person is invalid-member", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    const gone = await createUser({ deactivatedAt: new Date() });
    expect(await moveMember(admin, { userId: gone.id, toTeamId: team.id })).toEqual({ status: "invalid-member" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: gone.id } })).teamId).toBeNull();
  });

  test("moving to no team clears teamId and audits the move to null", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    const agent = await createUser({ teamId: team.id });
    expect(await moveMember(admin, { userId: agent.id, toTeamId: null, fromTeamId: team.id })).toEqual({
      status: "ok",
      teamId: team.id,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).teamId).toBeNull();
    const events = await auditFor(agent.id);
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ from: team.id, to: null });
    expect(inEnglish(events[0].summary)).toMatch(/to no team$/);
  });

  test("adding someone without a team (no fromTeamId) works", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    const agent = await createUser();
    expect(await moveMember(admin, { userId: agent.id, toTeamId: team.id })).toEqual({ status: "ok", teamId: team.id });
    expect((await getTeam(team.id))?.members.map((member) => member.id)).toEqual([agent.id]);
    expect((await listPeopleOutsideTeam(team.id)).map((person) => person.id)).not.toContain(agent.id);
  });

  test("an unknown destination team is not-found and the person stays put", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    const agent = await createUser({ teamId: team.id });
    expect(await moveMember(admin, { userId: agent.id, toTeamId: "no-such-team" })).toEqual({ status: "not-found" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agent.id } })).teamId).toBe(team.id);
  });

  test("moving someone to the team they are already on is ok and writes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    const agent = await createUser({ teamId: team.id });
    expect(await moveMember(admin, { userId: agent.id, toTeamId: team.id })).toEqual({ status: "ok", teamId: team.id });
    expect(await auditFor(agent.id)).toHaveLength(0);
  });
});

describe("team page route actions", () => {
  test("a stale move answers 400 with a form error; a good move redirects back to the team", async () => {
    const admin = await createUser({ role: "admin" });
    const cookie = await sessionCookieFor(admin.id);
    const team = await createTeamRow();
    const other = await createTeamRow();
    const member = await createUser({ teamId: team.id });
    const outsider = await createUser({ teamId: other.id });

    const stale = await callRoute<FormReply>(teamAction, {
      request: post(`/admin/teams/${team.id}`, { intent: "move", userId: outsider.id, toTeamId: "" }, cookie),
      params: { teamId: team.id },
    });
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ intent: "move", result: { initialValue: { userId: outsider.id } } });
    expect(stale.body?.result.error?.[""]?.map(inEnglish)).toEqual(["That person isn't on this team any more"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: outsider.id } })).teamId).toBe(other.id);

    const moved = await callRoute(teamAction, {
      request: post(`/admin/teams/${team.id}`, { intent: "move", userId: member.id, toTeamId: other.id }, cookie),
      params: { teamId: team.id },
    });
    expect(moved).toMatchObject({ status: 302, location: `/admin/teams/${team.id}` });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).teamId).toBe(other.id);
  });

  test("rename and set-lead through the route write their audit events", async () => {
    const admin = await createUser({ role: "admin" });
    const lead = await createUser({ role: "lead" });
    const cookie = await sessionCookieFor(admin.id);
    const team = await createTeamRow();
    const name = teamName("Route Renamed");

    const renamed = await callRoute(teamAction, {
      request: post(`/admin/teams/${team.id}`, { intent: "rename", name }, cookie),
      params: { teamId: team.id },
    });
    expect(renamed).toMatchObject({ status: 302, location: `/admin/teams/${team.id}?notice=team-renamed` });
    const led = await callRoute(teamAction, {
      request: post(`/admin/teams/${team.id}`, { intent: "set-lead", leadId: lead.id }, cookie),
      params: { teamId: team.id },
    });
    expect(led).toMatchObject({ status: 302, location: `/admin/teams/${team.id}?notice=team-lead-saved` });
    expect((await auditFor(team.id)).map((event) => event.action)).toEqual(["team.renamed", "team.lead-changed"]);
  });
});

describe("automatic practice threshold", () => {
  test("an admin sets how many failures in a row assign practice; the change is audited and bad values are refused", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeamRow();
    expect(team.autoAssignAfter).toBe(3);
    const cookie = await sessionCookieFor(admin.id);
    const url = `/admin/teams/${team.id}`;

    const refused = await callRoute(teamAction, {
      request: post(url, { intent: "auto-practice", autoAssignAfter: "0" }, cookie),
      params: { teamId: team.id },
    });
    expect(refused.status).toBe(400);
    const ok = await callRoute(teamAction, {
      request: post(url, { intent: "auto-practice", autoAssignAfter: "5" }, cookie),
      params: { teamId: team.id },
    });
    expect(ok).toMatchObject({ status: 302, location: `${url}?notice=auto-practice-saved` });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).autoAssignAfter).toBe(5);
    const events = await prisma.auditEvent.findMany({ where: { targetId: team.id, action: "team.auto-practice-changed" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].details)).toEqual({ from: 3, to: 5 });
  });
});
