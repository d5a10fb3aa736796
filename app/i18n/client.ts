// The browser's i18next: it starts with the page's language, fetched before
// hydration so the first render matches the server's, and fetches another
// language's catalog when the person switches.
import i18next, { type i18n as I18n } from "i18next";
import ICU from "i18next-icu";
import { useEffect } from "react";
import { useTranslation, initReactI18next } from "react-i18next";
import { catalogUrl, i18nOptions } from "./config.ts";

type Catalog = Record<string, Record<string, unknown>>;

async function fetchCatalog(locale: string, version: string): Promise<Catalog> {
  const response = await fetch(catalogUrl(locale, version), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`Could not load the ${locale} messages (${response.status})`);
  return (await response.json()) as Catalog;
}

function addCatalog(instance: I18n, locale: string, catalog: Catalog) {
  for (const [namespace, messages] of Object.entries(catalog)) instance.addResourceBundle(locale, namespace, messages, true, true);
}

export async function startI18n(locale: string, version: string): Promise<I18n> {
  const catalog = await fetchCatalog(locale, version);
  await i18next
    .use(initReactI18next)
    .use(ICU)
    .init({ ...i18nOptions, lng: locale, ns: Object.keys(catalog), resources: { [locale]: catalog } });
  return i18next;
}

/** Follows the page's language (root loader data) after a switch, without reloading the page. */
export function useSyncLanguage(locale: string, version: string) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language === locale) return;
    let cancelled = false;
    const ready = i18n.hasResourceBundle(locale, "common")
      ? Promise.resolve()
      : fetchCatalog(locale, version).then((catalog) => addCatalog(i18n, locale, catalog));
    ready.then(() => (cancelled ? undefined : i18n.changeLanguage(locale))).catch((error: unknown) => console.error(error));
    return () => {
      cancelled = true;
    };
  }, [i18n, locale, version]);
}
