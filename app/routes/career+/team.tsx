import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
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
import { message, translateMessage } from "~/i18n/message.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { teamCareerRecords } from "~/models/career-record.server.ts";
import { readinessRow } from "~/models/career-view.server.ts";
import { listTeamOptions } from "~/models/team.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { notFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const NOT_YOURS = message("career:team.notYours");

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
    teamName,
    showTeam: new Set(rows.map((row) => row.teamName)).size > 1,
    rows,
  };
}

function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation();
  if (readiness === "ready") return <Badge tone="success">{t("career:team.ready")}</Badge>;
  if (readiness === "close") return <Badge tone="primary">{t("career:team.close")}</Badge>;
  return <span className="muted">—</span>;
}

export default function TeamReadinessPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { isAdmin, team, teams, teamName, showTeam, rows } = useLoaderData<typeof loader>();
  const scope = teamName ?? (isAdmin ? t("career:team.everyone") : t("career:team.yourTeams"));
  return (
    <div className="stack">
      <PageHeader
        title={t("career:team.title")}
        description={t("career:team.description", { percent: CLOSE_TO_READY_PERCENT })}
        actions={
          <>
            <Link to="/career">{t("career:team.yourCareer")}</Link>
            <Link to="/coaching">{t("common:nav.coaching")}</Link>
          </>
        }
      />
      {isAdmin ? (
        <FilterBar
          label={t("career:team.filterLabel")}
          idPrefix="readiness"
          controls={[{ kind: "select", name: "team", label: t("career:team.team"), options: teams, any: t("career:team.everyone") }]}
          values={{ team }}
          clearTo="/career/team"
        />
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t("career:team.emptyTitle")}>{isAdmin ? t("career:team.emptyAdmin") : t("career:team.emptyLead")}</EmptyState>
      ) : (
        <DataTable
          className="readiness-table"
          caption={t("career:team.caption", { scope })}
          captionVisible
          columns={[
            t("career:team.columns.person"),
            showTeam && t("career:team.columns.team"),
            t("career:team.columns.currentLevel"),
            t("career:team.columns.nextLevels"),
            t("career:team.columns.nomination"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/career/people/${row.id}`}>{row.name}</Link>
              </th>
              {showTeam ? <td>{row.teamName ?? <span className="muted">{t("career:noTeam")}</span>}</td> : null}
              <td>{translateMessage(t, row.level)}</td>
              <td>
                {row.next.length === 0 ? (
                  <span className="muted">{t("career:team.top")}</span>
                ) : (
                  <ul className="readiness-list">
                    {row.next.map((level) => (
                      <li key={level.key}>
                        {level.via.length ? (
                          <Trans
                            i18nKey="career:team.nextLevelVia"
                            values={{
                              level: level.title,
                              levels: level.via.map((via) => translateMessage(t, via)).join(t("career:team.viaSeparator")),
                              percent: level.percentReady,
                            }}
                            components={{ muted: <span className="muted" />, strong: <strong /> }}
                          />
                        ) : (
                          <Trans
                            i18nKey="career:team.nextLevel"
                            values={{ level: level.title, percent: level.percentReady }}
                            components={{ strong: <strong /> }}
                          />
                        )}{" "}
                        <ReadinessBadge readiness={level.readiness} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {row.pending ? (
                  <>
                    {translateMessage(t, row.pending.level)}{" "}
                    <span className="muted">{t("career:team.pendingBy", { by: row.pending.by, date: format.day(row.pending.at) })}</span>
                  </>
                ) : (
                  <span className="muted">{t("career:team.nonePending")}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "career:team.pageTitle") }];
