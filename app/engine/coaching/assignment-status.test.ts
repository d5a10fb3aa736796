import { describe, expect, test } from "vitest";
import {
  assignmentStatus,
  finalLevel,
  isDueSoon,
  meetsCriteria,
  type AssigneeActivity,
  type AssignmentFacts,
  type AttemptActivity,
  type GradedCriterion,
} from "./assignment-status.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CREATED = new Date("2025-03-01T09:00:00Z");
const DUE = new Date("2025-03-10T23:59:59Z");
const BEFORE_DUE = new Date("2025-03-05T12:00:00Z");
const AFTER_DUE = new Date("2025-03-11T08:00:00Z");
const at = (offsetMs: number) => new Date(CREATED.getTime() + offsetMs);

function moduleAssignment(overrides: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return { kind: "module", contentSlug: "listening", createdAt: CREATED, dueAt: DUE, minScore: null, minLevels: {}, ...overrides };
}
function scenarioAssignment(overrides: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return { kind: "scenario", contentSlug: "late-delivery", createdAt: CREATED, dueAt: DUE, minScore: 70, minLevels: {}, ...overrides };
}
function criterion(criterionId: string, level: number, extra: Partial<GradedCriterion> = {}): GradedCriterion {
  return { criterionId, critical: false, applicable: true, level, overrideLevel: null, ...extra };
}
function attempt(startedAt: Date, grade: AttemptActivity["grade"], scenarioSlug = "late-delivery"): AttemptActivity {
  return { scenarioSlug, startedAt, grade };
}
const graded = (overallScore: number, criteria: GradedCriterion[] = []) => ({ overallScore, criteria });
const none: AssigneeActivity = { progress: [], attempts: [] };
const withAttempts = (...attempts: AttemptActivity[]): AssigneeActivity => ({ progress: [], attempts });
const withProgress = (...progress: AssigneeActivity["progress"]): AssigneeActivity => ({ progress, attempts: [] });

describe("module assignments", () => {
  test("not started without any progress on the module", () => {
    expect(assignmentStatus(moduleAssignment(), none, { now: BEFORE_DUE })).toBe("not-started");
    const other = withProgress({ moduleSlug: "other", completedAt: at(HOUR), updatedAt: at(HOUR) });
    expect(assignmentStatus(moduleAssignment(), other, { now: BEFORE_DUE })).toBe("not-started");
  });

  test("in progress with an unfinished row, even one opened before the assignment", () => {
    const fresh = withProgress({ moduleSlug: "listening", completedAt: null, updatedAt: at(HOUR) });
    expect(assignmentStatus(moduleAssignment(), fresh, { now: BEFORE_DUE })).toBe("in-progress");
    const older = withProgress({ moduleSlug: "listening", completedAt: null, updatedAt: at(-10 * DAY) });
    expect(assignmentStatus(moduleAssignment(), older, { now: BEFORE_DUE })).toBe("in-progress");
  });

  test("completed by a completion at or after creation, in any version", () => {
    const exact = withProgress({ moduleSlug: "listening", completedAt: CREATED, updatedAt: CREATED });
    expect(assignmentStatus(moduleAssignment(), exact, { now: BEFORE_DUE })).toBe("completed");
    const twoVersions = withProgress(
      { moduleSlug: "listening", completedAt: at(-30 * DAY), updatedAt: at(-30 * DAY) },
      { moduleSlug: "listening", completedAt: at(2 * DAY), updatedAt: at(2 * DAY) },
    );
    expect(assignmentStatus(moduleAssignment(), twoVersions, { now: BEFORE_DUE })).toBe("completed");
  });

  test("a completion before the assignment does not count", () => {
    const earlier = withProgress({ moduleSlug: "listening", completedAt: at(-5 * DAY), updatedAt: at(-5 * DAY) });
    expect(assignmentStatus(moduleAssignment(), earlier, { now: BEFORE_DUE })).toBe("not-started");
    const reread = withProgress({ moduleSlug: "listening", completedAt: at(-5 * DAY), updatedAt: at(HOUR) });
    expect(assignmentStatus(moduleAssignment(), reread, { now: BEFORE_DUE })).toBe("in-progress");
  });

  test("past due when the due date passed without completion, whatever was started", () => {
    expect(assignmentStatus(moduleAssignment(), none, { now: AFTER_DUE })).toBe("past-due");
    const started = withProgress({ moduleSlug: "listening", completedAt: null, updatedAt: at(HOUR) });
    expect(assignmentStatus(moduleAssignment(), started, { now: AFTER_DUE })).toBe("past-due");
  });

  test("completed wins over past due, including a late completion", () => {
    const late = withProgress({
      moduleSlug: "listening",
      completedAt: new Date(DUE.getTime() + HOUR),
      updatedAt: new Date(DUE.getTime() + HOUR),
    });
    expect(assignmentStatus(moduleAssignment(), late, { now: AFTER_DUE })).toBe("completed");
  });

  test("the due instant itself is not yet past due", () => {
    expect(assignmentStatus(moduleAssignment(), none, { now: DUE })).toBe("not-started");
  });
});

describe("scenario assignments", () => {
  test("not started without attempts since creation", () => {
    expect(assignmentStatus(scenarioAssignment(), none, { now: BEFORE_DUE })).toBe("not-started");
    const earlier = withAttempts(attempt(at(-HOUR), graded(95)));
    expect(assignmentStatus(scenarioAssignment(), earlier, { now: BEFORE_DUE })).toBe("not-started");
    const elsewhere = withAttempts(attempt(at(HOUR), graded(95), "charged-twice"));
    expect(assignmentStatus(scenarioAssignment(), elsewhere, { now: BEFORE_DUE })).toBe("not-started");
  });

  test("in progress with an ungraded attempt since creation", () => {
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), null)), { now: BEFORE_DUE })).toBe("in-progress");
  });

  test("completed by a graded attempt meeting the minimum score", () => {
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), graded(70))), { now: BEFORE_DUE })).toBe("completed");
  });

  test("not passed when every graded attempt falls short", () => {
    const short = withAttempts(attempt(at(HOUR), graded(69)), attempt(at(2 * HOUR), graded(40)));
    expect(assignmentStatus(scenarioAssignment(), short, { now: BEFORE_DUE })).toBe("not-passed");
  });

  test("one passing attempt among failures completes it", () => {
    const mixed = withAttempts(attempt(at(HOUR), graded(40)), attempt(at(2 * HOUR), graded(88)), attempt(at(3 * HOUR), graded(50)));
    expect(assignmentStatus(scenarioAssignment(), mixed, { now: BEFORE_DUE })).toBe("completed");
  });

  test("not passed outranks an attempt still open", () => {
    const both = withAttempts(attempt(at(HOUR), graded(30)), attempt(at(2 * HOUR), null));
    expect(assignmentStatus(scenarioAssignment(), both, { now: BEFORE_DUE })).toBe("not-passed");
  });

  test("past due outranks not passed and in progress", () => {
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), graded(30))), { now: AFTER_DUE })).toBe("past-due");
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), null)), { now: AFTER_DUE })).toBe("past-due");
  });

  test("without a minimum score the scenario's pass score applies", () => {
    const assignment = scenarioAssignment({ minScore: null });
    const activity = withAttempts(attempt(at(HOUR), graded(75)));
    expect(assignmentStatus(assignment, activity, { now: BEFORE_DUE, passScore: 80 })).toBe("not-passed");
    expect(assignmentStatus(assignment, activity, { now: BEFORE_DUE, passScore: 75 })).toBe("completed");
  });

  test("every minimum criterion level must be reached", () => {
    const assignment = scenarioAssignment({ minLevels: { "empathy.exploration": 2, "empathy.interpretation": 1 } });
    const weakExploration = graded(90, [criterion("empathy.exploration", 1), criterion("empathy.interpretation", 2)]);
    const both = graded(90, [criterion("empathy.exploration", 2), criterion("empathy.interpretation", 1)]);
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), weakExploration)), { now: BEFORE_DUE })).toBe("not-passed");
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), both)), { now: BEFORE_DUE })).toBe("completed");
  });

  test("a lead's override replaces the automatic level, both ways", () => {
    const assignment = scenarioAssignment({ minLevels: { "empathy.exploration": 2 } });
    const raised = graded(90, [criterion("empathy.exploration", 1, { overrideLevel: 2 })]);
    const lowered = graded(90, [criterion("empathy.exploration", 2, { overrideLevel: 0 })]);
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), raised)), { now: BEFORE_DUE })).toBe("completed");
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), lowered)), { now: BEFORE_DUE })).toBe("not-passed");
  });

  test("a criterion that did not apply, or is missing, does not meet a minimum", () => {
    const assignment = scenarioAssignment({ minLevels: { "empathy.exploration": 1 } });
    const notApplicable = graded(90, [criterion("empathy.exploration", 2, { applicable: false })]);
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), notApplicable)), { now: BEFORE_DUE })).toBe("not-passed");
    expect(assignmentStatus(assignment, withAttempts(attempt(at(HOUR), graded(90))), { now: BEFORE_DUE })).toBe("not-passed");
  });

  test("a failed critical criterion fails the attempt unless a lead overrode it", () => {
    const rude = graded(90, [criterion("critical.no-rudeness", 0, { critical: true })]);
    const overruled = graded(90, [criterion("critical.no-rudeness", 0, { critical: true, overrideLevel: 2 })]);
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), rude)), { now: BEFORE_DUE })).toBe("not-passed");
    expect(assignmentStatus(scenarioAssignment(), withAttempts(attempt(at(HOUR), overruled)), { now: BEFORE_DUE })).toBe("completed");
  });
});

describe("helpers", () => {
  test("finalLevel prefers the override", () => {
    expect(finalLevel({ level: 1, overrideLevel: null })).toBe(1);
    expect(finalLevel({ level: 1, overrideLevel: 0 })).toBe(0);
  });

  test("meetsCriteria checks score, levels and critical criteria together", () => {
    expect(meetsCriteria(graded(70), { minScore: 70, minLevels: {} })).toBe(true);
    expect(meetsCriteria(graded(69), { minScore: 70, minLevels: {} })).toBe(false);
  });

  test("isDueSoon: open and due within the next two days", () => {
    const now = new Date("2025-03-09T00:00:00Z");
    expect(isDueSoon(DUE, "not-started", now)).toBe(true);
    expect(isDueSoon(DUE, "in-progress", new Date(DUE.getTime() - 2 * DAY))).toBe(true);
    expect(isDueSoon(DUE, "in-progress", new Date(DUE.getTime() - 2 * DAY - 1))).toBe(false);
    expect(isDueSoon(DUE, "not-passed", DUE)).toBe(true);
    expect(isDueSoon(DUE, "completed", now)).toBe(false);
    expect(isDueSoon(DUE, "past-due", AFTER_DUE)).toBe(false);
    expect(isDueSoon(DUE, "not-started", AFTER_DUE)).toBe(false);
  });
});
