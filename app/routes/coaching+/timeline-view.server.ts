// A person's coaching timeline as the page shows it: 1:1s, reviews, graded practice and
// completed modules, newest first, each described in words with a link where there is one.
import type { TFunction } from "i18next";
import { mergeTimeline, timelinePage, type TimelineEvent } from "~/engine/coaching/timeline.ts";
import type { getTimelineRecords } from "~/models/coaching-session.server.ts";
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

function describeEvent(event: TimelineEvent, content: SessionContent, now: Date, t: TFunction): EventView {
  const base = { id: event.id, kind: event.kind, at: event.at.toISOString(), upcoming: false };
  const scenario = (slug: string) => content.scenarioTitles.get(slug) ?? slug;
  switch (event.kind) {
    case "session": {
      const items =
        event.totalItems === 0
          ? null
          : event.openItems === 0
            ? t("coaching:actionItems.allDone")
            : t("coaching:timeline.itemsOpen", { open: event.openItems, count: event.totalItems });
      const focus = event.focus.map((key) => content.competencyNames.get(key) ?? key).join(t("coaching:listSeparator"));
      return {
        ...base,
        upcoming: event.at >= now,
        title: t("coaching:timeline.session", { name: event.leadName }),
        detail: [focus && t("coaching:focusList", { focus }), items].filter(Boolean).join(" · ") || null,
        to: `/coaching/sessions/${event.id}`,
      };
    }
    case "review":
      return {
        ...base,
        title: t("coaching:timeline.review", { scenario: scenario(event.scenarioSlug) }),
        detail: event.reviewerName ? t("coaching:timeline.reviewer", { name: event.reviewerName }) : null,
        to: `/practice/attempts/${event.attemptId}`,
      };
    case "attempt":
      return {
        ...base,
        title: t("coaching:timeline.attempt", { scenario: scenario(event.scenarioSlug) }),
        detail: event.passed
          ? t("coaching:timeline.scorePassed", { score: String(event.score) })
          : t("coaching:timeline.scoreNotPassed", { score: String(event.score) }),
        to: `/practice/attempts/${event.attemptId}`,
      };
    case "module":
      return {
        ...base,
        title: t("coaching:timeline.module", { module: content.moduleTitles.get(event.moduleSlug) ?? event.moduleSlug }),
        detail: t("coaching:timeline.version", { version: String(event.moduleVersion) }),
        to: null,
      };
  }
}

type TimelineRecords = Awaited<ReturnType<typeof getTimelineRecords>>;

/** One page of the timeline, and how much there is in all, worded with `t` in the reader's language. */
export function timelineView(records: TimelineRecords, content: SessionContent, page: number, t: TFunction, now = new Date()) {
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
    events: shown.map((event) => describeEvent(event, content, now, t)),
  };
}
