import { describe, expect, test } from "vitest";
import { inEnglish } from "../../../tests/support/english.ts";
import { scorePoolChoice } from "./rules.ts";
import type { Mentee, Mentor } from "./types.ts";

const NOW = new Date("2026-06-15T10:00:00Z");

describe("scorePoolChoice", () => {
  const mentee = (id: string, overrides: Partial<Mentee> = {}): Mentee => ({
    id,
    name: id,
    leadId: "lead",
    teamId: "team",
    timeZone: "Europe/London",
    workMode: "remote",
    targetLevel: "agent-2",
    gaps: { empathy: 0.8 },
    pairedMentorIds: [],
    ...overrides,
  });
  const mentor = (id: string, capacity: number, overrides: Partial<Mentor> = {}): Mentor => ({
    id,
    name: id,
    level: "senior-agent",
    timeZone: "Europe/London",
    workMode: "remote",
    capacity,
    activeMentees: 0,
    strengths: { empathy: 0.9 },
    leadOfTeamIds: [],
    ...overrides,
  });
  const pool = {
    mentees: [mentee("ana"), mentee("ben"), mentee("cy")],
    mentors: [mentor("one-place", 1), mentor("lead", 3, { leadOfTeamIds: ["team"] })],
  };

  test("a mentor's places are taken in order: the second pair for a one-place mentor is a problem", () => {
    const scored = scorePoolChoice(
      pool,
      [
        { menteeId: "ana", mentorId: "one-place" },
        { menteeId: "ben", mentorId: "one-place" },
      ],
      NOW,
    );
    expect(scored[0]).toMatchObject({ problem: null, score: { eligible: true } });
    expect(inEnglish(scored[1]!.problem)).toMatch(/no capacity left \(1 of 1 places taken\)/);
  });

  test("own lead, unknown people, a mentee twice and no mentor this round", () => {
    const scored = scorePoolChoice(
      pool,
      [
        { menteeId: "ana", mentorId: "lead" },
        { menteeId: "gone", mentorId: "one-place" },
        { menteeId: "ben", mentorId: "left" },
        { menteeId: "cy", mentorId: null },
        { menteeId: "cy", mentorId: "one-place" },
      ],
      NOW,
    );
    expect(scored.map((entry) => inEnglish(entry.problem))).toEqual([
      expect.stringMatching(/own lead/),
      "This person no longer has an open request.",
      "That mentor is no longer taking mentees.",
      null,
      "This person is already in the list once; each mentee gets one mentor.",
    ]);
    expect(scored[3]!.score).toBeNull();
  });

  test("names competencies in the explanation when given their names", () => {
    const [entry] = scorePoolChoice(pool, [{ menteeId: "ana", mentorId: "one-place" }], NOW, (key) => key.toUpperCase());
    expect(inEnglish(entry!.score!.parts.find((part) => part.key === "skills")!.explanation)).toContain("EMPATHY");
  });
});
