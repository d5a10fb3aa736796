/**
 * How an admin's hand-adjusted pool choice scores. Pure: no Prisma, no I/O.
 */
import { message } from "~/i18n/message.ts";
import { scorePair } from "./score.ts";
import type { Mentee, Mentor, PairScore } from "./types.ts";

export type PoolChoice = { menteeId: string; mentorId: string | null };
export type ScoredChoice = PoolChoice & { score: PairScore | null; problem: string | null };

/**
 * Scores an admin's (possibly adjusted) set of pairs against the current pool. Each pair is
 * checked with the places the earlier pairs in the set already took, so a mentor can't be
 * given more mentees than they have room for.
 */
export function scorePoolChoice(
  pool: { mentees: readonly Mentee[]; mentors: readonly Mentor[] },
  choices: readonly PoolChoice[],
  now: Date,
  competencyName?: (key: string) => string,
): ScoredChoice[] {
  const taken = new Map<string, number>();
  const seen = new Set<string>();
  return choices.map(({ menteeId, mentorId }) => {
    const mentee = pool.mentees.find((candidate) => candidate.id === menteeId);
    const mentor = mentorId ? pool.mentors.find((candidate) => candidate.id === mentorId) : undefined;
    if (seen.has(menteeId)) return { menteeId, mentorId, score: null, problem: message("mentoring:pool.problem.listedTwice") };
    seen.add(menteeId);
    if (!mentee) return { menteeId, mentorId, score: null, problem: message("mentoring:pool.problem.noRequest") };
    if (!mentorId) return { menteeId, mentorId, score: null, problem: null };
    if (!mentor) return { menteeId, mentorId, score: null, problem: message("mentoring:pool.problem.mentorGone") };
    const extra = taken.get(mentor.id) ?? 0;
    const score = scorePair(mentee, { ...mentor, activeMentees: mentor.activeMentees + extra }, now, competencyName);
    if (score.eligible) taken.set(mentor.id, extra + 1);
    return { menteeId, mentorId, score, problem: score.eligible ? null : score.parts.find((part) => part.key === "conflict")!.explanation };
  });
}
