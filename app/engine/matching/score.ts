/**
 * Mentor–mentee pair scoring (DESIGN §8 Mentoring). Pure: no Prisma, no I/O.
 *
 * Parts (max points):
 *   skills     0..40  Σ gap × strength over the mentee's gap competencies, normalised by Σ gap
 *   career     0..20  mentor level at or beyond the mentee's target level
 *   time-zone  0..20  hours of overlap between the two 09:00–17:00 working days (8 h = 20)
 *   work-mode  0..10  fit of work modes, +10 remote-first bonus when the mentee is remote and the
 *                     mentor is remote or hybrid (so remote mentees are prioritised: DESIGN §2)
 *   conflict   0      never adds points; any conflict makes the pair ineligible
 */
import { LEVELS, LEVEL_LABELS, type Level, type WorkMode } from "~/domain/people.ts";
import { message } from "~/i18n/message.ts";
import type { Mentee, Mentor, PairScore, ScorePart } from "./types.ts";

export const MAX_POINTS = { skills: 40, career: 20, timeZone: 20, workMode: 10, remoteBonus: 10 } as const;

const WORK_START_MIN = 9 * 60;
const WORK_END_MIN = 17 * 60;
const WORK_DAY_MIN = WORK_END_MIN - WORK_START_MIN;
const DAY_MIN = 24 * 60;

const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Time zones

const offsetCache = new Map<string, number | null>();

/** The UTC calendar date of `now`, "YYYY-MM-DD". */
export function utcDateKey(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * UTC offset in minutes (e.g. +540 for Asia/Tokyo, −300 for America/New_York in winter) of an
 * IANA zone on a UTC calendar date, measured at 12:00 UTC that day; null when the zone is unknown.
 * Uses Intl's "shortOffset" names ("GMT+9", "GMT-3:30", "GMT"). Cached per zone and date.
 */
export function utcOffsetMinutes(timeZone: string, dateKey: string): number | null {
  const cacheKey = `${timeZone}|${dateKey}`;
  const cached = offsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let result: number | null = null;
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" }).formatToParts(
      new Date(`${dateKey}T12:00:00Z`),
    );
    const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "";
    const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name);
    if (m) {
      const sign = m[1] === "-" ? -1 : 1;
      result = m[1] ? sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    }
  } catch {
    result = null; // RangeError: invalid time zone
  }
  offsetCache.set(cacheKey, result);
  return result;
}

/**
 * Hours of overlap between the 09:00–17:00 local working days of two zones on `now`'s UTC date,
 * or null when either zone is unknown. A working day may overlap the other zone's previous or
 * next day (e.g. Los Angeles afternoon = Tokyo early next morning), so shifts of ±1 day are tried.
 */
export function workingOverlapHours(zoneA: string, zoneB: string, now: Date): number | null {
  const key = utcDateKey(now);
  const a = utcOffsetMinutes(zoneA, key);
  const b = utcOffsetMinutes(zoneB, key);
  if (a === null || b === null) return null;
  const startA = WORK_START_MIN - a;
  const endA = WORK_END_MIN - a;
  let best = 0;
  for (const shift of [-DAY_MIN, 0, DAY_MIN]) {
    const startB = WORK_START_MIN - b + shift;
    const endB = WORK_END_MIN - b + shift;
    best = Math.max(best, Math.min(endA, endB) - Math.max(startA, startB));
  }
  return best / 60;
}

// ---------------------------------------------------------------------------------------------
// Numeric parts (shared by scorePair and pairTotal so both always agree)

interface SkillTerm {
  key: string;
  gap: number;
  strength: number;
  product: number;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function skillTerms(mentee: Mentee, mentor: Mentor): { terms: SkillTerm[]; gapSum: number; productSum: number } {
  const terms: SkillTerm[] = [];
  let gapSum = 0;
  let productSum = 0;
  for (const key in mentee.gaps) {
    const gap = clamp01(mentee.gaps[key]);
    if (gap <= 0) continue;
    const strength = clamp01(mentor.strengths[key] ?? 0);
    const product = gap * strength;
    gapSum += gap;
    productSum += product;
    terms.push({ key, gap, strength, product });
  }
  return { terms, gapSum, productSum };
}

function skillsPoints(gapSum: number, productSum: number): number {
  return gapSum > 0 ? round2((MAX_POINTS.skills * productSum) / gapSum) : 0;
}

/** Levels the mentor is below the mentee's target (0 when at or beyond it). */
function levelsBelow(mentee: Mentee, mentor: Mentor): number {
  return Math.max(0, LEVELS.indexOf(mentee.targetLevel) - LEVELS.indexOf(mentor.level));
}

function careerPoints(below: number): number {
  return below === 0 ? MAX_POINTS.career : below === 1 ? MAX_POINTS.career * 0.4 : 0;
}

function timeZonePoints(overlapHours: number | null): number {
  return overlapHours === null ? 0 : round2((MAX_POINTS.timeZone * overlapHours * 60) / WORK_DAY_MIN);
}

function modeFit(a: WorkMode, b: WorkMode): number {
  if (a === b) return MAX_POINTS.workMode;
  if (a === "hybrid" || b === "hybrid") return 6;
  return 2; // remote ↔ office
}

function remoteBonus(mentee: Mentee, mentor: Mentor): number {
  return mentee.workMode === "remote" && mentor.workMode !== "office" ? MAX_POINTS.remoteBonus : 0;
}

/** Why the pair is ruled out, as messages naming both people (names or "the mentee", "the mentor"). */
function conflictReasons(mentee: Mentee, mentor: Mentor, menteeName: string, mentorName: string): string[] {
  const names = { mentee: menteeName, mentor: mentorName };
  const reasons: string[] = [];
  if (mentee.id === mentor.id) return [message("mentoring:score.conflict.self", names)];
  if (mentor.id === mentee.leadId || mentor.leadOfTeamIds.includes(mentee.teamId) || (mentor.reportIds ?? []).includes(mentee.id)) {
    reasons.push(message("mentoring:score.conflict.mentorLeads", names));
  }
  if (mentor.leadId === mentee.id) reasons.push(message("mentoring:score.conflict.menteeLeads", names));
  if (mentee.pairedMentorIds.includes(mentor.id)) reasons.push(message("mentoring:score.conflict.alreadyPaired", names));
  if (mentor.activeMentees >= mentor.capacity) {
    reasons.push(message("mentoring:score.conflict.noCapacity", { ...names, taken: mentor.activeMentees, capacity: mentor.capacity }));
  }
  return reasons;
}

/** True when no conflict rules the pair out. */
export function isEligible(mentee: Mentee, mentor: Mentor): boolean {
  return !(
    mentee.id === mentor.id ||
    mentor.id === mentee.leadId ||
    mentor.leadOfTeamIds.includes(mentee.teamId) ||
    (mentor.reportIds ?? []).includes(mentee.id) ||
    mentor.leadId === mentee.id ||
    mentee.pairedMentorIds.includes(mentor.id) ||
    mentor.activeMentees >= mentor.capacity
  );
}

/**
 * Total score of an eligible pair without building explanations (fast path for the optimiser),
 * or null when the pair is ineligible. Always equals scorePair(...).total for eligible pairs.
 */
export function pairTotal(mentee: Mentee, mentor: Mentor, now: Date): number | null {
  if (!isEligible(mentee, mentor)) return null;
  const { gapSum, productSum } = skillTerms(mentee, mentor);
  return round2(
    skillsPoints(gapSum, productSum) +
      careerPoints(levelsBelow(mentee, mentor)) +
      timeZonePoints(workingOverlapHours(mentee.timeZone, mentor.timeZone, now)) +
      (modeFit(mentee.workMode, mentor.workMode) + remoteBonus(mentee, mentor)) +
      0,
  );
}

// ---------------------------------------------------------------------------------------------
// Explained score

/** Measured strength (share of the top level) from which a mentor's competency is called a strength. */
export const STRONG_AT = 0.7;

/** A competency counts as a mentor's strength only from STRONG_AT: a 46% score is not a strength. */
export function isStrength(strength: number): boolean {
  return strength >= STRONG_AT;
}

/** Who reads the explanations: the mentee choosing a mentor ("you"), or someone else (names). */
export type Voice = "mentee" | "observer";

// English says "an Agent II" but "a Senior Agent"; the catalog chooses the article by this value.
const article = (level: Level) => (level.startsWith("agent") ? "an" : "a");
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percent = (x: number) => Math.round(x * 100);

/** Hours to the nearest half, in words: "8 hours", "5½ hours", "half an hour" (a message). */
export function hoursInWords(hours: number): string {
  const halves = Math.round(hours * 2);
  return message("mentoring:score.hours", { halves, whole: Math.floor(halves / 2), half: halves % 2 ? "yes" : "no" });
}

/** How the mentee and the mentor are named: their names, or "the mentee" and "the mentor" as messages. */
function namesFor(mentee: Mentee, mentor: Mentor, voice: Voice) {
  return {
    voice,
    Mentor: mentor.name ? capitalise(mentor.name) : message("mentoring:score.theMentorFirst"),
    mentor: mentor.name ?? message("mentoring:score.theMentor"),
    Mentee: mentee.name ? capitalise(mentee.name) : message("mentoring:score.theMenteeFirst"),
    mentee: mentee.name ?? message("mentoring:score.theMentee"),
  };
}

/**
 * Score one mentee–mentor pair with a plain explanation (a message) for every part, written for
 * `voice`: the mentee reads "you", anyone else reads names. `competencyName` turns competency
 * keys into the names people read.
 */
export function scorePair(
  mentee: Mentee,
  mentor: Mentor,
  now: Date,
  competencyName: (key: string) => string = (key) => key,
  voice: Voice = "observer",
): PairScore {
  const names = namesFor(mentee, mentor, voice);
  const parts: ScorePart[] = [];

  // Skills: only a competency at or above STRONG_AT is called a strength.
  const { terms, gapSum, productSum } = skillTerms(mentee, mentor);
  const strong = terms
    .filter((t) => t.product > 0 && isStrength(t.strength))
    .sort((x, y) => y.product - x.product || x.key.localeCompare(y.key))
    .slice(0, 2);
  const closest = [...terms].filter((t) => t.strength > 0).sort((x, y) => y.strength - x.strength || x.key.localeCompare(y.key))[0];
  let skillsText: string;
  if (gapSum === 0) {
    skillsText = message("mentoring:score.skills.noGaps", names);
  } else if (strong.length > 0) {
    const list = strong.map((t) =>
      message("mentoring:score.skills.strength", {
        ...names,
        competency: competencyName(t.key),
        strength: percent(t.strength),
        current: percent(1 - t.gap),
      }),
    );
    skillsText = message("mentoring:score.skills.strong", { ...names, count: list.length, first: list[0]!, second: list[1] ?? "" });
  } else if (closest) {
    skillsText = message("mentoring:score.skills.notStrong", {
      ...names,
      bar: percent(STRONG_AT),
      competency: competencyName(closest.key),
      strength: percent(closest.strength),
    });
  } else {
    const weakest = [...terms]
      .sort((x, y) => y.gap - x.gap || x.key.localeCompare(y.key))
      .slice(0, 2)
      .map((t) => competencyName(t.key));
    skillsText = message("mentoring:score.skills.none", {
      ...names,
      count: weakest.length,
      first: weakest[0] ?? "",
      second: weakest[1] ?? "",
    });
  }
  parts.push({ key: "skills", points: skillsPoints(gapSum, productSum), explanation: skillsText });

  // Career relevance
  const below = levelsBelow(mentee, mentor);
  const careerValues = {
    voice,
    mentor: mentor.name ? capitalise(mentor.name) : message("mentoring:score.theMentorFirst"),
    mentee: mentee.name ?? message("mentoring:score.theMentee"),
    article: article(mentor.level),
    level: LEVEL_LABELS[mentor.level],
    target: LEVEL_LABELS[mentee.targetLevel],
  };
  const careerText =
    mentor.level === mentee.targetLevel
      ? message("mentoring:score.career.same", careerValues)
      : below === 0
        ? message("mentoring:score.career.above", careerValues)
        : message("mentoring:score.career.below", { ...careerValues, count: below });
  parts.push({ key: "career", points: careerPoints(below), explanation: careerText });

  // Time-zone overlap, on today's offsets (summer time moves it)
  const overlap = workingOverlapHours(mentee.timeZone, mentor.timeZone, now);
  const zones = {
    ...names,
    sameZone: mentee.timeZone === mentor.timeZone ? "yes" : "no",
    menteeZone: mentee.timeZone,
    mentorZone: mentor.timeZone,
  };
  let tzText: string;
  if (overlap === null) {
    const unknown = utcOffsetMinutes(mentee.timeZone, utcDateKey(now)) === null ? mentee.timeZone : mentor.timeZone;
    tzText = message("mentoring:score.timeZone.unknown", { zone: unknown });
  } else if (overlap === 0) {
    tzText = message("mentoring:score.timeZone.none", zones);
  } else {
    tzText = message("mentoring:score.timeZone.share", { ...zones, hours: hoursInWords(overlap) });
  }
  parts.push({ key: "time-zone", points: timeZonePoints(overlap), explanation: tzText });

  // Work mode
  const fit = modeFit(mentee.workMode, mentor.workMode);
  const bonus = remoteBonus(mentee, mentor);
  const modeText = message("mentoring:score.workMode", {
    ...names,
    menteeMode: mentee.workMode,
    mentorMode: mentor.workMode,
    fit: fit === MAX_POINTS.workMode ? "same" : fit > 2 ? "partial" : "poor",
    bonus: bonus > 0 ? "yes" : "no",
  });
  parts.push({ key: "work-mode", points: fit + bonus, explanation: modeText });

  // Conflicts: the reasons name both people, as only someone other than the mentee sees them.
  const reasons = conflictReasons(mentee, mentor, names.mentee, names.mentor);
  const free = mentor.capacity - mentor.activeMentees;
  const conflictText =
    reasons.length > 0
      ? message("mentoring:score.conflict.notEligible", {
          count: reasons.length,
          ...Object.fromEntries(reasons.map((reason, index) => [`reason${index + 1}`, reason])),
        })
      : message("mentoring:score.conflict.eligible", { ...names, free, capacity: mentor.capacity });
  parts.push({ key: "conflict", points: 0, explanation: conflictText });

  const total = round2(parts.reduce((s, p) => s + p.points, 0));
  return { total, parts, eligible: reasons.length === 0 };
}
