import { describe, expect, test } from "vitest";
import { message } from "~/i18n/message.ts";
import { inEnglish } from "../../../tests/support/english.ts";
import { hoursInWords, isEligible, isStrength, pairTotal, scorePair, STRONG_AT, utcOffsetMinutes, workingOverlapHours } from "./score.ts";
import type { Mentee, Mentor } from "./types.ts";

const WINTER = new Date("2025-01-15T10:00:00Z");
const SUMMER = new Date("2025-07-15T10:00:00Z");

function mentee(overrides: Partial<Mentee> = {}): Mentee {
  return {
    id: "dana",
    name: "Dana",
    leadId: "lee",
    teamId: "team-a",
    timeZone: "Europe/London",
    workMode: "office",
    targetLevel: "senior-agent",
    gaps: { empathy: 0.6, tone: 0.2 },
    pairedMentorIds: [],
    ...overrides,
  };
}
function mentor(overrides: Partial<Mentor> = {}): Mentor {
  return {
    id: "alex",
    name: "Alex",
    level: "senior-agent",
    timeZone: "Europe/London",
    workMode: "office",
    capacity: 3,
    activeMentees: 1,
    strengths: { empathy: 0.9, tone: 0.5 },
    leadOfTeamIds: ["team-b"],
    ...overrides,
  };
}
const part = (s: ReturnType<typeof scorePair>, key: string) => {
  const p = s.parts.find((x) => x.key === key);
  if (!p) throw new Error(`missing part ${key}`);
  // Explanations are read as the English interface words them.
  return { ...p, explanation: inEnglish(p.explanation) };
};

describe("scorePair parts", () => {
  test("has all five parts, each with a one-sentence explanation, and total is their sum", () => {
    const s = scorePair(mentee(), mentor(), WINTER);
    expect(s.parts.map((p) => p.key)).toEqual(["skills", "career", "time-zone", "work-mode", "conflict"]);
    for (const p of s.parts) {
      const text = inEnglish(p.explanation) ?? "";
      expect(text.length).toBeGreaterThan(10);
      expect(text).toMatch(/^[A-Z"].*\.$/);
      expect(text.slice(0, -1)).not.toMatch(/\.\s/);
    }
    expect(s.total).toBeCloseTo(
      s.parts.reduce((a, p) => a + p.points, 0),
      6,
    );
    expect(s.eligible).toBe(true);
  });

  test("skills: Σ gap × strength normalised by Σ gap to 0..40, naming the strongest complement", () => {
    const s = scorePair(mentee(), mentor(), WINTER);
    // (0.6·0.9 + 0.2·0.5) / (0.6 + 0.2) · 40 = 0.64 / 0.8 · 40 = 32
    expect(part(s, "skills").points).toBe(32);
    // Tone (50%) adds points but is not called a strength: only empathy (90%) is named.
    expect(part(s, "skills").explanation).toBe("Alex is strong where Dana most needs it: empathy (Alex 90%, Dana 40%).");
    const perfect = scorePair(mentee(), mentor({ strengths: { empathy: 1, tone: 1 } }), WINTER);
    expect(part(perfect, "skills").points).toBe(40);
    const none = scorePair(mentee(), mentor({ strengths: { pricing: 1 } }), WINTER);
    expect(part(none, "skills").points).toBe(0);
    expect(part(none, "skills").explanation).toBe("Alex has no measured strength in Dana's focus skills (empathy, tone).");
    const noGaps = scorePair(mentee({ gaps: {} }), mentor(), WINTER);
    expect(part(noGaps, "skills").points).toBe(0);
    expect(part(noGaps, "skills").explanation).toContain("show no measured gaps");
  });

  test("career: full points at or beyond the target level, fewer below it", () => {
    expect(part(scorePair(mentee(), mentor({ level: "senior-agent" }), WINTER), "career")).toEqual({
      key: "career",
      points: 20,
      explanation: "Alex is a Senior Agent, the level Dana is aiming for.",
    });
    const beyond = part(scorePair(mentee(), mentor({ level: "support-manager" }), WINTER), "career");
    expect(beyond.points).toBe(20);
    expect(beyond.explanation).toBe("Alex is a Support Manager, above the Senior Agent level Dana is aiming for.");
    const oneBelow = part(scorePair(mentee(), mentor({ level: "agent-2" }), WINTER), "career");
    expect(oneBelow.points).toBe(8);
    expect(oneBelow.explanation).toBe("Alex is an Agent II, one level below the Senior Agent level Dana is aiming for.");
    const twoBelow = part(scorePair(mentee({ targetLevel: "team-lead" }), mentor({ level: "agent-2" }), WINTER), "career");
    expect(twoBelow.points).toBe(0);
    expect(twoBelow.explanation).toContain("2 levels below");
  });

  test("career explanation is a message naming the levels by their catalog keys", () => {
    const s = scorePair(mentee(), mentor({ level: "agent-2" }), WINTER);
    expect(s.parts.find((p) => p.key === "career")?.explanation).toBe(
      message("mentoring:score.career.below", {
        voice: "observer",
        mentor: "Alex",
        mentee: "Dana",
        article: "an",
        level: "common:level.agent-2",
        target: "common:level.senior-agent",
        count: 1,
      }),
    );
  });

  test("time-zone: 8 h overlap in the same zone is 20 points, 3 h is 7.5", () => {
    expect(part(scorePair(mentee(), mentor(), WINTER), "time-zone").points).toBe(20);
    const ny = part(scorePair(mentee(), mentor({ timeZone: "America/New_York" }), WINTER), "time-zone");
    expect(ny.points).toBe(7.5);
    expect(ny.explanation).toBe("Dana and Alex share 3 hours of the working day (9:00–17:00 in Europe/London and America/New_York).");
    const none = part(scorePair(mentee({ timeZone: "Asia/Tokyo" }), mentor({ timeZone: "America/New_York" }), WINTER), "time-zone");
    expect(none.points).toBe(0);
    expect(none.explanation).toContain("have no working hours in common");
    const bad = part(scorePair(mentee({ timeZone: "Mars/Olympus" }), mentor(), WINTER), "time-zone");
    expect(bad.points).toBe(0);
    expect(bad.explanation).toContain('"Mars/Olympus" isn\'t recognised');
  });

  test("work-mode: same mode 10, remote mentees get the +10 bonus with remote or hybrid mentors", () => {
    const wm = (a: Mentee["workMode"], b: Mentor["workMode"]) =>
      part(scorePair(mentee({ workMode: a }), mentor({ workMode: b }), WINTER), "work-mode");
    expect(wm("office", "office").points).toBe(10);
    expect(wm("office", "hybrid").points).toBe(6);
    expect(wm("office", "remote").points).toBe(2);
    expect(wm("remote", "remote").points).toBe(20);
    expect(wm("remote", "hybrid").points).toBe(16);
    expect(wm("remote", "office").points).toBe(2);
    expect(wm("remote", "remote").explanation).toBe(
      "Dana works remotely and Alex works remotely: the same mode, with a bonus because remote mentees are matched first.",
    );
    expect(wm("office", "remote").explanation).toBe("Dana works in the office and Alex works remotely: a poor fit.");
  });

  test("conflict part adds no points and explains the absence of conflicts", () => {
    const c = part(scorePair(mentee(), mentor(), WINTER), "conflict");
    expect(c.points).toBe(0);
    expect(c.explanation).toBe("Alex isn't Dana's lead or already Dana's mentor, and has 2 of 3 places free.");
  });

  test("falls back to generic names when none are given", () => {
    const s = scorePair(mentee({ name: undefined }), mentor({ name: undefined }), WINTER);
    expect(part(s, "skills").explanation).toContain("The mentor is strong where the mentee most needs it");
    expect(part(s, "career").explanation).toMatch(/^The mentor is a Senior Agent/);
  });
});

describe("strengths and the mentee's own voice", () => {
  test("a competency is a strength only from 70%: 46% is never called one, even where it adds points", () => {
    expect(STRONG_AT).toBe(0.7);
    expect(isStrength(0.7)).toBe(true);
    expect(isStrength(0.46)).toBe(false);
    const weak = scorePair(mentee({ gaps: { empathy: 0.6 } }), mentor({ strengths: { empathy: 0.46 } }), WINTER, (key) => key);
    expect(part(weak, "skills").points).toBeGreaterThan(0);
    expect(part(weak, "skills").explanation).toBe(
      "Alex isn't strong (70% or more) in Dana's focus skills yet; the closest is empathy at 46%.",
    );
    expect(part(weak, "skills").explanation).not.toMatch(/is strong/);
  });

  test("for the mentee, every part speaks to them and names the mentor, with whole numbers and no dates", () => {
    const s = scorePair(
      mentee({ workMode: "remote" }),
      mentor({ timeZone: "Asia/Kolkata", workMode: "remote" }),
      WINTER,
      (key) => key,
      "mentee",
    );
    expect(s.parts.map((p) => inEnglish(p.explanation))).toEqual([
      "Alex is strong where you most need it: empathy (Alex 90%, you 40%).",
      "Alex is a Senior Agent, the level you're aiming for.",
      "You and Alex share 2½ hours of the working day (9:00–17:00 in Europe/London and Asia/Kolkata).",
      "You work remotely and Alex works remotely: the same mode, with a bonus because remote mentees are matched first.",
      "Alex isn't your lead or already your mentor, and has 2 of 3 places free.",
    ]);
    for (const p of s.parts) expect(inEnglish(p.explanation)).not.toMatch(/\d\.\d|\d{4}-\d{2}-\d{2}|Dana/);
  });

  test("hours read as words to the nearest half hour", () => {
    expect(inEnglish(hoursInWords(8))).toBe("8 hours");
    expect(inEnglish(hoursInWords(1))).toBe("1 hour");
    expect(inEnglish(hoursInWords(5.5))).toBe("5½ hours");
    expect(inEnglish(hoursInWords(0.5))).toBe("half an hour");
    expect(inEnglish(hoursInWords(0.2))).toBe("less than half an hour");
  });
});

describe("conflicts make a pair ineligible", () => {
  const cases: [string, Partial<Mentee>, Partial<Mentor>, RegExp][] = [
    ["mentor leads the mentee's team", {}, { leadOfTeamIds: ["team-a"] }, /Alex is Dana's own lead/],
    ["mentor is the mentee's lead by id", { leadId: "alex" }, {}, /Alex is Dana's own lead/],
    ["mentee is one of the mentor's reports", {}, { reportIds: ["dana"] }, /Alex is Dana's own lead/],
    ["mentee is the mentor's own lead", {}, { leadId: "dana" }, /Dana is Alex's own lead/],
    ["same person", { id: "alex" }, {}, /cannot mentor themselves/],
    ["already paired", { pairedMentorIds: ["alex"] }, {}, /already paired with Alex/],
    ["no capacity left", {}, { capacity: 2, activeMentees: 2 }, /no capacity left \(2 of 2 places taken\)/],
    ["over capacity", {}, { capacity: 1, activeMentees: 3 }, /no capacity left/],
  ];
  test.each(cases)("%s", (_name, me, mo, reason) => {
    const s = scorePair(mentee(me), mentor(mo), WINTER);
    expect(s.eligible).toBe(false);
    const c = part(s, "conflict");
    expect(c.points).toBe(0);
    expect(c.explanation).toMatch(/^Not eligible: /);
    expect(c.explanation).toMatch(reason);
    expect(isEligible(mentee(me), mentor(mo))).toBe(false);
    expect(pairTotal(mentee(me), mentor(mo), WINTER)).toBeNull();
  });

  test("several conflicts are listed in one sentence", () => {
    const s = scorePair(mentee({ pairedMentorIds: ["alex"] }), mentor({ leadOfTeamIds: ["team-a"], activeMentees: 3 }), WINTER);
    expect(part(s, "conflict").explanation).toBe(
      "Not eligible: Alex is Dana's own lead; Dana is already paired with Alex; Alex has no capacity left (3 of 3 places taken).",
    );
  });
});

describe("time-zone overlap", () => {
  test("parses Intl short offsets including half hours", () => {
    expect(utcOffsetMinutes("Europe/London", "2025-01-15")).toBe(0);
    expect(utcOffsetMinutes("Europe/London", "2025-07-15")).toBe(60);
    expect(utcOffsetMinutes("America/New_York", "2025-01-15")).toBe(-300);
    expect(utcOffsetMinutes("Asia/Kolkata", "2025-01-15")).toBe(330);
    expect(utcOffsetMinutes("America/St_Johns", "2025-01-15")).toBe(-210);
    expect(utcOffsetMinutes("Not/AZone", "2025-01-15")).toBeNull();
  });

  test("Europe/London vs America/New_York: 3 h on a winter date, symmetric", () => {
    expect(workingOverlapHours("Europe/London", "America/New_York", WINTER)).toBe(3);
    expect(workingOverlapHours("America/New_York", "Europe/London", WINTER)).toBe(3);
    expect(workingOverlapHours("Europe/London", "America/New_York", SUMMER)).toBe(3);
    // 10 March 2025: New York already on EDT, London still on GMT → 4 h
    expect(workingOverlapHours("Europe/London", "America/New_York", new Date("2025-03-12T12:00:00Z"))).toBe(4);
  });

  test("Asia/Tokyo vs America/Los_Angeles: 1 h across the date line in winter, none in summer", () => {
    // LA 09–17 PST = 17:00–01:00 UTC; Tokyo 09–17 JST (next day) = 00:00–08:00 UTC → 1 h
    expect(workingOverlapHours("Asia/Tokyo", "America/Los_Angeles", WINTER)).toBe(1);
    expect(workingOverlapHours("America/Los_Angeles", "Asia/Tokyo", WINTER)).toBe(1);
    // PDT: LA 16:00–00:00 UTC → touches Tokyo's day only at midnight → 0 h
    expect(workingOverlapHours("Asia/Tokyo", "America/Los_Angeles", SUMMER)).toBe(0);
    const s = scorePair(mentee({ timeZone: "Asia/Tokyo" }), mentor({ timeZone: "America/Los_Angeles" }), WINTER);
    expect(part(s, "time-zone").points).toBe(2.5);
  });

  test("half-hour zones and identical zones", () => {
    expect(workingOverlapHours("Asia/Kolkata", "Europe/London", WINTER)).toBe(2.5);
    expect(workingOverlapHours("Asia/Tokyo", "Asia/Tokyo", WINTER)).toBe(8);
    expect(workingOverlapHours("Asia/Tokyo", "Bad/Zone", WINTER)).toBeNull();
  });
});

describe("pairTotal fast path", () => {
  test("equals scorePair total for eligible pairs", () => {
    const combos: [Partial<Mentee>, Partial<Mentor>][] = [
      [{}, {}],
      [
        { workMode: "remote", timeZone: "Asia/Tokyo" },
        { workMode: "hybrid", timeZone: "America/Los_Angeles", level: "agent-1" },
      ],
      [{ gaps: { a: 0.33, b: 0.77, c: 0.1 } }, { strengths: { a: 0.71, b: 0.13, c: 0.99 }, timeZone: "Asia/Kolkata" }],
    ];
    for (const [me, mo] of combos) {
      const s = scorePair(mentee(me), mentor(mo), WINTER);
      expect(pairTotal(mentee(me), mentor(mo), WINTER)).toBe(s.total);
    }
  });
});
