import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { canCoach, parseStringList } from "~/engine/coaching/sessions.ts";
import { mergeTimeline, TIMELINE_PAGE_SIZE, timelinePage, type TimelineEvent } from "~/engine/coaching/timeline.ts";
import { getTimelineRecords, getTimeZone } from "~/models/coaching-session.server.ts";
import { getPerson } from "~/models/user.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { plural } from "~/utils/format.ts";
import { ensureFound } from "~/utils/permissions.server.ts";
import { canSeePerson } from "~/utils/permissions.ts";
import { PageSchema } from "~/utils/query-fields.ts";
import { parseSearchParams } from "~/utils/request.server.ts";
import { loadSessionContent, type SessionContent } from "./sessions-content.server.ts";

type EventView = {
  id: string;
  kind: TimelineEvent["kind"];
  at: string;
  title: string;
  detail: string | null;
  to: string | null;
  upcoming: boolean;
};

function describeEvent(event: TimelineEvent, content: SessionContent, now: Date): EventView {
  const base = { id: event.id, kind: event.kind, at: event.at.toISOString(), upcoming: false };
  const scenario = (slug: string) => content.scenarioTitles.get(slug) ?? slug;
  switch (event.kind) {
    case "session": {
      const items =
        event.totalItems === 0
          ? null
          : event.openItems === 0
            ? "all action items done"
            : `${event.openItems} of ${plural(event.totalItems, "action item")} open`;
      const focus = event.focus.map((key) => content.competencyNames.get(key) ?? key).join(", ");
      return {
        ...base,
        upcoming: event.at >= now,
        title: `1:1 with ${event.leadName}`,
        detail: [focus && `Focus: ${focus}`, items].filter(Boolean).join(" · ") || null,
        to: `/coaching/sessions/${event.id}`,
      };
    }
    case "review":
      return {
        ...base,
        title: `Review of “${scenario(event.scenarioSlug)}”`,
        detail: event.reviewerName ? `by ${event.reviewerName}` : null,
        to: `/practice/attempts/${event.attemptId}`,
      };
    case "attempt":
      return {
        ...base,
        title: `Practised “${scenario(event.scenarioSlug)}”`,
        detail: `${event.score}/100, ${event.passed ? "passed" : "not passed"}`,
        to: `/practice/attempts/${event.attemptId}`,
      };
    case "module":
      return {
        ...base,
        title: `Completed “${content.moduleTitles.get(event.moduleSlug) ?? event.moduleSlug}”`,
        detail: `version ${event.moduleVersion}`,
        to: null,
      };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const found = await getPerson(params.userId ?? "");
  // An agent sees only their own timeline; a lead their teams'. Anyone else's is as missing as a made-up id.
  const person = ensureFound(found && canSeePerson(viewer, found) ? found : null, "That person isn't in your teams.");
  const [records, content, timeZone] = await Promise.all([getTimelineRecords(person.id), loadSessionContent(), getTimeZone(user.id)]);
  const now = new Date();
  const events = mergeTimeline({
    sessions: records.sessions.map((session) => ({
      id: session.id,
      scheduledAt: session.scheduledAt,
      focus: parseStringList(session.focus),
      openItems: session.actionItems.filter((item) => item.completedAt === null).length,
      totalItems: session.actionItems.length,
      leadName: session.lead.name,
    })),
    attempts: records.attempts.map((attempt) => ({
      id: attempt.id,
      scenarioSlug: attempt.scenarioSlug,
      gradedAt: attempt.grade?.createdAt ?? null,
      score: attempt.grade?.overallScore ?? null,
      passed: attempt.grade?.passed ?? null,
      reviewedAt: attempt.reviewedAt,
      reviewerName: attempt.reviewedBy?.name ?? null,
    })),
    modules: records.modules,
  });
  const { total, events: shown } = timelinePage(events, page);
  return {
    person: { id: person.id, name: person.name },
    isSelf: person.id === user.id,
    canPlan: canCoach(viewer, { id: person.id, teamId: person.teamId, active: person.deactivatedAt === null }),
    timeZone,
    page,
    total,
    counts: {
      sessions: records.sessions.length,
      graded: records.attempts.filter((attempt) => attempt.grade).length,
      modules: records.modules.length,
    },
    events: shown.map((event) => describeEvent(event, content, now)),
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
