import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { COACHING_PEOPLE_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { getTimeZone, listCoachingPeople } from "~/models/coaching-session.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const { page } = parseSearchParams(request, z.object({ page: PageSchema }));
  const [{ total, people, sessions }, timeZone] = await Promise.all([
    listCoachingPeople(peopleScope(toViewer(user)), user.id, page),
    getTimeZone(user.id),
  ]);
  const now = new Date();
  const rows = people.map((person) => {
    const theirs = sessions.filter((session) => session.agentId === person.id);
    const next = theirs
      .filter((session) => session.scheduledAt >= now)
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0];
    const last = theirs.filter((session) => session.scheduledAt < now).sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime())[0];
    return {
      id: person.id,
      name: person.name,
      team: person.team?.name ?? null,
      next: next?.scheduledAt.toISOString() ?? null,
      last: last?.scheduledAt.toISOString() ?? null,
      openItems: theirs.reduce((sum, session) => sum + session._count.actionItems, 0),
    };
  });
  return { page, total, timeZone, rows };
}

export default function CoachingPeoplePage() {
  const { page, total, timeZone, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={t("coaching:people.title")}
        description={t("coaching:people.description", { timeZone })}
        actions={
          <Link to="/coaching/sessions/new" className={buttonClassName()}>
            {t("coaching:people.plan")}
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t("coaching:people.emptyTitle")}>{t("coaching:people.emptyBody")}</EmptyState>
      ) : (
        <DataTable
          caption={t("coaching:people.caption")}
          columns={[
            t("coaching:people.column.name"),
            t("coaching:people.column.team"),
            t("coaching:people.column.last"),
            t("coaching:people.column.next"),
            t("coaching:people.column.openItems"),
            { label: t("coaching:people.column.actions"), hidden: true },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/coaching/people/${row.id}`}>{row.name}</Link>
              </td>
              <td>{row.team ?? <span className="muted">{t("coaching:people.noTeam")}</span>}</td>
              <td>
                {row.last ? <SessionTime at={row.last} timeZone={timeZone} /> : <span className="muted">{t("coaching:people.never")}</span>}
              </td>
              <td>
                {row.next ? (
                  <SessionTime at={row.next} timeZone={timeZone} />
                ) : (
                  <span className="muted">{t("coaching:people.notPlanned")}</span>
                )}
              </td>
              <td>{format.number(row.openItems)}</td>
              <td>
                <Link to={`/coaching/sessions/new?agentId=${row.id}`} aria-label={t("coaching:people.planWith", { name: row.name })}>
                  {t("coaching:people.plan")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={COACHING_PEOPLE_PAGE_SIZE} total={total} label={t("coaching:people.pagination")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:people.pageTitle") }];
