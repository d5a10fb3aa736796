import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FilterBar, isFiltered, type FilterControl } from "~/components/forms/filter-bar.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { optionalFilter, PageSchema } from "~/domain/fields.ts";
import { PEOPLE_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, ROLE_LABELS, ROLES, RoleSchema, type Level, type Role } from "~/domain/people.ts";
import { peopleScope } from "~/engine/access/people.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { listPeople } from "~/models/user.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const PeopleQuerySchema = z.object({
  q: optionalFilter(z.string().trim().max(100, "search is at most 100 characters")),
  role: optionalFilter(RoleSchema),
  team: optionalFilter(z.string().max(50)),
  status: optionalFilter(z.enum(["active", "deactivated"])),
  page: PageSchema,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const query = parseSearchParams(request, PeopleQuerySchema);
  const [{ total, people }, teams] = await Promise.all([
    listPeople(peopleScope(toViewer(admin)), { query: query.q, role: query.role, teamId: query.team, status: query.status }, query.page),
    listTeamOptions(),
  ]);
  return {
    query,
    total,
    teams,
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      role: ROLE_LABELS[person.role as Role],
      level: LEVEL_LABELS[person.level as Level],
      team: person.team?.name ?? null,
      active: person.deactivatedAt === null,
    })),
  };
}

export default function PeoplePage() {
  const { query, total, teams, people } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const controls: FilterControl[] = [
    { kind: "search", name: "q", label: "Search", placeholder: "Name or email" },
    {
      kind: "select",
      name: "role",
      label: "Role",
      any: "Any role",
      options: ROLES.map((role) => ({ value: role, label: t(ROLE_LABELS[role]) })),
    },
    { kind: "select", name: "team", label: "Team", any: "Any team", options: teams.map((team) => ({ value: team.id, label: team.name })) },
    {
      kind: "select",
      name: "status",
      label: "Status",
      any: "Any status",
      options: [
        { value: "active", label: "Active" },
        { value: "deactivated", label: "Deactivated" },
      ],
    },
  ];
  const filtered = isFiltered(controls, query);
  return (
    <>
      <PageHeader
        title="People"
        description={`${total} ${total === 1 ? "person" : "people"}${filtered ? " match these filters" : " in your organisation"}`}
        actions={
          <Link to="/admin/people/new" className={buttonClassName()}>
            Add a person
          </Link>
        }
      />
      <FilterBar label="Filter people" idPrefix="people" controls={controls} values={query} clearTo="/admin/people" />
      {people.length === 0 ? (
        <EmptyState
          title={filtered ? "No one matches these filters" : "No people yet"}
          action={filtered ? <Link to="/admin/people">Clear filters</Link> : <Link to="/admin/people/new">Add the first person</Link>}
        />
      ) : (
        <DataTable caption="People" columns={["Name", "Email", "Role", "Level", "Team", "Status"]}>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/admin/people/${person.id}`}>{person.name}</Link>
              </td>
              <td>{person.email}</td>
              <td>{t(person.role)}</td>
              <td>{t(person.level)}</td>
              <td>{person.team ?? <span className="muted">No team</span>}</td>
              <td>{person.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={query.page} pageSize={PEOPLE_PAGE_SIZE} total={total} label="People" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "People · Admin · Frontline" }];
