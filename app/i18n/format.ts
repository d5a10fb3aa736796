// Dates, numbers and durations in the reader's language. Calendar days (a due
// date, a meeting day) are stored as UTC midnight and shown as that day
// wherever the reader is; moments (a reply sent, a grade made) are shown in
// the reader's own time zone.
import type { TFunction } from "i18next";
import { dateTimeFormat, numberFormat } from "~/utils/intl.ts";
import { intlLocale } from "./locales.ts";

export type Formatter = ReturnType<typeof createFormatter>;

export function createFormatter(locale: string, timeZone: string, t: TFunction) {
  const formatting = intlLocale(locale);
  const day = dateTimeFormat(formatting, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const dayOfYear = dateTimeFormat(formatting, { day: "numeric", month: "short", timeZone: "UTC" });
  const moment = dateTimeFormat(formatting, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return {
    locale,
    timeZone,
    /** A calendar day: "4 Dec 2026", "2026年12月4日". */
    day: (value: Date | string) => day.format(new Date(value)),
    /** A calendar day near today, without the year: "4 Dec", "12月4日". */
    shortDay: (value: Date | string) => dayOfYear.format(new Date(value)),
    /** A moment, in the reader's time zone: "4 Dec 2026, 14:05". */
    dateTime: (value: Date | string) => moment.format(new Date(value)),
    number: (value: number, options?: Intl.NumberFormatOptions) => numberFormat(formatting, options).format(value),
    /** A share from 0 to 1: "75%". */
    percent: (ratio: number) => numberFormat(formatting, { style: "percent", maximumFractionDigits: 0 }).format(ratio),
    /** "45 min", "1 h 20 min", "under a minute"; "—" for none. */
    duration(seconds: number): string {
      if (seconds <= 0) return "—";
      if (seconds < 60) return t("common:duration.underMinute");
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return t("common:duration.minutes", { minutes });
      return t("common:duration.hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
    },
    /** "3 years 2 months", "5 months", "12 days". */
    tenure(days: number): string {
      if (days < 31) return t("common:tenure.days", { days });
      const years = Math.floor(days / 365);
      const months = Math.floor((days - years * 365) / 30.4);
      if (years && months) return t("common:tenure.yearsMonths", { years, months });
      return years ? t("common:tenure.years", { years }) : t("common:tenure.months", { months });
    },
  };
}
