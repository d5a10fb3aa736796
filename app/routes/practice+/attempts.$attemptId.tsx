import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Conversation, type ConversationTurn, type TurnComment } from "~/components/practice/conversation.tsx";
import { GradeReport, type ReportCriterion } from "~/components/practice/grade-report.tsx";
import { ReplyTimer } from "~/components/practice/reply-timer.tsx";
import {
  AcceptDisputeSchema,
  CommentSchema,
  DisputeSchema,
  OverrideSchema,
  OWNER_INTENTS,
  RejectDisputeSchema,
  REVIEW_INTENTS,
  reviewFormId,
} from "~/components/practice/review-forms.tsx";
import {
  CriterionReviewRow,
  ReviewPanel,
  type AttemptReview,
  type CriterionReview,
  type DisputeView,
} from "~/components/practice/review.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Badge, PageHeader } from "~/components/ui/layout.tsx";
import { CHANNEL_LABELS } from "~/content/practice-schemas.ts";
import { finalLevel, levelChoices } from "~/engine/coaching/review-score.ts";
import { parseCustomerState } from "~/engine/simulation/customer-state.ts";
import { moodLabel } from "~/engine/simulation/mood.ts";
import { loadVisibleAttempt } from "~/models/practice-access.server.ts";
import { endAttempt, replyToCustomer, scoreComparison } from "~/models/practice.server.ts";
import {
  acknowledgeReview,
  addReviewComment,
  getAttemptReview,
  markReviewed,
  openDispute,
  overrideCriterion,
  resolveDispute,
  type LevelRefusal,
  type ResolveResult,
  type Reviewer,
} from "~/models/review.server.ts";
import { toViewer, type SessionUser } from "~/utils/auth.server.ts";
import { forbidden, notFound } from "~/utils/permissions.server.ts";
import { hasRole, peopleScope } from "~/utils/permissions.ts";
import { MAX_REPLY_LENGTH, OUTCOME_TEXT, replyTextField } from "~/utils/practice-fields.ts";
import { badRequest, readFormData } from "~/utils/request.server.ts";

const ReplySchema = z.object({
  intent: z.literal("reply"),
  expectedIndex: z.coerce.number().int().min(1).max(1000),
  text: replyTextField,
});

const REVIEWER_ROLES = ["lead", "admin"] as const;

/** Leads review their team's attempts and admins everyone's; nobody reviews their own. */
function canReviewAttempt(user: SessionUser, attempt: { userId: string }): boolean {
  return hasRole(user, REVIEWER_ROLES) && attempt.userId !== user.id;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, attempt, scenario, rubrics } = await loadVisibleAttempt(request, params.attemptId);
  const [comparison, review] = attempt.grade
    ? await Promise.all([scoreComparison(attempt.userId, scenario.slug), getAttemptReview(attempt.id)])
    : [null, null];
  const state = parseCustomerState(attempt.customerState);
  const isOwner = attempt.userId === user.id;
  const canReview = canReviewAttempt(user, attempt);
  const definitions = new Map(rubrics.flatMap((rubric) => rubric.criteria).map((definition) => [definition.id, definition]));
  const reviewRows = new Map((review?.grade?.criteria ?? []).map((row) => [row.criterionId, row]));
  const agentLabel = isOwner ? "You" : attempt.user.name;

  const criteria = (attempt.grade?.criteria ?? []).map((criterion): ReportCriterion => {
    const row = reviewRows.get(criterion.criterionId);
    const overrideLevel = row?.overrideLevel ?? null;
    const final = finalLevel({ level: criterion.level, overrideLevel });
    const finalDefinition = definitions.get(criterion.criterionId)?.levels.find((level) => level.level === final);
    return {
      id: criterion.criterionId,
      rubricId: criterion.rubricId,
      title: criterion.title,
      label: criterion.label,
      level: criterion.level,
      finalLevel: final,
      finalLabel: overrideLevel === null ? criterion.label : (finalDefinition?.label ?? `Level ${final}`),
      overridden: overrideLevel !== null,
      maxLevel: criterion.maxLevel,
      applicable: criterion.applicable,
      critical: criterion.critical,
      evidence: criterion.evidence,
      // After an override, the advice for the level that now stands is the useful one.
      suggestion: overrideLevel !== null && criterion.applicable && finalDefinition ? finalDefinition.suggestion : criterion.suggestion,
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
                label: `Message ${turn.index + 1} · ${turn.speaker === "agent" ? attempt.user.name : scenario.persona.name}: “${excerpt(turn.text)}”`,
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
    scenario: {
      slug: scenario.slug,
      title: scenario.title,
      channel: scenario.channel,
      channelLabel: CHANNEL_LABELS[scenario.channel],
      customer: scenario.persona.name,
      parSeconds: scenario.par.replySeconds,
    },
    status: attempt.status,
    outcome: OUTCOME_TEXT[attempt.status] ?? attempt.status,
    mood: attempt.status === "active" && scenario.persona.showMood ? moodLabel(state.mood) : null,
    turns: attempt.turns.map((turn): ConversationTurn => ({
      index: turn.index,
      speaker: turn.speaker as ConversationTurn["speaker"],
      text: turn.text,
      replyMs: turn.replyMs,
    })),
    turnComments,
    lastCustomerAt:
      [...attempt.turns]
        .reverse()
        .find((turn) => turn.speaker === "customer")
        ?.createdAt.toISOString() ?? null,
    expectedIndex: attempt.turns.length,
    grade: attempt.grade
      ? {
          goals: scenario.goals,
          overallScore: attempt.grade.overallScore,
          passed: attempt.grade.passed,
          graderVersion: attempt.grade.graderVersion,
          rubricVersions: attempt.grade.rubricVersions,
          criticalFailures: criteria
            .filter((criterion) => criterion.critical && criterion.applicable && criterion.finalLevel === 0)
            .map((criterion) => criterion.title),
          criteria,
          comparison,
        }
      : null,
    review: reviewView,
  };
}

const IntentSchema = z.enum(["reply", "end", ...REVIEW_INTENTS, ...OWNER_INTENTS]);

const conflict = (message: string): never => {
  throw data({ message }, { status: 409 });
};

/** Turns a level the model refused into a 400 on the form that sent it. */
function rejectLevel(formId: string, submission: Submission<unknown>, refusal: LevelRefusal) {
  const result =
    refusal.status === "not-applicable"
      ? submission.reply({ formErrors: ["This criterion didn't apply to this conversation, so it has no level to change."] })
      : submission.reply({
          fieldErrors: {
            level: [
              refusal.status === "invalid-level"
                ? "Choose one of this criterion's levels"
                : "That is already the level that counts; choose a different one",
            ],
          },
        });
  return data({ form: formId, result }, { status: 400 });
}

function rejectResolution(formId: string, submission: Submission<unknown>, result: Exclude<ResolveResult, { status: "ok" }>) {
  if (result.status === "not-found") notFound("This conversation has no such dispute.");
  if (result.status === "closed")
    return data({ form: formId, result: submission.reply({ formErrors: ["This dispute has already been answered."] }) }, { status: 400 });
  return rejectLevel(formId, submission, result);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, attempt, scenario, rubrics } = await loadVisibleAttempt(request, params.attemptId);
  const formData = await readFormData(request);
  const intent = IntentSchema.safeParse(formData.get("intent") ?? "reply");
  if (!intent.success) badRequest("This form could not be understood. Reload the page and try again.");
  const attemptUrl = `/practice/attempts/${attempt.id}`;

  if ((REVIEW_INTENTS as readonly string[]).includes(intent.data)) {
    if (!hasRole(user, REVIEWER_ROLES)) forbidden("Only team leads and admins review practice conversations.");
    if (!canReviewAttempt(user, attempt)) forbidden("Your own practice is reviewed by someone else.");
  } else if (attempt.userId !== user.id) {
    // Leads may read a team member's attempt; only its owner may take part in it or answer its review.
    notFound("There's no practice conversation at this address.");
  }
  if (intent.data !== "reply" && intent.data !== "end" && !attempt.grade)
    conflict("This conversation hasn't been graded yet, so there is no review to act on.");
  const reviewer: Reviewer = { id: user.id, scope: peopleScope(toViewer(user)) };

  switch (intent.data) {
    case "override": {
      const submission = parseWithZod(formData, { schema: OverrideSchema });
      const formId = reviewFormId("override", String(formData.get("criterionId") ?? ""));
      if (submission.status !== "success") return data({ form: formId, result: submission.reply() }, { status: 400 });
      const result = await overrideCriterion(reviewer, { attemptId: attempt.id, ...submission.value }, scenario, rubrics);
      if (result.status === "not-found") notFound("This grade has no such criterion.");
      if (result.status !== "ok") return rejectLevel(formId, submission, result);
      return redirect(`${attemptUrl}#criterion-${submission.value.criterionId}`);
    }
    case "comment": {
      const submission = parseWithZod(formData, { schema: CommentSchema });
      const formId = reviewFormId("comment");
      if (submission.status !== "success") return data({ form: formId, result: submission.reply() }, { status: 400 });
      const turnIndex = submission.value.turnIndex ?? null;
      const result = await addReviewComment(reviewer, { attemptId: attempt.id, turnIndex, body: submission.value.body });
      if (result.status === "not-found") notFound("There's no practice conversation at this address.");
      if (result.status === "invalid-turn")
        return data(
          { form: formId, result: submission.reply({ fieldErrors: { turnIndex: ["Choose a message from this conversation"] } }) },
          { status: 400 },
        );
      return redirect(turnIndex === null ? `${attemptUrl}#review` : `${attemptUrl}#turn-${turnIndex}`);
    }
    case "mark-reviewed": {
      const result = await markReviewed(reviewer, attempt.id);
      if (result.status === "not-found") notFound("There's no practice conversation at this address.");
      return redirect(`${attemptUrl}#review`);
    }
    case "accept-dispute": {
      const submission = parseWithZod(formData, { schema: AcceptDisputeSchema });
      const formId = reviewFormId(intent.data, String(formData.get("disputeId") ?? ""));
      if (submission.status !== "success") return data({ form: formId, result: submission.reply() }, { status: 400 });
      const { disputeId, level, reason } = submission.value;
      const result = await resolveDispute(
        reviewer,
        { attemptId: attempt.id, disputeId, decision: "accept", level, reason },
        scenario,
        rubrics,
      );
      if (result.status !== "ok") return rejectResolution(formId, submission, result);
      return redirect(`${attemptUrl}#review`);
    }
    case "reject-dispute": {
      const submission = parseWithZod(formData, { schema: RejectDisputeSchema });
      const formId = reviewFormId(intent.data, String(formData.get("disputeId") ?? ""));
      if (submission.status !== "success") return data({ form: formId, result: submission.reply() }, { status: 400 });
      const { disputeId, reason } = submission.value;
      const result = await resolveDispute(reviewer, { attemptId: attempt.id, disputeId, decision: "reject", reason }, scenario, rubrics);
      if (result.status !== "ok") return rejectResolution(formId, submission, result);
      return redirect(`${attemptUrl}#review`);
    }
    case "acknowledge": {
      const result = await acknowledgeReview(user.id, attempt.id);
      if (result.status === "not-found") notFound("There's no practice conversation at this address.");
      if (result.status === "not-reviewed") conflict("This conversation hasn't been reviewed yet, so there is nothing to acknowledge.");
      return redirect(`${attemptUrl}#review`);
    }
    case "dispute": {
      const submission = parseWithZod(formData, { schema: DisputeSchema });
      const formId = reviewFormId("dispute", String(formData.get("criterionId") ?? ""));
      if (submission.status !== "success") return data({ form: formId, result: submission.reply() }, { status: 400 });
      const result = await openDispute(user.id, { attemptId: attempt.id, ...submission.value });
      if (result.status === "not-found") notFound("This grade has no such criterion.");
      if (result.status === "not-applicable")
        return data(
          {
            form: formId,
            result: submission.reply({
              formErrors: ["This criterion didn't apply to this conversation, so there is no level to dispute."],
            }),
          },
          { status: 400 },
        );
      if (result.status === "already-open")
        return data(
          {
            form: formId,
            result: submission.reply({
              formErrors: ["You already have an open dispute on this criterion. Your lead will answer it first."],
            }),
          },
          { status: 400 },
        );
      return redirect(`${attemptUrl}#criterion-${submission.value.criterionId}`);
    }
    case "end": {
      const result = await endAttempt(attempt.id, user.id, scenario, rubrics);
      if (result.status === "ended") endedConflict();
      return redirect(`${attemptUrl}#report`);
    }
    case "reply": {
      const parsed = ReplySchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        const issue = parsed.error.issues.find((candidate) => candidate.path[0] === "text");
        if (!issue) badRequest("This reply could not be understood. Reload the page and try again.");
        return data({ error: issue.message, text: String(formData.get("text") ?? "") }, { status: 400 });
      }
      const result = await replyToCustomer(
        attempt.id,
        user.id,
        { expectedIndex: parsed.data.expectedIndex, text: parsed.data.text },
        scenario,
        rubrics,
      );
      if (result.status === "ended") endedConflict();
      return redirect(`${attemptUrl}#turn-${parsed.data.expectedIndex + 1}`);
    }
  }
}

const endedConflict = () =>
  conflict("This conversation has already ended, so it can't take another reply. Its grade is on the conversation page.");

export default function AttemptPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { scenario, turns, grade, isOwner } = loaded;
  const active = loaded.status === "active";
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "reply";
  const failed = actionData && "form" in actionData ? actionData : null;
  const resultFor = (formId: string) => (failed?.form === formId ? failed.result : undefined);
  const { review } = loaded;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {review?.canReview ? (
          <>
            <Link to="/coaching">Coaching</Link> <span aria-hidden="true">/</span> <Link to="/coaching/reviews">Reviews</Link>
          </>
        ) : (
          <>
            <Link to="/practice">Practice</Link> <span aria-hidden="true">/</span>{" "}
            <Link to={`/practice/scenarios/${scenario.slug}`}>{scenario.title}</Link>
          </>
        )}
      </nav>
      <PageHeader
        title={scenario.title}
        description={
          <>
            {scenario.channelLabel} with {scenario.customer}
            {isOwner ? "" : ` · practised by ${loaded.agentName}`} · <Badge tone={active ? "primary" : undefined}>{loaded.outcome}</Badge>
          </>
        }
      />
      {loaded.mood ? (
        <p className={`mood mood--${loaded.mood}`} role="status">
          Customer mood: <strong>{loaded.mood}</strong>
        </p>
      ) : null}

      <Conversation
        channel={scenario.channel}
        customer={scenario.customer}
        turns={turns}
        criteria={grade?.criteria ?? []}
        agentLabel={loaded.agentLabel}
        comments={loaded.turnComments}
      />

      {active && isOwner ? (
        <section className="card reply-box" aria-labelledby="reply-title">
          <h2 id="reply-title" className="visually-hidden">
            Reply to the customer
          </h2>
          {loaded.lastCustomerAt ? <ReplyTimer since={loaded.lastCustomerAt} parSeconds={scenario.parSeconds} /> : null}
          <Form method="post" className="form reply-form" key={loaded.expectedIndex}>
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="expectedIndex" value={loaded.expectedIndex} />
            <div className="field">
              <label htmlFor="reply-text">
                {scenario.channel === "email" ? "Your email reply" : scenario.channel === "social" ? "Your public reply" : "Your reply"}
              </label>
              <textarea
                id="reply-text"
                name="text"
                rows={scenario.channel === "email" ? 8 : 3}
                maxLength={MAX_REPLY_LENGTH}
                required
                defaultValue={actionData && "text" in actionData ? actionData.text : ""}
                aria-invalid={actionData && "error" in actionData ? true : undefined}
                aria-describedby={actionData && "error" in actionData ? "reply-error" : undefined}
                // The reply box is the page's one job: after each turn the agent types straight on.
                // eslint-disable-next-line jsx-a11y/no-autofocus
                autoFocus
              />
              {actionData && "error" in actionData ? (
                <p id="reply-error" className="field__errors" role="alert">
                  {actionData.error}
                </p>
              ) : null}
            </div>
            <div className="row">
              <Button type="submit" pending={sending}>
                {sending ? "Sending…" : "Send reply"}
              </Button>
            </div>
          </Form>
          <Form method="post" className="row end-form">
            <input type="hidden" name="intent" value="end" />
            <Button type="submit" variant="secondary" size="small">
              End the conversation
            </Button>
            <span className="muted">You'll be graded on the conversation so far.</span>
          </Form>
        </section>
      ) : null}

      {grade ? (
        <GradeReport
          grade={grade}
          outcome={loaded.outcome}
          retryTo={isOwner ? `/practice/scenarios/${scenario.slug}` : null}
          title={isOwner ? "Your grade" : `${loaded.agentName}'s grade`}
          review={review ? (criterion) => <CriterionReviewRow criterion={criterion} review={review} resultFor={resultFor} /> : undefined}
        />
      ) : null}
      {grade ? (
        <p className="what-if-link">
          <Link to={`/practice/attempts/${loaded.id}/what-if`}>
            What if {isOwner ? "you had" : `${loaded.agentName} had`} said something else?
          </Link>{" "}
          <span className="muted">Rewrite one message and replay the conversation from there; nothing is saved.</span>
        </p>
      ) : null}
      {review ? <ReviewPanel review={review} resultFor={resultFor} /> : null}
      {!active && !grade ? <p className="muted">This conversation has ended.</p> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.title ?? "Conversation"} · Practice · Frontline` },
];
