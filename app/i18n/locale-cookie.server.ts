// A signed-out visitor's chosen language. Signed-in people keep theirs on their profile.
import { createCookie } from "@remix-run/node";
import { isLocale, type Locale } from "./locales.ts";

const localeCookie = createCookie("frontline_locale", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function readLocaleCookie(cookieHeader: string | null): Promise<Locale | undefined> {
  const value: unknown = await localeCookie.parse(cookieHeader);
  return isLocale(value) ? value : undefined;
}

export function localeCookieHeader(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale);
}
