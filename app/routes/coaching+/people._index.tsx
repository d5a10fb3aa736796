import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SessionTime } from "~/components/coaching/session-time.tsx";
import { buttonClassName } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PageSchema } from "~/domain/fields.ts";
import { COACHING_PEOPLE_PAGE_SIZE } from "~/domain/pages.ts";
import { LEADING_ROLES, peopleScope } from "~/engine/access/people.ts";
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
  return (
    <>
      <PageHeader
        title="Your people's 1:1s"
        description={`When you last met, when you meet next, and what's still open. Times in ${timeZone}.`}
        actions={
          <Link to="/coaching/sessions/new" className={buttonClassName()}>
            Plan a 1:1
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No one to coach yet">People on the teams you lead appear here once they're added.</EmptyState>
      ) : (
        <DataTable
          caption="1:1 coaching by person"
          columns={["Name", "Team", "Last 1:1", "Next 1:1", "Open action items", { label: "Actions", hidden: true }]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/coaching/people/${row.id}`}>{row.name}</Link>
              </td>
              <td>{row.team ?? <span className="muted">No team</span>}</td>
              <td>{row.last ? <SessionTime at={row.last} timeZone={timeZone} /> : <span className="muted">Never</span>}</td>
              <td>{row.next ? <SessionTime at={row.next} timeZone={timeZone} /> : <span className="muted">Not planned</span>}</td>
              <td>{row.openItems}</td>
              <td>
                <Link to={`/coaching/sessions/new?agentId=${row.id}`} aria-label={`Plan a 1:1 with ${row.name}`}>
                  Plan a 1:1
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageSize={COACHING_PEOPLE_PAGE_SIZE} total={total} label="People" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Your people's 1:1s · Coaching · Frontline" }];
