// One language's whole catalog for the browser. A request for the current
// version may be cached forever; any other is answered fresh and short-lived.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogs } from "~/i18n/catalog.server.ts";
import { isLocale } from "~/i18n/locales.ts";

export function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLocale(params.locale)) throw new Response("Not found", { status: 404 });
  const { catalogs: all, version } = catalogs();
  const current = new URL(request.url).searchParams.get("v") === version;
  return new Response(JSON.stringify(all[params.locale]), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
