import type { NotificationKind } from "~/domain/notifications.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "~/domain/pages.ts";
import { wallClockParts } from "~/engine/coaching/sessions.ts";
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

// ---------------------------------------------------------------------------
// Notices that name a moment: written on the reader's own clock, since the title is stored as text.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "3 Dec", or "Thu 3 Dec, 14:30" with the time, as the calendar reads in the zone. */
function dayInZone(instant: Date, timeZone: string, { withTime = false } = {}): string {
  const { year, month, day, hour, minute } = wallClockParts(instant, timeZone);
  const date = `${Number(day)} ${MONTHS[Number(month) - 1]}`;
  if (!withTime) return date;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  return `${weekday} ${date}, ${hour}:${minute}`;
}

async function timeZoneOf(client: Client, userId: string): Promise<string> {
  const person = await client.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return person?.timeZone ?? "UTC";
}

/** A practice conversation as a reader recognises it: its scenario's title and the day it started. */
export type ConversationRef = { attemptId: string; scenarioTitle: string; startedAt: Date };

/** “Late delivery” on 3 Dec, on the reader's clock. */
function conversationName(conversation: ConversationRef, timeZone: string): string {
  return `“${conversation.scenarioTitle}” on ${dayInZone(conversation.startedAt, timeZone)}`;
}

/** Tells the agent a lead has reviewed one of their practice conversations. */
export async function notifyFeedback(client: Client, agentId: string, conversation: ConversationRef): Promise<void> {
  const { attemptId } = conversation;
  const name = conversationName(conversation, await timeZoneOf(client, agentId));
  await notify(
    agentId,
    { kind: "feedback", title: `Your lead reviewed your conversation ${name}`, link: `/practice/attempts/${attemptId}#review` },
    client,
  );
}

/** Tells the lead of the agent's team that the agent disputes one criterion of a graded conversation. */
export async function notifyDisputeRaised(
  client: Client,
  agentId: string,
  conversation: ConversationRef,
  criterionTitle: string,
): Promise<void> {
  const { attemptId } = conversation;
  const agent = await client.user.findUnique({ where: { id: agentId }, select: { name: true, team: { select: { leadId: true } } } });
  const leadId = agent?.team?.leadId;
  if (!agent || !leadId || leadId === agentId) return;
  const name = conversationName(conversation, await timeZoneOf(client, leadId));
  await notify(
    leadId,
    {
      kind: "dispute-raised",
      title: `${agent.name} disputes “${criterionTitle}” in the conversation ${name}`,
      link: `/practice/attempts/${attemptId}#review`,
    },
    client,
  );
}

/** Tells the agent their lead has planned a 1:1, or moved it, with the day and time on the agent's clock. */
export async function notifySessionPlanned(
  client: Client,
  {
    agentId,
    leadName,
    sessionId,
    scheduledAt,
    moved = false,
  }: { agentId: string; leadName: string; sessionId: string; scheduledAt: Date; moved?: boolean },
): Promise<void> {
  const when = dayInZone(scheduledAt, await timeZoneOf(client, agentId), { withTime: true });
  await notify(
    agentId,
    {
      kind: "session-planned",
      title: moved ? `${leadName} moved your 1:1 to ${when}` : `${leadName} planned a 1:1 with you on ${when}`,
      link: `/coaching/sessions/${sessionId}`,
    },
    client,
  );
}
