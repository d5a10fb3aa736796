import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BriefPanel } from "~/components/practice/brief-panel.tsx";
import { Conversation } from "~/components/practice/conversation.tsx";
import { GradeReport, HighlightLegend, type ReportCriterion } from "~/components/practice/grade-report.tsx";
import { MoodIndicator } from "~/components/practice/mood-indicator.tsx";
import { ReplyBox } from "~/components/practice/reply-box.tsx";
import { CriterionReviewRow, DisputeLink, ReviewPanel, type AttemptReview } from "~/components/practice/review.tsx";
import { Alert, Badge, PageHeader } from "~/components/ui/layout.tsx";
import { loadVisibleAttempt } from "~/models/practice.server.ts";
import { readFormData } from "~/utils/request.server.ts";
import { handleAttemptAction } from "./attempt-actions.server.ts";
import { attemptPageView } from "./attempt-view.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return attemptPageView(await loadVisibleAttempt(request, params.attemptId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const visible = await loadVisibleAttempt(request, params.attemptId);
  return handleAttemptAction(visible, await readFormData(request));
}

/** Reviewers work on the rows, and an agent whose grade was changed or disputed needs to see where. */
function showsEveryCriterion(review: AttemptReview, criteria: ReportCriterion[]): boolean {
  return (
    review.canReview ||
    criteria.some((criterion) => criterion.overridden) ||
    Object.values(review.criteria).some((criterion) => criterion.disputes.length > 0)
  );
}

export default function AttemptPage() {
  const loaded = useLoaderData<typeof loader>();
  const { scenario, turns, grade, isOwner } = loaded;
  const active = loaded.status === "active";
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
      <div className="attempt-layout">
        <BriefPanel scenario={scenario} />
        <div className="attempt-layout__conversation">
          {loaded.mood ? <MoodIndicator mood={loaded.mood} /> : null}
          {grade ? <HighlightLegend /> : null}
          <Conversation
            channel={scenario.channel}
            customer={scenario.customer}
            turns={turns}
            criteria={grade?.criteria ?? []}
            agentLabel={loaded.agentLabel}
            comments={loaded.turnComments}
            live={active}
          />
          {active && isOwner ? (
            <ReplyBox
              key={loaded.expectedIndex}
              channel={scenario.channel}
              expectedIndex={loaded.expectedIndex}
              lastCustomerAt={loaded.lastCustomerAt}
              parSeconds={scenario.parSeconds}
            />
          ) : null}
        </div>
      </div>

      {grade ? (
        <GradeReport
          grade={grade}
          outcome={loaded.outcome}
          retryTo={isOwner ? `/practice/scenarios/${scenario.slug}` : null}
          title={isOwner ? "Your grade" : `${loaded.agentName}'s grade`}
          review={review ? (criterion) => <CriterionReviewRow criterion={criterion} review={review} /> : undefined}
          fixAction={
            review
              ? (criterionId) => {
                  const criterion = grade.criteria.find((candidate) => candidate.id === criterionId);
                  return criterion ? <DisputeLink criterion={criterion} review={review} /> : null;
                }
              : undefined
          }
          rubricOpen={review ? showsEveryCriterion(review, grade.criteria) : false}
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
      {review ? <ReviewPanel review={review} /> : null}
      {loaded.scoringBlind ? (
        <Alert tone="info">
          You're scoring this conversation in the calibration session{" "}
          <Link to={`/calibration/${loaded.scoringBlind.id}`}>{loaded.scoringBlind.title}</Link>: its grade and review stay hidden until you
          submit your scores.
        </Alert>
      ) : !active && !grade ? (
        <p className="muted">This conversation has ended.</p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.title ?? "Conversation"} · Practice · Frontline` },
];
