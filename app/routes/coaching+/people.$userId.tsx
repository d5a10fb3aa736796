import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { canCoach } from "~/engine/access/coaching.ts";
import { canSeePerson } from "~/engine/access/people.ts";
import { TIMELINE_PAGE_SIZE, type TimelineEvent } from "~/engine/coaching/timeline.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { getTimelineRecords, getTimeZone } from "~/models/coaching-session.server.ts";
import { getPerson } from "~/models/user.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
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
  const person = ensureFound(found && canSeePerson(viewer, found) ? found : null, message("coaching:timeline.notYours"));
  const [records, content, timeZone, t] = await Promise.all([
    getTimelineRecords(person.id),
    loadSessionContent(),
    getTimeZone(user.id),
    requestLocale(request, user).then((locale) => fixedT(locale, "coaching")),
  ]);
  return {
    person: { id: person.id, name: person.name },
    isSelf: person.id === user.id,
    canPlan: canCoach(viewer, { id: person.id, teamId: person.teamId, active: person.deactivatedAt === null }),
    timeZone,
    page,
    ...timelineView(records, content, page, t),
  };
}

const KIND_LABELS: Record<TimelineEvent["kind"], `coaching:${string}`> = {
  session: "coaching:timeline.kind.session",
  review: "coaching:timeline.kind.review",
  attempt: "coaching:timeline.kind.attempt",
  module: "coaching:timeline.kind.module",
};

export default function TimelinePage() {
  const { person, isSelf, canPlan, timeZone, page, total, counts, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={isSelf ? t("coaching:timeline.ownTitle") : t("coaching:timeline.title", { name: person.name })}
        description={t("coaching:timeline.description", {
          sessions: counts.sessions,
          graded: counts.graded,
          modules: counts.modules,
          timeZone,
        })}
        actions={
          <>
            {isSelf ? (
              <Link to="/coaching/my">{t("coaching:my.title")}</Link>
            ) : (
              <Link to="/coaching/people">{t("coaching:people.yourPeople")}</Link>
            )}
            {canPlan ? (
              <Link to={`/coaching/sessions/new?agentId=${person.id}`} className={buttonClassName()}>
                {t("coaching:people.plan")}
              </Link>
            ) : null}
          </>
        }
      />
      {events.length === 0 ? (
        <EmptyState title={t("coaching:timeline.emptyTitle")}>{t("coaching:timeline.emptyBody")}</EmptyState>
      ) : (
        <ol className="timeline" aria-label={t("coaching:timeline.label")}>
          {events.map((event) => (
            <li key={event.id} className={`timeline__item timeline__item--${event.kind}`}>
              <p className="timeline__meta">
                <Badge tone={event.kind === "session" ? "primary" : undefined}>{t(KIND_LABELS[event.kind])}</Badge>{" "}
                <SessionTime at={event.at} timeZone={timeZone} />
                {event.upcoming ? (
                  <>
                    {" "}
                    <Badge tone="success">{t("coaching:session.upcoming")}</Badge>
                  </>
                ) : null}
              </p>
              <p className="timeline__title">{event.to ? <Link to={event.to}>{event.title}</Link> : event.title}</p>
              {event.detail ? <p className="muted timeline__detail">{event.detail}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={TIMELINE_PAGE_SIZE} total={total} label={t("coaching:timeline.pagination")} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data?.isSelf
      ? pageTitle(matches, "coaching:timeline.ownTitle")
      : pageTitle(matches, "coaching:timeline.title", { name: data?.person.name ?? "" }),
  },
];
