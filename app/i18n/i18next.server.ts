// Server-side translation: the instance that renders pages and the fixed `t`
// functions loaders and actions use for text they send (CSV headers, emails).
import i18next, { createInstance, type i18n as I18n, type TFunction } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { catalogs } from "./catalog.server.ts";
import { i18nOptions } from "./config.ts";
import { localeFromAcceptLanguage } from "./detect.ts";
import { readLocaleCookie } from "./locale-cookie.server.ts";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales.ts";

/** A signed-out visitor's language: the one they chose in the switcher, else their browser's. */
async function visitorLocale(request: Request): Promise<Locale> {
  const chosen = await readLocaleCookie(request.headers.get("Cookie"));
  return chosen ?? localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

function resources() {
  const { catalogs: all } = catalogs();
  return Object.fromEntries(LOCALES.map((locale) => [locale, all[locale]]));
}

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    order: ["custom"],
    findLocale: visitorLocale,
  },
  i18next: {
    ...i18nOptions,
    get resources() {
      return resources();
    },
  },
  plugins: [ICU],
});

/** The language a request is answered in: the signed-in person's setting, else the visitor's. */
export async function requestLocale(request: Request, user?: { locale: string } | null): Promise<Locale> {
  if (user && isLocale(user.locale)) return user.locale;
  const detected = await remixI18n.getLocale(request);
  return isLocale(detected) ? detected : DEFAULT_LOCALE;
}

let defaultVersion: string | undefined;

/** Keeps i18next's default instance (used for page titles, see meta.ts) holding every language's current catalog. */
export function loadDefaultInstance() {
  const { version } = catalogs();
  if (defaultVersion === version) return;
  if (!i18next.isInitialized) void i18next.use(ICU).init({ ...i18nOptions, resources: resources(), initImmediate: false });
  else
    for (const [locale, catalog] of Object.entries(resources()))
      for (const [namespace, messages] of Object.entries(catalog)) i18next.addResourceBundle(locale, namespace, messages, true, true);
  defaultVersion = version;
}

const instances = new Map<string, { version: string; instance: I18n }>();

/**
 * One rendering instance per language, shared by requests: its language never
 * changes, so concurrent renders cannot disturb each other, and parsed messages stay cached.
 */
export async function renderingInstance(locale: Locale): Promise<I18n> {
  loadDefaultInstance();
  const { version } = catalogs();
  const cached = instances.get(locale);
  if (cached?.version === version) return cached.instance;
  const instance = createInstance();
  await instance
    .use(initReactI18next)
    .use(ICU)
    .init({ ...i18nOptions, lng: locale, resources: resources(), initImmediate: false });
  instances.set(locale, { version, instance });
  return instance;
}

/**
 * A `t` for text a loader or action words itself, in the given language. It reuses the
 * language's rendering instance: a fresh instance per request would be garbage on every request.
 */
export async function fixedT(locale: Locale, namespace: string): Promise<TFunction> {
  return (await renderingInstance(locale)).getFixedT(locale, namespace);
}
