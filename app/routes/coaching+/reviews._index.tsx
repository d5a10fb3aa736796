import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FilterBar, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { REVIEW_QUEUE_VIEW_LABELS, REVIEW_QUEUE_VIEWS, type ReviewQueueView } from "~/domain/coaching.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { REVIEW_QUEUE_PAGE_SIZE } from "~/domain/pages.ts";
import { CONVERSATION_SOURCE_LABELS, CONVERSATION_SOURCES, IMPORT_SYSTEM_LABEL_KEYS } from "~/domain/practice.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import type { SampleReason } from "~/engine/coaching/review-sample.ts";
import type { ImportSystem } from "~/engine/imports/types.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { listReviewableAgents, listReviewQueue } from "~/models/review.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DEFAULT_VIEW: ReviewQueueView = "needs-review";

/** Why a conversation is in the suggested sample, as its badge says it. */
const SAMPLE_REASON_LABELS: Record<SampleReason, `coaching:${string}`> = {
  "critical-failure": "coaching:reviews.reason.critical-failure",
  "lowest-score": "coaching:reviews.reason.lowest-score",
  escalated: "coaching:reviews.reason.escalated",
  "customer-worsened": "coaching:reviews.reason.customer-worsened",
  "weekly-sample": "coaching:reviews.reason.weekly-sample",
};

const QuerySchema = z.object({
  show: optionalFilter(
    z.enum(REVIEW_QUEUE_VIEWS, {
      errorMap: () => ({ message: message("coaching:reviews.query.view", { views: REVIEW_QUEUE_VIEWS.join(", ") }) }),
    }),
  ),
  scenario: optionalFilter(z.string().max(100, message("coaching:reviews.query.scenario"))),
  agent: optionalFilter(z.string().max(50, message("coaching:reviews.query.agent"))),
  source: optionalFilter(
    z.enum(CONVERSATION_SOURCES, {
      errorMap: () => ({ message: message("coaching:reviews.query.source", { sources: CONVERSATION_SOURCES.join(", ") }) }),
    }),
  ),
  page: PageSchema,
});

/** Catalog keys of what each view says when it is empty. */
const EMPTY: Record<ReviewQueueView, { title: `coaching:${string}`; body: `coaching:${string}` }> = {
  "needs-review": { title: "coaching:reviews.empty.needs-review.title", body: "coaching:reviews.empty.needs-review.body" },
  sample: { title: "coaching:reviews.empty.sample.title", body: "coaching:reviews.empty.sample.body" },
  provisional: { title: "coaching:reviews.empty.provisional.title", body: "coaching:reviews.empty.provisional.body" },
  "below-pass": { title: "coaching:reviews.empty.below-pass.title", body: "coaching:reviews.empty.below-pass.body" },
  disputed: { title: "coaching:reviews.empty.disputed.title", body: "coaching:reviews.empty.disputed.body" },
  all: { title: "coaching:reviews.empty.all.title", body: "coaching:reviews.empty.all.body" },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, LEADING_ROLES);
  const query = parseSearchParams(request, QuerySchema);
  const view = query.show ?? DEFAULT_VIEW;
  const reviewer = { id: viewer.id, scope: peopleScope(toViewer(viewer)) };
  const [{ scenarios }, agents, { total, attempts }] = await Promise.all([
    getPracticeCatalog(),
    listReviewableAgents(reviewer),
    listReviewQueue(reviewer, { view, scenarioSlug: query.scenario, agentId: query.agent, source: query.source }, query.page),
  ]);
  const titles = new Map(scenarios.map((scenario) => [scenario.slug, scenario.title]));
  return {
    page: query.page,
    total,
    view,
    filters: { show: view, source: query.source ?? "", scenario: query.scenario ?? "", agent: query.agent ?? "" },
    scenarios: scenarios
      .map((scenario) => ({ value: scenario.slug, label: scenario.title }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    agents: agents.map((agent) => ({ value: agent.id, label: agent.name })),
    rows: attempts.map((attempt) => ({
      id: attempt.id,
      at: (attempt.endedAt ?? attempt.startedAt).toISOString(),
      agent: attempt.user.name,
      scenario: attempt.ticket ? attempt.ticket.subject : (titles.get(attempt.scenarioSlug) ?? attempt.scenarioSlug),
      real: attempt.ticket
        ? {
            system: IMPORT_SYSTEM_LABEL_KEYS[attempt.ticket.system as ImportSystem] ?? attempt.ticket.system,
            id: attempt.ticket.externalId,
          }
        : null,
      score: attempt.overallScore,
      passed: attempt.passed,
      reviewed: attempt.reviewedAt !== null,
      acknowledged: attempt.acknowledgedAt !== null,
      openDisputes: attempt.openDisputes,
      provisional: attempt.provisional,
      reasons: attempt.reasons,
    })),
  };
}

export default function ReviewQueuePage() {
  const { page, total, view, filters, scenarios, agents, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  const viewLabel = t(REVIEW_QUEUE_VIEW_LABELS[view]).toLowerCase();
  const controls: FilterControl[] = [
    {
      kind: "select",
      name: "show",
      label: t("coaching:reviews.filter.show"),
      defaultValue: DEFAULT_VIEW,
      options: REVIEW_QUEUE_VIEWS.map((value) => ({ value, label: t(REVIEW_QUEUE_VIEW_LABELS[value]) })),
    },
    {
      kind: "select",
      name: "source",
      label: t("coaching:reviews.filter.source"),
      any: t("coaching:reviews.filter.anySource"),
      options: CONVERSATION_SOURCES.map((value) => ({ value, label: t(CONVERSATION_SOURCE_LABELS[value]) })),
    },
    {
      kind: "select",
      name: "scenario",
      label: t("coaching:reviews.filter.scenario"),
      any: t("coaching:reviews.filter.anyScenario"),
      options: scenarios,
    },
    { kind: "select", name: "agent", label: t("coaching:reviews.filter.agent"), any: t("coaching:reviews.filter.anyone"), options: agents },
  ];
  const filtered = filters.scenario !== "" || filters.agent !== "" || filters.source !== "";
  const titleOf = (row: (typeof rows)[number]) => row.scenario || (row.real ? t("practice:real.untitled", { id: row.real.id }) : "");
  const empty = filtered
    ? ({ title: "coaching:reviews.empty.filtered.title", body: "coaching:reviews.empty.filtered.body" } as const)
    : EMPTY[view];
  return (
    <>
      <PageHeader
        title={t("coaching:reviews.title")}
        description={t("coaching:reviews.description")}
        actions={
          <>
            <Link to="/coaching/conversations/import" className="button">
              {t("coaching:reviews.import")}
            </Link>{" "}
            <Link to="/coaching">{t("coaching:backToCoaching")}</Link>
          </>
        }
      />
      <FilterBar
        label={t("coaching:reviews.filterLabel")}
        idPrefix="reviews"
        controls={controls}
        values={filters}
        clearTo="/coaching/reviews"
      />
      <p className="muted" role="status">
        {t("coaching:reviews.count", { count: total, view: viewLabel })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t(empty.title)}>{t(empty.body)}</EmptyState>
      ) : (
        <DataTable
          caption={t("coaching:reviews.caption", { view: viewLabel })}
          columns={[
            t("coaching:reviews.column.when"),
            t("coaching:reviews.column.agent"),
            t("coaching:reviews.column.scenario"),
            t("coaching:reviews.column.score"),
            t("coaching:reviews.column.status"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/practice/attempts/${row.id}`}>
                  {format.dateTime(row.at)}
                  <span className="visually-hidden">{t("coaching:reviews.rowLabel", { agent: row.agent, scenario: titleOf(row) })}</span>
                </Link>
              </td>
              <td>{row.agent}</td>
              <td>
                {titleOf(row)}
                {row.real ? (
                  <>
                    {" "}
                    <Badge>{t("coaching:reviews.badge.real", { system: translateMessage(t, row.real.system) })}</Badge>
                  </>
                ) : null}
              </td>
              <td>{format.number(row.score)}</td>
              <td>
                <span className="review-badges">
                  {row.reviewed ? (
                    <Badge tone="success">{t("coaching:reviews.badge.reviewed")}</Badge>
                  ) : (
                    <Badge tone="primary">{t("coaching:reviews.badge.needsReview")}</Badge>
                  )}
                  {row.provisional ? <Badge tone="warning">{t("coaching:reviews.badge.provisional")}</Badge> : null}
                  {row.reviewed && !row.acknowledged ? <Badge>{t("coaching:reviews.badge.notAcknowledged")}</Badge> : null}
                  {row.openDisputes > 0 ? (
                    <span className="badge review-badge--disputed">
                      {t("coaching:reviews.badge.disputes", { count: row.openDisputes })}
                    </span>
                  ) : null}
                  {row.passed ? null : <Badge tone="danger">{t("coaching:reviews.badge.notPassed")}</Badge>}
                  {row.reasons.map((reason) => (
                    <Badge key={reason} tone="warning">
                      {t(SAMPLE_REASON_LABELS[reason])}
                    </Badge>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={REVIEW_QUEUE_PAGE_SIZE} total={total} label={t("coaching:reviews.title")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:reviews.pageTitle") }];
