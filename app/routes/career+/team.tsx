import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FilterBar } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { readinessScope } from "~/engine/access/career.ts";
import { LEADING_ROLES, looksAfterTeam, teamScope } from "~/engine/access/people.ts";
import { CLOSE_TO_READY_PERCENT, type Readiness } from "~/engine/career/readiness.ts";
import { readerLocale } from "~/i18n/locales.ts";
import { translateMessage } from "~/i18n/message.ts";
import { teamCareerRecords } from "~/models/career-record.server.ts";
import { readinessRow } from "~/models/career-view.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { formatDate } from "~/utils/format.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const NOT_YOURS = "That team isn't one you can see.";

/**
 * At most ten SQL statements for a lead of fifty (tests/integration/career-team.test.ts):
 * three for the session, seven for everyone's career evidence. So a lead's teams come from
 * their session, and the admin's team list is the only extra statement.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, LEADING_ROLES);
  const { team } = parseSearchParams(request, z.object({ team: optionalFilter(z.string().max(64)) }));
  const viewer = toViewer(user);
  const lookedAfter = teamScope(viewer);
  const isAdmin = lookedAfter.kind === "every-team";
  const [teams, content] = await Promise.all([isAdmin ? listTeamOptions() : null, getCareerContent(readerLocale(user))]);
  const knownTeam = !isAdmin || teams!.some((option) => option.id === team);
  if (team && !(looksAfterTeam(viewer, team) && knownTeam)) notFound(NOT_YOURS);
  const records = await teamCareerRecords(readinessScope(viewer, team ?? null), content.difficultyOf);
  const now = new Date();
  const rows = [...records]
    .map(([id, record]) => readinessRow(id, record, content, now))
    .sort((a, b) => b.highestPercent - a.highestPercent || a.name.localeCompare(b.name));
  const teamName = team ? (teams?.find((option) => option.id === team)?.name ?? rows[0]?.teamName ?? null) : null;
  return {
    isAdmin,
    team: team ?? "",
    teams: (teams ?? []).map((option) => ({ value: option.id, label: option.name })),
    scope: teamName ?? (isAdmin ? "Everyone" : "Your teams"),
    showTeam: new Set(rows.map((row) => row.teamName)).size > 1,
    rows,
  };
}

function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  if (readiness === "ready") return <Badge tone="success">Ready</Badge>;
  if (readiness === "close") return <Badge tone="primary">Close</Badge>;
  return <span className="muted">—</span>;
}

export default function TeamReadinessPage() {
  const { t } = useTranslation();
  const { isAdmin, team, teams, scope, showTeam, rows } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <PageHeader
        title="Team readiness"
        description={`Who is ready or close to ready (${CLOSE_TO_READY_PERCENT}% or more) for their next level, and who already has a nomination in.`}
        actions={
          <>
            <Link to="/career">Your career</Link>
            <Link to="/coaching">Coaching</Link>
          </>
        }
      />
      {isAdmin ? (
        <FilterBar
          label="Filter team readiness"
          idPrefix="readiness"
          controls={[{ kind: "select", name: "team", label: "Team", options: teams, any: "Everyone" }]}
          values={{ team }}
          clearTo="/career/team"
        />
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="No one to show yet">
          {isAdmin
            ? "Active agents and leads appear here with their readiness for the next level."
            : "The agents on the teams you lead appear here once they're added."}
        </EmptyState>
      ) : (
        <DataTable
          className="readiness-table"
          caption={`${scope}: readiness for the next level, most ready first. Percent ready is the average progress across a level's requirements; open a person for the evidence.`}
          captionVisible
          columns={["Person", showTeam && "Team", "Current level", "Next levels", "Nomination"]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/career/people/${row.id}`}>{row.name}</Link>
              </th>
              {showTeam ? <td>{row.teamName ?? <span className="muted">No team</span>}</td> : null}
              <td>{translateMessage(t, row.level)}</td>
              <td>
                {row.next.length === 0 ? (
                  <span className="muted">Top of the ladder</span>
                ) : (
                  <ul className="readiness-list">
                    {row.next.map((level) => (
                      <li key={level.key}>
                        {level.title}
                        {level.via.length ? <span className="muted"> (after {level.via.join(", ")})</span> : null}:{" "}
                        <strong>{level.percentReady}%</strong> <ReadinessBadge readiness={level.readiness} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {row.pending ? (
                  <>
                    {translateMessage(t, row.pending.level)}{" "}
                    <span className="muted">
                      — by {row.pending.by}, {formatDate(row.pending.at)}, waiting for a decision
                    </span>
                  </>
                ) : (
                  <span className="muted">None pending</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Team readiness · Career · Frontline" }];
