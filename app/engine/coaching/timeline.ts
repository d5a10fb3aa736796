// One agent's coaching history as a single list: 1:1 sessions, reviews of
// their practice, graded practice and completed modules, newest first.

export type TimelineEvent =
  | { kind: "session"; at: Date; id: string; focus: string[]; openItems: number; totalItems: number; leadName: string }
  | { kind: "review"; at: Date; id: string; attemptId: string; scenarioSlug: string; reviewerName: string | null }
  | { kind: "attempt"; at: Date; id: string; attemptId: string; scenarioSlug: string; score: number; passed: boolean }
  | { kind: "module"; at: Date; id: string; moduleSlug: string; moduleVersion: number };

export type TimelineSources = {
  sessions: { id: string; scheduledAt: Date; focus: string[]; openItems: number; totalItems: number; leadName: string }[];
  attempts: {
    id: string;
    scenarioSlug: string;
    gradedAt: Date | null;
    score: number | null;
    passed: boolean | null;
    reviewedAt: Date | null;
    reviewerName: string | null;
  }[];
  modules: { moduleSlug: string; moduleVersion: number; completedAt: Date | null }[];
};

// On the same instant a review reads after the attempt it reviews, and a session after both.
const KIND_ORDER: Record<TimelineEvent["kind"], number> = { session: 0, review: 1, attempt: 2, module: 3 };

export function mergeTimeline({ sessions, attempts, modules }: TimelineSources): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...sessions.map(({ scheduledAt, ...session }): TimelineEvent => ({ kind: "session", at: scheduledAt, ...session })),
    ...attempts.flatMap((attempt): TimelineEvent[] => {
      const out: TimelineEvent[] = [];
      if (attempt.gradedAt && attempt.score !== null) {
        out.push({
          kind: "attempt",
          at: attempt.gradedAt,
          id: `attempt:${attempt.id}`,
          attemptId: attempt.id,
          scenarioSlug: attempt.scenarioSlug,
          score: attempt.score,
          passed: attempt.passed === true,
        });
      }
      if (attempt.reviewedAt) {
        out.push({
          kind: "review",
          at: attempt.reviewedAt,
          id: `review:${attempt.id}`,
          attemptId: attempt.id,
          scenarioSlug: attempt.scenarioSlug,
          reviewerName: attempt.reviewerName,
        });
      }
      return out;
    }),
    ...modules
      .filter((row): row is typeof row & { completedAt: Date } => row.completedAt !== null)
      .map((row): TimelineEvent => ({
        kind: "module",
        at: row.completedAt,
        id: `module:${row.moduleSlug}@${row.moduleVersion}`,
        moduleSlug: row.moduleSlug,
        moduleVersion: row.moduleVersion,
      })),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));
}

export const TIMELINE_PAGE_SIZE = 30;

/** One page of the merged list, with the total for pagination. */
export function timelinePage(events: TimelineEvent[], page: number, pageSize = TIMELINE_PAGE_SIZE) {
  return { total: events.length, events: events.slice((page - 1) * pageSize, page * pageSize) };
}
