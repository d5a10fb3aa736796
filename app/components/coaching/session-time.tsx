import { useTranslation } from "react-i18next";
import { wallClockParts } from "~/engine/coaching/sessions.ts";

/**
 * A date and time on the viewer's own clock, e.g. "Tue 4 Mar 2025, 14:30". The
 * loader sends the zone with the instant, and the words come from the catalog
 * rather than the locale data, so the server and every browser print the same text.
 */
export function SessionTime({ at, timeZone }: { at: string; timeZone: string }) {
  const { t } = useTranslation();
  const { year, month, day, hour, minute } = wallClockParts(new Date(at), timeZone);
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return (
    <time dateTime={at}>
      {t("coaching:sessionTime.format", {
        weekday: t(`coaching:sessionTime.weekday.${weekday}`),
        day: Number(day),
        month: t(`coaching:sessionTime.month.${Number(month) - 1}`),
        year,
        hour,
        minute,
      })}
    </time>
  );
}
