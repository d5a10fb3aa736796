// Due-soon and overdue reminders: the assignment side of notifications, kept apart from
// both so that assignments can notify without notifications knowing about assignments.
import { DUE_SOON_DAYS, isDueSoon } from "~/engine/coaching/assignment-status.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { assignmentStatuses, type AssignmentRow } from "./assignment.server.ts";
import { contentLink, contentTitle, loadContentIndex } from "./content-index.server.ts";
import { notify } from "./notification.server.ts";

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
      withdrawnAt: null,
      dueAt: {
        gte: new Date(now.getTime() - OVERDUE_REMINDER_WINDOW_DAYS * DAY_MS),
        lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS),
      },
    },
    select: { id: true, kind: true, contentSlug: true, dueAt: true, createdAt: true, minScore: true, minLevels: true, userId: true },
  });
  if (candidates.length === 0) return 0;
  const keyFor = (assignment: AssignmentRow) => `${assignment.dueAt.getTime() < now.getTime() ? "overdue" : "due-soon"}:${assignment.id}`;
  const existing = await prisma.notification.findMany({
    where: { dedupeKey: { in: candidates.map(keyFor) } },
    select: { dedupeKey: true },
  });
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
      title: message(overdue ? "assignments:notification.overdue" : "assignments:notification.dueSoon", {
        title,
        due: assignment.dueAt.getTime(),
      }),
      link: contentLink(assignment.kind, assignment.contentSlug),
      dedupeKey: keyFor(assignment),
    });
    created += 1;
  }
  return created;
}
