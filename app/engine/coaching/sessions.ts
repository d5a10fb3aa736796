// The calendar arithmetic of 1:1 coaching sessions and their action items. Pure: no I/O.
import { parseCalendarDay } from "~/domain/fields.ts";
import { dateTimeFormat } from "~/utils/intl.ts";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone's calendar and clock at this instant, as zero-padded numeric strings. */
export function wallClockParts(instant: Date, timeZone: string) {
  const parts = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "00";
  return {
    year: value("year"),
    month: value("month"),
    day: value("day"),
    hour: value("hour"),
    minute: value("minute"),
    second: value("second"),
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = wallClockParts(instant, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "YYYY-MM-DD" as the calendar reads in the zone at this instant. */
export function localDate(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The value a datetime-local input shows for this instant in the zone. */
export function localDateTimeInput(instant: Date, timeZone: string): string {
  const p = wallClockParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant a wall-clock time ("2025-03-30T09:30") names in the zone, or null
 * when the text is not such a time. A time skipped by a daylight-saving jump
 * (01:30 on the night clocks go forward) lands just after the jump, as calendars do.
 */
export function zonedDateTimeToUtc(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the guessed instant can differ from the one at the answer across a DST change: settle it twice.
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}

/**
 * Action items are due on a calendar day, stored as that day's midnight UTC so
 * every viewer reads the same date.
 */
export function dueDateToInstant(date: string): Date | null {
  return parseCalendarDay(date);
}

export function instantToDueDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An open item is overdue once its day has passed on the viewer's calendar. */
export function isOverdue(item: { dueAt: Date; completedAt: Date | null }, today: string): boolean {
  return item.completedAt === null && instantToDueDate(item.dueAt) < today;
}

/** Sessions at or after `now` are upcoming (soonest first), the rest past (latest first). */
export function splitByTime<T extends { scheduledAt: Date }>(sessions: T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = sessions
    .filter((session) => session.scheduledAt >= now)
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  const past = sessions.filter((session) => session.scheduledAt < now).sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime());
  return { upcoming, past };
}
