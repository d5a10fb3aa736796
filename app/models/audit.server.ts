import { z } from "zod";
import type { AuditAction, AuditTargetType } from "~/domain/audit.ts";
import { AUDIT_PAGE_SIZE } from "~/domain/pages.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";

/** What changed, as the model that recorded the change described it. */
export const AuditDetailsColumn = jsonColumn(z.record(z.unknown()));

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  summary: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      summary: entry.summary,
      details: AuditDetailsColumn.write(entry.details ?? {}),
    },
  });
}

export type AuditFilter = {
  action?: AuditAction;
  actorId?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  from?: Date;
  to?: Date;
};

export async function listAuditEvents(filter: AuditFilter, page: number) {
  const where: Prisma.AuditEventWhereInput = {
    action: filter.action,
    actorId: filter.actorId,
    targetType: filter.targetType,
    targetId: filter.targetId,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };
  const { total, rows: events } = await paginate(
    page,
    AUDIT_PAGE_SIZE,
    () => prisma.auditEvent.count({ where }),
    (window) =>
      prisma.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
        select: {
          id: true,
          action: true,
          targetType: true,
          targetId: true,
          summary: true,
          details: true,
          createdAt: true,
          actor: { select: { id: true, name: true } },
        },
      }),
  );
  return { total, events: events.map((event) => ({ ...event, details: AuditDetailsColumn.read(event.details) })) };
}

/** People who have made audited changes, for the actor filter. */
export async function listAuditActors() {
  return prisma.user.findMany({
    where: { auditEventsBy: { some: {} } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
