import { z } from "zod";
import type { CareerAttempt, CareerEvidence } from "~/engine/career/evaluate.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { CheckInRatingSchema, type CheckInPerspective, type CheckInRating, type NominationStatus } from "~/utils/career-fields.ts";
import { prisma } from "~/utils/db.server.ts";
import { groupBy } from "~/utils/group-by.ts";
import { jsonColumn } from "~/utils/json-column.ts";
import { PROMOTIONS_PAGE_SIZE } from "~/utils/page-sizes.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { LEVEL_LABELS, LevelSchema, type Level, type Role } from "~/utils/user-fields.ts";
import { recordAudit } from "./audit.server.ts";
import { notify } from "./notification.server.ts";

/** The details of a promotion's audit event: the level before and after. */
const LevelChangeColumn = jsonColumn(z.object({ from: LevelSchema, to: LevelSchema }));

/** The newest graded attempts per person the ladder looks at; every requirement reads fewer. */
const ATTEMPTS_PER_PERSON = 50;

type Actor = { id: string; name: string };

type DifficultyOf = (scenarioSlug: string) => CareerAttempt["difficulty"] | undefined;

export type LevelChange = { from: Level; to: Level; at: Date };

export type CareerRecord = {
  evidence: CareerEvidence;
  history: LevelChange[];
  hireDate: Date;
  name: string;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
  /** The nomination waiting for an admin's decision; there is at most one. */
  pendingNomination: { level: Level; by: string; at: Date } | null;
};

/** One graded attempt × one competency it assessed, averaged in SQL on the 0–2 scale; competency is null for an attempt that assessed none. */
type AttemptCompetencyRow = {
  id: string;
  userId: string;
  scenarioSlug: string;
  startedAt: Date | string;
  passed: boolean | number;
  competency: string | null;
  level: number | null;
};

type PersonRow = {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  level: string;
  hireDate: Date | string;
  deactivatedAt: Date | string | null;
};
type ProgressRow = { userId: string; moduleSlug: string; completedAt: Date | string };
type SessionRow = { id: string; agentId: string; scheduledAt: Date | string };
type LevelEventRow = { targetId: string; details: string; createdAt: Date | string };
type MentoringRow = { id: string; mentorId: string; menteeId: string; menteeName: string };
type NominationRow = { agentId: string; level: string; status: string; createdAt: Date | string; byName: string };

// Raw queries answer dates as stored (text or epoch milliseconds), booleans as 0/1 and integers as bigint.
const toDate = (value: Date | string) => new Date(value);

/** The evaluator's per-criterion input, fed one already-averaged "criterion" per competency on a 0–2 scale. */
function attemptsFrom(rows: AttemptCompetencyRow[], difficultyOf: DifficultyOf): CareerAttempt[] {
  const attempts = new Map<string, CareerAttempt>();
  for (const row of rows) {
    const difficulty = difficultyOf(row.scenarioSlug);
    if (!difficulty) continue;
    let attempt = attempts.get(row.id);
    if (!attempt) {
      attempt = {
        id: row.id,
        scenarioSlug: row.scenarioSlug,
        difficulty,
        passed: Boolean(row.passed),
        startedAt: toDate(row.startedAt),
        criteria: [],
      };
      attempts.set(row.id, attempt);
    }
    if (row.competency !== null)
      attempt.criteria.push({ competency: row.competency, level: Number(row.level), overrideLevel: null, maxLevel: 2, applicable: true });
  }
  return [...attempts.values()];
}

/**
 * Everything the career evaluator reads about the people `who` selects (a condition on
 * `"User" AS u`), in seven SQL statements however many people there are: a team's readiness
 * table loads fifty at once, and with the three the session check runs it must stay within ten.
 * So people are picked by a subquery rather than a list of ids read first, and nothing uses
 * nested selects (each would be one more statement). Mentoring given counts pairings the mentor
 * accepted; a lead's sign-off is their pending or approved nomination for a level
 * (docs/decisions/006-nomination-is-the-lead-sign-off.md).
 */
async function loadCareerRecords(who: Prisma.Sql, difficultyOf: DifficultyOf): Promise<Map<string, CareerRecord>> {
  const people = Prisma.sql`SELECT u."id" FROM "User" AS u WHERE ${who}`;
  const [personRows, progressRows, attemptRows, sessionRows, levelEvents, mentoringRows, nominationRows] = await Promise.all([
    prisma.$queryRaw<PersonRow[]>`
      SELECT u."id", u."name", u."teamId", t."name" AS "teamName", u."level", u."hireDate", u."deactivatedAt"
      FROM "User" AS u LEFT JOIN "Team" AS t ON t."id" = u."teamId"
      WHERE ${who}
      ORDER BY u."name" ASC`,
    prisma.$queryRaw<ProgressRow[]>`
      SELECT m."userId", m."moduleSlug", m."completedAt" FROM "ModuleProgress" AS m
      WHERE m."userId" IN (${people}) AND m."completedAt" IS NOT NULL`,
    // Averaged per attempt and competency in SQL, exactly as the evaluator would (reviewed levels
    // first, clamped, on 0–2), so a team of fifty sends a few thousand rows instead of tens of thousands.
    prisma.$queryRaw<AttemptCompetencyRow[]>`
      SELECT a."id", a."userId", a."scenarioSlug", a."startedAt", g."passed", c."competency",
        AVG(MIN(MAX(COALESCE(c."overrideLevel", c."level"), 0), c."maxLevel") * 2.0 / c."maxLevel") AS "level"
      FROM (
        SELECT p."id", p."userId", p."scenarioSlug", p."startedAt",
          ROW_NUMBER() OVER (PARTITION BY p."userId" ORDER BY p."startedAt" DESC) AS "recency"
        FROM "PracticeAttempt" AS p
        WHERE p."userId" IN (${people}) AND EXISTS (SELECT 1 FROM "PracticeGrade" AS pg WHERE pg."attemptId" = p."id")
      ) AS a
      INNER JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
      LEFT JOIN "GradeCriterion" AS c ON c."gradeId" = g."id" AND c."applicable" = TRUE AND c."maxLevel" > 0
      WHERE a."recency" <= ${ATTEMPTS_PER_PERSON}
      GROUP BY a."id", c."competency"`,
    prisma.$queryRaw<SessionRow[]>`
      SELECT s."id", s."agentId", s."scheduledAt" FROM "CoachingSession" AS s WHERE s."agentId" IN (${people})`,
    prisma.$queryRaw<LevelEventRow[]>`
      SELECT e."targetId", e."details", e."createdAt" FROM "AuditEvent" AS e
      WHERE e."targetType" = 'user' AND e."action" = 'user.level-changed' AND e."targetId" IN (${people})
      ORDER BY e."createdAt" ASC`,
    prisma.$queryRaw<MentoringRow[]>`
      SELECT p."id", p."mentorId", p."menteeId", m."name" AS "menteeName"
      FROM "Pairing" AS p INNER JOIN "User" AS m ON m."id" = p."menteeId"
      WHERE p."mentorId" IN (${people}) AND p."acceptedAt" IS NOT NULL
      ORDER BY p."acceptedAt" ASC`,
    prisma.$queryRaw<NominationRow[]>`
      SELECT n."agentId", n."level", n."status", n."createdAt", b."name" AS "byName"
      FROM "Nomination" AS n INNER JOIN "User" AS b ON b."id" = n."nominatedById"
      WHERE n."agentId" IN (${people}) AND n."status" IN ('pending', 'approved')`,
  ]);

  const progressBy = groupBy(progressRows, (row) => row.userId);
  const attemptsBy = groupBy(attemptRows, (row) => row.userId);
  const sessionsBy = groupBy(sessionRows, (row) => row.agentId);
  const historyBy = groupBy(levelEvents, (row) => row.targetId);
  const mentoringBy = groupBy(mentoringRows, (row) => row.mentorId);
  const nominationsBy = groupBy(nominationRows, (row) => row.agentId);

  return new Map(
    personRows.map((person) => {
      const hireDate = toDate(person.hireDate);
      const history = (historyBy.get(person.id) ?? []).map((event): LevelChange => {
        const { from, to } = LevelChangeColumn.read(event.details);
        return { from, to, at: toDate(event.createdAt) };
      });
      const lastChange = history[history.length - 1];
      const nominations = (nominationsBy.get(person.id) ?? []).map((row) => ({
        level: row.level as Level,
        status: row.status,
        by: row.byName,
        at: toDate(row.createdAt),
      }));
      const pending = nominations.find((nomination) => nomination.status === "pending");
      const evidence: CareerEvidence = {
        completedModules: (progressBy.get(person.id) ?? []).map((row) => ({ slug: row.moduleSlug, completedAt: toDate(row.completedAt) })),
        attempts: attemptsFrom(attemptsBy.get(person.id) ?? [], difficultyOf),
        coachingSessions: (sessionsBy.get(person.id) ?? []).map((session) => ({
          id: session.id,
          scheduledAt: toDate(session.scheduledAt),
        })),
        mentoring: (mentoringBy.get(person.id) ?? []).map((row) => ({
          pairingId: row.id,
          menteeId: row.menteeId,
          menteeName: row.menteeName,
        })),
        currentLevel: { key: person.level as Level, since: lastChange?.to === person.level ? lastChange.at : hireDate },
        signOffs: nominations.map(({ level, by, at }) => ({ level, signedOff: true, by, at })),
      };
      const record: CareerRecord = {
        evidence,
        history,
        hireDate,
        name: person.name,
        teamId: person.teamId,
        teamName: person.teamName,
        active: person.deactivatedAt === null,
        pendingNomination: pending ? { level: pending.level, by: pending.by, at: pending.at } : null,
      };
      return [person.id, record];
    }),
  );
}

export async function careerRecords(userIds: string[], difficultyOf: DifficultyOf): Promise<Map<string, CareerRecord>> {
  if (userIds.length === 0) return new Map();
  return loadCareerRecords(Prisma.sql`u."id" IN (${Prisma.join(userIds)})`, difficultyOf);
}

export async function careerRecord(userId: string, difficultyOf: DifficultyOf): Promise<CareerRecord | null> {
  return (await careerRecords([userId], difficultyOf)).get(userId) ?? null;
}

/**
 * The career records of the active people with these roles on these teams, or on any team or
 * none when `teamIds` is null: a readiness table's rows, without reading their ids first.
 */
export async function teamCareerRecords(
  { teamIds, roles }: { teamIds: string[] | null; roles: readonly Role[] },
  difficultyOf: DifficultyOf,
): Promise<Map<string, CareerRecord>> {
  if (teamIds?.length === 0 || roles.length === 0) return new Map();
  const onTeams = teamIds ? Prisma.sql` AND u."teamId" IN (${Prisma.join(teamIds)})` : Prisma.empty;
  return loadCareerRecords(Prisma.sql`u."deactivatedAt" IS NULL AND u."role" IN (${Prisma.join(roles)})${onTeams}`, difficultyOf);
}

// ---------------------------------------------------------------------------------------------
// Check-ins

export type CheckInView = {
  perspective: CheckInPerspective;
  ratings: Partial<Record<string, CheckInRating>>;
  note: string;
  authorName: string;
  at: Date;
};

function parseRatings(json: string): Partial<Record<string, CheckInRating>> {
  const parsed: unknown = JSON.parse(json);
  const ratings: Partial<Record<string, CheckInRating>> = {};
  if (parsed && typeof parsed === "object") {
    for (const [key, value] of Object.entries(parsed)) {
      const rating = CheckInRatingSchema.safeParse(value);
      if (rating.success) ratings[key] = rating.data;
    }
  }
  return ratings;
}

/** The agent's own and their lead's latest check-in, either of which may be missing. */
export async function latestCheckIns(agentId: string): Promise<Record<CheckInPerspective, CheckInView | null>> {
  const [self, lead] = await Promise.all(
    (["self", "lead"] as const).map((perspective) =>
      prisma.competencyCheckIn.findFirst({
        where: { agentId, perspective },
        orderBy: { createdAt: "desc" },
        select: { perspective: true, ratings: true, note: true, createdAt: true, author: { select: { name: true } } },
      }),
    ),
  );
  const view = (row: typeof self): CheckInView | null =>
    row && {
      perspective: row.perspective as CheckInPerspective,
      ratings: parseRatings(row.ratings),
      note: row.note,
      authorName: row.author.name,
      at: row.createdAt,
    };
  return { self: view(self), lead: view(lead) };
}

export async function recordCheckIn(input: {
  agentId: string;
  authorId: string;
  perspective: CheckInPerspective;
  ratings: Record<string, CheckInRating>;
  note: string;
}): Promise<void> {
  await prisma.competencyCheckIn.create({
    data: {
      agentId: input.agentId,
      authorId: input.authorId,
      perspective: input.perspective,
      ratings: JSON.stringify(input.ratings),
      note: input.note,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Nominations

const nominationSelect = {
  id: true,
  level: true,
  justification: true,
  status: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  agent: { select: { id: true, name: true, level: true, team: { select: { name: true } } } },
  nominatedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} satisfies Prisma.NominationSelect;

export type NominationView = Prisma.NominationGetPayload<{ select: typeof nominationSelect }>;

export async function listNominationsFor(agentIds: string[]): Promise<NominationView[]> {
  return prisma.nomination.findMany({ where: { agentId: { in: agentIds } }, orderBy: { createdAt: "desc" }, select: nominationSelect });
}

export async function listNominations(status: NominationStatus, page: number) {
  const where = { status };
  const { total, rows: nominations } = await paginate(
    page,
    PROMOTIONS_PAGE_SIZE,
    () => prisma.nomination.count({ where }),
    (window) =>
      prisma.nomination.findMany({
        where,
        orderBy: { createdAt: status === "pending" ? "asc" : "desc" },
        ...window,
        select: nominationSelect,
      }),
  );
  return { total, nominations };
}

export async function getNomination(id: string) {
  return prisma.nomination.findUnique({ where: { id }, select: nominationSelect });
}

export async function countPendingNominations(): Promise<number> {
  return prisma.nomination.count({ where: { status: "pending" } });
}

type NominationOutcome = { status: "ok"; nominationId: string } | { status: "refused"; reason: string };

/**
 * A lead nominates one of their people for a level the ladder says comes next. One pending
 * nomination per person at a time, so the admin's queue never holds two answers to one question.
 */
export async function nominate(
  actor: Actor,
  input: { agentId: string; level: Level; justification: string; allowedLevels: readonly Level[] },
): Promise<NominationOutcome> {
  if (!input.allowedLevels.includes(input.level))
    return { status: "refused", reason: `${LEVEL_LABELS[input.level]} is not a next level for this person.` };
  return prisma.$transaction(async (tx) => {
    const pending = await tx.nomination.findFirst({ where: { agentId: input.agentId, status: "pending" }, select: { level: true } });
    if (pending)
      return {
        status: "refused",
        reason: `There is already a nomination for ${LEVEL_LABELS[pending.level as Level]} waiting for a decision.`,
      };
    const agent = await tx.user.findUniqueOrThrow({ where: { id: input.agentId }, select: { name: true } });
    const nomination = await tx.nomination.create({
      data: { agentId: input.agentId, nominatedById: actor.id, level: input.level, justification: input.justification },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "nomination.created",
      targetType: "nomination",
      targetId: nomination.id,
      summary: `Nominated ${agent.name} for ${LEVEL_LABELS[input.level]}`,
      details: { agentId: input.agentId, level: input.level },
    });
    const admins = await tx.user.findMany({ where: { role: "admin", deactivatedAt: null }, select: { id: true } });
    for (const admin of admins) {
      await notify(
        admin.id,
        {
          kind: "nomination",
          title: `${actor.name} nominated ${agent.name} for ${LEVEL_LABELS[input.level]}`,
          link: `/admin/promotions/${nomination.id}`,
        },
        tx,
      );
    }
    return { status: "ok", nominationId: nomination.id };
  });
}

/**
 * An admin's decision. Approval moves the person to the level, writes the level history
 * (the audit event the Career page reads) and tells the agent; a decline keeps the reason.
 */
export async function decideNomination(
  actor: Actor,
  input: { nominationId: string; decision: "approve" | "decline"; note: string },
  now = new Date(),
): Promise<NominationOutcome | { status: "not-found" }> {
  return prisma.$transaction(async (tx) => {
    const nomination = await tx.nomination.findUnique({
      where: { id: input.nominationId },
      select: {
        id: true,
        status: true,
        level: true,
        nominatedById: true,
        agent: { select: { id: true, name: true, level: true, deactivatedAt: true } },
      },
    });
    if (!nomination) return { status: "not-found" };
    if (nomination.status !== "pending") return { status: "refused", reason: "This nomination has already been decided." };
    const level = nomination.level as Level;
    const agent = nomination.agent;
    if (input.decision === "approve" && agent.deactivatedAt)
      return { status: "refused", reason: `${agent.name}'s account is deactivated; reactivate it before approving.` };
    const approved = input.decision === "approve";
    await tx.nomination.update({
      where: { id: nomination.id },
      data: { status: approved ? "approved" : "declined", decisionNote: input.note, decidedAt: now, decidedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: approved ? "nomination.approved" : "nomination.declined",
      targetType: "nomination",
      targetId: nomination.id,
      summary: `${approved ? "Approved" : "Declined"} ${agent.name}'s nomination for ${LEVEL_LABELS[level]}`,
      details: { agentId: agent.id, level, note: input.note },
    });
    if (approved && agent.level !== level) {
      await tx.user.update({ where: { id: agent.id }, data: { level } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.level-changed",
        targetType: "user",
        targetId: agent.id,
        summary: `${agent.name}: ${LEVEL_LABELS[agent.level as Level]} → ${LEVEL_LABELS[level]}`,
        details: { from: agent.level, to: level, nominationId: nomination.id },
      });
    }
    await notify(
      agent.id,
      approved
        ? { kind: "promotion", title: `Congratulations — you are now ${LEVEL_LABELS[level]}`, link: "/career" }
        : { kind: "promotion", title: `Your nomination for ${LEVEL_LABELS[level]} was not approved this time`, link: "/career" },
      tx,
    );
    if (nomination.nominatedById !== actor.id) {
      const outcome = approved ? "approved" : "declined";
      await notify(
        nomination.nominatedById,
        {
          kind: "promotion",
          title: `${agent.name}'s nomination for ${LEVEL_LABELS[level]} was ${outcome}`,
          link: `/career/people/${agent.id}`,
        },
        tx,
      );
    }
    return { status: "ok", nominationId: nomination.id };
  });
}
