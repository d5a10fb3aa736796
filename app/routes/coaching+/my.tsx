import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { instantToDueDate, isOverdue, localDate, splitByTime } from "~/engine/coaching/sessions.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { getTimeZone, listSessionsAsAgent, setActionItemDone } from "~/models/coaching-session.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { handleIntent, redirectWithNotice } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";

const ToggleSchema = z.object({ itemId: z.string().min(1).max(64), done: z.enum(["true", "false"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, timeZone, catalog] = await Promise.all([listSessionsAsAgent(user.id), getTimeZone(user.id), getCatalog()]);
  const names = new Map(catalog.competencies.map((competency) => [competency.key, competency.name]));
  const today = localDate(new Date(), timeZone);
  const { upcoming, past } = splitByTime(sessions, new Date());
  const summary = (session: (typeof sessions)[number]) => ({
    id: session.id,
    scheduledAt: session.scheduledAt.toISOString(),
    lead: session.lead.name,
    focus: session.focus.map((key) => names.get(key) ?? key),
    open: session.actionItems.filter((item) => item.completedAt === null).length,
    total: session.actionItems.length,
  });
  const openItems = sessions
    .flatMap((session) => session.actionItems.filter((item) => item.completedAt === null).map((item) => ({ item, session })))
    .sort((a, b) => a.item.dueAt.getTime() - b.item.dueAt.getTime())
    .map(({ item, session }) => ({
      id: item.id,
      text: item.text,
      dueDate: instantToDueDate(item.dueAt),
      overdue: isOverdue(item, today),
      sessionId: session.id,
      sessionAt: session.scheduledAt.toISOString(),
    }));
  return { userId: user.id, timeZone, upcoming: upcoming.map(summary), past: past.map(summary), openItems };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    "toggle-item": async () => {
      const parsed = ToggleSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest(message("coaching:actionItems.toggleBadRequest"));
      const done = parsed.data.done === "true";
      const result = await setActionItemDone(toViewer(user), { itemId: parsed.data.itemId }, done);
      if (result.status === "not-found") notFound(message("coaching:actionItems.missing"));
      return redirectWithNotice("/coaching/my", done ? "action-item-done" : "action-item-reopened");
    },
  });
}

type SessionSummary = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function SessionList({ sessions, timeZone, label }: { sessions: SessionSummary[]; timeZone: string; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="session-list" aria-label={label}>
      {sessions.map((session) => (
        <li key={session.id} className="session-list__item">
          <Link to={`/coaching/sessions/${session.id}`}>
            <SessionTime at={session.scheduledAt} timeZone={timeZone} />
          </Link>{" "}
          {t("coaching:my.withLead", { lead: session.lead })}
          <div className="muted">
            {t("coaching:focusList", { focus: session.focus.join(t("coaching:listSeparator")) })}
            {session.total > 0
              ? ` · ${session.open === 0 ? t("coaching:actionItems.allDone") : t("coaching:actionItems.open", { count: session.open })}`
              : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export default function MyCoachingPage() {
  const { userId, timeZone, upcoming, past, openItems } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <PageHeader
        title={t("coaching:my.title")}
        description={t("coaching:my.description", { timeZone })}
        actions={<Link to={`/coaching/people/${userId}`}>{t("coaching:timeline.ownTitle")}</Link>}
      />
      <Card title={t("coaching:my.openItems")}>
        {openItems.length === 0 ? (
          <p className="muted">{t("coaching:my.nothingOpen")}</p>
        ) : (
          <ul className="action-items">
            {openItems.map((item) => (
              <li key={item.id} className="action-item">
                <div>
                  <p className="action-item__text">{item.text}</p>
                  <p className="muted action-item__meta">
                    {t("coaching:actionItems.due", { due: format.day(item.dueDate) })}{" "}
                    {item.overdue ? <Badge tone="danger">{t("coaching:actionItems.overdue")}</Badge> : null} {t("coaching:my.fromYour")}{" "}
                    <Link to={`/coaching/sessions/${item.sessionId}`}>
                      {t("coaching:my.sessionOn")} <SessionTime at={item.sessionAt} timeZone={timeZone} />
                    </Link>
                  </p>
                </div>
                <ActionButton
                  intent="toggle-item"
                  values={{ itemId: item.id, done: "true" }}
                  variant="secondary"
                  size="small"
                  className=""
                  label={t("coaching:actionItems.markDoneLabel", { text: item.text })}
                >
                  {t("coaching:actionItems.markDone")}
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <section aria-labelledby="upcoming-title" className="stack">
        <h2 id="upcoming-title">{t("coaching:my.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="muted">{t("coaching:my.nothingScheduled")}</p>
        ) : (
          <SessionList sessions={upcoming} timeZone={timeZone} label={t("coaching:my.upcoming")} />
        )}
      </section>
      <section aria-labelledby="past-title" className="stack">
        <h2 id="past-title">{t("coaching:my.past")}</h2>
        {past.length === 0 ? (
          upcoming.length === 0 ? (
            <EmptyState title={t("coaching:my.emptyTitle")}>{t("coaching:my.emptyBody")}</EmptyState>
          ) : (
            <p className="muted">{t("coaching:my.noneYet")}</p>
          )
        ) : (
          <SessionList sessions={past} timeZone={timeZone} label={t("coaching:my.past")} />
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:my.title") }];
