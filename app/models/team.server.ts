import type { TeamScope } from "~/engine/access/people.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

type Actor = { id: string };

export function teamScopeToWhere(scope: TeamScope): Prisma.TeamWhereInput {
  return scope.kind === "every-team" ? {} : { id: { in: scope.teamIds } };
}

export async function listTeams() {
  return prisma.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      lead: { select: { id: true, name: true } },
      _count: { select: { members: { where: { deactivatedAt: null } } } },
    },
  });
}

export async function listTeamOptions() {
  return prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function getTeam(id: string) {
  return prisma.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      createdAt: true,
      autoAssignAfter: true,
      lead: { select: { id: true, name: true } },
      members: {
        orderBy: [{ deactivatedAt: "asc" }, { name: "asc" }],
        select: { id: true, name: true, email: true, role: true, level: true, workMode: true, deactivatedAt: true },
      },
    },
  });
}

export type TeamChangeResult =
  | { status: "ok"; teamId: string }
  | { status: "name-taken" }
  | { status: "not-found" }
  | { status: "invalid-lead" }
  | { status: "invalid-member" };

async function nameTaken(tx: Prisma.TransactionClient, name: string, exceptId?: string): Promise<boolean> {
  const existing = await tx.team.findUnique({ where: { name }, select: { id: true } });
  return existing !== null && existing.id !== exceptId;
}

async function findEligibleLead(tx: Prisma.TransactionClient, leadId: string) {
  return tx.user.findFirst({ where: { id: leadId, role: "lead", deactivatedAt: null }, select: { id: true, name: true } });
}

export async function createTeam(actor: Actor, input: { name: string; leadId: string | null }): Promise<TeamChangeResult> {
  return prisma.$transaction(async (tx) => {
    if (await nameTaken(tx, input.name)) return { status: "name-taken" };
    const lead = input.leadId ? await findEligibleLead(tx, input.leadId) : null;
    if (input.leadId && !lead) return { status: "invalid-lead" };
    const team = await tx.team.create({ data: { name: input.name, leadId: lead?.id ?? null }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.created",
      targetType: "team",
      targetId: team.id,
      summary: lead
        ? message("admin:audit.summary.teamCreatedWithLead", { team: input.name, lead: lead.name })
        : message("admin:audit.summary.teamCreated", { team: input.name }),
      details: { name: input.name, leadId: lead?.id ?? null },
    });
    return { status: "ok", teamId: team.id };
  });
}

export async function renameTeam(actor: Actor, teamId: string, name: string): Promise<TeamChangeResult> {
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
    if (!team) return { status: "not-found" };
    if (team.name === name) return { status: "ok", teamId };
    if (await nameTaken(tx, name, teamId)) return { status: "name-taken" };
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.renamed",
      targetType: "team",
      targetId: teamId,
      summary: message("admin:audit.summary.teamRenamed", { from: team.name, to: name }),
      details: { from: team.name, to: name },
    });
    return { status: "ok", teamId };
  });
}

export async function setTeamLead(actor: Actor, teamId: string, leadId: string | null): Promise<TeamChangeResult> {
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true, leadId: true } });
    if (!team) return { status: "not-found" };
    const lead = leadId ? await findEligibleLead(tx, leadId) : null;
    if (leadId && !lead) return { status: "invalid-lead" };
    if (team.leadId === (lead?.id ?? null)) return { status: "ok", teamId };
    await tx.team.update({ where: { id: teamId }, data: { leadId: lead?.id ?? null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.lead-changed",
      targetType: "team",
      targetId: teamId,
      summary: lead
        ? message("admin:audit.summary.teamLeadSet", { lead: lead.name, team: team.name })
        : message("admin:audit.summary.teamLeadRemoved", { team: team.name }),
      details: { from: team.leadId, to: lead?.id ?? null },
    });
    return { status: "ok", teamId };
  });
}

/**
 * Moves a person to another team (or to no team). With `fromTeamId`, the person
 * must still be on that team, so a stale page cannot move someone twice.
 */
export async function moveMember(
  actor: Actor,
  { userId, toTeamId, fromTeamId }: { userId: string; toTeamId: string | null; fromTeamId?: string },
): Promise<TeamChangeResult> {
  return prisma.$transaction(async (tx) => {
    const member = await tx.user.findFirst({
      where: { id: userId, deactivatedAt: null, ...(fromTeamId ? { teamId: fromTeamId } : {}) },
      select: { name: true, teamId: true, team: { select: { name: true } } },
    });
    if (!member) return { status: "invalid-member" };
    const destination = toTeamId ? await tx.team.findUnique({ where: { id: toTeamId }, select: { name: true } }) : null;
    if (toTeamId && !destination) return { status: "not-found" };
    const resultTeamId = fromTeamId ?? toTeamId ?? "";
    if (member.teamId === toTeamId) return { status: "ok", teamId: resultTeamId };
    await tx.user.update({ where: { id: userId }, data: { teamId: toTeamId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.team-changed",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userTeamChanged", {
        name: member.name,
        from: member.team?.name ?? message("admin:audit.summary.noTeam"),
        to: destination?.name ?? message("admin:audit.summary.noTeam"),
      }),
      details: { from: member.teamId, to: toTeamId },
    });
    return { status: "ok", teamId: resultTeamId };
  });
}

/** Active people who are not on this team, for adding someone to it. */
export async function listPeopleOutsideTeam(teamId: string) {
  return prisma.user.findMany({
    where: { deactivatedAt: null, role: "agent", OR: [{ teamId: null }, { teamId: { not: teamId } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, team: { select: { name: true } } },
  });
}

/** How many consecutive failures on one criterion assign practice automatically for this team. */
export async function setAutoAssignAfter(actor: Actor, teamId: string, failures: number): Promise<TeamChangeResult> {
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true, autoAssignAfter: true } });
    if (!team) return { status: "not-found" };
    if (team.autoAssignAfter === failures) return { status: "ok", teamId };
    await tx.team.update({ where: { id: teamId }, data: { autoAssignAfter: failures } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.auto-practice-changed",
      targetType: "team",
      targetId: teamId,
      summary: message("admin:audit.summary.teamAutoPracticeChanged", { team: team.name, count: failures, was: team.autoAssignAfter }),
      details: { from: team.autoAssignAfter, to: failures },
    });
    return { status: "ok", teamId };
  });
}
