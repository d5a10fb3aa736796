import { describe, expect, test } from "vitest";
import { mergeTimeline, timelinePage, type TimelineSources } from "./timeline.ts";

const at = (iso: string) => new Date(iso);

function sources(overrides: Partial<TimelineSources> = {}): TimelineSources {
  return { sessions: [], attempts: [], modules: [], ...overrides };
}

describe("mergeTimeline", () => {
  test("merges every kind newest first", () => {
    const events = mergeTimeline(
      sources({
        sessions: [
          { id: "s-old", scheduledAt: at("2025-01-05T10:00:00Z"), focus: ["empathy"], openItems: 0, totalItems: 2, leadName: "Lena" },
          { id: "s-next", scheduledAt: at("2025-03-01T10:00:00Z"), focus: ["resolution"], openItems: 1, totalItems: 1, leadName: "Lena" },
        ],
        attempts: [
          {
            id: "a1",
            scenarioSlug: "late-delivery",
            gradedAt: at("2025-01-10T09:00:00Z"),
            score: 62,
            passed: false,
            reviewedAt: at("2025-01-12T09:00:00Z"),
            reviewerName: "Lena",
          },
          {
            id: "a2",
            scenarioSlug: "late-delivery",
            gradedAt: at("2025-02-10T09:00:00Z"),
            score: 81,
            passed: true,
            reviewedAt: null,
            reviewerName: null,
          },
        ],
        modules: [
          { moduleSlug: "how-support-works", moduleVersion: 1, completedAt: at("2025-01-02T09:00:00Z") },
          { moduleSlug: "tone", moduleVersion: 2, completedAt: null },
        ],
      }),
    );
    expect(events.map((event) => `${event.kind}:${event.at.toISOString().slice(0, 10)}`)).toEqual([
      "session:2025-03-01",
      "attempt:2025-02-10",
      "review:2025-01-12",
      "attempt:2025-01-10",
      "session:2025-01-05",
      "module:2025-01-02",
    ]);
    expect(events[1]).toMatchObject({ kind: "attempt", attemptId: "a2", score: 81, passed: true });
    expect(events[2]).toMatchObject({ kind: "review", attemptId: "a1", reviewerName: "Lena" });
    expect(events[0]).not.toHaveProperty("scheduledAt");
  });

  test("leaves out attempts still going and modules not completed", () => {
    const events = mergeTimeline(
      sources({
        attempts: [{ id: "open", scenarioSlug: "x", gradedAt: null, score: null, passed: null, reviewedAt: null, reviewerName: null }],
        modules: [{ moduleSlug: "m", moduleVersion: 1, completedAt: null }],
      }),
    );
    expect(events).toEqual([]);
  });

  test("orders events at the same instant session, review, attempt, module, then by id", () => {
    const same = at("2025-04-01T12:00:00Z");
    const events = mergeTimeline(
      sources({
        modules: [
          { moduleSlug: "b", moduleVersion: 1, completedAt: same },
          { moduleSlug: "a", moduleVersion: 1, completedAt: same },
        ],
        attempts: [{ id: "x", scenarioSlug: "s", gradedAt: same, score: 70, passed: true, reviewedAt: same, reviewerName: null }],
        sessions: [{ id: "s", scheduledAt: same, focus: [], openItems: 0, totalItems: 0, leadName: "L" }],
      }),
    );
    expect(events.map((event) => event.id)).toEqual(["s", "review:x", "attempt:x", "module:a@1", "module:b@1"]);
  });
});

describe("timelinePage", () => {
  test("slices a page and reports the total", () => {
    const events = mergeTimeline(
      sources({
        modules: Array.from({ length: 7 }, (_, i) => ({
          moduleSlug: `m${i}`,
          moduleVersion: 1,
          completedAt: at(`2025-01-0${i + 1}T00:00:00Z`),
        })),
      }),
    );
    const second = timelinePage(events, 2, 3);
    expect(second.total).toBe(7);
    expect(second.events.map((event) => event.id)).toEqual(["module:m3@1", "module:m2@1", "module:m1@1"]);
    expect(timelinePage(events, 4, 3).events).toEqual([]);
  });
});
