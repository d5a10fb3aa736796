import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { getCareerContent } from "~/content/career.server.ts";
import { teamCareerRecords } from "~/models/career.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { CLOSE_TO_READY_PERCENT, type Readiness } from "~/utils/career-fields.ts";
import { formatDate } from "~/utils/format.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { optionalFilter } from "~/utils/query-fields.ts";
import { parseSearchParams } from "~/utils/request.server.ts";
import { readinessRow } from "./career-view.server.ts";

const NOT_YOURS = "That team isn't one you can see.";

/**
 * At most ten SQL statements for a lead of fifty (tests/integration/career-team.test.ts):
 * three for the session, seven for everyone's career evidence. So a lead's teams come from
 * their session, and the admin's team list is the only extra statement.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["lead", "admin"]);
  const { team } = parseSearchParams(request, z.object({ team: optionalFilter(z.string().max(64)) }));
  const isAdmin = user.role === "admin";
  const [teams, content] = await Promise.all([isAdmin ? listTeamOptions() : null, getCareerContent()]);
  if (team && !(isAdmin ? teams!.some((option) => option.id === team) : user.ledTeamIds.includes(team))) notFound(NOT_YOURS);
  // A lead's table is their teams' agents; an admin's everyone who can still be nominated.
  const records = await teamCareerRecords(
    isAdmin ? { teamIds: team ? [team] : null, roles: ["agent", "lead"] } : { teamIds: team ? [team] : user.ledTeamIds, roles: ["agent"] },
    content.difficultyOf,
  );
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
        <Form method="get" className="form form--inline">
          <SelectField label="Team" options={teams} placeholder="Everyone" selectProps={{ id: "team", name: "team", defaultValue: team }} />
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </Form>
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
              <td>{row.level}</td>
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
                    {row.pending.level}{" "}
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
