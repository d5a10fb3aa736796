import "@fontsource-variable/inter/wght.css";
import { cssBundleHref } from "@remix-run/css-bundle";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "./components/app-shell.tsx";
import { GeneralErrorBoundary } from "./components/error-boundary.tsx";
import { noticeMessage } from "./domain/notices.ts";
import { catalogs } from "./i18n/catalog.server.ts";
import { useSyncLanguage } from "./i18n/client.ts";
import { catalogUrl } from "./i18n/config.ts";
import { requestLocale } from "./i18n/i18next.server.ts";
import { unreadCount } from "./models/notification.server.ts";
import { refreshRemindersOnVisit } from "./models/reminders.server.ts";
import stylesheet from "./styles/app.css";
import "./styles/dashboard.css";
import "./styles/practice.css";
import { readSession } from "./utils/auth.server.ts";
import { logger } from "./utils/logger.server.ts";
import { useNonce } from "./utils/nonce-provider.ts";
import { RequestReferenceMeta } from "./utils/request-reference.tsx";

export const links: LinksFunction = () => [
  // app.css holds the tokens and primitives; the CSS bundle after it, the self-hosted typeface and the area stylesheets.
  { rel: "stylesheet", href: stylesheet },
  ...(cssBundleHref ? [{ rel: "stylesheet", href: cssBundleHref }] : []),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Frontline" },
  { name: "description", content: "Training and coaching for customer-support teams" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, refreshedCookie } = await readSession(request);
  let shellUser = null;
  if (user) {
    try {
      await refreshRemindersOnVisit(user.id);
    } catch (error) {
      // Reminders are a courtesy: failing to refresh them must not take every page down with it.
      logger.error({ err: error }, "Could not refresh reminders");
    }
    shellUser = { name: user.name, role: user.role, unreadNotifications: await unreadCount(user.id) };
  }
  const { searchParams } = new URL(request.url);
  const notice = noticeMessage(searchParams.get("notice"), searchParams.get("count"));
  const locale = await requestLocale(request, user);
  return data(
    { user: shellUser, notice, locale, timeZone: user?.timeZone ?? "UTC", catalogVersion: catalogs().version },
    refreshedCookie ? { headers: { "Set-Cookie": refreshedCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? "en";
  const version = root?.catalogVersion ?? "";
  useSyncLanguage(locale, version);
  return (
    <html lang={locale} data-catalog={version}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="preload" as="fetch" href={catalogUrl(locale, version)} crossOrigin="anonymous" />
        <RequestReferenceMeta />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function useShellUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export default function App() {
  const notice = useRouteLoaderData<typeof loader>("root")?.notice ?? null;
  return (
    <AppShell user={useShellUser()} notice={notice}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell user={useShellUser()}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
