import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionItemsCard } from "~/components/coaching/action-items.tsx";
import { SessionEditCard } from "~/components/coaching/session-edit.tsx";
import { type LinkOption } from "~/components/coaching/session-form.tsx";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { readFormData } from "~/utils/request.server.ts";
import { handleSessionAction } from "./session-actions.server.ts";
import { loadVisibleSession, sessionPageView } from "./session-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await loadVisibleSession(request, params.sessionId);
  return sessionPageView(user, session);
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
          {item.detail ? <span className="muted"> — {item.detail}</span> : null}
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

  return (
    <div className="stack">
      <PageHeader
        title={coach ? `1:1 with ${session.agent.name}` : `Your 1:1 with ${session.lead}`}
        description={
          <>
            <SessionTime at={session.scheduledAt} timeZone={timeZone} /> ({timeZone}){" "}
            {session.upcoming ? <Badge tone="primary">Upcoming</Badge> : <Badge>Held</Badge>}
            {coach ? ` · run by ${session.lead}` : null}
          </>
        }
        actions={
          coach ? (
            <Link to={`/coaching/people/${session.agent.id}`}>{session.agent.name}'s timeline</Link>
          ) : (
            <Link to="/coaching/my">Your coaching</Link>
          )
        }
      />

      <Card title="Focus">
        <ul className="tag-list" aria-label="Focus competencies">
          {session.focus.map((competency) => (
            <li key={competency.key}>
              <Badge tone="primary">{competency.name}</Badge>
            </li>
          ))}
        </ul>
      </Card>

      <ActionItemsCard items={items} coach={coach} today={today} />

      <Card title="Shared notes">
        {session.sharedNotes ? <p className="notes-text">{session.sharedNotes}</p> : <p className="muted">No shared notes.</p>}
      </Card>

      {coach ? (
        <Card title="Private notes">
          <p className="muted">Only {session.agent.name}'s lead and admins can read these.</p>
          {session.privateNotes ? <p className="notes-text">{session.privateNotes}</p> : <p className="muted">No private notes.</p>}
        </Card>
      ) : null}

      <Card title="Practice to discuss">
        {attempts.length === 0 ? (
          <p className="muted">No conversations linked.</p>
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

      <Card title="Reflections to discuss">
        {reflections.length === 0 ? (
          <p className="muted">No reflections linked.</p>
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.role === "coach" ? `1:1 with ${data.session.agent.name}` : "Your 1:1"} · Coaching · Frontline`
      : "Coaching session · Frontline",
  },
];
