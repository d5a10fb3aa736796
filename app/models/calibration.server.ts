// Calibration sessions: organising one, and people scoring its conversations blind.
import type { Rubric } from "~/content/practice-schemas.ts";
import { CANDIDATE_LIMIT } from "~/domain/calibration.ts";
import type { Role } from "~/domain/people.ts";
import { PRACTICE_ONLY } from "~/domain/practice.ts";
import { canManageCalibration, canSeeCalibrationItem, isCalibrationOpen } from "~/engine/access/calibration.ts";
import { peopleScope, type Viewer } from "~/engine/access/people.ts";
import { drawSample } from "~/engine/calibration/sample.ts";
import type { Judgement } from "~/engine/grading/calibration-stats.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { contentTitle, loadContentIndex } from "./content-index.server.ts";
import { notify } from "./notification.server.ts";
import { scopeToWhere } from "./user.server.ts";

export type CandidateFilter = { teamId?: string; scenarioSlug?: string; from?: Date; to?: Date; belowPass?: boolean };

/** Graded conversations the organiser may put in a sample: their people's, scored on the rubric. */
function candidateWhere(organiser: Viewer, rubricId: string, filter: CandidateFilter = {}): Prisma.PracticeAttemptWhereInput {
  return {
    AND: [
      PRACTICE_ONLY,
      { user: { AND: [scopeToWhere(peopleScope(organiser)), { deactivatedAt: null }] } },
      { grade: { is: { criteria: { some: { rubricId } } } } },
      filter.teamId ? { user: { teamId: filter.teamId } } : {},
      filter.scenarioSlug ? { scenarioSlug: filter.scenarioSlug } : {},
      filter.from ? { endedAt: { gte: filter.from } } : {},
      filter.to ? { endedAt: { lt: new Date(filter.to.getTime() + 86_400_000) } } : {},
      filter.belowPass ? { grade: { is: { passed: false } } } : {},
    ],
  };
}

export async function countCandidates(organiser: Viewer, rubricId: string, filter: CandidateFilter = {}): Promise<number> {
  return prisma.practiceAttempt.count({ where: candidateWhere(organiser, rubricId, filter) });
}

/** The latest graded conversations matching the filter, for choosing a sample by hand. */
export async function listCandidates(organiser: Viewer, rubricId: string, filter: CandidateFilter = {}) {
  const [rows, index] = await Promise.all([
    prisma.practiceAttempt.findMany({
      where: candidateWhere(organiser, rubricId, filter),
      orderBy: [{ endedAt: "desc" }, { id: "desc" }],
      take: CANDIDATE_LIMIT,
      select: {
        id: true,
        scenarioSlug: true,
        endedAt: true,
        startedAt: true,
        user: { select: { name: true } },
        grade: { select: { overallScore: true } },
      },
    }),
    loadContentIndex(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    agentName: row.user.name,
    scenarioTitle: contentTitle(index, "scenario", row.scenarioSlug),
    endedAt: row.endedAt ?? row.startedAt,
    score: row.grade?.overallScore ?? 0,
  }));
}

/** Who may be invited: active leads and admins, and the organiser's own agents for self-review. */
export async function listInvitable(organiser: Viewer) {
  const people = await prisma.user.findMany({
    where: {
      deactivatedAt: null,
      OR: [{ role: { in: ["lead", "admin"] } }, { AND: [{ role: "agent" }, scopeToWhere(peopleScope(organiser))] }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true, team: { select: { name: true } } },
  });
  // Leads and admins first: they are who a calibration is usually for.
  return [...people].sort((a, b) => Number(a.role === "agent") - Number(b.role === "agent"));
}

export async function calibrationRubrics(): Promise<Rubric[]> {
  return (await getPracticeCatalog()).rubrics.filter((rubric) => rubric.criteria.some((criterion) => !criterion.critical));
}

export type NewCalibration = {
  title: string;
  rubricId: string;
  dueAt: Date;
  sharedWithAgents: boolean;
  raterIds: string[];
  sample: { mode: "chosen"; attemptIds: string[] } | { mode: "random"; size: number; filter: CandidateFilter };
};

export type CreateResult =
  { status: "ok"; sessionId: string } | { status: "bad-sample"; message: string } | { status: "bad-raters"; message: string };

export async function createCalibrationSession(organiser: Viewer, input: NewCalibration, seed = Date.now()): Promise<CreateResult> {
  const candidates = await prisma.practiceAttempt.findMany({
    where: {
      AND: [
        candidateWhere(organiser, input.rubricId, input.sample.mode === "random" ? input.sample.filter : {}),
        input.sample.mode === "chosen" ? { id: { in: input.sample.attemptIds } } : {},
      ],
    },
    orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    select: { id: true, userId: true },
  });
  if (input.sample.mode === "chosen" && candidates.length !== new Set(input.sample.attemptIds).size)
    return { status: "bad-sample", message: message("calibration:new.refusal.chosenUnavailable") };
  const sample = input.sample.mode === "random" ? drawSample(candidates, input.sample.size, seed) : candidates;
  if (sample.length < 2) return { status: "bad-sample", message: message("calibration:new.refusal.sampleTooSmall") };

  const raters = await prisma.user.findMany({
    where: { id: { in: input.raterIds }, deactivatedAt: null },
    select: { id: true, role: true, teamId: true },
  });
  const invitable = new Set((await listInvitable(organiser)).map((person) => person.id));
  if (raters.length !== new Set(input.raterIds).size || raters.some((rater) => !invitable.has(rater.id)))
    return { status: "bad-raters", message: message("calibration:new.refusal.ratersUnavailable") };
  const agentsWithoutItems = raters.filter(
    (rater) =>
      !sample.some((item) => canSeeCalibrationItem({ role: rater.role as Role, userId: rater.id }, input, { agentId: item.userId })),
  );
  if (agentsWithoutItems.length) return { status: "bad-raters", message: message("calibration:new.refusal.agentWithoutItems") };

  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.calibrationSession.create({
      data: {
        title: input.title,
        rubricId: input.rubricId,
        dueAt: input.dueAt,
        sharedWithAgents: input.sharedWithAgents,
        organiserId: organiser.id,
        items: { create: sample.map((item, position) => ({ attemptId: item.id, position })) },
        raters: { create: raters.map((rater) => ({ userId: rater.id })) },
      },
      select: { id: true },
    });
    for (const rater of raters)
      await notify(
        rater.id,
        {
          kind: "calibration-invited",
          title: message("calibration:notification.invited", { title: input.title, due: input.dueAt.getTime() }),
          link: `/calibration/${created.id}`,
        },
        tx,
      );
    return created;
  });
  return { status: "ok", sessionId: session.id };
}

/** Sessions the person organised or is invited to; admins see every session. */
export async function listCalibrationSessions(viewer: Viewer, now = new Date()) {
  const sessions = await prisma.calibrationSession.findMany({
    where: viewer.role === "admin" ? {} : { OR: [{ organiserId: viewer.id }, { raters: { some: { userId: viewer.id } } }] },
    orderBy: [{ dueAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      title: true,
      rubricId: true,
      dueAt: true,
      closedAt: true,
      organiserId: true,
      organiser: { select: { name: true } },
      _count: { select: { items: true, raters: true } },
      raters: { select: { userId: true, submittedAt: true } },
    },
  });
  return sessions.map(({ raters, _count, ...session }) => {
    const seat = raters.find((rater) => rater.userId === viewer.id);
    return {
      ...session,
      open: isCalibrationOpen(session, now),
      conversations: _count.items,
      raters: _count.raters,
      submitted: raters.filter((rater) => rater.submittedAt).length,
      mySeat: seat ? { submitted: seat.submittedAt !== null } : null,
      canManage: canManageCalibration(viewer, session),
    };
  });
}

const sessionSelect = {
  id: true,
  title: true,
  rubricId: true,
  dueAt: true,
  closedAt: true,
  sharedWithAgents: true,
  organiserId: true,
  organiser: { select: { name: true } },
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      attempt: { select: { id: true, userId: true, scenarioSlug: true, startedAt: true, user: { select: { name: true } } } },
    },
  },
  raters: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      userId: true,
      submittedAt: true,
      user: { select: { name: true, role: true } },
      scores: { select: { itemId: true, criterionId: true } },
    },
  },
} satisfies Prisma.CalibrationSessionSelect;

export type LoadedSession = Prisma.CalibrationSessionGetPayload<{ select: typeof sessionSelect }>;

/**
 * A session as the viewer may see it: the organiser and admins see it whole, a rater sees the
 * conversations their seat allows; anyone else gets null, as for an id that doesn't exist.
 */
export async function loadCalibrationSession(viewer: Viewer, sessionId: string) {
  const session = await prisma.calibrationSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  if (!session) return null;
  const seat = session.raters.find((rater) => rater.userId === viewer.id) ?? null;
  const canManage = canManageCalibration(viewer, session);
  if (!seat && !canManage) return null;
  const visibleItems = session.items.filter(
    (item) => canManage || canSeeCalibrationItem({ role: viewer.role, userId: viewer.id }, session, { agentId: item.attempt.userId }),
  );
  return { session, seat, canManage, visibleItems };
}

/** Conversations a rater has scored every criterion of. */
export function scoredItemIds(rater: LoadedSession["raters"][number], criterionIds: string[]): Set<string> {
  const byItem = new Map<string, Set<string>>();
  for (const score of rater.scores) byItem.set(score.itemId, (byItem.get(score.itemId) ?? new Set()).add(score.criterionId));
  return new Set([...byItem].filter(([, scored]) => criterionIds.every((id) => scored.has(id))).map(([itemId]) => itemId));
}

export async function rubricById(rubricId: string): Promise<Rubric | null> {
  return (await getPracticeCatalog()).rubrics.find((rubric) => rubric.id === rubricId) ?? null;
}

/** The criteria a calibration scores: critical (auto-fail) ones are pass/fail checks, not judged on levels. */
export function scoredCriteria(rubric: Rubric) {
  return rubric.criteria.filter((criterion) => !criterion.critical);
}

export type ScoreInput = { criterionId: string; level: Judgement; comment: string | null };
export type SaveScoresResult = { status: "ok" | "not-found" | "closed" | "invalid-score" };

/** Saves a rater's scores for one conversation; scoring it again replaces them. */
export async function saveScores(
  viewer: Viewer,
  sessionId: string,
  itemId: string,
  scores: ScoreInput[],
  now = new Date(),
): Promise<SaveScoresResult> {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded?.seat || !loaded.visibleItems.some((item) => item.id === itemId)) return { status: "not-found" };
  if (!isCalibrationOpen(loaded.session, now)) return { status: "closed" };
  const rubric = await rubricById(loaded.session.rubricId);
  if (!rubric || !validScores(scoredCriteria(rubric), scores)) return { status: "invalid-score" };
  const raterId = loaded.seat.id;
  await prisma.$transaction(
    scores.map((score) =>
      prisma.calibrationScore.upsert({
        where: { raterId_itemId_criterionId: { raterId, itemId, criterionId: score.criterionId } },
        create: { raterId, itemId, criterionId: score.criterionId, level: score.level, comment: score.comment },
        update: { level: score.level, comment: score.comment },
      }),
    ),
  );
  return { status: "ok" };
}

/** One score per scored criterion, each a level the rubric has, or N/A where the criterion allows it. */
export function validScores(criteria: Rubric["criteria"], scores: ScoreInput[]): boolean {
  if (scores.length !== criteria.length) return false;
  return criteria.every((criterion) => {
    const score = scores.find((candidate) => candidate.criterionId === criterion.id);
    if (!score) return false;
    if (score.level === null) return criterion.notApplicable !== undefined;
    return criterion.levels.some((level) => level.level === score.level);
  });
}

export type SubmitResult = { status: "ok" | "not-found" | "closed" | "incomplete" };

/** The rater says they're done: every conversation they can see must be scored. */
export async function submitScores(viewer: Viewer, sessionId: string, now = new Date()): Promise<SubmitResult> {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded?.seat) return { status: "not-found" };
  if (!isCalibrationOpen(loaded.session, now)) return { status: "closed" };
  const rubric = await rubricById(loaded.session.rubricId);
  const scored = scoredItemIds(loaded.seat, rubric ? scoredCriteria(rubric).map((criterion) => criterion.id) : []);
  if (loaded.visibleItems.some((item) => !scored.has(item.id))) return { status: "incomplete" };
  await prisma.calibrationRater.update({ where: { id: loaded.seat.id }, data: { submittedAt: now } });
  return { status: "ok" };
}

export type CloseResult = { status: "ok" | "not-found" | "already-closed" };

/** The organiser ends scoring early; everyone invited hears the results are ready. */
export async function closeCalibrationSession(viewer: Viewer, sessionId: string, now = new Date()): Promise<CloseResult> {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded?.canManage) return { status: "not-found" };
  if (!isCalibrationOpen(loaded.session, now)) return { status: "already-closed" };
  await prisma.$transaction(async (tx) => {
    await tx.calibrationSession.update({ where: { id: sessionId }, data: { closedAt: now } });
    await notifyResultsReady(tx, loaded.session);
  });
  return { status: "ok" };
}

async function notifyResultsReady(
  client: Prisma.TransactionClient | typeof prisma,
  session: { id: string; title: string; organiserId: string; raters: { userId: string }[] },
) {
  const people = new Set([session.organiserId, ...session.raters.map((rater) => rater.userId)]);
  for (const userId of people)
    await notify(
      userId,
      {
        kind: "calibration-results",
        title: message("calibration:notification.resultsReady", { title: session.title }),
        link: `/calibration/${session.id}/results`,
        dedupeKey: `calibration-results:${session.id}:${userId}`,
      },
      client,
    );
}

const endOfDueDay = (dueAt: Date) => new Date(Date.UTC(dueAt.getUTCFullYear(), dueAt.getUTCMonth(), dueAt.getUTCDate() + 1) - 1);

/** A rater is reminded this many days before the due day. */
const DUE_SOON_DAYS = 2;

/**
 * The calibration side of reminders, created when the person visits: "due soon" for a seat not yet
 * submitted, and "results ready" once a session has passed its due day (closing early notifies at once).
 */
export async function refreshCalibrationReminders(userId: string, now = new Date()): Promise<void> {
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const sessions = await prisma.calibrationSession.findMany({
    where: {
      closedAt: null,
      dueAt: { lte: soon },
      OR: [{ organiserId: userId }, { raters: { some: { userId } } }],
    },
    select: {
      id: true,
      title: true,
      dueAt: true,
      closedAt: true,
      organiserId: true,
      raters: { select: { userId: true, submittedAt: true } },
    },
  });
  for (const session of sessions) {
    if (!isCalibrationOpen(session, now)) {
      // Marked closed once, so later visits no longer read it.
      await prisma.$transaction(async (tx) => {
        await tx.calibrationSession.update({ where: { id: session.id }, data: { closedAt: endOfDueDay(session.dueAt) } });
        await notifyResultsReady(tx, session);
      });
      continue;
    }
    const seat = session.raters.find((rater) => rater.userId === userId);
    if (seat && !seat.submittedAt)
      await notify(userId, {
        kind: "calibration-due",
        title: message("calibration:notification.due", { title: session.title, due: session.dueAt.getTime() }),
        link: `/calibration/${session.id}`,
        dedupeKey: `calibration-due:${session.id}:${userId}`,
      });
  }
}

/** One conversation as a rater scores it: the transcript and their own scores, nothing of the grade. */
export async function loadScoringItem(viewer: Viewer, sessionId: string, itemId: string) {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  const position = loaded?.visibleItems.findIndex((item) => item.id === itemId) ?? -1;
  if (!loaded?.seat || position < 0) return null;
  const item = loaded.visibleItems[position];
  const [turns, scores, catalog, rubric] = await Promise.all([
    prisma.practiceTurn.findMany({
      where: { attemptId: item.attempt.id },
      orderBy: { index: "asc" },
      select: { index: true, speaker: true, text: true, replyMs: true, createdAt: true },
    }),
    prisma.calibrationScore.findMany({
      where: { raterId: loaded.seat.id, itemId },
      select: { criterionId: true, level: true, comment: true },
    }),
    getPracticeCatalog(),
    rubricById(loaded.session.rubricId),
  ]);
  return {
    loaded,
    position,
    scenario: catalog.scenarios.find((scenario) => scenario.slug === item.attempt.scenarioSlug) ?? null,
    criteria: rubric ? scoredCriteria(rubric) : [],
    turns,
    scores,
  };
}

/**
 * An open session in which this person still has to score this conversation: until they submit, its
 * grade and review stay hidden from them everywhere, so the scores they give are their own.
 */
export async function blindCalibrationFor(userId: string, attemptId: string, now = new Date()) {
  const startOfToday = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const seat = await prisma.calibrationRater.findFirst({
    where: { userId, submittedAt: null, session: { closedAt: null, dueAt: { gte: startOfToday }, items: { some: { attemptId } } } },
    select: { session: { select: { id: true, title: true } } },
  });
  return seat?.session ?? null;
}
