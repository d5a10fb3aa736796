import type { Prisma } from "~/generated/prisma/client.ts";
import { DUE_SOON_DAYS, isDueSoon } from "~/engine/coaching/assignment-status.ts";
import { prisma } from "~/utils/db.server.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "~/utils/page-sizes.ts";
import { formatDate } from "~/utils/format.ts";
import { assignmentStatuses, contentLink, contentTitle, loadContentIndex, type AssignmentRow } from "./assignment.server.ts";

export const NOTIFICATION_KINDS = ["assigned", "due-soon", "overdue", "feedback", "dispute-answered", "auto-assigned", "nomination", "promotion", "mentoring"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
    await client.notification.create({ data: { userId, kind: input.kind, title: input.title, link: input.link, dedupeKey: input.dedupeKey ?? null } });
  } catch (error) {
    // Two requests racing to create the same reminder: the unique key keeps one.
    if (input.dedupeKey && isUniqueViolation(error)) return;
    throw error;
  }
}

export async function listNotifications(userId: string, page: number) {
  const where = { userId };
  const [total, notifications] = await Promise.all([
    prisma.notification.count({ where }),
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
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

/** How far back an overdue assignment still earns its one reminder. */
const OVERDUE_REMINDER_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Creates the due-soon and overdue reminders the person should have by `now`,
 * each at most once (dedupe keys "due-soon:<id>" and "overdue:<id>"). Costs two
 * small indexed queries when there is nothing new to say.
 */
export async function refreshReminders(userId: string, now = new Date()): Promise<number> {
  const candidates: AssignmentRow[] = await prisma.assignment.findMany({
    where: {
      userId,
      dueAt: { gte: new Date(now.getTime() - OVERDUE_REMINDER_WINDOW_DAYS * DAY_MS), lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) },
    },
    select: { id: true, kind: true, contentSlug: true, dueAt: true, createdAt: true, minScore: true, minLevels: true, userId: true },
  });
  if (candidates.length === 0) return 0;
  const keyFor = (assignment: AssignmentRow) => `${assignment.dueAt.getTime() < now.getTime() ? "overdue" : "due-soon"}:${assignment.id}`;
  const existing = await prisma.notification.findMany({ where: { dedupeKey: { in: candidates.map(keyFor) } }, select: { dedupeKey: true } });
  const sent = new Set(existing.map((row) => row.dedupeKey));
  const missing = candidates.filter((assignment) => !sent.has(keyFor(assignment)));
  if (missing.length === 0) return 0;

  const index = await loadContentIndex();
  const statuses = await assignmentStatuses(missing, now, index);
  let created = 0;
  for (const assignment of missing) {
    const status = statuses.get(assignment.id)!;
    const overdue = status === "past-due";
    if (!overdue && !isDueSoon(assignment.dueAt, status, now)) continue;
    const title = contentTitle(index, assignment.kind, assignment.contentSlug);
    await notify(userId, {
      kind: overdue ? "overdue" : "due-soon",
      title: overdue ? `Past due: “${title}” was due ${formatDate(assignment.dueAt)}` : `Due soon: “${title}” is due ${formatDate(assignment.dueAt)}`,
      link: contentLink(assignment.kind, assignment.contentSlug),
      dedupeKey: keyFor(assignment),
    });
    created += 1;
  }
  return created;
}

/** Minimum time between two reminder refreshes for one person from page views. */
const REFRESH_INTERVAL_MS = 5 * 60_000;
const lastRefreshed = new Map<string, number>();

/**
 * refreshReminders for the page-view path: at most once per person every few
 * minutes per process, so browsing costs no more than the unread count.
 */
export async function refreshRemindersOnVisit(userId: string, now = new Date()): Promise<void> {
  const last = lastRefreshed.get(userId);
  if (last !== undefined && now.getTime() - last < REFRESH_INTERVAL_MS) return;
  lastRefreshed.set(userId, now.getTime());
  await refreshReminders(userId, now);
}
