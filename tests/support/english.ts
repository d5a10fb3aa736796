// Tests that check wording read messages as an English reader would: through
// the real English catalog, as the app renders them (translateMessage).
import { createInstance } from "i18next";
import ICU from "i18next-icu";
import { loadCatalogs } from "~/i18n/catalog.server.ts";
import { i18nOptions } from "~/i18n/config.ts";
import { translateMessage } from "~/i18n/message.ts";

const { catalogs } = loadCatalogs();
const instance = createInstance();
await instance.use(ICU).init({ ...i18nOptions, lng: "en", resources: { en: catalogs.en }, initImmediate: false });

/** A message (or plain text) as the English interface shows it. */
export function inEnglish(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : translateMessage(instance.t, text);
}

/** A response body with every message in it worded in English, for tests that search the whole reply. */
export function bodyInEnglish(value: unknown): unknown {
  if (typeof value === "string") return inEnglish(value);
  if (Array.isArray(value)) return value.map(bodyInEnglish);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, bodyInEnglish(inner)]));
  return value;
}
