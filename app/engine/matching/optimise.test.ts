import { describe, expect, test } from "vitest";
import { LEVELS, type WorkMode } from "~/domain/people.ts";
import { optimisePool, remainingCapacity } from "./optimise.ts";
import { pairTotal, scorePair } from "./score.ts";
import type { Mentee, Mentor } from "./types.ts";

const NOW = new Date("2025-01-15T10:00:00Z");

/** mulberry32: small deterministic RNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ZONES = ["Europe/London", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata", "Europe/Berlin"];
const MODES: WorkMode[] = ["remote", "hybrid", "office"];
const SKILLS = ["empathy", "tone", "product", "triage"];

function instance(seed: number, maxMentees = 6, maxMentors = 4) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const round = (x: number) => Math.round(x * 10) / 10;
  const nMentors = 1 + Math.floor(r() * maxMentors);
  const nMentees = 1 + Math.floor(r() * maxMentees);
  const teams = ["t1", "t2", "t3"];
  const mentors: Mentor[] = Array.from({ length: nMentors }, (_, j) => {
    const capacity = 1 + Math.floor(r() * 3);
    return {
      id: `M${j}`,
      level: pick(LEVELS),
      timeZone: pick(ZONES),
      workMode: pick(MODES),
      capacity,
      activeMentees: r() < 0.2 ? capacity : Math.floor(r() * capacity),
      strengths: Object.fromEntries(SKILLS.filter(() => r() < 0.8).map((k) => [k, round(r())])),
      leadOfTeamIds: r() < 0.3 ? [pick(teams)] : [],
      reportIds: [],
    };
  });
  const mentees: Mentee[] = Array.from({ length: nMentees }, (_, i) => ({
    id: `m${i}`,
    leadId: r() < 0.15 ? pick(mentors).id : "boss",
    teamId: pick(teams),
    timeZone: pick(ZONES),
    workMode: pick(MODES),
    targetLevel: pick(LEVELS),
    gaps: Object.fromEntries(SKILLS.filter(() => r() < 0.7).map((k) => [k, round(r())])),
    pairedMentorIds: r() < 0.2 ? [pick(mentors).id] : [],
  }));
  return { mentees, mentors };
}

/** Exhaustive search: best (Σ scaled score, then #matched) over all feasible assignments. */
function bruteForce(mentees: Mentee[], mentors: Mentor[]) {
  const scaled = mentees.map((me) =>
    mentors.map((mo) => {
      const t = pairTotal(me, mo, NOW);
      return t === null ? null : Math.round(t * 1000);
    }),
  );
  const left = mentors.map(remainingCapacity);
  let best = { score: -1, count: -1 };
  const go = (i: number, score: number, count: number) => {
    if (i === mentees.length) {
      if (score > best.score || (score === best.score && count > best.count)) best = { score, count };
      return;
    }
    go(i + 1, score, count);
    for (let j = 0; j < mentors.length; j++) {
      const s = scaled[i][j];
      if (s === null || left[j] <= 0) continue;
      left[j]--;
      go(i + 1, score + s, count + 1);
      left[j]++;
    }
  };
  go(0, 0, 0);
  return best;
}

function checkValid(mentees: Mentee[], mentors: Mentor[], result: ReturnType<typeof optimisePool>) {
  const byMentee = new Map(mentees.map((m) => [m.id, m]));
  const byMentor = new Map(mentors.map((m) => [m.id, m]));
  const used = new Map<string, number>();
  const seen = new Set<string>();
  let sum = 0;
  for (const p of result.pairs) {
    const me = byMentee.get(p.menteeId)!;
    const mo = byMentor.get(p.mentorId)!;
    expect(seen.has(p.menteeId)).toBe(false); // at most one mentor per mentee
    seen.add(p.menteeId);
    const s = scorePair(me, mo, NOW);
    expect(s.eligible).toBe(true);
    expect(p.score).toBe(s.total);
    used.set(p.mentorId, (used.get(p.mentorId) ?? 0) + 1);
    sum += Math.round(p.score * 1000);
  }
  for (const mo of mentors) expect(used.get(mo.id) ?? 0).toBeLessThanOrEqual(remainingCapacity(mo));
  expect(Math.round(result.total * 1000)).toBe(sum);
  expect([...result.unmatched].sort()).toEqual(
    mentees
      .map((m) => m.id)
      .filter((id) => !seen.has(id))
      .sort(),
  );
  return sum;
}

describe("optimisePool", () => {
  test("equals brute force on 200 random small instances and respects capacities and eligibility", () => {
    let nonTrivial = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { mentees, mentors } = instance(seed);
      const result = optimisePool(mentees, mentors, NOW);
      const sum = checkValid(mentees, mentors, result);
      const best = bruteForce(mentees, mentors);
      expect({ seed, score: sum, count: result.pairs.length }).toEqual({ seed, score: best.score, count: best.count });
      if (result.pairs.length > 0 && result.unmatched.length > 0) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(20); // the instances exercise capacity pressure
  });

  test("beats greedy: gives the contested mentor to the mentee who needs it most", () => {
    const mk = (id: string, strengths: Record<string, number>): Mentor => ({
      id,
      level: "team-lead",
      timeZone: "Europe/London",
      workMode: "office",
      capacity: 1,
      activeMentees: 0,
      strengths,
      leadOfTeamIds: [],
    });
    const me = (id: string, gaps: Record<string, number>): Mentee => ({
      id,
      leadId: "x",
      teamId: "t",
      timeZone: "Europe/London",
      workMode: "office",
      targetLevel: "senior-agent",
      gaps,
      pairedMentorIds: [],
    });
    // a prefers A slightly over B; b only fits A. Greedy (a→A first) would strand b on B's poor fit.
    const mentors = [mk("A", { x: 1, y: 1 }), mk("B", { x: 0.9, y: 0 })];
    const mentees = [me("a", { x: 1 }), me("b", { y: 1 })];
    const result = optimisePool(mentees, mentors, NOW);
    expect(result.pairs.map((p) => `${p.menteeId}-${p.mentorId}`).sort()).toEqual(["a-B", "b-A"]);
    expect(result.unmatched).toEqual([]);
  });

  test("unmatched when no eligible mentor or no capacity; remaining capacity counts active mentees", () => {
    const mentor: Mentor = {
      id: "A",
      level: "team-lead",
      timeZone: "Europe/London",
      workMode: "office",
      capacity: 3,
      activeMentees: 2,
      strengths: { x: 1 },
      leadOfTeamIds: ["t2"],
    };
    const me = (id: string, teamId: string): Mentee => ({
      id,
      leadId: "x",
      teamId,
      timeZone: "Europe/London",
      workMode: "office",
      targetLevel: "senior-agent",
      gaps: { x: 0.5 },
      pairedMentorIds: [],
    });
    const result = optimisePool([me("a", "t1"), me("b", "t2"), me("c", "t1")], [mentor], NOW);
    expect(result.pairs).toHaveLength(1);
    expect(result.unmatched).toHaveLength(2);
    expect(result.unmatched).toContain("b"); // A leads team t2
    expect(optimisePool([], [mentor], NOW)).toEqual({ pairs: [], total: 0, unmatched: [] });
    expect(optimisePool([me("a", "t1")], [], NOW)).toEqual({ pairs: [], total: 0, unmatched: ["a"] });
  });

  test("matches zero-score eligible pairs rather than leaving mentees out", () => {
    const mentor: Mentor = {
      id: "A",
      level: "agent-1",
      timeZone: "Asia/Tokyo",
      workMode: "office",
      capacity: 1,
      activeMentees: 0,
      strengths: {},
      leadOfTeamIds: [],
    };
    const mentee: Mentee = {
      id: "a",
      leadId: "x",
      teamId: "t",
      timeZone: "America/New_York",
      workMode: "remote",
      targetLevel: "support-manager",
      gaps: { x: 1 },
      pairedMentorIds: [],
    };
    const result = optimisePool([mentee], [mentor], NOW);
    expect(result.pairs).toEqual([{ menteeId: "a", mentorId: "A", score: 2 }]);
  });
});
