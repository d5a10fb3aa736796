// What the people on an attempt page may do: the agent replies, ends the conversation,
// acknowledges or disputes its review; a reviewer overrides, comments, marks reviewed and
// answers disputes. One handler per intent; a refusal echoes the criterion or dispute it is
// about, so it shows on that row's form of the grade report.
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { ReplySchema } from "~/components/practice/reply-box.tsx";
import {
  AcceptDisputeSchema,
  CommentSchema,
  DisputeSchema,
  OverrideSchema,
  RejectDisputeSchema,
  REVIEW_INTENTS,
} from "~/components/practice/review-forms.tsx";
import { hasRole, peopleScope } from "~/engine/access/people.ts";
import { canReviewAttempt, canTakePartInAttempt, PRACTICE_REVIEWER_ROLES } from "~/engine/access/practice.ts";
import { message } from "~/i18n/message.ts";
import { blindCalibrationFor } from "~/models/calibration.server.ts";
import { endAttempt, replyToCustomer, type VisibleAttempt } from "~/models/practice.server.ts";
import { revealOriginals } from "~/models/real-conversation.server.ts";
import {
  acknowledgeReview,
  addReviewComment,
  markReviewed,
  openDispute,
  overrideCriterion,
  resolveDispute,
  type LevelRefusal,
  type ResolveResult,
  type Reviewer,
} from "~/models/review.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { handleIntent, invalid, refused } from "~/utils/forms.server.ts";
import { forbidden, notFound } from "~/utils/permissions.server.ts";
import { badRequest } from "~/utils/request.server.ts";

const KNOWN_INTENTS = new Set<string>(["reply", "end", "acknowledge", "dispute", "reveal", ...REVIEW_INTENTS]);
const UNKNOWN_FORM = message("practice:error.unknownForm");

const conflict = (text: string): never => {
  throw data({ message: text }, { status: 409 });
};

const endedConflict = () => conflict(message("practice:error.ended"));

/** Turns a level the model refused into a 400 on the form that sent it. */
function rejectLevel(intent: string, submission: Submission<unknown>, refusal: LevelRefusal) {
  if (refusal.status === "not-applicable") {
    return refused(intent, message("practice:error.notApplicableOverride"), submission);
  }
  return invalid(intent, submission, {
    level: [refusal.status === "invalid-level" ? message("practice:forms.chooseCriterionLevel") : message("practice:error.sameLevel")],
  });
}

function rejectResolution(intent: string, submission: Submission<unknown>, result: Exclude<ResolveResult, { status: "ok" }>) {
  if (result.status === "not-found") notFound(message("practice:error.noDispute"));
  if (result.status === "closed") return refused(intent, message("practice:error.disputeAnswered"), submission);
  return rejectLevel(intent, submission, result);
}

/** An admin reads what masking replaced in a real conversation; audited, and only with the key configured. */
async function reveal(user: VisibleAttempt["user"], attemptId: string, isReal: boolean) {
  if (user.role !== "admin") forbidden(message("practice:real.adminsOnly"));
  if (!isReal) notFound(message("practice:error.noAttempt"));
  const originals = await revealOriginals(user.id, attemptId);
  if (!originals) conflict(message("practice:real.notKept"));
  return {
    intent: "reveal" as const,
    originals: originals!.flatMap((spans, turn) => spans.map((span) => ({ turn, kind: span.kind, original: span.original }))),
  };
}

export async function handleAttemptAction({ user, attempt, scenario, ticket, rubrics, passRule }: VisibleAttempt, formData: FormData) {
  const intent = String(formData.get("intent") ?? "");
  // An unknown form is a 400 for anyone, before asking whose conversation it is.
  if (![...KNOWN_INTENTS].includes(intent)) badRequest(UNKNOWN_FORM);
  if (intent === "reveal") return reveal(user, attempt.id, ticket !== null);
  const attemptUrl = `/practice/attempts/${attempt.id}`;
  if ((REVIEW_INTENTS as readonly string[]).includes(intent)) {
    if (!hasRole(user, PRACTICE_REVIEWER_ROLES)) forbidden(message("practice:error.reviewersOnly"));
    if (!canReviewAttempt(user, attempt)) forbidden(message("practice:error.ownPractice"));
    if (await blindCalibrationFor(user.id, attempt.id)) conflict(message("practice:error.blindCalibration"));
  } else if (!canTakePartInAttempt(user, attempt)) {
    // Leads may read a team member's attempt; only its owner may take part in it or answer its review.
    notFound(message("practice:error.noAttempt"));
  }
  const reviewer: Reviewer = { id: user.id, scope: peopleScope(toViewer(user)) };
  const requireGrade = () => {
    if (!attempt.grade) conflict(message("practice:error.notGraded"));
  };

  return handleIntent(formData, {
    reply: async () => {
      const submission = parseWithZod(formData, { schema: ReplySchema });
      if (submission.status !== "success") {
        if (!submission.error?.text) badRequest(message("practice:error.badReply"));
        return invalid("reply", submission);
      }
      // A real conversation happened in the helpdesk: nothing can be added to it here.
      if (!scenario) return endedConflict();
      const result = await replyToCustomer(attempt.id, user.id, submission.value, scenario, rubrics);
      if (result.status === "ended") endedConflict();
      return redirect(`${attemptUrl}#turn-${submission.value.expectedIndex + 1}`);
    },
    end: async () => {
      if (!scenario) return endedConflict();
      const result = await endAttempt(attempt.id, user.id, scenario, rubrics);
      if (result.status === "ended") endedConflict();
      return redirect(`${attemptUrl}#report`);
    },
    override: async () => {
      requireGrade();
      const submission = parseWithZod(formData, { schema: OverrideSchema });
      if (submission.status !== "success") return invalid("override", submission);
      const result = await overrideCriterion(reviewer, { attemptId: attempt.id, ...submission.value }, passRule, rubrics);
      if (result.status === "not-found") notFound(message("practice:error.noCriterion"));
      if (result.status !== "ok") return rejectLevel("override", submission, result);
      return redirect(`${attemptUrl}#criterion-${submission.value.criterionId}`);
    },
    comment: async () => {
      requireGrade();
      const submission = parseWithZod(formData, { schema: CommentSchema });
      if (submission.status !== "success") return invalid("comment", submission);
      const turnIndex = submission.value.turnIndex ?? null;
      const result = await addReviewComment(reviewer, { attemptId: attempt.id, turnIndex, body: submission.value.body });
      if (result.status === "not-found") notFound(message("practice:error.noAttempt"));
      if (result.status === "invalid-turn") return invalid("comment", submission, { turnIndex: [message("practice:error.chooseMessage")] });
      return redirect(turnIndex === null ? `${attemptUrl}#review` : `${attemptUrl}#turn-${turnIndex}`);
    },
    "mark-reviewed": async () => {
      requireGrade();
      const result = await markReviewed(reviewer, attempt.id);
      if (result.status === "not-found") notFound(message("practice:error.noAttempt"));
      return redirect(`${attemptUrl}#review`);
    },
    "accept-dispute": async () => {
      requireGrade();
      const submission = parseWithZod(formData, { schema: AcceptDisputeSchema });
      if (submission.status !== "success") return invalid("accept-dispute", submission);
      const { disputeId, level, reason } = submission.value;
      const decision = { attemptId: attempt.id, disputeId, decision: "accept" as const, level, reason };
      const result = await resolveDispute(reviewer, decision, passRule, rubrics);
      if (result.status !== "ok") return rejectResolution("accept-dispute", submission, result);
      return redirect(`${attemptUrl}#review`);
    },
    "reject-dispute": async () => {
      requireGrade();
      const submission = parseWithZod(formData, { schema: RejectDisputeSchema });
      if (submission.status !== "success") return invalid("reject-dispute", submission);
      const { disputeId, reason } = submission.value;
      const result = await resolveDispute(reviewer, { attemptId: attempt.id, disputeId, decision: "reject", reason }, passRule, rubrics);
      if (result.status !== "ok") return rejectResolution("reject-dispute", submission, result);
      return redirect(`${attemptUrl}#review`);
    },
    acknowledge: async () => {
      requireGrade();
      const result = await acknowledgeReview(user.id, attempt.id);
      if (result.status === "not-found") notFound(message("practice:error.noAttempt"));
      if (result.status === "not-reviewed") conflict(message("practice:error.notReviewed"));
      return redirect(`${attemptUrl}#review`);
    },
    dispute: async () => {
      requireGrade();
      const submission = parseWithZod(formData, { schema: DisputeSchema });
      if (submission.status !== "success") return invalid("dispute", submission);
      const result = await openDispute(user.id, { attemptId: attempt.id, ...submission.value });
      if (result.status === "not-found") notFound(message("practice:error.noCriterion"));
      if (result.status === "not-applicable") {
        return refused("dispute", message("practice:error.notApplicableDispute"), submission);
      }
      if (result.status === "already-open") {
        return refused("dispute", message("practice:error.alreadyDisputed"), submission);
      }
      return redirect(`${attemptUrl}#criterion-${submission.value.criterionId}`);
    },
  });
}
