import type { NominationStatus } from "~/domain/career.ts";
import { PROMOTIONS_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notification.server.ts";

type Actor = { id: string; name: string };

const nominationSelect = {
  id: true,
  level: true,
  justification: true,
  status: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  agent: { select: { id: true, name: true, level: true, team: { select: { name: true } } } },
  nominatedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} satisfies Prisma.NominationSelect;

export type NominationView = Prisma.NominationGetPayload<{ select: typeof nominationSelect }>;

export async function listNominationsFor(agentIds: string[]): Promise<NominationView[]> {
  return prisma.nomination.findMany({ where: { agentId: { in: agentIds } }, orderBy: { createdAt: "desc" }, select: nominationSelect });
}

export async function listNominations(status: NominationStatus, page: number) {
  const where = { status };
  const { total, rows: nominations } = await paginate(
    page,
    PROMOTIONS_PAGE_SIZE,
    () => prisma.nomination.count({ where }),
    (window) =>
      prisma.nomination.findMany({
        where,
        orderBy: { createdAt: status === "pending" ? "asc" : "desc" },
        ...window,
        select: nominationSelect,
      }),
  );
  return { total, nominations };
}

export async function getNomination(id: string) {
  return prisma.nomination.findUnique({ where: { id }, select: nominationSelect });
}

export async function countPendingNominations(): Promise<number> {
  return prisma.nomination.count({ where: { status: "pending" } });
}

type NominationOutcome = { status: "ok"; nominationId: string } | { status: "refused"; reason: string };

/**
 * A lead nominates one of their people for a level the ladder says comes next. One pending
 * nomination per person at a time, so the admin's queue never holds two answers to one question.
 */
export async function nominate(
  actor: Actor,
  input: { agentId: string; level: Level; justification: string; allowedLevels: readonly Level[] },
): Promise<NominationOutcome> {
  if (!input.allowedLevels.includes(input.level))
    return { status: "refused", reason: message("career:refusal.notNextLevel", { level: LEVEL_LABELS[input.level] }) };
  return prisma.$transaction(async (tx) => {
    const pending = await tx.nomination.findFirst({ where: { agentId: input.agentId, status: "pending" }, select: { level: true } });
    if (pending)
      return { status: "refused", reason: message("career:refusal.alreadyPending", { level: LEVEL_LABELS[pending.level as Level] }) };
    const agent = await tx.user.findUniqueOrThrow({ where: { id: input.agentId }, select: { name: true } });
    const nomination = await tx.nomination.create({
      data: { agentId: input.agentId, nominatedById: actor.id, level: input.level, justification: input.justification },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "nomination.created",
      targetType: "nomination",
      targetId: nomination.id,
      summary: message("admin:audit.summary.nominationCreated", { agent: agent.name, level: LEVEL_LABELS[input.level] }),
      details: { agentId: input.agentId, level: input.level },
    });
    const admins = await tx.user.findMany({ where: { role: "admin", deactivatedAt: null }, select: { id: true } });
    for (const admin of admins) {
      await notify(
        admin.id,
        {
          kind: "nomination",
          title: message("career:notification.nominated", { actor: actor.name, agent: agent.name, level: LEVEL_LABELS[input.level] }),
          link: `/admin/promotions/${nomination.id}`,
        },
        tx,
      );
    }
    return { status: "ok", nominationId: nomination.id };
  });
}

/**
 * An admin's decision. Approval moves the person to the level, writes the level history
 * (the audit event the Career page reads) and tells the agent; a decline keeps the reason.
 */
export async function decideNomination(
  actor: Actor,
  input: { nominationId: string; decision: "approve" | "decline"; note: string },
  now = new Date(),
): Promise<NominationOutcome | { status: "not-found" }> {
  return prisma.$transaction(async (tx) => {
    const nomination = await tx.nomination.findUnique({
      where: { id: input.nominationId },
      select: {
        id: true,
        status: true,
        level: true,
        nominatedById: true,
        agent: { select: { id: true, name: true, level: true, deactivatedAt: true } },
      },
    });
    if (!nomination) return { status: "not-found" };
    if (nomination.status !== "pending") return { status: "refused", reason: message("career:refusal.alreadyDecided") };
    const level = nomination.level as Level;
    const agent = nomination.agent;
    if (input.decision === "approve" && agent.deactivatedAt)
      return { status: "refused", reason: message("career:refusal.deactivated", { name: agent.name }) };
    const approved = input.decision === "approve";
    await tx.nomination.update({
      where: { id: nomination.id },
      data: { status: approved ? "approved" : "declined", decisionNote: input.note, decidedAt: now, decidedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: approved ? "nomination.approved" : "nomination.declined",
      targetType: "nomination",
      targetId: nomination.id,
      summary: message("admin:audit.summary.nominationDecided", {
        decision: approved ? "approved" : "declined",
        agent: agent.name,
        level: LEVEL_LABELS[level],
      }),
      details: { agentId: agent.id, level, note: input.note },
    });
    if (approved && agent.level !== level) {
      await tx.user.update({ where: { id: agent.id }, data: { level } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.level-changed",
        targetType: "user",
        targetId: agent.id,
        summary: message("admin:audit.summary.levelChanged", {
          name: agent.name,
          from: LEVEL_LABELS[agent.level as Level],
          to: LEVEL_LABELS[level],
        }),
        details: { from: agent.level, to: level, nominationId: nomination.id },
      });
    }
    await notify(
      agent.id,
      approved
        ? { kind: "promotion", title: message("career:notification.promoted", { level: LEVEL_LABELS[level] }), link: "/career" }
        : { kind: "promotion", title: message("career:notification.notApproved", { level: LEVEL_LABELS[level] }), link: "/career" },
      tx,
    );
    if (nomination.nominatedById !== actor.id) {
      await notify(
        nomination.nominatedById,
        {
          kind: "promotion",
          title: message("career:notification.outcome", {
            agent: agent.name,
            level: LEVEL_LABELS[level],
            outcome: approved ? "approved" : "declined",
          }),
          link: `/career/people/${agent.id}`,
        },
        tx,
      );
    }
    return { status: "ok", nominationId: nomination.id };
  });
}
