import { NavLink } from "@remix-run/react";
import { Bell } from "lucide-react";
import { useTranslation } from "react-i18next";

/** The header's link to notifications; its accessible name carries the unread count. */
export function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = t("common:notificationsBell", { unread });
  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={label} title={label}>
      <Bell aria-hidden="true" className="icon" />
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
