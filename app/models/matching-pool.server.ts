import { OPEN_PAIRING_STATUSES } from "~/domain/mentoring.ts";
import type { Level, WorkMode } from "~/domain/people.ts";
import { gapOf, measureCompetencies, strengthOf, type MeasuredCompetency } from "~/engine/career/measured.ts";
import { optimisePool } from "~/engine/matching/optimise.ts";
import { rankMentors } from "~/engine/matching/rank.ts";
import type { Mentee, Mentor } from "~/engine/matching/types.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";
import { careerRecords, type DifficultyOf } from "./career-record.server.ts";

/** Competency keys and scenario difficulties: what measuring people from their practice needs. */
export type MeasureContent = { competencyKeys: string[]; difficultyOf: DifficultyOf; competencyName: (key: string) => string };

/** Each person's measured competencies from graded practice, in the content's order. */
export async function measuredCompetencies(userIds: string[], content: MeasureContent): Promise<Map<string, MeasuredCompetency[]>> {
  const records = await careerRecords(userIds, content.difficultyOf);
  return new Map(userIds.map((id) => [id, measureCompetencies(records.get(id)?.evidence.attempts ?? [], content.competencyKeys)]));
}

type PoolPerson = {
  id: string;
  name: string;
  level: string;
  timeZone: string;
  workMode: string;
  teamId: string | null;
  team: { leadId: string | null } | null;
  ledTeams: { id: string }[];
};

const poolPersonSelect = {
  id: true,
  name: true,
  level: true,
  timeZone: true,
  workMode: true,
  teamId: true,
  team: { select: { leadId: true } },
  ledTeams: { select: { id: true } },
} satisfies Prisma.UserSelect;

function openRequestWhere(unpairedOnly: boolean): Prisma.MenteeRequestWhereInput {
  return {
    status: "open",
    mentee: { deactivatedAt: null, ...(unpairedOnly ? { mentored: { none: { status: { in: [...OPEN_PAIRING_STATUSES] } } } } : {}) },
  };
}

const availableMentorWhere = { active: true, user: { deactivatedAt: null } } satisfies Prisma.MentorProfileWhereInput;

const placesTakenSelect = {
  _count: { select: { mentoring: { where: { status: { in: [...OPEN_PAIRING_STATUSES] } } } } },
} satisfies Prisma.UserSelect;

/** The admin's overview before matching: who is waiting and how much room mentors have. */
export async function countOpenPool() {
  const [openRequests, mentors] = await Promise.all([
    prisma.menteeRequest.count({ where: openRequestWhere(true) }),
    prisma.mentorProfile.findMany({ where: availableMentorWhere, select: { capacity: true, user: { select: placesTakenSelect } } }),
  ]);
  const free = mentors.map((mentor) => Math.max(0, mentor.capacity - mentor.user._count.mentoring)).filter((places) => places > 0);
  return { openRequests, mentorsWithPlaces: free.length, placesFree: free.reduce((sum, places) => sum + places, 0) };
}

export type MatchingPool = {
  mentees: Mentee[];
  mentors: Mentor[];
  /** Mentors' profile details for display. */
  mentorDetails: Map<string, { bio: string; languages: string[]; availability: string; strengths: string[] }>;
  competencyName: (key: string) => string;
};

/**
 * The matching engine's view of people: open requests as mentees (gaps measured on their focus
 * competencies), active mentor profiles as mentors (strengths measured on what they offer).
 * `menteeIds` limits the mentees loaded (one person's suggestions); omit it for the whole pool.
 */
export async function loadMatchingPool(
  content: MeasureContent,
  options: { menteeIds?: string[]; unpairedOnly?: boolean } = {},
): Promise<MatchingPool> {
  const [requests, profiles] = await Promise.all([
    prisma.menteeRequest.findMany({
      where: { ...openRequestWhere(options.unpairedOnly ?? false), ...(options.menteeIds ? { menteeId: { in: options.menteeIds } } : {}) },
      select: { targetLevel: true, focus: true, mentee: { select: { ...poolPersonSelect, mentored: { select: { mentorId: true } } } } },
    }),
    prisma.mentorProfile.findMany({
      where: availableMentorWhere,
      select: {
        capacity: true,
        strengths: true,
        bio: true,
        languages: true,
        availability: true,
        user: { select: { ...poolPersonSelect, ...placesTakenSelect } },
      },
    }),
  ]);
  const measured = await measuredCompetencies(
    [...requests.map((request) => request.mentee.id), ...profiles.map((profile) => profile.user.id)],
    content,
  );
  const byKey = (id: string) => new Map((measured.get(id) ?? []).map((entry) => [entry.key, entry]));

  const mentees: Mentee[] = requests.map(({ mentee, targetLevel, focus }) => {
    const own = byKey(mentee.id);
    return {
      ...engineBase(mentee),
      leadId: mentee.team?.leadId ?? "",
      teamId: mentee.teamId ?? "",
      targetLevel: targetLevel as Level,
      gaps: Object.fromEntries(StringListColumn.read(focus).map((key) => [key, gapOf(own.get(key))])),
      pairedMentorIds: mentee.mentored.map((pairing) => pairing.mentorId),
    };
  });
  const mentors: Mentor[] = profiles.map(({ user, capacity, strengths }) => {
    const own = byKey(user.id);
    return {
      ...engineBase(user),
      level: user.level as Level,
      capacity,
      activeMentees: user._count.mentoring,
      strengths: Object.fromEntries(StringListColumn.read(strengths).map((key) => [key, strengthOf(own.get(key))])),
      leadOfTeamIds: user.ledTeams.map((team) => team.id),
      leadId: user.team?.leadId ?? null,
    };
  });
  const mentorDetails = new Map(
    profiles.map((profile) => [
      profile.user.id,
      {
        bio: profile.bio,
        languages: StringListColumn.read(profile.languages),
        availability: profile.availability,
        strengths: StringListColumn.read(profile.strengths),
      },
    ]),
  );
  return { mentees, mentors, mentorDetails, competencyName: content.competencyName };
}

function engineBase(person: PoolPerson) {
  return { id: person.id, name: person.name, timeZone: person.timeZone, workMode: person.workMode as WorkMode };
}

/** One mentee's eligible mentors, best first, each score explained. */
export async function mentorSuggestions(menteeId: string, content: MeasureContent, now = new Date()) {
  const pool = await loadMatchingPool(content, { menteeIds: [menteeId] });
  const mentee = pool.mentees[0];
  if (!mentee) return null;
  return rankMentors(mentee, pool.mentors, now, pool.competencyName).map(({ mentor, score }) => ({
    mentor,
    score,
    details: pool.mentorDetails.get(mentor.id)!,
  }));
}

/** The admin's pool: every open, unpaired request and every mentor with places, optimally matched. */
export async function optimiseOpenPool(content: MeasureContent, now = new Date()) {
  const pool = await loadMatchingPool(content, { unpairedOnly: true });
  return { pool, result: optimisePool(pool.mentees, pool.mentors, now) };
}
