import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import type { ReviewQueueView } from "~/domain/coaching.ts";
import { REVIEW_QUEUE_PAGE_SIZE } from "~/domain/pages.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import type { PeopleScope } from "~/engine/access/people.ts";
import { sampleForReview, type SampleReason } from "~/engine/coaching/review-sample.ts";
import { finalLevel, levelChoices, rescoreGrade } from "~/engine/coaching/review-score.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { recordAudit } from "./audit.server.ts";
import { contentTitle, loadContentIndex } from "./content-index.server.ts";
import { refreshPersonRollups } from "./evidence-rollup.server.ts";
import { provisionalCriteria, refreshReviewRules } from "./grader-trust.server.ts";
import { notify, notifyDisputeRaised, notifyFeedback, type ConversationRef } from "./notification.server.ts";
import { scopeToWhere } from "./user.server.ts";

/** Someone reviewing practice: a lead over their teams or an admin over everyone, never over their own attempts. */
export type Reviewer = { id: string; scope: PeopleScope };

type PassRule = Pick<Scenario, "passScore">;

export type ReviewQueueFilter = { view: ReviewQueueView; scenarioSlug?: string; agentId?: string; source?: ConversationSource };

const OPEN = "open";
const hasOpenDispute: Prisma.PracticeGradeWhereInput = { criteria: { some: { disputes: { some: { status: OPEN } } } } };

/** Graded attempts by people the reviewer looks after; their own practice is reviewed by someone else. */
function reviewableWhere(reviewer: Reviewer): Prisma.PracticeAttemptWhereInput {
  return { grade: { isNot: null }, user: { AND: [scopeToWhere(reviewer.scope), { id: { not: reviewer.id } }] } };
}

/** A grade's criteria the grader isn't trusted on: provisional until a person reviews the conversation. */
const provisionalCriterion = (provisional: Set<string>): Prisma.GradeCriterionWhereInput => ({
  applicable: true,
  criterionId: { in: [...provisional] },
});

function viewWhere(view: ReviewQueueView, provisional: Set<string>): Prisma.PracticeAttemptWhereInput {
  switch (view) {
    case "needs-review":
      return { reviewedAt: null };
    case "provisional":
      return { reviewedAt: null, grade: { is: { criteria: { some: provisionalCriterion(provisional) } } } };
    case "below-pass":
      return { grade: { is: { passed: false } } };
    case "disputed":
      return { grade: { is: hasOpenDispute } };
    case "all":
    case "sample":
      return {};
  }
}

function queueRowSelect(provisional: Set<string>) {
  return {
    id: true,
    scenarioSlug: true,
    ticket: { select: { system: true, externalId: true, subject: true } },
    startedAt: true,
    endedAt: true,
    reviewedAt: true,
    acknowledgedAt: true,
    user: { select: { id: true, name: true } },
    grade: {
      select: {
        overallScore: true,
        passed: true,
        criteria: { where: { disputes: { some: { status: OPEN } } }, select: { id: true } },
        _count: { select: { criteria: { where: provisionalCriterion(provisional) } } },
      },
    },
  } satisfies Prisma.PracticeAttemptSelect;
}

type QueueRow = Prisma.PracticeAttemptGetPayload<{ select: ReturnType<typeof queueRowSelect> }>;

function toQueueRow({ grade, ...attempt }: QueueRow, reasons: SampleReason[] = []) {
  return {
    ...attempt,
    overallScore: grade!.overallScore,
    passed: grade!.passed,
    openDisputes: grade!.criteria.length,
    provisional: attempt.reviewedAt === null && grade!._count.criteria > 0,
    reasons,
  };
}

/** How far back the suggested sample looks for conversations no one has reviewed, and how many it reads at most. */
const SAMPLE_DAYS = 30;
const SAMPLE_CANDIDATES = 500;

/** The conversations worth reviewing first, with why: outliers and one per agent this week (engine/coaching/review-sample). */
async function suggestedSample(where: Prisma.PracticeAttemptWhereInput, now: Date) {
  const candidates = await prisma.practiceAttempt.findMany({
    where: { AND: [where, { reviewedAt: null, startedAt: { gte: new Date(now.getTime() - SAMPLE_DAYS * 86_400_000) } }] },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: SAMPLE_CANDIDATES,
    select: {
      id: true,
      userId: true,
      startedAt: true,
      status: true,
      grade: { select: { overallScore: true, criticalFailures: true } },
      turns: { where: { speaker: "customer" }, orderBy: { index: "asc" }, select: { text: true } },
    },
  });
  return sampleForReview(
    candidates.map((candidate) => ({
      id: candidate.id,
      userId: candidate.userId,
      startedAt: candidate.startedAt,
      score: candidate.grade!.overallScore,
      criticalFailure: StringListColumn.read(candidate.grade!.criticalFailures).length > 0,
      escalated: candidate.status === "escalated",
      customerMessages: candidate.turns.map((turn) => turn.text),
    })),
    now,
  );
}

export async function listReviewQueue(reviewer: Reviewer, filter: ReviewQueueFilter, page: number, now = new Date()) {
  const provisional = await provisionalCriteria();
  const filtered: Prisma.PracticeAttemptWhereInput = {
    AND: [
      reviewableWhere(reviewer),
      filter.scenarioSlug ? { scenarioSlug: filter.scenarioSlug } : {},
      filter.agentId ? { userId: filter.agentId } : {},
      filter.source ? { source: filter.source } : {},
    ],
  };
  const select = queueRowSelect(provisional);
  if (filter.view === "sample") {
    const sample = await suggestedSample(filtered, now);
    const { total, rows } = await paginate(
      page,
      REVIEW_QUEUE_PAGE_SIZE,
      async () => sample.length,
      async (window) => {
        const chosen = sample.slice(window.skip, window.skip + window.take);
        const found = new Map(
          (await prisma.practiceAttempt.findMany({ where: { id: { in: chosen.map((entry) => entry.id) } }, select })).map((row) => [
            row.id,
            row,
          ]),
        );
        return chosen.flatMap((entry) => (found.has(entry.id) ? [toQueueRow(found.get(entry.id)!, entry.reasons)] : []));
      },
    );
    return { total, attempts: rows };
  }
  const where: Prisma.PracticeAttemptWhereInput = { AND: [filtered, viewWhere(filter.view, provisional)] };
  const { total, rows } = await paginate(
    page,
    REVIEW_QUEUE_PAGE_SIZE,
    () => prisma.practiceAttempt.count({ where }),
    (window) => prisma.practiceAttempt.findMany({ where, orderBy: [{ endedAt: "desc" }, { id: "desc" }], ...window, select }),
  );
  return { total, attempts: rows.map((row) => toQueueRow(row)) };
}

/** People with graded practice the reviewer may review, for the queue's agent filter. */
export async function listReviewableAgents(reviewer: Reviewer) {
  return prisma.user.findMany({
    where: {
      AND: [scopeToWhere(reviewer.scope), { id: { not: reviewer.id } }, { practiceAttempts: { some: { grade: { isNot: null } } } }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** Everything a review adds to a graded attempt: status, comments, overrides and disputes. */
export async function getAttemptReview(attemptId: string) {
  return prisma.practiceAttempt.findUnique({
    where: { id: attemptId },
    select: {
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      acknowledgedAt: true,
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, turnIndex: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
      grade: {
        select: {
          criteria: {
            select: {
              criterionId: true,
              overrideLevel: true,
              overrideReason: true,
              overriddenAt: true,
              overriddenBy: { select: { name: true } },
              disputes: {
                orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                select: {
                  id: true,
                  comment: true,
                  status: true,
                  answer: true,
                  createdAt: true,
                  resolvedAt: true,
                  resolvedBy: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
}

const scoringSelect = {
  id: true,
  criterionId: true,
  title: true,
  weight: true,
  critical: true,
  applicable: true,
  level: true,
  maxLevel: true,
  overrideLevel: true,
} satisfies Prisma.GradeCriterionSelect;

/** A graded attempt the reviewer may act on, with what re-scoring needs; null when it is outside their scope. */
function findReviewable(tx: Prisma.TransactionClient, reviewer: Reviewer, attemptId: string) {
  return tx.practiceAttempt.findFirst({
    where: { AND: [{ id: attemptId }, reviewableWhere(reviewer)] },
    select: {
      id: true,
      status: true,
      userId: true,
      user: { select: { name: true } },
      grade: { select: { id: true, overallScore: true, passed: true, criteria: { select: scoringSelect } } },
    },
  });
}

type ReviewableAttempt = NonNullable<Awaited<ReturnType<typeof findReviewable>>>;
type CriterionRow = NonNullable<ReviewableAttempt["grade"]>["criteria"][number];

export type LevelRefusal = { status: "not-applicable" } | { status: "invalid-level" } | { status: "same-level" };

/** Why a level can't be given to a criterion, or null when it can. */
function refuseLevel(criterion: CriterionRow, level: number, rubrics: Rubric[]): LevelRefusal | null {
  if (!criterion.applicable) return { status: "not-applicable" };
  if (!levelChoices(criterion, rubrics).some((choice) => choice.level === level)) return { status: "invalid-level" };
  if (level === finalLevel(criterion)) return { status: "same-level" };
  return null;
}

/**
 * Stores a reviewer's level on one criterion, leaving the automatic level in
 * place, re-scores the grade from the final levels and writes the audit event —
 * all in the caller's transaction, so none of it can be recorded without the rest.
 */
async function applyOverride(
  tx: Prisma.TransactionClient,
  reviewer: Reviewer,
  attempt: ReviewableAttempt,
  criterion: CriterionRow,
  {
    level,
    reason,
    passRule,
    now,
    dispute,
  }: { level: number; reason: string; passRule: PassRule; now: Date; dispute?: { id: string; comment: string } },
) {
  const grade = attempt.grade!;
  await tx.gradeCriterion.update({
    where: { id: criterion.id },
    data: { overrideLevel: level, overrideReason: reason, overriddenAt: now, overriddenById: reviewer.id },
  });
  const criteria = grade.criteria.map((row) => (row.id === criterion.id ? { ...row, overrideLevel: level } : row));
  const score = rescoreGrade(criteria, { passScore: passRule.passScore, outcome: attempt.status });
  await tx.practiceGrade.update({
    where: { id: grade.id },
    data: { overallScore: score.overallScore, passed: score.passed, criticalFailures: StringListColumn.write(score.criticalFailures) },
  });
  await refreshPersonRollups(tx, attempt.userId);
  await recordAudit(tx, {
    actorId: reviewer.id,
    action: "grade.overridden",
    targetType: "grade",
    targetId: grade.id,
    summary: message("admin:audit.summary.gradeOverridden", {
      criterion: criterion.title,
      name: attempt.user.name,
      from: finalLevel(criterion),
      to: level,
      automatic: criterion.level,
      dispute: dispute ? "yes" : "no",
    }),
    details: {
      attemptId: attempt.id,
      criterionId: criterion.criterionId,
      automaticLevel: criterion.level,
      from: finalLevel(criterion),
      to: level,
      reason,
      dispute: dispute ?? null,
      score: { from: grade.overallScore, to: score.overallScore },
      passed: { from: grade.passed, to: score.passed },
    },
  });
}

export type OverrideResult = { status: "ok" } | { status: "not-found" } | LevelRefusal;

export async function overrideCriterion(
  reviewer: Reviewer,
  { attemptId, criterionId, level, reason }: { attemptId: string; criterionId: string; level: number; reason: string },
  passRule: PassRule,
  rubrics: Rubric[],
  now = new Date(),
): Promise<OverrideResult> {
  const result = await prisma.$transaction(async (tx): Promise<OverrideResult> => {
    const attempt = await findReviewable(tx, reviewer, attemptId);
    const criterion = attempt?.grade?.criteria.find((row) => row.criterionId === criterionId);
    if (!attempt || !criterion) return { status: "not-found" };
    const refusal = refuseLevel(criterion, level, rubrics);
    if (refusal) return refusal;
    await applyOverride(tx, reviewer, attempt, criterion, { level, reason, passRule, now });
    return { status: "ok" };
  });
  return afterJudgement(result, now);
}

/** A person's judgement of the grader changes how far it is trusted. */
async function afterJudgement<Result extends { status: string }>(result: Result, now: Date): Promise<Result> {
  if (result.status === "ok") await refreshReviewRules(now);
  return result;
}

export type CommentResult = { status: "ok" | "not-found" | "invalid-turn" };

/** A reviewer's comment on the whole attempt (turnIndex null) or on one of its turns. */
export async function addReviewComment(
  reviewer: Reviewer,
  { attemptId, turnIndex, body }: { attemptId: string; turnIndex: number | null; body: string },
): Promise<CommentResult> {
  return prisma.$transaction(async (tx) => {
    const attempt = await tx.practiceAttempt.findFirst({
      where: { AND: [{ id: attemptId }, reviewableWhere(reviewer)] },
      select: { turns: { select: { index: true } } },
    });
    if (!attempt) return { status: "not-found" };
    if (turnIndex !== null && !attempt.turns.some((turn) => turn.index === turnIndex)) return { status: "invalid-turn" };
    await tx.reviewComment.create({ data: { attemptId, turnIndex, body, authorId: reviewer.id } });
    return { status: "ok" };
  });
}

type ConversationRow = { scenarioSlug: string; startedAt: Date; ticket: { subject: string; externalId: string } | null };

/** The conversation as a notification names it: its scenario, or a real ticket's subject (or number). */
async function conversationRef(attemptId: string, attempt: ConversationRow): Promise<ConversationRef> {
  return {
    attemptId,
    scenarioTitle: attempt.ticket
      ? attempt.ticket.subject || `#${attempt.ticket.externalId}`
      : contentTitle(await loadContentIndex(), "scenario", attempt.scenarioSlug),
    startedAt: attempt.startedAt,
  };
}

const CONVERSATION_REF_SELECT = { scenarioSlug: true, startedAt: true, ticket: { select: { subject: true, externalId: true } } } as const;

export type MarkReviewedResult = { status: "ok" | "already-reviewed" | "not-found" };

/** Marks the review done and tells the agent there is feedback to read; marking it again changes nothing. */
export async function markReviewed(reviewer: Reviewer, attemptId: string, now = new Date()): Promise<MarkReviewedResult> {
  const result = await prisma.$transaction(async (tx): Promise<MarkReviewedResult> => {
    const attempt = await tx.practiceAttempt.findFirst({
      where: { AND: [{ id: attemptId }, reviewableWhere(reviewer)] },
      select: { userId: true, ...CONVERSATION_REF_SELECT },
    });
    if (!attempt) return { status: "not-found" };
    // Conditional on still being unreviewed, so two reviewers pressing at once notify the agent once.
    const { count } = await tx.practiceAttempt.updateMany({
      where: { id: attemptId, reviewedAt: null },
      data: { reviewedAt: now, reviewedById: reviewer.id },
    });
    if (count === 0) return { status: "already-reviewed" };
    await refreshPersonRollups(tx, attempt.userId);
    await notifyFeedback(tx, attempt.userId, await conversationRef(attemptId, attempt));
    return { status: "ok" };
  });
  return afterJudgement(result, now);
}

export type AcknowledgeResult = { status: "ok" | "not-found" | "not-reviewed" | "already-acknowledged" };

/** The agent confirms they have read the review of their own attempt. */
export async function acknowledgeReview(agentId: string, attemptId: string, now = new Date()): Promise<AcknowledgeResult> {
  return prisma.$transaction(async (tx) => {
    const attempt = await tx.practiceAttempt.findFirst({
      where: { id: attemptId, userId: agentId },
      select: { reviewedAt: true, acknowledgedAt: true },
    });
    if (!attempt) return { status: "not-found" };
    if (!attempt.reviewedAt) return { status: "not-reviewed" };
    if (attempt.acknowledgedAt) return { status: "already-acknowledged" };
    await tx.practiceAttempt.update({ where: { id: attemptId }, data: { acknowledgedAt: now } });
    return { status: "ok" };
  });
}

export type DisputeResult = { status: "ok" | "not-found" | "not-applicable" | "already-open" };

/** The agent disputes one criterion of their own graded attempt; one open dispute per criterion at a time. */
export async function openDispute(
  agentId: string,
  { attemptId, criterionId, comment }: { attemptId: string; criterionId: string; comment: string },
): Promise<DisputeResult> {
  return prisma.$transaction(async (tx) => {
    const criterion = await tx.gradeCriterion.findFirst({
      where: { criterionId, grade: { attempt: { id: attemptId, userId: agentId } } },
      select: {
        id: true,
        title: true,
        applicable: true,
        disputes: { where: { status: OPEN }, select: { id: true } },
        grade: { select: { attempt: { select: CONVERSATION_REF_SELECT } } },
      },
    });
    if (!criterion) return { status: "not-found" };
    if (!criterion.applicable) return { status: "not-applicable" };
    if (criterion.disputes.length > 0) return { status: "already-open" };
    await tx.dispute.create({ data: { gradeCriterionId: criterion.id, agentId, comment } });
    await notifyDisputeRaised(tx, agentId, await conversationRef(attemptId, criterion.grade.attempt), criterion.title);
    return { status: "ok" };
  });
}

export type DisputeDecision = { decision: "accept"; level: number; reason: string } | { decision: "reject"; reason: string };

export type ResolveResult = { status: "ok" } | { status: "not-found" } | { status: "closed" } | LevelRefusal;

/**
 * A reviewer answers an open dispute. Accepting applies the new level as an
 * override (audited like any other) with the reviewer's reason; rejecting keeps
 * the level. Either way the answer is audited and the agent is told, in the same transaction.
 */
export async function resolveDispute(
  reviewer: Reviewer,
  { attemptId, disputeId, ...decision }: { attemptId: string; disputeId: string } & DisputeDecision,
  passRule: PassRule,
  rubrics: Rubric[],
  now = new Date(),
): Promise<ResolveResult> {
  const result = await prisma.$transaction(async (tx): Promise<ResolveResult> => {
    const attempt = await findReviewable(tx, reviewer, attemptId);
    const dispute = attempt?.grade
      ? await tx.dispute.findFirst({
          where: { id: disputeId, gradeCriterion: { gradeId: attempt.grade.id } },
          select: { id: true, status: true, comment: true, agentId: true, gradeCriterionId: true },
        })
      : null;
    if (!attempt || !dispute) return { status: "not-found" };
    if (dispute.status !== OPEN) return { status: "closed" };
    const criterion = attempt.grade!.criteria.find((row) => row.id === dispute.gradeCriterionId)!;
    if (decision.decision === "accept") {
      const refusal = refuseLevel(criterion, decision.level, rubrics);
      if (refusal) return refusal;
    }
    const status = decision.decision === "accept" ? "accepted" : "rejected";
    // Conditional on the dispute still being open, so two reviewers answering at once can't both apply.
    const { count } = await tx.dispute.updateMany({
      where: { id: dispute.id, status: OPEN },
      data: { status, answer: decision.reason, resolvedAt: now, resolvedById: reviewer.id },
    });
    if (count === 0) return { status: "closed" };
    if (decision.decision === "accept")
      await applyOverride(tx, reviewer, attempt, criterion, {
        level: decision.level,
        reason: decision.reason,
        passRule,
        now,
        dispute: { id: dispute.id, comment: dispute.comment },
      });
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: "dispute.resolved",
      targetType: "grade",
      targetId: attempt.grade!.id,
      summary: message("admin:audit.summary.disputeResolved", { decision: status, name: attempt.user.name, criterion: criterion.title }),
      details: {
        attemptId: attempt.id,
        disputeId: dispute.id,
        criterionId: criterion.criterionId,
        decision: status,
        disputeComment: dispute.comment,
        answer: decision.reason,
        level: decision.decision === "accept" ? { from: finalLevel(criterion), to: decision.level } : null,
      },
    });
    await notify(
      dispute.agentId,
      {
        kind: "dispute-answered",
        title: message(status === "accepted" ? "practice:notification.disputeAccepted" : "practice:notification.disputeRejected", {
          criterion: criterion.title,
        }),
        link: `/practice/attempts/${attemptId}#criterion-${criterion.criterionId}`,
      },
      tx,
    );
    return { status: "ok" };
  });
  return afterJudgement(result, now);
}
