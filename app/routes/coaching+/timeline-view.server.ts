// A person's coaching timeline as the page shows it: 1:1s, reviews, graded practice and
// completed modules, newest first, each described in words with a link where there is one.
import { mergeTimeline, timelinePage, type TimelineEvent } from "~/engine/coaching/timeline.ts";
import type { getTimelineRecords } from "~/models/coaching-session.server.ts";
import { plural } from "~/utils/format.ts";
import type { SessionContent } from "./sessions-content.server.ts";

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

type TimelineRecords = Awaited<ReturnType<typeof getTimelineRecords>>;

/** One page of the timeline, and how much there is in all. */
export function timelineView(records: TimelineRecords, content: SessionContent, page: number, now = new Date()) {
  const events = mergeTimeline({
    sessions: records.sessions.map((session) => ({
      id: session.id,
      scheduledAt: session.scheduledAt,
      focus: session.focus,
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
    total,
    counts: {
      sessions: records.sessions.length,
      graded: records.attempts.filter((attempt) => attempt.grade).length,
      modules: records.modules.length,
    },
    events: shown.map((event) => describeEvent(event, content, now)),
  };
}
