import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "~/domain/people.ts";
import { navigationFor } from "~/engine/access/navigation.ts";
import { NoticeProvider } from "./forms/notice.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { Button } from "./ui/button.tsx";

export type ShellUser = { name: string; role: Role; unreadNotifications: number };

export function AppShell({ user, notice = null, children }: { user: ShellUser | null; notice?: string | null; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            Frontline
          </Link>
          {user ? (
            <>
              <nav className="main-nav" aria-label="Main">
                <ul>
                  {navigationFor(user.role).map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to}>{item.label}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="user-menu">
                <NotificationBell unread={user.unreadNotifications} />
                <span className="user-menu__name">
                  {user.name} <span className="visually-hidden">signed in as</span>
                  <span aria-hidden="true">·</span> {ROLE_LABELS[user.role]}
                </span>
                <Form method="post" action="/logout">
                  <Button type="submit" variant="secondary" size="small">
                    Sign out
                  </Button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <NoticeProvider notice={notice}>{children}</NoticeProvider>
      </main>
      <footer className="app-footer">Frontline · training and coaching for support teams</footer>
    </>
  );
}
