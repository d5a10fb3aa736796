import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton } from "~/components/forms/action-button.tsx";
import { buttonClassName, ButtonLink } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/layout.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { optionalFilter } from "~/domain/fields.ts";
import { isCalibrationOpen } from "~/engine/access/calibration.ts";
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
import { formatDate } from "~/utils/format.ts";
import { handleIntent, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/permissions.server.ts";
import { parseSearchParams, readFormData } from "~/utils/request.server.ts";

const NOT_FOUND = "There's no calibration session at this address, or you're not invited to it.";

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
      if (result.status === "closed") return refused("submit", "This session has closed: scores can no longer be changed.");
      if (result.status === "incomplete") return refused("submit", "Score every conversation before you submit.");
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
  return (
    <div className="stack">
      <PageHeader
        title={session.title}
        description={`${session.rubricTitle} rubric · ${sampleSize} conversations · organised by ${session.organiserName} · due ${formatDate(session.dueAt)}`}
        actions={<Link to="/calibration">All sessions</Link>}
      />
      {!session.open ? (
        <Alert tone="success">
          This session is closed. <Link to={`/calibration/${session.id}/results`}>See the results</Link>
        </Alert>
      ) : null}
      {seat ? (
        <Card title="Your scores">
          <p role="status">
            {scoredCount} of {conversations.length} scored
            {seat.submitted ? " · submitted" : ""}
          </p>
          <ProgressBar label="Your scoring progress" percent={conversations.length ? (scoredCount / conversations.length) * 100 : 0} />
          <p className="muted">
            Score each conversation with the rubric before you see the automatic grade or anyone else's scores. You can change a score until
            the session closes.
          </p>
          <DataTable textOnly={!session.open} caption="Conversations to score" columns={["Conversation", "Scenario", "Your scores"]}>
            {conversations.map((conversation) => (
              <tr key={conversation.id}>
                <td>
                  {session.open ? (
                    <Link to={`/calibration/${session.id}/conversations/${conversation.id}`}>Conversation {conversation.number}</Link>
                  ) : (
                    `Conversation ${conversation.number}`
                  )}
                </td>
                <td>{conversation.scenarioTitle}</td>
                <td>{conversation.scored ? <Badge tone="success">Scored</Badge> : <Badge>Not yet</Badge>}</td>
              </tr>
            ))}
          </DataTable>
          {session.open && nextToScore ? (
            <p className="row">
              <ButtonLink to={`/calibration/${session.id}/conversations/${nextToScore.id}`}>
                {scoredCount === 0 ? "Start scoring" : "Score the next conversation"}
              </ButtonLink>
            </p>
          ) : null}
          {session.open && !nextToScore && !seat.submitted ? <ActionButton intent="submit">Submit my scores</ActionButton> : null}
        </Card>
      ) : null}
      {canManage ? (
        <Card title="Who has scored">
          <DataTable textOnly caption="Raters' progress" columns={["Person", "Conversations scored", "Status"]}>
            {raters.map((rater) => (
              <tr key={rater.id}>
                <td>{rater.name}</td>
                <td>{rater.scored}</td>
                <td>{rater.submitted ? <Badge tone="success">Submitted</Badge> : <Badge>Scoring</Badge>}</td>
              </tr>
            ))}
          </DataTable>
          {session.open ? (
            confirmingClose ? (
              <div role="alertdialog" aria-labelledby="confirm-close-title" className="alert alert--warning">
                <h3 id="confirm-close-title">Close the session now?</h3>
                <p>Nobody can score or change a score after this, and everyone invited is told the results are ready.</p>
                <div className="row">
                  <ActionButton intent="close" variant="danger" className="">
                    Yes, close it
                  </ActionButton>
                  <Link to={`/calibration/${session.id}`} className={buttonClassName("secondary")}>
                    Keep it open
                  </Link>
                </div>
              </div>
            ) : (
              <p>
                <Link to="?confirm=close">Close the session and see the results…</Link>
              </p>
            )
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? "Calibration"} · Calibration · Frontline` },
];
