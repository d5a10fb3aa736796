import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Alert, Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { listNotifications, markAllRead, markRead, unreadCount, type NotificationKind } from "~/models/notification.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { formatDateTime, plural } from "~/utils/format.ts";
import { NOTIFICATIONS_PAGE_SIZE } from "~/utils/page-sizes.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { PageSchema } from "~/utils/query-fields.ts";
import { badRequest, parseSearchParams, readFormData } from "~/utils/request.server.ts";

const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: "Assignment",
  "due-soon": "Due soon",
  overdue: "Past due",
  feedback: "Feedback",
  "dispute-answered": "Dispute answered",
  "auto-assigned": "Extra practice",
  nomination: "Nomination",
  promotion: "Promotion",
  mentoring: "Mentoring",
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1).max(50) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [{ total, notifications }, unread] = await Promise.all([listNotifications(user.id, page), unreadCount(user.id)]);
  return {
    page,
    total,
    unread,
    notifications: notifications.map((notification) => ({
      id: notification.id,
      kind: KIND_LABELS[notification.kind as NotificationKind] ?? "Notice",
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
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) badRequest("Unknown action for notifications.");
  if (parsed.data.intent === "read-all") {
    const count = await markAllRead(user.id);
    return data({ message: count === 0 ? "Everything was already read." : `Marked ${plural(count, "notification")} as read.` });
  }
  const result = await markRead(user.id, parsed.data.id);
  if (result.status === "not-found") notFound("That notification doesn't exist.");
  return data({ message: "Marked as read." });
}

export default function NotificationsPage() {
  const { page, total, unread, notifications } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" ? navigation.formData : undefined;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread === 0 ? "You're all caught up." : `${plural(unread, "unread notification")}.`}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary" pending={pending?.get("intent") === "read-all"}>
                Mark all as read
              </Button>
            </Form>
          ) : null
        }
      />
      {actionData ? <Alert tone="success">{actionData.message}</Alert> : null}
      {notifications.length === 0 ? (
        <EmptyState
          title={total === 0 ? "No notifications yet" : "Nothing on this page"}
          action={total === 0 ? null : <Link to="/notifications">Back to the newest</Link>}
        >
          {total === 0
            ? "New assignments, reminders before they're due, feedback on your practice and answers to your disputes will appear here."
            : null}
        </EmptyState>
      ) : (
        <ol className="notification-list" aria-label="Notifications, newest first">
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.read ? "notification" : "notification notification--unread"}>
              <div className="notification__body">
                <p className="notification__meta">
                  {notification.read ? null : <Badge tone="primary">New</Badge>} <span className="muted">{notification.kind}</span>{" "}
                  <span className="muted">· {formatDateTime(notification.at)}</span>
                </p>
                <p className="notification__title">
                  {notification.link ? <Link to={notification.link}>{notification.title}</Link> : notification.title}
                </p>
              </div>
              {notification.read ? null : (
                <Form method="post" className="notification__action">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={notification.id} />
                  <Button type="submit" variant="secondary" size="small" pending={pending?.get("id") === notification.id}>
                    Mark as read<span className="visually-hidden">: {notification.title}</span>
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={total} label="Notifications" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications · Frontline" }];
