import { z } from "zod";
import { LevelSchema, type Level, type Role } from "~/domain/people.ts";
import type { CareerAttempt, CareerEvidence } from "~/engine/career/evaluate.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { prisma, rawDate } from "~/utils/db.server.ts";
import { groupBy } from "~/utils/group-by.ts";
import { jsonColumn } from "~/utils/json-column.ts";

/** The details of a promotion's audit event: the level before and after. */
const LevelChangeColumn = jsonColumn(z.object({ from: LevelSchema, to: LevelSchema }));

/** The newest graded attempts per person the ladder looks at; every requirement reads fewer. */
const ATTEMPTS_PER_PERSON = 50;

export type DifficultyOf = (scenarioSlug: string) => CareerAttempt["difficulty"] | undefined;

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

/** One graded attempt, with the competencies it assessed averaged in SQL on the 0–2 scale. */
type AttemptRow = {
  id: string;
  userId: string;
  scenarioSlug: string;
  source: string;
  /** Reviewed by a person: the whole conversation, or a level in it overridden. */
  reviewed: boolean | number;
  startedAt: Date | string;
  passed: boolean | number;
  /** JSON: [competency, level written with 17 significant digits][], so the double reads back exactly. */
  competencies: string;
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

/** The evaluator's per-criterion input, fed one already-averaged "criterion" per competency on a 0–2 scale. */
function attemptsFrom(rows: AttemptRow[], difficultyOf: DifficultyOf): CareerAttempt[] {
  return rows.flatMap((row): CareerAttempt[] => {
    const real = row.source === "real";
    // A practice scenario no longer in the content is no evidence; a real conversation never had one.
    const difficulty = real ? null : difficultyOf(row.scenarioSlug);
    if (difficulty === undefined) return [];
    const competencies = JSON.parse(row.competencies) as [string, string][];
    return [
      {
        id: row.id,
        scenarioSlug: row.scenarioSlug,
        difficulty,
        source: real ? "real" : "practice",
        reviewed: Boolean(row.reviewed),
        passed: Boolean(row.passed),
        startedAt: rawDate(row.startedAt),
        criteria: competencies.map(([competency, level]) => ({
          competency,
          level: Number(level),
          overrideLevel: null,
          maxLevel: 2,
          applicable: true,
        })),
      },
    ];
  });
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
    // Each person's newest graded attempts are found from their end of the (userId, startedAt) index,
    // so the cost follows the fifty read, not the person's whole history.
    // A criterion the grader isn't trusted on ("needs human review") counts only once a person has reviewed the conversation.
    // One row per attempt (its competencies as JSON): a team of fifty reads 2,500 rows, not 17,000.
    prisma.$queryRaw<AttemptRow[]>`
      SELECT x."id", x."userId", x."scenarioSlug", x."source", x."startedAt", x."passed", MAX(x."reviewed") AS "reviewed",
        json_group_array(json_array(x."competency", printf('%!.17g', x."level")) ORDER BY x."competency") FILTER (WHERE x."competency" IS NOT NULL) AS "competencies"
      FROM (
        SELECT a."id", a."userId", a."scenarioSlug", a."source", a."startedAt", g."passed", c."competency",
          AVG(MIN(MAX(COALESCE(c."overrideLevel", c."level"), 0), c."maxLevel") * 2.0 / c."maxLevel") AS "level",
          (a."reviewedAt" IS NOT NULL OR MAX(c."overrideLevel" IS NOT NULL)) AS "reviewed"
        FROM "User" AS u
        INNER JOIN "PracticeAttempt" AS a ON a."id" IN (
          SELECT p."id" FROM "PracticeAttempt" AS p
          WHERE p."userId" = u."id" AND EXISTS (SELECT 1 FROM "PracticeGrade" AS pg WHERE pg."attemptId" = p."id")
          ORDER BY p."startedAt" DESC LIMIT ${ATTEMPTS_PER_PERSON})
        INNER JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
        LEFT JOIN "GradeCriterion" AS c ON c."gradeId" = g."id" AND c."applicable" = TRUE AND c."maxLevel" > 0
          AND (a."reviewedAt" IS NOT NULL OR c."criterionId" NOT IN (SELECT r."criterionId" FROM "CriterionReviewRule" AS r))
        WHERE ${who}
        GROUP BY a."id", c."competency") AS x
      GROUP BY x."id"`,
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
      const hireDate = rawDate(person.hireDate);
      const history = (historyBy.get(person.id) ?? []).map((event): LevelChange => {
        const { from, to } = LevelChangeColumn.read(event.details);
        return { from, to, at: rawDate(event.createdAt) };
      });
      const lastChange = history[history.length - 1];
      const nominations = (nominationsBy.get(person.id) ?? []).map((row) => ({
        level: row.level as Level,
        status: row.status,
        by: row.byName,
        at: rawDate(row.createdAt),
      }));
      const pending = nominations.find((nomination) => nomination.status === "pending");
      const evidence: CareerEvidence = {
        completedModules: (progressBy.get(person.id) ?? []).map((row) => ({ slug: row.moduleSlug, completedAt: rawDate(row.completedAt) })),
        attempts: attemptsFrom(attemptsBy.get(person.id) ?? [], difficultyOf),
        coachingSessions: (sessionsBy.get(person.id) ?? []).map((session) => ({
          id: session.id,
          scheduledAt: rawDate(session.scheduledAt),
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
