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
import { useTranslation } from "react-i18next";
import { ROLE_LABELS, type Role } from "~/domain/people.ts";
import { navigationFor, type NavItem } from "~/engine/access/navigation.ts";
import { NoticeProvider } from "./forms/notice.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
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
  const { t } = useTranslation();
  return (
    <nav className={className} aria-label={t("common:nav.label")}>
      <ul>
        {items.map((item) => {
          const Icon = NAV_ICONS[item.to];
          return (
            <li key={item.to}>
              <NavLink to={item.to}>
                {Icon ? <Icon aria-hidden="true" className="icon" /> : null}
                {t(item.label)}
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
  const { t } = useTranslation();
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
        {t("common:nav.menu")}
      </summary>
      <MainNav items={items} className="main-nav" />
    </details>
  );
}

export function AppShell({ user, notice = null, children }: { user: ShellUser | null; notice?: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const items = user ? navigationFor(user.role) : [];
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common:skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              <Waypoints className="icon" />
            </span>
            {t("common:appName")}
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
                      <span className="visually-hidden">{t("common:user.signedInAs")}</span>
                      {user.name}
                    </span>
                    <span className="user-menu__role">{t(ROLE_LABELS[user.role])}</span>
                  </span>
                </span>
                <Form method="post" action="/logout">
                  <Button type="submit" variant="ghost" size="small" icon={LogOut} title={t("common:user.signOut")}>
                    <span className="button__label">{t("common:user.signOut")}</span>
                  </Button>
                </Form>
              </div>
            </>
          ) : null}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <NoticeProvider notice={notice}>{children}</NoticeProvider>
      </main>
      <footer className="app-footer">{t("common:footer")}</footer>
    </>
  );
}
