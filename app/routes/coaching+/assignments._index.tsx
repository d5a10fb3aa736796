import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
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
import { listAssignableTeams, listAssignmentBoard } from "~/models/assignment.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDate, plural } from "~/utils/format.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const DEFAULT_SORT: BoardSort = "due";

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
  if (query.team && !teams.some((team) => team.id === query.team)) notFound("That team isn't one you can see.");
  const sort = query.sort ?? DEFAULT_SORT;
  const now = new Date();
  const board = await listAssignmentBoard(
    viewer,
    { status: query.status, agentId: query.agent, kind: query.kind, teamId: query.team },
    sort,
    query.page,
    now,
  );
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
      kind: ASSIGNMENT_KIND_LABELS[row.kind],
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
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  params.set("sort", sort);
  for (const key of ["page", "assigned", "skipped"]) params.delete(key);
  const label = BOARD_SORT_LABELS[sort];
  return (
    <Link to={`?${params}`}>
      {label}
      {sort === current ? <span aria-hidden="true"> ▲</span> : null}
      {sort === current ? null : <span className="visually-hidden"> (sort by {label.toLowerCase()})</span>}
    </Link>
  );
}

export default function AssignmentBoardPage() {
  const { query, confirmation, teams, agents, counts, total, rows } = useLoaderData<typeof loader>();
  const filters: FilterControl[] = [
    ...(teams.length > 1 ? [{ kind: "select" as const, name: "team", label: "Team", any: "All teams", options: teams }] : []),
    {
      kind: "select",
      name: "status",
      label: "Status",
      any: "Any status",
      options: ASSIGNMENT_STATUSES.map((status) => ({ value: status, label: ASSIGNMENT_STATUS_LABELS[status] })),
    },
    { kind: "select", name: "agent", label: "Agent", any: "Everyone", options: agents },
    {
      kind: "select",
      name: "kind",
      label: "Kind",
      any: "Modules and scenarios",
      options: ASSIGNMENT_KINDS.map((kind) => ({ value: kind, label: ASSIGNMENT_KIND_LABELS[kind] })),
    },
  ];
  const controls: FilterControl[] = [
    ...filters,
    {
      kind: "select",
      name: "sort",
      label: "Sort by",
      defaultValue: DEFAULT_SORT,
      options: BOARD_SORTS.map((sort) => ({ value: sort, label: BOARD_SORT_LABELS[sort] })),
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
        title="Assignments"
        description="Who has what to do, by when, and how it's going."
        actions={
          <>
            <Link to="/coaching">Back to Coaching</Link>
            <Link to="/coaching/assignments/new" className={buttonClassName()}>
              New assignment
            </Link>
          </>
        }
      />
      {confirmation ? (
        <Alert tone="success">
          {confirmation.assigned === 0
            ? "Nothing new was assigned."
            : `Assigned to ${plural(confirmation.assigned, "person", "people")}. They've been notified.`}
          {confirmation.skipped > 0
            ? ` ${plural(confirmation.skipped, "person was", "people were")} skipped: they already have it open or have completed it.`
            : null}
        </Alert>
      ) : null}

      <nav aria-label="Assignments by status" className="status-summary">
        <ul>
          {ASSIGNMENT_STATUSES.map((status) => (
            <li key={status}>
              <Link to={filterLink(status)} aria-current={query.status === status ? "true" : undefined} className="status-summary__item">
                <span className="status-summary__count">{counts[status]}</span> {ASSIGNMENT_STATUS_LABELS[status]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <FilterBar label="Filter assignments" idPrefix="board" controls={controls} values={query} clearTo="/coaching/assignments" />

      <p className="muted" role="status">
        {plural(total, "assignment")}
        {filtered ? " match" : ""}
      </p>
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No assignments match" action={<Link to="/coaching/assignments">Clear filters</Link>}>
            Try another status, person or kind.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing assigned yet" action={<Link to="/coaching/assignments/new">Assign a module or scenario</Link>}>
            Give your team a module to read or a conversation to practise, with a due date. Their progress shows here as they go.
          </EmptyState>
        )
      ) : (
        <DataTable
          caption={`Assignments, sorted by ${BOARD_SORT_LABELS[query.sort].toLowerCase()}`}
          columns={[
            sortColumn("agent", query.sort),
            "Assignment",
            "Kind",
            sortColumn("due", query.sort),
            sortColumn("status", query.sort),
            "Actions",
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`?agent=${row.agent.id}`}>{row.agent.name}</Link>
              </td>
              <td>
                <Link to={row.link}>{row.title}</Link>
                {row.automatic ? <div className="muted">Assigned automatically after repeated misses</div> : null}
              </td>
              <td>{row.kind}</td>
              <td>
                {formatDate(row.dueAt)}
                {row.dueSoon ? <div className="assignment-item__due--soon">Due soon</div> : null}
              </td>
              <td>
                <AssignmentStatusBadge status={row.status} />
              </td>
              <td>
                <Link to={`/coaching/assignments/${row.id}`} aria-label={`Change or withdraw ${row.title} for ${row.agent.name}`}>
                  Change
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={query.page} pageSize={BOARD_PAGE_SIZE} total={total} label="Assignments" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Assignments · Coaching · Frontline" }];
