// Options shared by the server's and the browser's i18next instances. Messages
// are ICU MessageFormat ("{count, plural, one {# reply} other {# replies}}"),
// so plurals and placeholders follow each language's own rules.
import type { InitOptions } from "i18next";
import { DEFAULT_LOCALE, intlLocale, LOCALES } from "./locales.ts";

export const DEFAULT_NAMESPACE = "common";

export const i18nOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: DEFAULT_NAMESPACE,
  fallbackNS: DEFAULT_NAMESPACE,
  // Keys are "area:key"; dots inside keys are nesting.
  nsSeparator: ":",
  keySeparator: ".",
  // Our language codes carry a script ("zh-Hant"), which i18next must not shorten to "zh".
  load: "currentOnly",
  returnNull: false,
  react: { useSuspense: false },
  // `{due, date, day}` in a message shows a calendar day (stored as UTC midnight) as that same day everywhere.
  i18nFormat: {
    formats: { date: { day: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } } },
    parseLngForICU: intlLocale,
  },
} satisfies InitOptions;

/** Where the browser reads one language's whole catalog; the version makes it cacheable forever. */
export function catalogUrl(locale: string, version: string): string {
  return `/locales/${locale}?v=${version}`;
}
