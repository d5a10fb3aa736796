import { describe, expect, test } from "vitest";
import { rankMentors } from "./rank.ts";
import type { Mentee, Mentor } from "./types.ts";

const NOW = new Date("2025-01-15T10:00:00Z");
const dana: Mentee = {
  id: "dana",
  name: "Dana",
  leadId: "lee",
  teamId: "team-a",
  timeZone: "Europe/London",
  workMode: "remote",
  targetLevel: "senior-agent",
  gaps: { empathy: 0.8, tone: 0.2 },
  pairedMentorIds: ["paired"],
};
const base: Mentor = {
  id: "m",
  level: "senior-agent",
  timeZone: "Europe/London",
  workMode: "remote",
  capacity: 2,
  activeMentees: 0,
  strengths: { empathy: 0.9, tone: 0.9 },
  leadOfTeamIds: [],
};
const mk = (id: string, o: Partial<Mentor> = {}): Mentor => ({ ...base, id, ...o });

describe("rankMentors", () => {
  test("eligible mentors only, sorted by total desc, ties by id", () => {
    const mentors = [
      mk("zed"), // best, tied with "amy"
      mk("far", { timeZone: "Asia/Tokyo" }),
      mk("amy"),
      mk("office", { workMode: "office" }),
      mk("weak", { strengths: { empathy: 0.1 } }),
      mk("lee"), // mentee's lead
      mk("teamlead", { leadOfTeamIds: ["team-a"] }),
      mk("paired"),
      mk("full", { activeMentees: 2 }),
    ];
    const ranked = rankMentors(dana, mentors, NOW);
    expect(ranked.map((r) => r.mentor.id)).toEqual(["amy", "zed", "office", "far", "weak"]);
    const totals = ranked.map((r) => r.score.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    for (const r of ranked) {
      expect(r.score.eligible).toBe(true);
      expect(r.score.parts).toHaveLength(5);
    }
    expect(ranked[0].score.total).toBe(ranked[1].score.total);
  });

  test("empty when no mentor is eligible", () => {
    expect(rankMentors(dana, [mk("lee"), mk("dana")], NOW)).toEqual([]);
  });
});
