import type { CareerAttempt } from "~/engine/career/evaluate.ts";
import { gapOf, measureCompetencies, strengthOf, type MeasuredCompetency } from "~/engine/career/measured.ts";
import { parseStringList } from "~/engine/coaching/sessions.ts";
import { optimisePool } from "~/engine/matching/optimise.ts";
import { rankMentors } from "~/engine/matching/rank.ts";
import { mentorIneligibility, pairingAccess, scorePoolChoice } from "~/engine/matching/rules.ts";
import type { Mentee, Mentor, PairScore } from "~/engine/matching/types.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { OPEN_PAIRING_STATUSES, type FitCheck } from "~/utils/mentoring-fields.ts";
import { PAIRINGS_PAGE_SIZE } from "~/utils/page-sizes.ts";
import { paginate } from "~/utils/paginate.server.ts";
import type { Viewer } from "~/utils/permissions.ts";
import type { Level, WorkMode } from "~/utils/user-fields.ts";
import { recordAudit } from "./audit.server.ts";
import { careerRecords } from "./career.server.ts";
import { notify } from "./notification.server.ts";

type Actor = { id: string; name: string };
type Refused = { status: "refused"; reason: string; field?: string };
type NotFound = { status: "not-found" };
type Done = { status: "ok" };

type DifficultyOf = (scenarioSlug: string) => CareerAttempt["difficulty"] | undefined;

/** Competency keys and scenario difficulties: what measuring people from their practice needs. */
export type MeasureContent = { competencyKeys: string[]; difficultyOf: DifficultyOf; competencyName: (key: string) => string };

/** Each person's measured competencies from graded practice, in the content's order. */
export async function measuredCompetencies(userIds: string[], content: MeasureContent): Promise<Map<string, MeasuredCompetency[]>> {
  const records = await careerRecords(userIds, content.difficultyOf);
  return new Map(userIds.map((id) => [id, measureCompetencies(records.get(id)?.evidence.attempts ?? [], content.competencyKeys)]));
}

// ---------------------------------------------------------------------------------------------
// Mentor profiles

export type MentorProfileInput = {
  capacity: number;
  strengths: string[];
  bio: string;
  languages: string[];
  availability: string;
  timeZone: string;
  workMode: WorkMode;
};

/** What the mentoring pages need to know about the person themself. */
export async function getMentoringPerson(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { hireDate: true, deactivatedAt: true, timeZone: true, workMode: true } });
}

export async function getMentorProfile(userId: string) {
  const [profile, placesTaken] = await Promise.all([
    prisma.mentorProfile.findUnique({ where: { userId } }),
    openPairingCount(prisma, userId),
  ]);
  return (
    profile && { ...profile, strengths: parseStringList(profile.strengths), languages: parseStringList(profile.languages), placesTaken }
  );
}

function openPairingCount(client: Prisma.TransactionClient | typeof prisma, mentorId: string) {
  return client.pairing.count({ where: { mentorId, status: { in: [...OPEN_PAIRING_STATUSES] } } });
}

/**
 * Creates or updates the mentor profile (opting in); the time zone and work mode are the person's
 * own. Editing a paused profile leaves it paused: resuming is its own, deliberate step.
 */
export async function saveMentorProfile(userId: string, input: MentorProfileInput, now = new Date()): Promise<Done | Refused> {
  return prisma.$transaction(async (tx) => {
    const person = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { hireDate: true, deactivatedAt: true } });
    const ineligible = mentorIneligibility(person, now);
    if (ineligible) return { status: "refused", reason: ineligible };
    const taken = await openPairingCount(tx, userId);
    if (input.capacity < taken) {
      return {
        status: "refused",
        field: "capacity",
        reason: `You already have ${taken} mentees (active or proposed); capacity can't go below that.`,
      };
    }
    const data = {
      capacity: input.capacity,
      strengths: JSON.stringify(input.strengths),
      bio: input.bio,
      languages: JSON.stringify(input.languages),
      availability: input.availability,
    };
    await tx.mentorProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await tx.user.update({ where: { id: userId }, data: { timeZone: input.timeZone, workMode: input.workMode } });
    return { status: "ok" };
  });
}

/** Pausing stops new requests and pool matches; current mentees carry on. */
export async function setMentorActive(userId: string, active: boolean): Promise<Done | NotFound> {
  const { count } = await prisma.mentorProfile.updateMany({ where: { userId }, data: { active } });
  return count === 0 ? { status: "not-found" } : { status: "ok" };
}

// ---------------------------------------------------------------------------------------------
// Mentee requests

export type MenteeRequestInput = { goals: string; targetLevel: Level; focus: string[]; preferences: string };

export async function getMenteeRequest(userId: string) {
  const request = await prisma.menteeRequest.findUnique({ where: { menteeId: userId } });
  return request && { ...request, targetLevel: request.targetLevel as Level, focus: parseStringList(request.focus) };
}

/**
 * Saves the request and opens it, so suggestions appear; someone who already has an active mentor
 * only updates what they are working on, and stays out of the matching pool.
 */
export async function saveMenteeRequest(userId: string, input: MenteeRequestInput): Promise<Done> {
  const mentored = await prisma.pairing.count({ where: { menteeId: userId, status: "active" } });
  const data = {
    goals: input.goals,
    targetLevel: input.targetLevel,
    focus: JSON.stringify(input.focus),
    preferences: input.preferences,
    status: mentored ? "closed" : "open",
  };
  await prisma.menteeRequest.upsert({ where: { menteeId: userId }, create: { menteeId: userId, ...data }, update: data });
  return { status: "ok" };
}

const WITHDRAWN_FEEDBACK = "The mentee withdrew their request before it was answered.";

/** Closes the request; a request still waiting for a mentor's answer is withdrawn with it. */
export async function withdrawMenteeRequest(actor: Actor, now = new Date()): Promise<Done | NotFound> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.menteeRequest.updateMany({ where: { menteeId: actor.id, status: "open" }, data: { status: "closed" } });
    if (count === 0) return { status: "not-found" };
    const waiting = await tx.pairing.findMany({ where: { menteeId: actor.id, status: "proposed" }, select: { id: true, mentorId: true } });
    for (const pairing of waiting) {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "ended", endedAt: now, endFeedback: WITHDRAWN_FEEDBACK } });
      await notify(
        pairing.mentorId,
        { kind: "mentoring", title: `${actor.name} withdrew their mentoring request`, link: `/mentoring/pairings/${pairing.id}` },
        tx,
      );
    }
    return { status: "ok" };
  });
}

// ---------------------------------------------------------------------------------------------
// Matching inputs

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
      gaps: Object.fromEntries(parseStringList(focus).map((key) => [key, gapOf(own.get(key))])),
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
      strengths: Object.fromEntries(parseStringList(strengths).map((key) => [key, strengthOf(own.get(key))])),
      leadOfTeamIds: user.ledTeams.map((team) => team.id),
      leadId: user.team?.leadId ?? null,
    };
  });
  const mentorDetails = new Map(
    profiles.map((profile) => [
      profile.user.id,
      {
        bio: profile.bio,
        languages: parseStringList(profile.languages),
        availability: profile.availability,
        strengths: parseStringList(profile.strengths),
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

// ---------------------------------------------------------------------------------------------
// Pairings

/**
 * Checks a requested pair against the current data: the mentee has an open request, the mentor is
 * active with a place free, and neither is the other's lead or already paired. Returns the score.
 */
async function checkPair(
  menteeId: string,
  mentorId: string,
  content: MeasureContent,
  now: Date,
): Promise<{ status: "ok"; score: PairScore } | Refused> {
  if (menteeId === mentorId) return { status: "refused", reason: "You can't be your own mentor." };
  const pool = await loadMatchingPool(content, { menteeIds: [menteeId] });
  if (pool.mentees.length === 0)
    return { status: "refused", reason: "Tell us what you want from mentoring first: there is no open mentoring request." };
  const [choice] = scorePoolChoice(pool, [{ menteeId, mentorId }], now, pool.competencyName);
  if (!choice!.score)
    return { status: "refused", reason: "That mentor isn't taking mentees at the moment. Choose another from your suggestions." };
  if (choice!.problem) return { status: "refused", reason: choice!.problem };
  return { status: "ok", score: choice!.score };
}

export async function requestMentor(
  actor: Actor,
  input: { mentorId: string; message: string },
  content: MeasureContent,
  now = new Date(),
): Promise<(Done & { pairingId: string }) | Refused> {
  const open = await prisma.pairing.findFirst({
    where: { menteeId: actor.id, status: { in: [...OPEN_PAIRING_STATUSES] } },
    select: { status: true, mentor: { select: { name: true } } },
  });
  if (open) {
    const reason =
      open.status === "active"
        ? `You already have a mentor: ${open.mentor.name}.`
        : `Your request to ${open.mentor.name} is still waiting for an answer.`;
    return { status: "refused", reason };
  }
  const checked = await checkPair(actor.id, input.mentorId, content, now);
  if (checked.status !== "ok") return checked;
  return withPlacesHeld(async (tx) => {
    await holdPlace(tx, input.mentorId, actor.id);
    const created = await tx.pairing.create({
      data: {
        mentorId: input.mentorId,
        menteeId: actor.id,
        source: "request",
        message: input.message,
        score: checked.score.total,
        createdAt: now,
      },
      select: { id: true },
    });
    await notify(
      input.mentorId,
      { kind: "mentoring", title: `${actor.name} asked you to be their mentor`, link: `/mentoring/pairings/${created.id}` },
      tx,
    );
    return { status: "ok", pairingId: created.id };
  });
}

/** Another request or publication took the place between the check and the write. */
class PlaceTaken extends Error {}

/**
 * Re-checks, inside the writing transaction, that the mentor still has a place and the mentee
 * has no open pairing: the checks before it read outside the transaction, and two requests (or a
 * request and a pool publication) can race for the last place.
 */
async function holdPlace(tx: Prisma.TransactionClient, mentorId: string, menteeId: string): Promise<void> {
  const [profile, taken, menteeOpen] = await Promise.all([
    tx.mentorProfile.findUnique({
      where: { userId: mentorId },
      select: { capacity: true, active: true, user: { select: { name: true } } },
    }),
    openPairingCount(tx, mentorId),
    tx.pairing.count({ where: { menteeId, status: { in: [...OPEN_PAIRING_STATUSES] } } }),
  ]);
  if (!profile?.active) throw new PlaceTaken("That mentor isn't taking mentees at the moment. Choose another from your suggestions.");
  if (taken >= profile.capacity) throw new PlaceTaken(`${profile.user.name} has just filled their last place. Choose another mentor.`);
  if (menteeOpen > 0) throw new PlaceTaken("A mentor has just been proposed for this person; nothing was changed.");
}

async function withPlacesHeld<Result>(write: (tx: Prisma.TransactionClient) => Promise<Result>): Promise<Result | Refused> {
  try {
    return await prisma.$transaction(write);
  } catch (error) {
    if (error instanceof PlaceTaken) return { status: "refused", reason: error.message };
    throw error;
  }
}

const pairingSelect = {
  id: true,
  status: true,
  source: true,
  message: true,
  score: true,
  fitCheck: true,
  fitCheckedAt: true,
  declineReason: true,
  acceptedAt: true,
  endedAt: true,
  endFeedback: true,
  createdAt: true,
  mentor: { select: { id: true, name: true, level: true, teamId: true, timeZone: true } },
  mentee: { select: { id: true, name: true, level: true, teamId: true, timeZone: true } },
  meetings: {
    orderBy: { heldOn: "desc" },
    select: { id: true, heldOn: true, notes: true, rating: true, loggedBy: { select: { name: true } } },
  },
} satisfies Prisma.PairingSelect;

export type PairingView = Prisma.PairingGetPayload<{ select: typeof pairingSelect }>;

/** How the viewer stands to a pairing: one of the pair, or a lead or admin reading along. */
/**
 * One pairing with what the mentee asked for, when the viewer may see it: the pair themselves,
 * admins, and leads of either person's team. Anyone else gets null, as for an id that doesn't exist.
 */
export async function getPairingFor(viewer: Viewer, id: string) {
  const pairing = await prisma.pairing.findUnique({
    where: { id },
    select: {
      ...pairingSelect,
      mentee: {
        select: {
          ...pairingSelect.mentee.select,
          menteeRequest: { select: { goals: true, targetLevel: true, focus: true, preferences: true } },
        },
      },
    },
  });
  const access = pairing && pairingAccess(viewer, pairing);
  if (!pairing || !access) return null;
  const { menteeRequest, ...mentee } = pairing.mentee;
  const request = menteeRequest && {
    ...menteeRequest,
    targetLevel: menteeRequest.targetLevel as Level,
    focus: parseStringList(menteeRequest.focus),
  };
  return { access, pairing: { ...pairing, mentee }, request };
}

const STATUS_ORDER: Record<string, number> = { proposed: 0, active: 1 };

/** Proposals waiting for an answer first, then active pairings, then the history; newest first within each. */
function proposedFirst<Row extends { status: string }>(rows: Row[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (STATUS_ORDER[a.row.status] ?? 2) - (STATUS_ORDER[b.row.status] ?? 2) || a.index - b.index)
    .map(({ row }) => row);
}

/** A person's pairings as mentor and as mentee, proposed ones first. */
export async function listPairingsOf(userId: string) {
  const pairings = proposedFirst(
    await prisma.pairing.findMany({
      where: { OR: [{ mentorId: userId }, { menteeId: userId }] },
      orderBy: { createdAt: "desc" },
      select: pairingSelect,
    }),
  );
  return {
    asMentor: pairings.filter((pairing) => pairing.mentor.id === userId),
    asMentee: pairings.filter((pairing) => pairing.mentee.id === userId),
  };
}

/** Pairings in which a mentor or a mentee belongs to one of the teams, proposed ones first. */
export async function listTeamPairings(teamIds: string[]) {
  return proposedFirst(
    await prisma.pairing.findMany({
      where: {
        status: { in: ["proposed", "active", "ended"] },
        OR: [{ mentee: { teamId: { in: teamIds } } }, { mentor: { teamId: { in: teamIds } } }],
      },
      orderBy: { createdAt: "desc" },
      select: pairingSelect,
    }),
  );
}

/** Proposals waiting for this mentor's answer. */
export async function countProposalsAwaiting(mentorId: string): Promise<number> {
  return prisma.pairing.count({ where: { mentorId, status: "proposed" } });
}

/** Every proposed and active pairing in the organisation, proposals first, a page at a time. */
export async function listOpenPairings(page: number) {
  const where = { status: { in: [...OPEN_PAIRING_STATUSES] } };
  const { total, rows: pairings } = await paginate(
    page,
    PAIRINGS_PAGE_SIZE,
    () => prisma.pairing.count({ where }),
    (window) => prisma.pairing.findMany({ where, orderBy: [{ status: "desc" }, { createdAt: "desc" }], ...window, select: pairingSelect }),
  );
  return { total, pairings };
}

type PairingRole = "mentor" | "mentee";

async function findPairingFor(tx: Prisma.TransactionClient, pairingId: string, userId: string, roles: readonly PairingRole[]) {
  const pairing = await tx.pairing.findUnique({
    where: { id: pairingId },
    select: {
      id: true,
      status: true,
      mentorId: true,
      menteeId: true,
      mentor: { select: { name: true } },
      mentee: { select: { name: true } },
      _count: { select: { meetings: true } },
    },
  });
  if (!pairing) return null;
  const allowed = (roles.includes("mentor") && pairing.mentorId === userId) || (roles.includes("mentee") && pairing.menteeId === userId);
  return allowed ? pairing : null;
}

/** The mentor accepts or declines a proposal; an accepted pairing closes the mentee's request. */
export async function respondToProposal(
  actor: Actor,
  input: { pairingId: string; accept: boolean; reason: string },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const pairing = await findPairingFor(tx, input.pairingId, actor.id, ["mentor"]);
    if (!pairing) return { status: "not-found" };
    if (pairing.status !== "proposed") return { status: "refused", reason: "This pairing has already been answered." };
    if (input.accept) {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "active", acceptedAt: now } });
      await tx.menteeRequest.updateMany({ where: { menteeId: pairing.menteeId }, data: { status: "closed" } });
    } else {
      await tx.pairing.update({ where: { id: pairing.id }, data: { status: "declined", declineReason: input.reason, endedAt: now } });
    }
    await notify(
      pairing.menteeId,
      {
        kind: "mentoring",
        title: input.accept
          ? `${actor.name} accepted: your mentoring has started`
          : `${actor.name} can't mentor you right now — choose another mentor`,
        link: input.accept ? `/mentoring/pairings/${pairing.id}` : "/mentoring",
      },
      tx,
    );
    return { status: "ok" };
  });
}

export async function logMeeting(
  actor: Actor,
  input: { pairingId: string; heldOn: Date; notes: string; rating: number },
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const pairing = await findPairingFor(tx, input.pairingId, actor.id, ["mentor", "mentee"]);
    if (!pairing) return { status: "not-found" };
    if (pairing.status !== "active") return { status: "refused", reason: "Meetings can be logged only while the pairing is active." };
    await tx.pairingMeeting.create({
      data: { pairingId: pairing.id, heldOn: input.heldOn, notes: input.notes, rating: input.rating, loggedById: actor.id },
    });
    return { status: "ok" };
  });
}

/** The mentee's answer after the first meeting. */
export async function answerFitCheck(
  actor: Actor,
  input: { pairingId: string; fit: FitCheck },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const pairing = await findPairingFor(tx, input.pairingId, actor.id, ["mentee"]);
    if (!pairing) return { status: "not-found" };
    if (pairing.status !== "active") return { status: "refused", reason: "The fit check is for active pairings." };
    if (pairing._count.meetings === 0) return { status: "refused", reason: "Log your first meeting before the fit check." };
    await tx.pairing.update({ where: { id: pairing.id }, data: { fitCheck: input.fit, fitCheckedAt: now } });
    return { status: "ok" };
  });
}

/**
 * Either side ends the pairing with feedback. `findAnother` (the mentee's re-pair after a
 * "not a fit") reopens their request so new suggestions appear straight away.
 */
export async function endPairing(
  actor: Actor,
  input: { pairingId: string; feedback: string; findAnother: boolean },
  now = new Date(),
): Promise<Done | Refused | NotFound> {
  return prisma.$transaction(async (tx) => {
    const pairing = await findPairingFor(tx, input.pairingId, actor.id, ["mentor", "mentee"]);
    if (!pairing) return { status: "not-found" };
    if (pairing.status !== "active" && pairing.status !== "proposed")
      return { status: "refused", reason: "This pairing has already ended." };
    await tx.pairing.update({ where: { id: pairing.id }, data: { status: "ended", endedAt: now, endFeedback: input.feedback } });
    if (input.findAnother && pairing.menteeId === actor.id) {
      await tx.menteeRequest.updateMany({ where: { menteeId: actor.id }, data: { status: "open" } });
    }
    const otherId = pairing.mentorId === actor.id ? pairing.menteeId : pairing.mentorId;
    await notify(
      otherId,
      { kind: "mentoring", title: `${actor.name} ended your mentoring pairing`, link: `/mentoring/pairings/${pairing.id}` },
      tx,
    );
    return { status: "ok" };
  });
}

// ---------------------------------------------------------------------------------------------
// Whole-pool matching

/** The admin's pool: every open, unpaired request and every mentor with places, optimally matched. */
export async function optimiseOpenPool(content: MeasureContent, now = new Date()) {
  const pool = await loadMatchingPool(content, { unpairedOnly: true });
  return { pool, result: optimisePool(pool.mentees, pool.mentors, now) };
}

/** Publishes a checked pool choice as proposed pairings and tells both sides of every pair. */
export async function publishPool(
  actor: Actor,
  choices: { menteeId: string; mentorId: string | null }[],
  content: MeasureContent,
  now = new Date(),
): Promise<(Done & { published: number }) | Refused> {
  const pool = await loadMatchingPool(content, { unpairedOnly: true });
  const scored = scorePoolChoice(pool, choices, now, pool.competencyName);
  const problem = scored.find((entry) => entry.problem);
  if (problem) return { status: "refused", reason: problem.problem! };
  const pairs = scored.filter((entry) => entry.mentorId && entry.score);
  if (pairs.length === 0) return { status: "refused", reason: "Choose at least one pair to publish." };
  const names = new Map([...pool.mentees, ...pool.mentors].map((person) => [person.id, person.name ?? ""]));
  return withPlacesHeld(async (tx) => {
    const pairingIds: string[] = [];
    for (const pair of pairs) {
      await holdPlace(tx, pair.mentorId!, pair.menteeId);
      const pairing = await tx.pairing.create({
        data: {
          menteeId: pair.menteeId,
          mentorId: pair.mentorId!,
          source: "pool",
          message: "Matched by your mentoring programme.",
          score: pair.score!.total,
          createdAt: now,
        },
        select: { id: true },
      });
      pairingIds.push(pairing.id);
      const link = `/mentoring/pairings/${pairing.id}`;
      await notify(
        pair.mentorId!,
        { kind: "mentoring", title: `You've been matched to mentor ${names.get(pair.menteeId)} — please accept or decline`, link },
        tx,
      );
      await notify(
        pair.menteeId,
        { kind: "mentoring", title: `You've been matched with ${names.get(pair.mentorId!)} as your mentor`, link },
        tx,
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "mentoring.pool-published",
      targetType: "pairing",
      targetId: pairingIds[0]!,
      summary: `Published ${pairs.length} mentoring pair${pairs.length === 1 ? "" : "s"} from the pool`,
      details: { pairingIds, pairs: pairs.map((pair) => ({ menteeId: pair.menteeId, mentorId: pair.mentorId, score: pair.score!.total })) },
    });
    return { status: "ok" as const, published: pairs.length };
  });
}
