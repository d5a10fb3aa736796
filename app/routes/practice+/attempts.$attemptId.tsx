import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { BriefPanel } from "~/components/practice/brief-panel.tsx";
import { Conversation } from "~/components/practice/conversation.tsx";
import { GradeReport, HighlightLegend, type ReportCriterion } from "~/components/practice/grade-report.tsx";
import { MoodIndicator } from "~/components/practice/mood-indicator.tsx";
import { ReplyBox } from "~/components/practice/reply-box.tsx";
import { CriterionReviewRow, DisputeLink, ReviewPanel, type AttemptReview } from "~/components/practice/review.tsx";
import { TicketPanel } from "~/components/practice/ticket-panel.tsx";
import { Alert, Badge, PageHeader } from "~/components/ui/layout.tsx";
import { translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
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
  const { setting, turns, grade, isOwner } = loaded;
  const active = loaded.status === "active";
  const { review } = loaded;
  const { t } = useTranslation();
  const customer = setting.customer ?? t("practice:real.customer");
  const actionData = useActionData<typeof action>();
  const revealed = actionData && "originals" in actionData ? actionData.originals : null;
  return (
    <div className="stack">
      <nav aria-label={t("practice:breadcrumb")} className="breadcrumb">
        {review?.canReview ? (
          <>
            <Link to="/coaching">{t("common:nav.coaching")}</Link> <span aria-hidden="true">/</span>{" "}
            <Link to="/coaching/reviews">{t("practice:attempt.reviews")}</Link>
          </>
        ) : setting.slug ? (
          <>
            <Link to="/practice">{t("common:nav.practice")}</Link> <span aria-hidden="true">/</span>{" "}
            <Link to={`/practice/scenarios/${setting.slug}`}>{setting.title}</Link>
          </>
        ) : (
          <>
            <Link to="/career">{t("common:nav.career")}</Link> <span aria-hidden="true">/</span> {t("practice:real.breadcrumb")}
          </>
        )}
      </nav>
      <PageHeader
        title={setting.title ?? t("practice:real.untitled", { id: setting.ticket?.externalId })}
        description={
          <>
            {setting.ticket
              ? t("practice:real.description", { channel: translateMessage(t, setting.channelLabel), name: loaded.agentName })
              : isOwner
                ? t("practice:attempt.description", { channel: translateMessage(t, setting.channelLabel), customer: customer })
                : t("practice:attempt.descriptionOther", {
                    channel: translateMessage(t, setting.channelLabel),
                    customer: customer,
                    name: loaded.agentName,
                  })}{" "}
            · <Badge tone={active ? "primary" : undefined}>{translateMessage(t, loaded.outcome)}</Badge>
          </>
        }
      />
      <div className="attempt-layout">
        {setting.brief ? <BriefPanel scenario={{ ...setting.brief, customer, channelLabel: setting.channelLabel }} /> : null}
        {setting.ticket ? (
          <TicketPanel
            ticket={setting.ticket}
            channelLabel={setting.channelLabel}
            canReveal={loaded.canReveal}
            revealed={revealed}
            draftScenarioHref={loaded.canDraftScenario ? `/coaching/conversations/${loaded.id}/scenario` : null}
          />
        ) : null}
        <div className="attempt-layout__conversation">
          {loaded.mood ? <MoodIndicator mood={loaded.mood} /> : null}
          {grade ? <HighlightLegend /> : null}
          <Conversation
            channel={setting.channel}
            customer={customer}
            turns={turns}
            criteria={grade?.criteria ?? []}
            agentLabel={loaded.agentLabel ?? undefined}
            comments={loaded.turnComments}
            live={active}
          />
          {active && isOwner ? (
            <ReplyBox
              key={loaded.expectedIndex}
              channel={setting.channel}
              expectedIndex={loaded.expectedIndex}
              lastCustomerAt={loaded.lastCustomerAt}
              parSeconds={setting.parSeconds}
              redLines={loaded.redLines}
            />
          ) : null}
        </div>
      </div>

      {grade ? (
        <GradeReport
          grade={grade}
          outcome={loaded.outcome}
          retryTo={isOwner && setting.slug ? `/practice/scenarios/${setting.slug}` : null}
          title={isOwner ? t("practice:report.title") : t("practice:attempt.theirGrade", { name: loaded.agentName })}
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
      {grade && setting.slug ? (
        <p className="what-if-link">
          <Link to={`/practice/attempts/${loaded.id}/what-if`}>
            {isOwner ? t("practice:attempt.whatIfLink") : t("practice:attempt.whatIfLinkOther", { name: loaded.agentName })}
          </Link>{" "}
          <span className="muted">{t("practice:attempt.whatIfHint")}</span>
        </p>
      ) : null}
      {review ? <ReviewPanel review={review} /> : null}
      {loaded.scoringBlind ? (
        <Alert tone="info">
          <Trans
            i18nKey="practice:attempt.scoringBlind"
            values={{ session: loaded.scoringBlind.title }}
            components={{ anchor: <Link to={`/calibration/${loaded.scoringBlind.id}`} /> }}
          />
        </Alert>
      ) : !active && !grade ? (
        <p className="muted">{t("practice:attempt.ended")}</p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? data.setting.title
        ? pageTitle(matches, "practice:attempt.metaTitle", { title: data.setting.title })
        : pageTitle(matches, "practice:real.untitled", { id: data.setting.ticket?.externalId ?? "" })
      : pageTitle(matches, "practice:attempt.metaTitleMissing"),
  },
];
