// Field and query-string rules every area's forms share, so each form checks a date or a page number the same way.
import { z } from "zod";
import { message } from "~/i18n/message.ts";

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** How far from today a date typed into a form may be: plans and records within a year either way. */
export const DATE_WINDOW_DAYS = 366;

/**
 * The instant of a "YYYY-MM-DD" day's midnight UTC, or null when the text is
 * not a real calendar day: 2026-02-30 is refused rather than read as 2 March.
 */
export function parseCalendarDay(text: string): Date | null {
  const match = CALENDAR_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day));
  return instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day ? instant : null;
}

/** The day `days` after (or before) a "YYYY-MM-DD" day. */
export function shiftDay(day: string, days: number): string {
  const start = parseCalendarDay(day);
  if (!start) throw new Error(`Not a calendar day: ${day}`);
  return new Date(start.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

type Bound = { day: string; message: string };

/**
 * A date field ("YYYY-MM-DD", as a date input sends it) that must be a real
 * day between `min` and `max`; the value stays the text, for each form to
 * turn into the instant it means.
 */
export function calendarDayField({ required, min, max }: { required: string; min: Bound; max: Bound }) {
  return z
    .string({ required_error: required })
    .trim()
    .refine((value) => parseCalendarDay(value) !== null, message("validation:realDate"))
    .refine((value) => parseCalendarDay(value) === null || value >= min.day, min.message)
    .refine((value) => parseCalendarDay(value) === null || value <= max.day, max.message);
}

/** Today in UTC, the zone every due date in the app is shown in. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Optional query-string filter: an empty value means "no filter". */
export function optionalFilter<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

export const PageSchema = z.coerce
  .number({ invalid_type_error: message("validation:page.notNumber") })
  .int(message("validation:page.notWhole"))
  .min(1, message("validation:page.tooSmall"))
  .max(100_000, message("validation:page.tooLarge"))
  .default(1);
