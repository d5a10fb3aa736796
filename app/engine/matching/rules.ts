/**
 * Who may mentor, who may see a pairing, and how an admin's hand-adjusted pool choice scores.
 * Pure: no Prisma, no I/O.
 */
import type { Viewer } from "../../utils/permissions.ts";
import { isNewHire } from "../../utils/user-fields.ts";
import { scorePair } from "./score.ts";
import type { Mentee, Mentor, PairScore } from "./types.ts";

/** Why a person cannot offer mentoring, or null when they can. */
export function mentorIneligibility(person: { hireDate: Date; deactivatedAt: Date | null }, now: Date): string | null {
  if (person.deactivatedAt) return "Deactivated accounts can't mentor.";
  if (isNewHire(person.hireDate, now)) return "Mentoring opens after your first 90 days — for now, make the most of being mentored.";
  return null;
}

export type PairingAccess = "mentor" | "mentee" | "observer";

type PairingSides = { mentor: { id: string; teamId: string | null }; mentee: { id: string; teamId: string | null } };

/** The pair take part; admins and the leads of either person's team read; anyone else sees nothing. */
export function pairingAccess(viewer: Viewer, pairing: PairingSides): PairingAccess | null {
  if (pairing.mentor.id === viewer.id) return "mentor";
  if (pairing.mentee.id === viewer.id) return "mentee";
  if (viewer.role === "admin") return "observer";
  const ledTeam = (teamId: string | null) => teamId !== null && viewer.ledTeamIds.includes(teamId);
  if (viewer.role === "lead" && (ledTeam(pairing.mentee.teamId) || ledTeam(pairing.mentor.teamId))) return "observer";
  return null;
}

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
    if (seen.has(menteeId))
      return { menteeId, mentorId, score: null, problem: "This person is already in the list once; each mentee gets one mentor." };
    seen.add(menteeId);
    if (!mentee) return { menteeId, mentorId, score: null, problem: "This person no longer has an open request." };
    if (!mentorId) return { menteeId, mentorId, score: null, problem: null };
    if (!mentor) return { menteeId, mentorId, score: null, problem: "That mentor is no longer taking mentees." };
    const extra = taken.get(mentor.id) ?? 0;
    const score = scorePair(mentee, { ...mentor, activeMentees: mentor.activeMentees + extra }, now, competencyName);
    if (score.eligible) taken.set(mentor.id, extra + 1);
    return { menteeId, mentorId, score, problem: score.eligible ? null : score.parts.find((part) => part.key === "conflict")!.explanation };
  });
}
