import { parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DecisionForm, DecisionSchema } from "~/components/admin/decision-form.tsx";
import { NominationStatusBadge } from "~/components/career/nomination-status-badge.tsx";
import { LevelReadiness } from "~/components/career/readiness.tsx";
import { Card, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { type NominationStatus } from "~/domain/career.ts";
import { LEVEL_LABELS, type Level } from "~/domain/people.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { careerRecord } from "~/models/career-record.server.ts";
import { levelReadiness } from "~/models/career-view.server.ts";
import { decideNomination, getNomination } from "~/models/nomination.server.ts";
import { formatDate, formatDateTime } from "~/utils/format.ts";
import { handleIntent, invalid, redirectWithNotice, refused } from "~/utils/forms.server.ts";
import { ensureFound, notFound, requireRole } from "~/utils/permissions.server.ts";
import { readFormData } from "~/utils/request.server.ts";

const MISSING = "There's no nomination at this address.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const nomination = ensureFound(await getNomination(params.nominationId ?? ""), MISSING);
  // Worded here rather than in the component so the page title names the level too.
  const t = await fixedT(await requestLocale(request, admin), "common");
  const level = nomination.level as Level;
  // Readiness is shown while the decision is open: afterwards today's evidence is not what was decided on.
  let readiness = null;
  if (nomination.status === "pending") {
    const content = await getCareerContent();
    const record = ensureFound(await careerRecord(nomination.agent.id, content.difficultyOf), MISSING);
    readiness = levelReadiness(content, level, record.evidence, new Date());
  }
  return {
    nomination: {
      id: nomination.id,
      status: nomination.status as NominationStatus,
      level: t(LEVEL_LABELS[level]),
      agent: {
        id: nomination.agent.id,
        name: nomination.agent.name,
        level: t(LEVEL_LABELS[nomination.agent.level as Level]),
        team: nomination.agent.team?.name ?? null,
      },
      nominatedBy: nomination.nominatedBy.name,
      at: nomination.createdAt.toISOString(),
      justification: nomination.justification,
      decidedBy: nomination.decidedBy?.name ?? null,
      decidedAt: nomination.decidedAt?.toISOString() ?? null,
      reason: nomination.decisionNote ?? "",
    },
    readiness,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const nominationId = params.nominationId ?? "";
  ensureFound(await getNomination(nominationId), MISSING);
  const formData = await readFormData(request);
  return handleIntent(formData, {
    decide: async () => {
      const submission = parseWithZod(formData, { schema: DecisionSchema });
      if (submission.status !== "success") return invalid("decide", submission);
      const outcome = await decideNomination(admin, { nominationId, ...submission.value });
      if (outcome.status === "not-found") notFound(MISSING);
      if (outcome.status === "refused") return refused("decide", outcome.reason, submission);
      return redirectWithNotice(`/admin/promotions/${nominationId}`, "decision-recorded");
    },
  });
}

export default function NominationPage() {
  const { nomination, readiness } = useLoaderData<typeof loader>();
  const { agent } = nomination;
  return (
    <div className="stack">
      <PageHeader
        title={`${agent.name} for ${nomination.level}`}
        description={
          <>
            <NominationStatusBadge status={nomination.status} /> Nominated by {nomination.nominatedBy} on {formatDate(nomination.at)}
          </>
        }
        actions={<Link to="/admin/promotions">All nominations</Link>}
      />
      <Card title="The nomination">
        <dl className="facts nomination-facts">
          <dt>Person</dt>
          <dd>
            {agent.name}, {agent.level}
            {agent.team ? ` on ${agent.team}` : ""}
          </dd>
          <dt>Nominated for</dt>
          <dd>{nomination.level}</dd>
          <dt>Nominated by</dt>
          <dd>{nomination.nominatedBy}</dd>
        </dl>
        <h3>Justification</h3>
        <p className="notes-text">{nomination.justification}</p>
      </Card>
      {readiness ? (
        <LevelReadiness level={readiness} heading={`${agent.name}'s readiness for ${nomination.level}`} personName={agent.name} />
      ) : null}
      <Card title="Decision">
        {nomination.status === "pending" ? (
          <DecisionForm agentName={agent.name} level={nomination.level} />
        ) : (
          <>
            <p>
              {nomination.status === "approved" ? "Approved" : "Declined"} by {nomination.decidedBy ?? "an admin"} on{" "}
              {formatDateTime(nomination.decidedAt!)}.
            </p>
            {nomination.reason ? <p className="notes-text">{nomination.reason}</p> : <p className="muted">No reason was given.</p>}
          </>
        )}
      </Card>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.nomination.agent.name} for ${data.nomination.level}` : "Nomination"} · Promotions · Frontline` },
];
