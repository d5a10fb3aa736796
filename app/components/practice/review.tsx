import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from "~/domain/coaching.ts";
import { formatDate, formatDateTime } from "~/utils/format.ts";
import { ActionButton } from "../forms/action-button.tsx";
import { ButtonLink } from "../ui/button.tsx";
import type { Option } from "../ui/field.tsx";
import { Badge } from "../ui/layout.tsx";
import type { TurnComment } from "./conversation.tsx";
import type { ReportCriterion } from "./grade-report.tsx";
import { CommentForm, DisputeForm, OverrideForm, ResolveDisputeForms } from "./review-forms.tsx";

export type DisputeView = {
  id: string;
  comment: string;
  status: DisputeStatus;
  answer: string | null;
  at: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

export type CriterionReview = {
  override: { reason: string; by: string | null; at: string } | null;
  /** Levels a reviewer may give; empty for the agent. */
  choices: { level: number; label: string }[];
  disputes: DisputeView[];
};

export type AttemptReview = {
  /** A lead or admin reviewing someone else's attempt (the agent only responds). */
  canReview: boolean;
  agentName: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  acknowledgedAt: string | null;
  generalComments: TurnComment[];
  turnOptions: Option[];
  openDisputes: number;
  criteria: Record<string, CriterionReview>;
};

const DISPUTE_TONES: Record<DisputeStatus, "primary" | "success" | undefined> = {
  open: "primary",
  accepted: "success",
  rejected: undefined,
};

/** Whether the agent may dispute this criterion now: it applied, and no dispute on it is waiting. */
function canDispute(review: AttemptReview, criterion: Pick<ReportCriterion, "id" | "applicable">): boolean {
  const data = review.criteria[criterion.id];
  return !review.canReview && criterion.applicable && Boolean(data) && !data.disputes.some((dispute) => dispute.status === "open");
}

/** Opens the page's one dispute form on this criterion: a link, so it works before scripts load. */
export function DisputeLink({
  criterion,
  review,
}: {
  criterion: Pick<ReportCriterion, "id" | "title" | "applicable">;
  review: AttemptReview;
}) {
  const { pathname } = useLocation();
  if (!canDispute(review, criterion)) return null;
  return (
    <ButtonLink
      to={`${pathname}?dispute=${encodeURIComponent(criterion.id)}#dispute-${criterion.id}`}
      variant="secondary"
      size="small"
      className="dispute-link"
      preventScrollReset
    >
      Dispute this level<span className="visually-hidden"> of {criterion.title}</span>
    </ButtonLink>
  );
}

/** What a review adds under one criterion: the override's reason, disputes, and the forms the viewer may use. */
export function CriterionReviewRow({ criterion, review }: { criterion: ReportCriterion; review: AttemptReview }) {
  const { canReview, agentName } = review;
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const data = review.criteria[criterion.id];
  if (!data) return null;
  const disputing = searchParams.get("dispute") === criterion.id && canDispute(review, criterion);
  const showTools = criterion.applicable;
  if (!data.override && data.disputes.length === 0 && !showTools) return null;
  const subject = { id: criterion.id, title: criterion.title };
  return (
    <div className="criterion-review__body">
      {data.override ? (
        <p className="review-note">
          <strong>
            Changed in review{data.override.by ? ` by ${data.override.by}` : ""} on {formatDate(data.override.at)}:
          </strong>{" "}
          {data.override.reason}
        </p>
      ) : null}
      {data.disputes.map((dispute) => (
        <div key={dispute.id} className={`dispute dispute--${dispute.status}`}>
          <p className="dispute__meta">
            <strong>{canReview ? `${agentName} disputed this level` : "You disputed this level"}</strong>{" "}
            <span className="muted">· {formatDateTime(dispute.at)}</span>{" "}
            <Badge tone={DISPUTE_TONES[dispute.status]}>{DISPUTE_STATUS_LABELS[dispute.status]}</Badge>
          </p>
          <blockquote className="dispute__comment">{dispute.comment}</blockquote>
          {dispute.answer ? (
            <p className="dispute__answer">
              <strong>{dispute.resolvedBy ?? "Reviewer"}</strong>
              {dispute.resolvedAt ? <span className="muted"> · {formatDateTime(dispute.resolvedAt)}</span> : null}: {dispute.answer}
            </p>
          ) : null}
          {canReview && dispute.status === "open" ? (
            <ResolveDisputeForms dispute={{ id: dispute.id, criterionTitle: criterion.title }} choices={data.choices} />
          ) : null}
        </div>
      ))}
      {showTools && canReview ? <OverrideForm criterion={subject} choices={data.choices} /> : null}
      {disputing ? (
        <DisputeForm criterion={subject} cancelTo={`${pathname}#criterion-${criterion.id}`} />
      ) : (
        <DisputeLink criterion={criterion} review={review} />
      )}
    </div>
  );
}

function CommentList({ comments }: { comments: TurnComment[] }) {
  return (
    <ul className="review-comments">
      {comments.map((comment) => (
        <li key={comment.id} className="review-comment">
          <p className="review-comment__meta">
            <strong>{comment.author}</strong> <span className="muted">· {formatDateTime(comment.at)}</span>
          </p>
          <p className="review-comment__body">{comment.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** The review's status, comments on the whole conversation, and marking it reviewed (lead) or acknowledging it (agent). */
export function ReviewPanel({ review }: { review: AttemptReview }) {
  const { canReview } = review;
  return (
    <section id="review" className="card review-panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <p>
        {review.reviewedAt ? (
          <>
            <Badge tone="success">Reviewed</Badge> by {review.reviewedBy ?? "a reviewer"} on {formatDate(review.reviewedAt)}.{" "}
            {review.acknowledgedAt
              ? `${canReview ? review.agentName : "You"} acknowledged it on ${formatDate(review.acknowledgedAt)}.`
              : canReview
                ? `${review.agentName} hasn't acknowledged it yet.`
                : null}
          </>
        ) : (
          <>
            <Badge tone="primary">Needs review</Badge>{" "}
            {canReview
              ? `Read the conversation, adjust any level the grader got wrong, and leave ${review.agentName} comments they can act on.`
              : "Your lead hasn't reviewed this conversation yet. If you think the grader got a level wrong, dispute it in the grade above."}
          </>
        )}
      </p>
      {review.openDisputes > 0 ? (
        <p className="alert alert--warning">
          {canReview
            ? `${review.openDisputes === 1 ? "One dispute is" : `${review.openDisputes} disputes are`} waiting for your answer in the grade above.`
            : `${review.openDisputes === 1 ? "Your dispute is" : `Your ${review.openDisputes} disputes are`} waiting for an answer.`}
        </p>
      ) : null}

      <h3>Comments on the whole conversation</h3>
      {review.generalComments.length === 0 ? (
        <p className="muted">No comments yet. Comments on a single message appear under it in the conversation.</p>
      ) : (
        <CommentList comments={review.generalComments} />
      )}

      {canReview ? (
        <>
          <CommentForm turns={review.turnOptions} />
          {review.reviewedAt ? null : (
            <div className="row review-panel__done">
              <ActionButton intent="mark-reviewed" className="">
                Mark reviewed
              </ActionButton>
              <span className="muted">{review.agentName} gets a notification to read your feedback.</span>
            </div>
          )}
          <p>
            <Link to="/coaching/reviews">Back to the review queue</Link>
          </p>
        </>
      ) : review.reviewedAt && !review.acknowledgedAt ? (
        <div className="row review-panel__done">
          <ActionButton intent="acknowledge" className="">
            Acknowledge review
          </ActionButton>
          <span className="muted">
            Lets {review.reviewedBy ?? "your lead"} know you've read the feedback. You can still dispute a level afterwards.
          </span>
        </div>
      ) : null}
    </section>
  );
}
