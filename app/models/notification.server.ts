import type { NotificationKind } from "~/domain/notifications.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "~/domain/pages.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { paginate } from "~/utils/paginate.server.ts";

export type NotificationInput = {
  kind: NotificationKind;
  title: string;
  /** A path on this site the notification opens. */
  link: string;
  /** Makes the notification idempotent: a second one with the same key is not created. */
  dedupeKey?: string;
};

type Client = Prisma.TransactionClient | typeof prisma;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/**
 * Notifies one person. With a dedupeKey it is created at most once; call it
 * with the caller's transaction client to commit it together with the change
 * it reports.
 */
export async function notify(userId: string, input: NotificationInput, client: Client = prisma): Promise<void> {
  if (input.dedupeKey && (await client.notification.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } }))) return;
  try {
    await client.notification.create({
      data: { userId, kind: input.kind, title: input.title, link: input.link, dedupeKey: input.dedupeKey ?? null },
    });
  } catch (error) {
    // Two requests racing to create the same reminder: the unique key keeps one.
    if (input.dedupeKey && isUniqueViolation(error)) return;
    throw error;
  }
}

export async function listNotifications(userId: string, page: number) {
  const where = { userId };
  const { total, rows: notifications } = await paginate(
    page,
    NOTIFICATIONS_PAGE_SIZE,
    () => prisma.notification.count({ where }),
    (window) =>
      prisma.notification.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
        select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true },
      }),
  );
  return { total, notifications };
}

export async function unreadCount(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the person's own notifications read; someone else's is "not-found". */
export async function markRead(userId: string, notificationId: string, now = new Date()): Promise<{ status: "ok" | "not-found" }> {
  const { count } = await prisma.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: now } });
  if (count > 0) return { status: "ok" };
  // Already read stays read at its first time; only someone else's (or no) notification is refused.
  const own = await prisma.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true } });
  return { status: own ? "ok" : "not-found" };
}

export async function markAllRead(userId: string, now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
