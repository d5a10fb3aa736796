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
import { message } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { listPeople } from "~/models/user.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const PeopleQuerySchema = z.object({
  q: optionalFilter(
    z
      .string()
      .trim()
      .max(100, message("admin:people.searchTooLong", { max: 100 })),
  ),
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
    { kind: "search", name: "q", label: t("admin:people.filters.search"), placeholder: t("admin:people.filters.searchPlaceholder") },
    {
      kind: "select",
      name: "role",
      label: t("admin:people.filters.role"),
      any: t("admin:people.filters.anyRole"),
      options: ROLES.map((role) => ({ value: role, label: t(ROLE_LABELS[role]) })),
    },
    {
      kind: "select",
      name: "team",
      label: t("admin:people.filters.team"),
      any: t("admin:people.filters.anyTeam"),
      options: teams.map((team) => ({ value: team.id, label: team.name })),
    },
    {
      kind: "select",
      name: "status",
      label: t("admin:people.filters.status"),
      any: t("admin:people.filters.anyStatus"),
      options: [
        { value: "active", label: t("admin:status.active") },
        { value: "deactivated", label: t("admin:status.deactivated") },
      ],
    },
  ];
  const filtered = isFiltered(controls, query);
  return (
    <>
      <PageHeader
        title={t("admin:people.title")}
        description={filtered ? t("admin:people.countFiltered", { count: total }) : t("admin:people.countAll", { count: total })}
        actions={
          <Link to="/admin/people/new" className={buttonClassName()}>
            {t("admin:people.add")}
          </Link>
        }
      />
      <FilterBar label={t("admin:people.filterLabel")} idPrefix="people" controls={controls} values={query} clearTo="/admin/people" />
      {people.length === 0 ? (
        <EmptyState
          title={filtered ? t("admin:people.emptyFiltered") : t("admin:people.empty")}
          action={
            filtered ? (
              <Link to="/admin/people">{t("admin:people.clearFilters")}</Link>
            ) : (
              <Link to="/admin/people/new">{t("admin:people.addFirst")}</Link>
            )
          }
        />
      ) : (
        <DataTable
          caption={t("admin:people.caption")}
          columns={[
            t("admin:people.columns.name"),
            t("admin:people.columns.email"),
            t("admin:people.columns.role"),
            t("admin:people.columns.level"),
            t("admin:people.columns.team"),
            t("admin:people.columns.status"),
          ]}
        >
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/admin/people/${person.id}`}>{person.name}</Link>
              </td>
              <td>{person.email}</td>
              <td>{t(person.role)}</td>
              <td>{t(person.level)}</td>
              <td>{person.team ?? <span className="muted">{t("admin:noTeam")}</span>}</td>
              <td>
                {person.active ? (
                  <Badge tone="success">{t("admin:status.active")}</Badge>
                ) : (
                  <Badge tone="danger">{t("admin:status.deactivated")}</Badge>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={query.page} pageSize={PEOPLE_PAGE_SIZE} total={total} label={t("admin:people.pagination")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin:people.pageTitle") }];
