// In-process figures for `npm run bench`: whole-pool mentor matching at the size the issue sets
// (1,000 mentees × 300 mentors), on a deterministic random pool shaped like a real programme.
import { performance } from "node:perf_hooks";
import { LEVELS, WORK_MODES } from "../../app/domain/people.ts";
import { optimisePool } from "../../app/engine/matching/optimise.ts";
import type { Mentee, Mentor } from "../../app/engine/matching/types.ts";
import { seededRandom } from "./seeded-random.ts";

const ZONES = [
  "Europe/London",
  "Europe/Madrid",
  "Africa/Lagos",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Manila",
  "Asia/Tokyo",
  "Australia/Sydney",
];
const COMPETENCIES = [
  "empathy",
  "resolution",
  "communication",
  "efficiency",
  "de-escalation",
  "omnichannel",
  "privacy-security",
  "product-knowledge",
];
const TEAMS = 40;

export function randomPool(menteeCount: number, mentorCount: number, seed = 1): { mentees: Mentee[]; mentors: Mentor[] } {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const someCompetencies = (count: number) =>
    Object.fromEntries(
      [...COMPETENCIES]
        .sort(() => random() - 0.5)
        .slice(0, count)
        .map((key) => [key, Math.round(random() * 100) / 100]),
    );
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, index) => {
    const capacity = 1 + Math.floor(random() * 5);
    return {
      id: `mentor-${index}`,
      level: pick(LEVELS.slice(1)),
      timeZone: pick(ZONES),
      workMode: pick(WORK_MODES),
      capacity,
      activeMentees: Math.floor(random() * capacity),
      strengths: someCompetencies(3),
      leadOfTeamIds: index < TEAMS ? [`team-${index}`] : [],
    };
  });
  const mentees: Mentee[] = Array.from({ length: menteeCount }, (_, index) => {
    const team = Math.floor(random() * TEAMS);
    return {
      id: `mentee-${index}`,
      leadId: `mentor-${team}`,
      teamId: `team-${team}`,
      timeZone: pick(ZONES),
      workMode: pick(WORK_MODES),
      targetLevel: pick(LEVELS.slice(1)),
      gaps: someCompetencies(3),
      pairedMentorIds: [],
    };
  });
  return { mentees, mentors };
}

export type MatchingFigures = { mentees: number; mentors: number; places: number; matched: number; medianSeconds: number; runs: number };

export function measureMatching(menteeCount = 1000, mentorCount = 300, runs = 3): MatchingFigures {
  const { mentees, mentors } = randomPool(menteeCount, mentorCount);
  const now = new Date("2026-06-15T12:00:00Z");
  const seconds: number[] = [];
  let matched = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    matched = optimisePool(mentees, mentors, now).pairs.length;
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const places = mentors.reduce((sum, mentor) => sum + mentor.capacity - mentor.activeMentees, 0);
  return { mentees: menteeCount, mentors: mentorCount, places, matched, medianSeconds: seconds[Math.floor(runs / 2)]!, runs };
}
