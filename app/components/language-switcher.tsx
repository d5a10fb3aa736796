import { useFetcher, useLocation, useRouteLoaderData } from "@remix-run/react";
import { Languages } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales.ts";
import { Button } from "./ui/button.tsx";

/**
 * The header's language menu. With JavaScript a choice applies at once and the
 * page stays as it is, including anything typed into a form; without it, the
 * form's button sends the choice and comes back to this page.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const pageLocale = (useRouteLoaderData("root") as { locale?: string } | undefined)?.locale ?? "en";
  const fetcher = useFetcher();
  const location = useLocation();
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const current = fetcher.formData?.get("locale")?.toString() ?? pageLocale;
  return (
    <fetcher.Form method="post" action="/settings/language" className="language-switcher">
      <Languages aria-hidden="true" className="icon" />
      <label htmlFor="language-switcher" className="visually-hidden">
        {t("common:language.label")}
      </label>
      <select
        id="language-switcher"
        name="locale"
        value={current}
        onChange={(event) => fetcher.submit({ locale: event.currentTarget.value }, { method: "post", action: "/settings/language" })}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {scripted ? null : (
        <>
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <Button type="submit" variant="ghost" size="small">
            {t("common:language.change")}
          </Button>
        </>
      )}
    </fetcher.Form>
  );
}
