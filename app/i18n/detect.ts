// Which of our languages a browser asks for. Chinese tags name a region more
// often than a script (zh-TW, zh-HK, zh-CN), so each tag is expanded to its
// likely script with Intl.Locale before matching.
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales.ts";

function localeForTag(tag: string): Locale | undefined {
  try {
    const expanded = new Intl.Locale(tag).maximize();
    if (expanded.language === "en") return "en";
    if (expanded.language === "zh") return expanded.script === "Hant" ? "zh-Hant" : "zh-Hans";
  } catch {
    // A malformed tag matches nothing.
  }
  return undefined;
}

/** The best of our languages for an Accept-Language header, by its q-values; English when none fits. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = isLocale(tag) ? tag : localeForTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
