import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { getPracticeCatalog } from "~/content/practice.server.ts";
import { REVIEW_QUEUE_VIEW_LABELS, REVIEW_QUEUE_VIEWS, type ReviewQueueView } from "~/domain/coaching.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { REVIEW_QUEUE_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { listReviewableAgents, listReviewQueue } from "~/models/review.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DEFAULT_VIEW: ReviewQueueView = "needs-review";

const QuerySchema = z.object({
  show: optionalFilter(z.enum(REVIEW_QUEUE_VIEWS, { errorMap: () => ({ message: `use one of ${REVIEW_QUEUE_VIEWS.join(", ")}` }) })),
  scenario: optionalFilter(z.string().max(100, "scenario is too long")),
  agent: optionalFilter(z.string().max(50, "agent is too long")),
  page: PageSchema,
});

const EMPTY: Record<ReviewQueueView, { title: string; body: string }> = {
  "needs-review": {
    title: "You're all caught up",
    body: "Every graded conversation from your people has been reviewed. New ones appear here as soon as they are graded.",
  },
  provisional: {
    title: "No provisional grades waiting",
    body: "Conversations graded on a criterion the grader isn't trusted on yet (see Admin › Grader agreement) appear here until someone reviews them.",
  },
  "below-pass": {
    title: "No conversations below the pass mark",
    body: "Nobody you look after has a graded conversation that didn't pass.",
  },
  disputed: { title: "No open disputes", body: "When an agent disputes a level, the conversation appears here until you answer." },
  all: { title: "No graded conversations yet", body: "When your people finish a practice conversation, it appears here with its grade." },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const query = parseSearchParams(request, QuerySchema);
  const view = query.show ?? DEFAULT_VIEW;
  const reviewer = { id: viewer.id, scope: peopleScope(toViewer(viewer)) };
  const [{ scenarios }, agents, { total, attempts }] = await Promise.all([
    getPracticeCatalog(),
    listReviewableAgents(reviewer),
    listReviewQueue(reviewer, { view, scenarioSlug: query.scenario, agentId: query.agent }, query.page),
  ]);
  const titles = new Map(scenarios.map((scenario) => [scenario.slug, scenario.title]));
  return {
    page: query.page,
    total,
    view,
    filters: { show: view, scenario: query.scenario ?? "", agent: query.agent ?? "" },
    scenarios: scenarios
      .map((scenario) => ({ value: scenario.slug, label: scenario.title }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    agents: agents.map((agent) => ({ value: agent.id, label: agent.name })),
    rows: attempts.map((attempt) => ({
      id: attempt.id,
      at: (attempt.endedAt ?? attempt.startedAt).toISOString(),
      agent: attempt.user.name,
      scenario: titles.get(attempt.scenarioSlug) ?? attempt.scenarioSlug,
      score: attempt.overallScore,
      passed: attempt.passed,
      reviewed: attempt.reviewedAt !== null,
      acknowledged: attempt.acknowledgedAt !== null,
      openDisputes: attempt.openDisputes,
      provisional: attempt.provisional,
    })),
  };
}

export default function ReviewQueuePage() {
  const { page, total, view, filters, scenarios, agents, rows } = useLoaderData<typeof loader>();
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "show",
      label: "Show",
      defaultValue: DEFAULT_VIEW,
      options: REVIEW_QUEUE_VIEWS.map((value) => ({ value, label: REVIEW_QUEUE_VIEW_LABELS[value] })),
    },
    { kind: "select", name: "scenario", label: "Scenario", any: "Any scenario", options: scenarios },
    { kind: "select", name: "agent", label: "Agent", any: "Anyone", options: agents },
  ];
  const filtered = filters.scenario !== "" || filters.agent !== "";
  const empty = filtered
    ? { title: "Nothing matches these filters", body: "Try another scenario or person, or clear the filters." }
    : EMPTY[view];
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Graded practice conversations from the people you look after, newest first. Open one to adjust levels, comment on turns and answer disputes."
        actions={<Link to="/coaching">Back to Coaching</Link>}
      />
      <FilterBar label="Filter the review queue" idPrefix="reviews" controls={controls} values={filters} clearTo="/coaching/reviews" />
      <p className="muted" role="status">
        {total} {total === 1 ? "conversation" : "conversations"} · {REVIEW_QUEUE_VIEW_LABELS[view].toLowerCase()}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <DataTable
          caption={`Graded conversations to review: ${REVIEW_QUEUE_VIEW_LABELS[view].toLowerCase()}`}
          columns={["When", "Agent", "Scenario", "Score", "Status"]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/practice/attempts/${row.id}`}>
                  {formatDateTime(row.at)}
                  <span className="visually-hidden">
                    : {row.agent}, {row.scenario}
                  </span>
                </Link>
              </td>
              <td>{row.agent}</td>
              <td>{row.scenario}</td>
              <td>{row.score}</td>
              <td>
                <span className="review-badges">
                  {row.reviewed ? <Badge tone="success">Reviewed</Badge> : <Badge tone="primary">Needs review</Badge>}
                  {row.provisional ? <Badge tone="warning">Provisional grade</Badge> : null}
                  {row.reviewed && !row.acknowledged ? <Badge>Not acknowledged</Badge> : null}
                  {row.openDisputes > 0 ? (
                    <span className="badge review-badge--disputed">
                      {row.openDisputes === 1 ? "Disputed" : `${row.openDisputes} disputes`}
                    </span>
                  ) : null}
                  {row.passed ? null : <Badge tone="danger">Not passed</Badge>}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={REVIEW_QUEUE_PAGE_SIZE} total={total} label="Review queue" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Review queue · Coaching · Frontline" }];
