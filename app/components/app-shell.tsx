import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import {
  BookOpen,
  HeartHandshake,
  LogOut,
  Menu,
  MessagesSquare,
  ShieldCheck,
  TrendingUp,
  Users,
  Waypoints,
  type LucideIcon,
} from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { ROLE_LABELS, type Role } from "~/domain/people.ts";
import { navigationFor, type NavItem } from "~/engine/access/navigation.ts";
import { NoticeProvider } from "./forms/notice.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { Avatar } from "./ui/avatar.tsx";
import { Button } from "./ui/button.tsx";

export type ShellUser = { name: string; role: Role; unreadNotifications: number };

const NAV_ICONS: Record<string, LucideIcon> = {
  "/learn": BookOpen,
  "/practice": MessagesSquare,
  "/coaching": Users,
  "/career": TrendingUp,
  "/mentoring": HeartHandshake,
  "/admin": ShieldCheck,
};

function MainNav({ items, className }: { items: NavItem[]; className: string }) {
  return (
    <nav className={className} aria-label="Main">
      <ul>
        {items.map((item) => {
          const Icon = NAV_ICONS[item.to];
          return (
            <li key={item.to}>
              <NavLink to={item.to}>
                {Icon ? <Icon aria-hidden="true" className="icon" /> : null}
                {item.label}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The navigation folded behind a "Menu" button on phones. A <details> disclosure: it opens and
 * closes without JavaScript and announces its expanded state; with JavaScript it also closes when
 * a link is followed and on Escape.
 */
function PhoneMenu({ items }: { items: NavItem[] }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  useEffect(() => {
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== "Escape" || !menu.current?.open) return;
      menu.current.open = false;
      menu.current.querySelector("summary")?.focus();
    }
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, []);
  return (
    <details className="nav-menu" ref={menu}>
      <summary>
        <Menu aria-hidden="true" className="icon" />
        Menu
      </summary>
      <MainNav items={items} className="main-nav" />
    </details>
  );
}

export function AppShell({ user, notice = null, children }: { user: ShellUser | null; notice?: string | null; children: ReactNode }) {
  const items = user ? navigationFor(user.role) : [];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              <Waypoints className="icon" />
            </span>
            Frontline
          </Link>
          {user ? (
            <>
              <MainNav items={items} className="main-nav main-nav--bar" />
              <PhoneMenu items={items} />
              <div className="user-menu">
                <NotificationBell unread={user.unreadNotifications} />
                <span className="user-menu__person">
                  <Avatar name={user.name} />
                  <span className="user-menu__text">
                    <span className="user-menu__name">
                      <span className="visually-hidden">Signed in as </span>
                      {user.name}
                    </span>
                    <span className="user-menu__role">{ROLE_LABELS[user.role]}</span>
                  </span>
                </span>
                <Form method="post" action="/logout">
                  <Button type="submit" variant="ghost" size="small" icon={LogOut} title="Sign out">
                    <span className="button__label">Sign out</span>
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
