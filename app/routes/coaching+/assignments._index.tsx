import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AssignmentStatusBadge } from "~/components/assignments/status-badge.tsx";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { DataTable, type DataTableColumn } from "~/components/ui/data-table.tsx";
import { Alert, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import {
  ASSIGNMENT_KIND_LABELS,
  ASSIGNMENT_KINDS,
  ASSIGNMENT_STATUS_LABELS,
  ASSIGNMENT_STATUSES,
  BOARD_SORT_LABELS,
  BOARD_SORTS,
  type BoardSort,
} from "~/domain/coaching.ts";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { BOARD_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { isDueSoon } from "~/engine/coaching/assignment-status.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { listAssignableTeams, listAssignmentBoard } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DEFAULT_SORT: BoardSort = "due";
/** Marks the sorted column for sighted readers; the visually hidden text says it in words. */
const SORTED_MARK = " ▲";

const Count = z.coerce.number().int().min(0).max(100_000);

const BoardQuerySchema = z.object({
  status: optionalFilter(z.enum(ASSIGNMENT_STATUSES)),
  agent: optionalFilter(z.string().max(50)),
  kind: optionalFilter(z.enum(ASSIGNMENT_KINDS)),
  team: optionalFilter(z.string().max(50)),
  sort: optionalFilter(z.enum(BOARD_SORTS)),
  page: PageSchema,
  // Set by the new-assignment form's redirect, to confirm what happened.
  assigned: optionalFilter(Count),
  skipped: optionalFilter(Count),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const viewer = toViewer(user);
  const query = parseSearchParams(request, BoardQuerySchema);
  const teams = await listAssignableTeams(viewer);
  if (query.team && !teams.some((team) => team.id === query.team)) notFound(message("assignments:board.teamNotYours"));
  const sort = query.sort ?? DEFAULT_SORT;
  const now = new Date();
  const board = await listAssignmentBoard(
    viewer,
    { status: query.status, agentId: query.agent, kind: query.kind, teamId: query.team },
    sort,
    query.page,
    now,
  );
  // The board's loader data names each kind in the reader's language, as the table shows it.
  const t = await fixedT(await requestLocale(request, user), "assignments");
  const people = teams.filter((team) => !query.team || team.id === query.team).flatMap((team) => team.members);
  return {
    query: { ...query, sort },
    confirmation: query.assigned === undefined || query.page > 1 ? null : { assigned: query.assigned, skipped: query.skipped ?? 0 },
    teams: teams.map((team) => ({ value: team.id, label: team.name })),
    agents: people.sort((a, b) => a.name.localeCompare(b.name)).map((person) => ({ value: person.id, label: person.name })),
    counts: board.counts,
    total: board.total,
    rows: board.rows.map((row) => ({
      id: row.id,
      agent: row.agent,
      title: row.title,
      link: row.link,
      kind: t(ASSIGNMENT_KIND_LABELS[row.kind]),
      dueAt: row.dueAt.toISOString(),
      dueSoon: isDueSoon(row.dueAt, row.status, now),
      status: row.status,
      automatic: row.source === "automatic",
    })),
  };
}

/** The board sorts each column one way only, so the column it is sorted by is always ascending. */
function sortColumn(sort: BoardSort, current: BoardSort): DataTableColumn {
  return { label: <SortLink sort={sort} current={current} />, sort: sort === current ? "ascending" : undefined };
}

function SortLink({ sort, current }: { sort: BoardSort; current: BoardSort }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  params.set("sort", sort);
  for (const key of ["page", "assigned", "skipped"]) params.delete(key);
  const label = t(BOARD_SORT_LABELS[sort]);
  return (
    <Link to={`?${params}`}>
      {label}
      {sort === current ? <span aria-hidden="true">{SORTED_MARK}</span> : null}
      {sort === current ? null : <span className="visually-hidden">{t("assignments:board.sortBy", { sort: label.toLowerCase() })}</span>}
    </Link>
  );
}

export default function AssignmentBoardPage() {
  const { query, confirmation, teams, agents, counts, total, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  const filters: FilterControl[] = [
    ...(teams.length > 1
      ? [
          {
            kind: "select" as const,
            name: "team",
            label: t("assignments:board.filter.team"),
            any: t("assignments:board.filter.allTeams"),
            options: teams,
          },
        ]
      : []),
    {
      kind: "select",
      name: "status",
      label: t("assignments:board.filter.status"),
      any: t("assignments:board.filter.anyStatus"),
      options: ASSIGNMENT_STATUSES.map((status) => ({ value: status, label: t(ASSIGNMENT_STATUS_LABELS[status]) })),
    },
    {
      kind: "select",
      name: "agent",
      label: t("assignments:board.filter.agent"),
      any: t("assignments:board.filter.everyone"),
      options: agents,
    },
    {
      kind: "select",
      name: "kind",
      label: t("assignments:board.filter.kind"),
      any: t("assignments:board.filter.anyKind"),
      options: ASSIGNMENT_KINDS.map((kind) => ({ value: kind, label: t(ASSIGNMENT_KIND_LABELS[kind]) })),
    },
  ];
  const controls: FilterControl[] = [
    ...filters,
    {
      kind: "select",
      name: "sort",
      label: t("assignments:board.filter.sort"),
      defaultValue: DEFAULT_SORT,
      options: BOARD_SORTS.map((sort) => ({ value: sort, label: t(BOARD_SORT_LABELS[sort]) })),
    },
  ];
  // Sorting differently is not filtering: the counts still describe every assignment.
  const filtered = isFiltered(filters, query);
  const filterLink = (status: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({
      agent: query.agent,
      kind: query.kind,
      team: query.team,
      sort: query.sort === "due" ? undefined : query.sort,
      status,
    })) {
      if (value) params.set(key, value);
    }
    return `?${params}`;
  };
  return (
    <>
      <PageHeader
        title={t("assignments:board.title")}
        description={t("assignments:board.description")}
        actions={
          <>
            <Link to="/coaching">{t("assignments:backToCoaching")}</Link>
            <Link to="/coaching/assignments/new" className={buttonClassName()}>
              {t("assignments:new.title")}
            </Link>
          </>
        }
      />
      {confirmation ? (
        <Alert tone="success">
          {confirmation.assigned === 0
            ? t("assignments:board.nothingAssigned")
            : t("assignments:board.assigned", { count: confirmation.assigned })}
          {confirmation.skipped > 0 ? ` ${t("assignments:board.skipped", { count: confirmation.skipped })}` : null}
        </Alert>
      ) : null}

      <nav aria-label={t("assignments:board.byStatus")} className="status-summary">
        <ul>
          {ASSIGNMENT_STATUSES.map((status) => (
            <li key={status}>
              <Link to={filterLink(status)} aria-current={query.status === status ? "true" : undefined} className="status-summary__item">
                <span className="status-summary__count">{format.number(counts[status])}</span> {t(ASSIGNMENT_STATUS_LABELS[status])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <FilterBar
        label={t("assignments:board.filterLabel")}
        idPrefix="board"
        controls={controls}
        values={query}
        clearTo="/coaching/assignments"
      />

      <p className="muted" role="status">
        {filtered ? t("assignments:board.countMatch", { count: total }) : t("assignments:board.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t("assignments:board.noMatchTitle")}
            action={<Link to="/coaching/assignments">{t("common:filters.clear")}</Link>}
          >
            {t("assignments:board.noMatchBody")}
          </EmptyState>
        ) : (
          <EmptyState
            title={t("assignments:board.emptyTitle")}
            action={<Link to="/coaching/assignments/new">{t("assignments:board.emptyAction")}</Link>}
          >
            {t("assignments:board.emptyBody")}
          </EmptyState>
        )
      ) : (
        <DataTable
          caption={t("assignments:board.caption", { sort: t(BOARD_SORT_LABELS[query.sort]).toLowerCase() })}
          columns={[
            sortColumn("agent", query.sort),
            t("assignments:board.column.assignment"),
            t("assignments:board.column.kind"),
            sortColumn("due", query.sort),
            sortColumn("status", query.sort),
            t("assignments:board.column.actions"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`?agent=${row.agent.id}`}>{row.agent.name}</Link>
              </td>
              <td>
                <Link to={row.link}>{row.title}</Link>
                {row.automatic ? <div className="muted">{t("assignments:board.automatic")}</div> : null}
              </td>
              <td>{row.kind}</td>
              <td>
                {format.day(row.dueAt)}
                {row.dueSoon ? <div className="assignment-item__due--soon">{t("assignments:board.dueSoon")}</div> : null}
              </td>
              <td>
                <AssignmentStatusBadge status={row.status} />
              </td>
              <td>
                <Link
                  to={`/coaching/assignments/${row.id}`}
                  aria-label={t("assignments:board.changeLabel", { title: row.title, name: row.agent.name })}
                >
                  {t("assignments:board.change")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={query.page} pageSize={BOARD_PAGE_SIZE} total={total} label={t("assignments:board.title")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assignments:board.pageTitle") }];
