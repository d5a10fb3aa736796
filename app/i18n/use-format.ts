import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createFormatter, type Formatter } from "./format.ts";

/** Formatting in the page's language and the signed-in person's time zone (UTC for visitors). */
export function useFormat(): Formatter {
  const root = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  const { t, i18n } = useTranslation();
  const timeZone = root?.timeZone ?? "UTC";
  return useMemo(() => createFormatter(i18n.language, timeZone, t), [i18n.language, timeZone, t]);
}
