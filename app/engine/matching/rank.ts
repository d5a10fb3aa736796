/** Ranked list of eligible mentors for one mentee (DESIGN §8: mentees pick from a ranked list). */
import { scorePair } from "./score.ts";
import type { Mentee, Mentor, PairScore } from "./types.ts";

export interface RankedMentor {
  mentor: Mentor;
  score: PairScore;
}

/**
 * Eligible mentors sorted by total score, highest first; ties broken by mentor id ascending. The
 * list is the mentee's to choose from, so its explanations speak to them ("you").
 */
export function rankMentors(
  mentee: Mentee,
  mentors: readonly Mentor[],
  now: Date,
  competencyName?: (key: string) => string,
): RankedMentor[] {
  return mentors
    .map((mentor) => ({ mentor, score: scorePair(mentee, mentor, now, competencyName, "mentee") }))
    .filter((r) => r.score.eligible)
    .sort((a, b) => b.score.total - a.score.total || (a.mentor.id < b.mentor.id ? -1 : a.mentor.id > b.mentor.id ? 1 : 0));
}
