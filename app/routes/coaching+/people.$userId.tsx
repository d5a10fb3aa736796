import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { canCoach } from "~/engine/access/coaching.ts";
import { canSeePerson } from "~/engine/access/people.ts";
import { TIMELINE_PAGE_SIZE, type TimelineEvent } from "~/engine/coaching/timeline.ts";
import { getTimelineRecords, getTimeZone } from "~/models/coaching-session.server.ts";
import { getPerson } from "~/models/user.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { plural } from "~/utils/format.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";
import { loadSessionContent } from "./sessions-content.server.ts";
import { timelineView } from "./timeline-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const found = await getPerson(params.userId ?? "");
  // An agent sees only their own timeline; a lead their teams'. Anyone else's is as missing as a made-up id.
  const person = ensureFound(found && canSeePerson(viewer, found) ? found : null, "That person isn't in your teams.");
  const [records, content, timeZone] = await Promise.all([getTimelineRecords(person.id), loadSessionContent(), getTimeZone(user.id)]);
  return {
    person: { id: person.id, name: person.name },
    isSelf: person.id === user.id,
    canPlan: canCoach(viewer, { id: person.id, teamId: person.teamId, active: person.deactivatedAt === null }),
    timeZone,
    page,
    ...timelineView(records, content, page),
  };
}

const KIND_LABELS: Record<TimelineEvent["kind"], string> = { session: "1:1", review: "Review", attempt: "Practice", module: "Module" };

export default function TimelinePage() {
  const { person, isSelf, canPlan, timeZone, page, total, counts, events } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title={isSelf ? "Your coaching timeline" : `${person.name}'s coaching timeline`}
        description={`${plural(counts.sessions, "1:1")}, ${plural(counts.graded, "graded conversation")} and ${plural(counts.modules, "completed module")}, newest first. Times in ${timeZone}.`}
        actions={
          <>
            {isSelf ? <Link to="/coaching/my">Your coaching</Link> : <Link to="/coaching/people">Your people</Link>}
            {canPlan ? (
              <Link to={`/coaching/sessions/new?agentId=${person.id}`} className={buttonClassName()}>
                Plan a 1:1
              </Link>
            ) : null}
          </>
        }
      />
      {events.length === 0 ? (
        <EmptyState title="Nothing here yet">1:1s, reviews, graded practice and completed modules appear here as they happen.</EmptyState>
      ) : (
        <ol className="timeline" aria-label="Coaching timeline, newest first">
          {events.map((event) => (
            <li key={event.id} className={`timeline__item timeline__item--${event.kind}`}>
              <p className="timeline__meta">
                <Badge tone={event.kind === "session" ? "primary" : undefined}>{KIND_LABELS[event.kind]}</Badge>{" "}
                <SessionTime at={event.at} timeZone={timeZone} />
                {event.upcoming ? (
                  <>
                    {" "}
                    <Badge tone="success">Upcoming</Badge>
                  </>
                ) : null}
              </p>
              <p className="timeline__title">{event.to ? <Link to={event.to}>{event.title}</Link> : event.title}</p>
              {event.detail ? <p className="muted timeline__detail">{event.detail}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={TIMELINE_PAGE_SIZE} total={total} label="Timeline" />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.isSelf ? "Your" : `${data?.person.name ?? "Person"}'s`} coaching timeline · Frontline` },
];
