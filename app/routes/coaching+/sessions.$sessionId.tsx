import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionItemsCard } from "~/components/coaching/action-items.tsx";
import { SessionEditCard } from "~/components/coaching/session-edit.tsx";
import { type LinkOption } from "~/components/coaching/session-form.tsx";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { pageTitle } from "~/i18n/meta.ts";
import { readFormData } from "~/utils/request.server.ts";
import { handleSessionAction } from "./session-actions.server.ts";
import { loadVisibleSession, sessionPageView } from "./session-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await loadVisibleSession(request, params.sessionId);
  return sessionPageView(request, user, session);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const visible = await loadVisibleSession(request, params.sessionId);
  return handleSessionAction(visible, await readFormData(request));
}

function LinkList({ items }: { items: (LinkOption & { to?: string })[] }) {
  return (
    <ul className="link-list">
      {items.map((item) => (
        <li key={item.value}>
          {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
          {item.detail ? <span className="muted">{` — ${item.detail}`}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default function SessionPage() {
  const { role, timeZone, today, session, items, attempts, reflections, edit } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const coach = role === "coach";
  const confirmingDelete = coach && searchParams.get("confirm") === "delete";
  const { t } = useTranslation();

  return (
    <div className="stack">
      <PageHeader
        title={
          coach ? t("coaching:session.titleCoach", { name: session.agent.name }) : t("coaching:session.titleAgent", { lead: session.lead })
        }
        description={
          <>
            <SessionTime at={session.scheduledAt} timeZone={timeZone} /> {t("coaching:session.timeZone", { timeZone })}{" "}
            {session.upcoming ? (
              <Badge tone="primary">{t("coaching:session.upcoming")}</Badge>
            ) : (
              <Badge>{t("coaching:session.held")}</Badge>
            )}
            {coach ? ` ${t("coaching:session.runBy", { lead: session.lead })}` : null}
          </>
        }
        actions={
          coach ? (
            <Link to={`/coaching/people/${session.agent.id}`}>{t("coaching:session.agentTimeline", { name: session.agent.name })}</Link>
          ) : (
            <Link to="/coaching/my">{t("coaching:my.title")}</Link>
          )
        }
      />

      <Card title={t("coaching:session.focus")}>
        <ul className="tag-list" aria-label={t("coaching:session.focusLabel")}>
          {session.focus.map((competency) => (
            <li key={competency.key}>
              <Badge tone="primary">{competency.name}</Badge>
            </li>
          ))}
        </ul>
      </Card>

      <ActionItemsCard items={items} coach={coach} today={today} />

      <Card title={t("coaching:sessionForm.sharedNotes")}>
        {session.sharedNotes ? (
          <p className="notes-text">{session.sharedNotes}</p>
        ) : (
          <p className="muted">{t("coaching:session.noSharedNotes")}</p>
        )}
      </Card>

      {coach ? (
        <Card title={t("coaching:sessionForm.privateNotes")}>
          <p className="muted">{t("coaching:session.privateNotesWho", { name: session.agent.name })}</p>
          {session.privateNotes ? (
            <p className="notes-text">{session.privateNotes}</p>
          ) : (
            <p className="muted">{t("coaching:session.noPrivateNotes")}</p>
          )}
        </Card>
      ) : null}

      <Card title={t("coaching:session.practice")}>
        {attempts.length === 0 ? (
          <p className="muted">{t("coaching:session.noPractice")}</p>
        ) : (
          <LinkList
            items={attempts.map((attempt) => ({
              value: attempt.id,
              label: attempt.title,
              detail: attempt.detail,
              to: `/practice/attempts/${attempt.id}`,
            }))}
          />
        )}
      </Card>

      <Card title={t("coaching:sessionForm.reflections")}>
        {reflections.length === 0 ? (
          <p className="muted">{t("coaching:session.noReflections")}</p>
        ) : (
          reflections.map((reflection) => (
            <div key={reflection.key} className="linked-reflection">
              <p className="muted">{reflection.module}</p>
              <p>
                <strong>{reflection.prompt}</strong>
              </p>
              <p className="reflection-text">{reflection.text}</p>
            </div>
          ))
        )}
      </Card>

      {edit ? <SessionEditCard edit={edit} session={session} confirmingDelete={confirmingDelete} /> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: !data
      ? pageTitle(matches, "coaching:session.pageTitleMissing")
      : data.role === "coach"
        ? pageTitle(matches, "coaching:session.pageTitleCoach", { name: data.session.agent.name })
        : pageTitle(matches, "coaching:session.pageTitleAgent"),
  },
];
