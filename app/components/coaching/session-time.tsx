import { wallClockParts } from "~/engine/coaching/sessions.ts";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date and time on the viewer's own clock, e.g. "Tue 4 Mar 2025, 14:30". The
 * loader sends the zone with the instant, and the words are our own rather than
 * the locale data's, so the server and every browser print the same text.
 */
export function SessionTime({ at, timeZone }: { at: string; timeZone: string }) {
  const { year, month, day, hour, minute } = wallClockParts(new Date(at), timeZone);
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return <time dateTime={at}>{`${WEEKDAYS[weekday]} ${Number(day)} ${MONTHS[Number(month) - 1]} ${year}, ${hour}:${minute}`}</time>;
}
