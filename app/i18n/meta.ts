// Page titles are made in `meta`, outside React, so they use i18next's default
// instance: on the server it holds every language (i18next.server.ts), in the
// browser the page's language (client.ts). A fixed `t` never changes the
// instance's language, so concurrent requests cannot disturb each other.
import i18next from "i18next";
import type { MessageValues } from "./message.ts";

type Match = { id: string; data: unknown };

/** "Sign in · Frontline", in the page's language (the root loader's). */
export function pageTitle(matches: Match[], key: `${string}:${string}`, values?: MessageValues): string {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: string } | undefined;
  const t = i18next.getFixedT(root?.locale ?? "en");
  return t("common:pageTitle", { page: t(key, values) });
}
