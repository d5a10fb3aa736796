// The languages Frontline speaks. English is the source language: every
// catalog key and every content item exists in English first.
export const LOCALES = ["en", "zh-Hant", "zh-Hans"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const TRANSLATED_LOCALES = LOCALES.filter((locale): locale is Exclude<Locale, "en"> => locale !== DEFAULT_LOCALE);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A person's language as stored (any string) narrowed to one we speak; English otherwise. */
export function readerLocale(person: { locale: string }): Locale {
  return isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
}

/** Each language named in itself, so a reader finds their own in the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文" };

const VARIANT_FILE = new RegExp(`^(.+)\\.(${TRANSLATED_LOCALES.join("|")})\\.(mdx|yml)$`);

/** `late-delivery.zh-Hant.yml` → { base: "late-delivery.yml", locale: "zh-Hant" }; undefined for a source file. */
export function contentVariantOf(fileName: string): { base: string; locale: Exclude<Locale, "en"> } | undefined {
  const match = VARIANT_FILE.exec(fileName);
  return match ? { base: `${match[1]}.${match[3]}`, locale: match[2] as Exclude<Locale, "en"> } : undefined;
}

/** The locale dates and numbers are formatted in: Frontline's English writes "4 Dec 2026", as British English does. */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}
