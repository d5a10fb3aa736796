import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from "~/domain/coaching.ts";
import { translateMessage } from "~/i18n/message.ts";
import { useFormat } from "~/i18n/use-format.ts";
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
      <Trans
        i18nKey="practice:review.disputeLink"
        values={{ criterion: criterion.title }}
        components={{ hidden: <span className="visually-hidden" /> }}
      />
    </ButtonLink>
  );
}

/** What a review adds under one criterion: the override's reason, disputes, and the forms the viewer may use. */
export function CriterionReviewRow({ criterion, review }: { criterion: ReportCriterion; review: AttemptReview }) {
  const { canReview, agentName } = review;
  const { t } = useTranslation();
  const format = useFormat();
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
            {data.override.by
              ? t("practice:review.changedBy", { name: data.override.by, day: format.day(data.override.at) })
              : t("practice:review.changed", { day: format.day(data.override.at) })}
          </strong>{" "}
          {data.override.reason}
        </p>
      ) : null}
      {data.disputes.map((dispute) => (
        <div key={dispute.id} className={`dispute dispute--${dispute.status}`}>
          <p className="dispute__meta">
            <strong>{canReview ? t("practice:review.theyDisputed", { name: agentName }) : t("practice:review.youDisputed")}</strong>{" "}
            <span className="muted">· {format.dateTime(dispute.at)}</span>{" "}
            <Badge tone={DISPUTE_TONES[dispute.status]}>{t(DISPUTE_STATUS_LABELS[dispute.status])}</Badge>
          </p>
          <blockquote className="dispute__comment">{dispute.comment}</blockquote>
          {dispute.answer ? (
            <p className="dispute__answer">
              <strong>{dispute.resolvedBy ?? t("practice:review.reviewer")}</strong>
              {dispute.resolvedAt ? <span className="muted"> · {format.dateTime(dispute.resolvedAt)}</span> : null}
              {t("practice:review.answerSeparator")}
              {dispute.answer}
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
  const format = useFormat();
  return (
    <ul className="review-comments">
      {comments.map((comment) => (
        <li key={comment.id} className="review-comment">
          <p className="review-comment__meta">
            <strong>{comment.author}</strong> <span className="muted">· {format.dateTime(comment.at)}</span>
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
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section id="review" className="card review-panel" aria-labelledby="review-title">
      <h2 id="review-title">{t("practice:review.title")}</h2>
      <p>
        {review.reviewedAt ? (
          <>
            <Badge tone="success">{t("practice:report.reviewed")}</Badge>{" "}
            {review.reviewedBy
              ? t("practice:review.reviewedBy", { name: review.reviewedBy, day: format.day(review.reviewedAt) })
              : t("practice:review.reviewedByAnyone", { day: format.day(review.reviewedAt) })}{" "}
            {review.acknowledgedAt
              ? canReview
                ? t("practice:review.theyAcknowledged", { name: review.agentName, day: format.day(review.acknowledgedAt) })
                : t("practice:review.youAcknowledged", { day: format.day(review.acknowledgedAt) })
              : canReview
                ? t("practice:review.notAcknowledged", { name: review.agentName })
                : null}
          </>
        ) : (
          <>
            <Badge tone="primary">{t("practice:review.needsReview")}</Badge>{" "}
            {canReview ? t("practice:review.reviewerHint", { name: review.agentName }) : t("practice:review.agentHint")}
          </>
        )}
      </p>
      {review.openDisputes > 0 ? (
        <p className="alert alert--warning">
          {canReview
            ? t("practice:review.openDisputesReviewer", { count: review.openDisputes })
            : t("practice:review.openDisputesAgent", { count: review.openDisputes })}
        </p>
      ) : null}

      <h3>{t("practice:review.commentsTitle")}</h3>
      {review.generalComments.length === 0 ? (
        <p className="muted">{t("practice:review.noComments")}</p>
      ) : (
        <CommentList comments={review.generalComments} />
      )}

      {canReview ? (
        <>
          <CommentForm turns={review.turnOptions.map((option) => ({ ...option, label: translateMessage(t, option.label) }))} />
          {review.reviewedAt ? null : (
            <div className="row review-panel__done">
              <ActionButton intent="mark-reviewed" className="">
                {t("practice:review.markReviewed")}
              </ActionButton>
              <span className="muted">{t("practice:review.markReviewedHint", { name: review.agentName })}</span>
            </div>
          )}
          <p>
            <Link to="/coaching/reviews">{t("practice:review.backToQueue")}</Link>
          </p>
        </>
      ) : review.reviewedAt && !review.acknowledgedAt ? (
        <div className="row review-panel__done">
          <ActionButton intent="acknowledge" className="">
            {t("practice:review.acknowledge")}
          </ActionButton>
          <span className="muted">
            {review.reviewedBy
              ? t("practice:review.acknowledgeHint", { name: review.reviewedBy })
              : t("practice:review.acknowledgeHintLead")}
          </span>
        </div>
      ) : null}
    </section>
  );
}
