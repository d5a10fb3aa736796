// The attempt page's view: the conversation, the grade with any review on it, and what this
// viewer may do — built from the attempt the access check let through.
import { toConversationTurn, type TurnComment } from "~/components/practice/conversation.tsx";
import { type ReportCriterion, type TopFix } from "~/components/practice/grade-report.tsx";
import { type AttemptReview, type CriterionReview, type DisputeView } from "~/components/practice/review.tsx";
import {
  ATTEMPT_STATUS_LABELS,
  CHANNEL_LABEL_KEYS,
  DIFFICULTY_LABEL_KEYS,
  IMPORT_SYSTEM_LABEL_KEYS,
  isChannel,
  type AttemptStatus,
} from "~/domain/practice.ts";
import { hasRole, LEADING_ROLES } from "~/engine/access/people.ts";
import { canReviewAttempt } from "~/engine/access/practice.ts";
import { finalLevel, levelChoices } from "~/engine/coaching/review-score.ts";
import { betterReply, isStrength, rankFixes, scenarioNeutralAdvice } from "~/engine/grading/coaching.ts";
import { CHANNEL_PAR } from "~/engine/imports/grade-real.ts";
import type { ImportSystem } from "~/engine/imports/types.ts";
import { moodLabel } from "~/engine/simulation/mood.ts";
import { message } from "~/i18n/message.ts";
import { blindCalibrationFor } from "~/models/calibration.server.ts";
import { provisionalCriteria } from "~/models/grader-trust.server.ts";
import { scoreComparison, type VisibleAttempt } from "~/models/practice.server.ts";
import { listRedLines } from "~/models/red-line.server.ts";
import { getAttemptReview } from "~/models/review.server.ts";
import { ensureFound } from "~/utils/permissions.server.ts";

const excerpt = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 3).trimEnd()}…` : text);

const toDispute = (dispute: {
  id: string;
  comment: string;
  status: string;
  answer: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: { name: string } | null;
}): DisputeView => ({
  id: dispute.id,
  comment: dispute.comment,
  status: dispute.status as DisputeView["status"],
  answer: dispute.answer,
  at: dispute.createdAt.toISOString(),
  resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
  resolvedBy: dispute.resolvedBy?.name ?? null,
});

const toComment = (comment: { id: string; body: string; createdAt: Date; author: { name: string } }): TurnComment => ({
  id: comment.id,
  author: comment.author.name,
  body: comment.body,
  at: comment.createdAt.toISOString(),
});

/** What the page says about where the conversation took place: a scenario's brief, or a real ticket's source. */
function settingOf({ attempt, scenario, ticket }: VisibleAttempt) {
  if (scenario)
    return {
      slug: scenario.slug,
      title: scenario.title,
      channel: scenario.channel,
      channelLabel: CHANNEL_LABEL_KEYS[scenario.channel],
      customer: scenario.persona.name,
      brief: { brief: scenario.brief, difficultyLabel: DIFFICULTY_LABEL_KEYS[scenario.difficulty], parTurns: scenario.par.turns },
      parSeconds: scenario.par.replySeconds,
      ticket: null,
    };
  const real = ensureFound(ticket, message("practice:error.noAttempt"));
  const channel = isChannel(real.channel) ? real.channel : "email";
  return {
    slug: null,
    title: real.subject || null,
    channel,
    channelLabel: CHANNEL_LABEL_KEYS[channel],
    customer: null,
    brief: null,
    parSeconds: CHANNEL_PAR[channel].replySeconds,
    ticket: {
      systemLabel: IMPORT_SYSTEM_LABEL_KEYS[real.system as ImportSystem] ?? real.system,
      externalId: real.externalId,
      importedAt: real.importedAt.toISOString(),
      maskedCount: real.maskedCount,
      parTurns: CHANNEL_PAR[channel].turns,
      startedAt: attempt.startedAt.toISOString(),
    },
  };
}

export async function attemptPageView(visible: VisibleAttempt) {
  const { user, attempt, scenario, rubrics } = visible;
  const setting = settingOf(visible);
  const canReveal = user.role === "admin" && (setting.ticket?.maskedCount ?? 0) > 0;
  const canDraftScenario = setting.ticket !== null && hasRole(user, LEADING_ROLES);
  const [comparison, review, untrusted, scoringBlind] = attempt.grade
    ? await Promise.all([
        scenario ? scoreComparison(attempt.userId, scenario.slug) : null,
        getAttemptReview(attempt.id),
        provisionalCriteria(),
        blindCalibrationFor(user.id, attempt.id),
      ])
    : [null, null, new Set<string>(), null];
  const state = attempt.customerState;
  const isOwner = attempt.userId === user.id;
  const canReview = canReviewAttempt(user, attempt);
  const definitions = new Map(rubrics.flatMap((rubric) => rubric.criteria).map((definition) => [definition.id, definition]));
  const reviewRows = new Map((review?.grade?.criteria ?? []).map((row) => [row.criterionId, row]));
  // The owner's turns are headed "You" in the reader's language by the transcript itself.
  const agentLabel = isOwner ? null : attempt.user.name;

  const criteria = (attempt.grade?.criteria ?? []).map((criterion): ReportCriterion => {
    const row = reviewRows.get(criterion.criterionId);
    const overrideLevel = row?.overrideLevel ?? null;
    const final = finalLevel({ level: criterion.level, overrideLevel });
    const finalDefinition = definitions.get(criterion.criterionId)?.levels.find((level) => level.level === final);
    const definition = definitions.get(criterion.criterionId);
    // After an override, the advice for the level that now stands is the useful one.
    const suggestion =
      overrideLevel !== null && criterion.applicable && finalDefinition ? finalDefinition.suggestion : criterion.suggestion;
    return {
      id: criterion.criterionId,
      rubricId: criterion.rubricId,
      title: criterion.title,
      label: criterion.label,
      level: criterion.level,
      finalLevel: final,
      finalLabel:
        overrideLevel === null ? criterion.label : (finalDefinition?.label ?? message("practice:report.levelNumber", { level: final })),
      overridden: overrideLevel !== null,
      maxLevel: criterion.maxLevel,
      applicable: criterion.applicable,
      critical: criterion.critical,
      weight: definition?.weight ?? 0,
      strength: isStrength({ applicable: criterion.applicable, level: final, maxLevel: criterion.maxLevel }),
      evidence: criterion.evidence,
      suggestion: scenarioNeutralAdvice(suggestion),
      provisional: criterion.applicable && overrideLevel === null && !review?.reviewedAt && untrusted.has(criterion.criterionId),
      opinion:
        criterion.opinionLevel !== null && criterion.opinionTurn !== null && criterion.opinionQuote !== null
          ? {
              level: criterion.opinionLevel,
              label:
                definition?.levels.find((level) => level.level === criterion.opinionLevel)?.label ??
                message("practice:report.levelNumber", { level: criterion.opinionLevel }),
              turn: criterion.opinionTurn,
              quote: criterion.opinionQuote,
            }
          : null,
    };
  });
  const topFixes = rankFixes(criteria.map((criterion) => ({ ...criterion, level: criterion.finalLevel }))).map((criterion): TopFix => {
    const evidence = criterion.evidence[0];
    const firstReply = attempt.turns.find((turn) => turn.speaker === "agent");
    return {
      criterionId: criterion.id,
      title: criterion.title,
      label: criterion.finalLabel,
      critical: criterion.critical,
      quote: evidence
        ? { turn: evidence.turn, text: evidence.text, source: "evidence" }
        : firstReply
          ? { turn: firstReply.index, text: excerpt(firstReply.text, 160), source: "first-reply" }
          : null,
      advice: criterion.suggestion,
      betterReply: scenario ? betterReply(criterion.id, scenario) : null,
    };
  });

  const comments = (review?.comments ?? []).map((comment) => ({ turnIndex: comment.turnIndex, view: toComment(comment) }));
  const turnComments: Record<number, TurnComment[]> = {};
  for (const comment of comments) if (comment.turnIndex !== null) (turnComments[comment.turnIndex] ??= []).push(comment.view);

  const reviewView: AttemptReview | null =
    review && attempt.grade
      ? {
          canReview,
          agentName: attempt.user.name,
          reviewedAt: review.reviewedAt?.toISOString() ?? null,
          reviewedBy: review.reviewedBy?.name ?? null,
          acknowledgedAt: review.acknowledgedAt?.toISOString() ?? null,
          generalComments: comments.filter((comment) => comment.turnIndex === null).map((comment) => comment.view),
          turnOptions: canReview
            ? attempt.turns.map((turn) => ({
                value: String(turn.index),
                label: message("practice:review.turnOption", {
                  number: turn.index + 1,
                  name: turn.speaker === "agent" ? attempt.user.name : (setting.customer ?? message("practice:real.customer")),
                  excerpt: excerpt(turn.text),
                }),
              }))
            : [],
          openDisputes: (review.grade?.criteria ?? []).reduce(
            (sum, row) => sum + row.disputes.filter((dispute) => dispute.status === "open").length,
            0,
          ),
          criteria: Object.fromEntries(
            attempt.grade.criteria.map((criterion): [string, CriterionReview] => {
              const row = reviewRows.get(criterion.criterionId);
              return [
                criterion.criterionId,
                {
                  override:
                    row?.overrideLevel != null && row.overriddenAt
                      ? { reason: row.overrideReason ?? "", by: row.overriddenBy?.name ?? null, at: row.overriddenAt.toISOString() }
                      : null,
                  choices: canReview ? levelChoices(criterion, rubrics) : [],
                  disputes: (row?.disputes ?? []).map(toDispute),
                },
              ];
            }),
          ),
        }
      : null;

  return {
    id: attempt.id,
    isOwner,
    agentName: attempt.user.name,
    agentLabel,
    setting,
    canReveal,
    canDraftScenario,
    status: attempt.status,
    outcome: ATTEMPT_STATUS_LABELS[attempt.status as AttemptStatus] ?? attempt.status,
    mood:
      attempt.status === "active" && scenario?.persona.showMood && state
        ? { label: moodLabel(state.mood), patienceLeft: Math.max(0, state.patience), patience: scenario.persona.patience }
        : null,
    turns: attempt.turns.map(toConversationTurn),
    turnComments,
    lastCustomerAt:
      [...attempt.turns]
        .reverse()
        .find((turn) => turn.speaker === "customer")
        ?.createdAt.toISOString() ?? null,
    expectedIndex: attempt.turns.length,
    // The reply box warns before a red line is sent; only the agent replying needs them.
    redLines: isOwner && attempt.status === "active" ? await listRedLines() : [],
    scoringBlind,
    grade:
      attempt.grade && !scoringBlind
        ? {
            goals: scenario?.goals ?? [],
            overallScore: attempt.grade.overallScore,
            passed: attempt.grade.passed,
            graderVersion: attempt.grade.graderVersion,
            rubricVersions: attempt.grade.rubricVersions,
            criticalFailures: criteria
              .filter((criterion) => criterion.critical && criterion.applicable && criterion.finalLevel === 0)
              .map((criterion) => criterion.title),
            criteria,
            topFixes,
            comparison,
            opinion:
              attempt.grade.opinionModel || attempt.grade.opinionNote
                ? { model: attempt.grade.opinionModel, note: attempt.grade.opinionNote }
                : null,
          }
        : null,
    review: scoringBlind ? null : reviewView,
  };
}
