import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { buttonClassName, ButtonLink } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { optionalFilter } from "~/domain/fields.ts";
import { isCalibrationOpen } from "~/engine/access/calibration.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import {
  closeCalibrationSession,
  loadCalibrationSession,
  rubricById,
  scoredCriteria,
  scoredItemIds,
  submitScores,
} from "~/models/calibration.server.ts";
import { contentTitle, loadContentIndex } from "~/models/content-index.server.ts";
import { requireUser, toViewer } from "~/utils/auth.server.ts";
import { handleIntent, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const NOT_FOUND = message("calibration:notFound");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await requireUser(request));
  const { confirm } = parseSearchParams(request, z.object({ confirm: optionalFilter(z.enum(["close"])) }));
  const loaded = await loadCalibrationSession(viewer, params.sessionId ?? "");
  if (!loaded) notFound(NOT_FOUND);
  const { session, seat, canManage, visibleItems } = loaded;
  const [rubric, index] = await Promise.all([rubricById(session.rubricId), loadContentIndex()]);
  const criterionIds = rubric ? scoredCriteria(rubric).map((criterion) => criterion.id) : [];
  const scored = seat ? scoredItemIds(seat, criterionIds) : new Set<string>();
  return {
    session: {
      id: session.id,
      title: session.title,
      rubricTitle: rubric?.title ?? session.rubricId,
      dueAt: session.dueAt,
      organiserName: session.organiser.name,
      open: isCalibrationOpen(session, new Date()),
      sharedWithAgents: session.sharedWithAgents,
    },
    canManage,
    confirmingClose: confirm === "close" && canManage,
    seat: seat ? { submitted: seat.submittedAt !== null } : null,
    conversations: visibleItems.map((item, position) => ({
      id: item.id,
      number: position + 1,
      scenarioTitle: contentTitle(index, "scenario", item.attempt.scenarioSlug),
      scored: scored.has(item.id),
    })),
    raters: canManage
      ? session.raters.map((rater) => ({
          id: rater.id,
          name: rater.user.name,
          scored: scoredItemIds(rater, criterionIds).size,
          submitted: rater.submittedAt !== null,
        }))
      : [],
    sampleSize: session.items.length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = toViewer(await requireUser(request));
  const sessionId = params.sessionId ?? "";
  if (!(await loadCalibrationSession(viewer, sessionId))) notFound(NOT_FOUND);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    submit: async () => {
      const result = await submitScores(viewer, sessionId);
      if (result.status === "not-found") notFound(NOT_FOUND);
      if (result.status === "closed") return refused("submit", message("calibration:closedForScoring"));
      if (result.status === "incomplete") return refused("submit", message("calibration:session.incomplete"));
      return redirectWithNotice(`/calibration/${sessionId}`, "calibration-submitted");
    },
    close: async () => {
      const result = await closeCalibrationSession(viewer, sessionId);
      if (result.status === "not-found") notFound(NOT_FOUND);
      return redirect(`/calibration/${sessionId}/results`);
    },
  });
}

export default function CalibrationSessionPage() {
  const { session, canManage, confirmingClose, seat, conversations, raters, sampleSize } = useLoaderData<typeof loader>();
  const scoredCount = conversations.filter((conversation) => conversation.scored).length;
  const nextToScore = conversations.find((conversation) => !conversation.scored);
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeader
        title={session.title}
        description={t("calibration:session.description", {
          rubric: session.rubricTitle,
          count: sampleSize,
          organiser: session.organiserName,
          due: new Date(session.dueAt).getTime(),
        })}
        actions={<Link to="/calibration">{t("calibration:allSessions")}</Link>}
      />
      {!session.open ? (
        <Alert tone="success">
          <Trans i18nKey="calibration:session.closedNotice" components={{ anchor: <Link to={`/calibration/${session.id}/results`} /> }} />
        </Alert>
      ) : null}
      {seat ? (
        <Card title={t("calibration:yourScores")}>
          <p role="status">
            {t(seat.submitted ? "calibration:session.progressSubmitted" : "calibration:session.progress", {
              scored: scoredCount,
              total: conversations.length,
            })}
          </p>
          <ProgressBar
            label={t("calibration:session.progressLabel")}
            percent={conversations.length ? (scoredCount / conversations.length) * 100 : 0}
          />
          <p className="muted">{t("calibration:session.blindHint")}</p>
          <DataTable
            textOnly={!session.open}
            caption={t("calibration:session.caption")}
            columns={[
              t("calibration:session.column.conversation"),
              t("calibration:session.column.scenario"),
              t("calibration:session.column.yourScores"),
            ]}
          >
            {conversations.map((conversation) => (
              <tr key={conversation.id}>
                <td>
                  {session.open ? (
                    <Link to={`/calibration/${session.id}/conversations/${conversation.id}`}>
                      {t("calibration:conversationNumber", { number: conversation.number })}
                    </Link>
                  ) : (
                    t("calibration:conversationNumber", { number: conversation.number })
                  )}
                </td>
                <td>{conversation.scenarioTitle}</td>
                <td>
                  {conversation.scored ? (
                    <Badge tone="success">{t("calibration:session.scored")}</Badge>
                  ) : (
                    <Badge>{t("calibration:session.notYet")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          {session.open && nextToScore ? (
            <p className="row">
              <ButtonLink to={`/calibration/${session.id}/conversations/${nextToScore.id}`}>
                {scoredCount === 0 ? t("calibration:session.start") : t("calibration:session.next")}
              </ButtonLink>
            </p>
          ) : null}
          {session.open && !nextToScore && !seat.submitted ? (
            <ActionButton intent="submit">{t("calibration:session.submit")}</ActionButton>
          ) : null}
        </Card>
      ) : null}
      {canManage ? (
        <Card title={t("calibration:session.raters.title")}>
          <DataTable
            textOnly
            caption={t("calibration:session.raters.caption")}
            columns={[
              t("calibration:session.raters.column.person"),
              t("calibration:session.raters.column.scored"),
              t("calibration:session.raters.column.status"),
            ]}
          >
            {raters.map((rater) => (
              <tr key={rater.id}>
                <td>{rater.name}</td>
                <td>{rater.scored}</td>
                <td>
                  {rater.submitted ? (
                    <Badge tone="success">{t("calibration:session.raters.submitted")}</Badge>
                  ) : (
                    <Badge>{t("calibration:session.raters.scoring")}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          {session.open ? (
            confirmingClose ? (
              <div role="alertdialog" aria-labelledby="confirm-close-title" className="alert alert--warning">
                <h3 id="confirm-close-title">{t("calibration:session.close.title")}</h3>
                <p>{t("calibration:session.close.body")}</p>
                <div className="row">
                  <ActionButton intent="close" variant="danger" className="">
                    {t("calibration:session.close.confirm")}
                  </ActionButton>
                  <Link to={`/calibration/${session.id}`} className={buttonClassName("secondary")}>
                    {t("calibration:session.close.keepOpen")}
                  </Link>
                </div>
              </div>
            ) : (
              <p>
                <Link to="?confirm=close">{t("calibration:session.close.link")}</Link>
              </p>
            )
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, "calibration:session.pageTitle", { title: data.session.title })
      : pageTitle(matches, "calibration:title"),
  },
];
