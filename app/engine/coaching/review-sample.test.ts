import { describe, expect, test } from "vitest";
import { customerWorsened, distressOf, sampleForReview, weekKey, type SampleCandidate } from "./review-sample.ts";

const NOW = new Date("2026-12-03T12:00:00Z"); // a Thursday
let counter = 0;
const conversation = (overrides: Partial<SampleCandidate> = {}): SampleCandidate => {
  counter += 1;
  return {
    id: `c${String(counter).padStart(3, "0")}`,
    userId: "agent-a",
    startedAt: new Date("2026-11-20T10:00:00Z"),
    score: 80,
    criticalFailure: false,
    escalated: false,
    customerMessages: ["Hi, my order is late.", "Thanks, that helps."],
    ...overrides,
  };
};

describe("customerWorsened", () => {
  test("a customer who ends angrier than they began", () => {
    expect(customerWorsened(["Where is my parcel?", "This is ridiculous, I want to cancel!!"])).toBe(true);
    expect(customerWorsened(["我的订单还没到。", "太差了，我要投诉！"])).toBe(true);
    expect(customerWorsened(["This is unacceptable!!", "OK, thank you, that's sorted."])).toBe(false);
    expect(customerWorsened(["Only one message, and it is furious"])).toBe(false);
  });

  test("shouting counts, and a long calm message dilutes nothing it shouldn't", () => {
    expect(distressOf("WHY HAS NOBODY CALLED ME BACK")).toBeGreaterThan(0);
    expect(distressOf("Thanks for the update about the delivery window.")).toBe(0);
  });
});

describe("weekKey", () => {
  test("is the Monday of the week", () => {
    expect(weekKey(NOW)).toBe("2026-11-30");
    expect(weekKey(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
    expect(weekKey(new Date("2026-12-06T23:59:00Z"))).toBe("2026-11-30");
  });
});

describe("sampleForReview", () => {
  test("picks the outliers with their reasons, most serious first", () => {
    const calm = Array.from({ length: 18 }, () => conversation());
    const critical = conversation({ criticalFailure: true, score: 75 });
    const lowest = conversation({ score: 20 });
    const escalated = conversation({ escalated: true });
    const worse = conversation({ customerMessages: ["Hello", "This is the worst service, I'm furious!!"] });
    const sample = sampleForReview([...calm, critical, lowest, escalated, worse], NOW);
    expect(sample.map((entry) => entry.id)).toEqual([critical.id, lowest.id, escalated.id, worse.id]);
    // Twenty-two conversations: the lowest two scores are outliers, and the critical failure's 75 is the second lowest.
    expect(sample[0].reasons).toEqual(["critical-failure", "lowest-score"]);
    expect(sample[1].reasons).toEqual(["lowest-score"]);
    expect(sample[3].reasons).toEqual(["customer-worsened"]);
  });

  test("adds one conversation per agent from this week, the same one every time it is asked", () => {
    const thisWeek = (userId: string) => conversation({ userId, startedAt: new Date("2026-12-01T09:00:00Z") });
    const candidates = [
      thisWeek("agent-a"),
      thisWeek("agent-a"),
      thisWeek("agent-a"),
      thisWeek("agent-b"),
      conversation({ userId: "agent-c" }),
    ];
    const first = sampleForReview(candidates, NOW).filter((entry) => entry.reasons.includes("weekly-sample"));
    const again = sampleForReview([...candidates].reverse(), NOW).filter((entry) => entry.reasons.includes("weekly-sample"));
    const owners = first.map((entry) => candidates.find((candidate) => candidate.id === entry.id)!.userId).sort();
    expect(owners).toEqual(["agent-a", "agent-b"]);
    expect(again.map((entry) => entry.id).sort()).toEqual(first.map((entry) => entry.id).sort());
  });

  test("samples nothing from nothing", () => {
    expect(sampleForReview([], NOW)).toEqual([]);
  });
});
