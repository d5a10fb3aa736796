import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { NOTIFICATION_KINDS, type NotificationKind } from "~/domain/notifications.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "~/domain/pages.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { getTimeZone } from "~/models/coaching-session.server.ts";
import { listNotifications, markAllRead, markRead, unreadCount } from "~/models/notification.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { handleIntent, invalid, redirectWithNotice } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const ReadSchema = z.object({ id: z.string().min(1).max(50) });

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [{ total, notifications }, unread, timeZone] = await Promise.all([
    listNotifications(user.id, page),
    unreadCount(user.id),
    getTimeZone(user.id),
  ]);
  return {
    page,
    timeZone,
    total,
    unread,
    notifications: notifications.map((notification) => ({
      id: notification.id,
      // A kind this version doesn't know (written by a newer one) is shown as a plain notice.
      kind: isKind(notification.kind) ? notification.kind : ("other" as const),
      title: notification.title,
      // Links are written by our own code; anything that is not a path on this site is dropped.
      link: notification.link.startsWith("/") && !notification.link.startsWith("//") ? notification.link : null,
      read: notification.readAt !== null,
      at: notification.createdAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const { pathname, search } = new URL(request.url);
  const here = `${pathname}${search}`;
  return handleIntent(
    formData,
    {
      read: async () => {
        const submission = parseWithZod(formData, { schema: ReadSchema });
        if (submission.status !== "success") return invalid("read", submission);
        const result = await markRead(user.id, submission.value.id);
        if (result.status === "not-found") notFound(message("notifications:missing"));
        return redirectWithNotice(here, "notification-read");
      },
      "read-all": async () => {
        const count = await markAllRead(user.id);
        return count === 0 ? redirectWithNotice(here, "nothing-unread") : redirectWithNotice(here, "notifications-read", count);
      },
    },
    message("notifications:unknownAction"),
  );
}

export default function NotificationsPage() {
  const { page, timeZone, total, unread, notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("notifications:title")}
        description={t("notifications:description", { unread, timeZone })}
        actions={
          unread > 0 ? (
            <ActionButton intent="read-all" variant="secondary">
              {t("notifications:markAllRead")}
            </ActionButton>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState
          title={total === 0 ? t("notifications:emptyTitle") : t("notifications:emptyPageTitle")}
          action={total === 0 ? null : <Link to="/notifications">{t("notifications:backToNewest")}</Link>}
        >
          {total === 0 ? t("notifications:emptyText") : null}
        </EmptyState>
      ) : (
        <ol className="notification-list" aria-label={t("notifications:listLabel")}>
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.read ? "notification" : "notification notification--unread"}>
              <div className="notification__body">
                <p className="notification__meta">
                  {notification.read ? null : <Badge tone="primary">{t("notifications:new")}</Badge>}{" "}
                  <span className="muted">{t(`notifications:kind.${notification.kind}`)}</span>{" "}
                  <span className="muted">
                    · <SessionTime at={notification.at} timeZone={timeZone} />
                  </span>
                </p>
                <p className="notification__title">
                  {notification.link ? (
                    <Link to={notification.link}>{translateMessage(t, notification.title)}</Link>
                  ) : (
                    translateMessage(t, notification.title)
                  )}
                </p>
              </div>
              {notification.read ? null : (
                <ActionButton
                  intent="read"
                  values={{ id: notification.id }}
                  variant="secondary"
                  size="small"
                  className="notification__action"
                  label={t("notifications:markReadLabel", { title: translateMessage(t, notification.title) })}
                >
                  {t("notifications:markRead")}
                </ActionButton>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={total} label={t("notifications:title")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "notifications:title") }];
