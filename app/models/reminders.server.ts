// Reminders created as people browse: assignments' due dates and calibration deadlines.
import { refreshReminders } from "./assignment-reminder.server.ts";
import { refreshCalibrationReminders } from "./calibration.server.ts";

/** Minimum time between two reminder refreshes for one person from page views. */
const REFRESH_INTERVAL_MS = 5 * 60_000;
const lastRefreshed = new Map<string, number>();

/**
 * Every kind of reminder, for the page-view path: at most once per person every few
 * minutes per process, so browsing costs no more than the unread count.
 */
export async function refreshRemindersOnVisit(userId: string, now = new Date()): Promise<void> {
  const last = lastRefreshed.get(userId);
  if (last !== undefined && now.getTime() - last < REFRESH_INTERVAL_MS) return;
  lastRefreshed.set(userId, now.getTime());
  await refreshReminders(userId, now);
  await refreshCalibrationReminders(userId, now);
}
