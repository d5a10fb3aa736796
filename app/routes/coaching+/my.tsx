import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCatalog } from "~/content/modules.server.ts";
import { instantToDueDate, isOverdue, localDate, splitByTime } from "~/engine/coaching/sessions.ts";
import { getTimeZone, listSessionsAsAgent, setActionItemDone } from "~/models/coaching-session.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { formatDate, plural } from "~/utils/format.ts";
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
      if (!parsed.success) badRequest("Say which action item to mark, and whether it is done.");
      const done = parsed.data.done === "true";
      const result = await setActionItemDone(toViewer(user), { itemId: parsed.data.itemId }, done);
      if (result.status === "not-found") notFound("That action item doesn't exist.");
      return redirectWithNotice("/coaching/my", done ? "action-item-done" : "action-item-reopened");
    },
  });
}

type SessionSummary = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function SessionList({ sessions, timeZone, label }: { sessions: SessionSummary[]; timeZone: string; label: string }) {
  return (
    <ul className="session-list" aria-label={label}>
      {sessions.map((session) => (
        <li key={session.id} className="session-list__item">
          <Link to={`/coaching/sessions/${session.id}`}>
            <SessionTime at={session.scheduledAt} timeZone={timeZone} />
          </Link>{" "}
          with {session.lead}
          <div className="muted">
            Focus: {session.focus.join(", ")}
            {session.total > 0
              ? ` · ${session.open === 0 ? "all action items done" : `${plural(session.open, "action item")} open`}`
              : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export default function MyCoachingPage() {
  const { userId, timeZone, upcoming, past, openItems } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title="Your coaching"
        description={`Your 1:1s with your lead, what you agreed, and what's next. Times in ${timeZone}.`}
        actions={<Link to={`/coaching/people/${userId}`}>Your coaching timeline</Link>}
      />
      <Card title="Open action items">
        {openItems.length === 0 ? (
          <p className="muted">Nothing open. New action items from your 1:1s will appear here.</p>
        ) : (
          <ul className="action-items">
            {openItems.map((item) => (
              <li key={item.id} className="action-item">
                <div>
                  <p className="action-item__text">{item.text}</p>
                  <p className="muted action-item__meta">
                    Due {formatDate(item.dueDate)} {item.overdue ? <Badge tone="danger">Overdue</Badge> : null} · from your{" "}
                    <Link to={`/coaching/sessions/${item.sessionId}`}>
                      1:1 on <SessionTime at={item.sessionAt} timeZone={timeZone} />
                    </Link>
                  </p>
                </div>
                <ActionButton
                  intent="toggle-item"
                  values={{ itemId: item.id, done: "true" }}
                  variant="secondary"
                  size="small"
                  className=""
                  label={`Mark as done: ${item.text}`}
                >
                  Mark as done
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <section aria-labelledby="upcoming-title" className="stack">
        <h2 id="upcoming-title">Upcoming 1:1s</h2>
        {upcoming.length === 0 ? (
          <p className="muted">Nothing scheduled. Your lead plans 1:1s with you here.</p>
        ) : (
          <SessionList sessions={upcoming} timeZone={timeZone} label="Upcoming 1:1s" />
        )}
      </section>
      <section aria-labelledby="past-title" className="stack">
        <h2 id="past-title">Past 1:1s</h2>
        {past.length === 0 ? (
          upcoming.length === 0 ? (
            <EmptyState title="No 1:1s yet">
              When your lead records a 1:1 with you, its shared notes and action items show up here.
            </EmptyState>
          ) : (
            <p className="muted">None yet.</p>
          )
        ) : (
          <SessionList sessions={past} timeZone={timeZone} label="Past 1:1s" />
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your coaching · Frontline" }];
