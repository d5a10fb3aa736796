// What the insights page and its CSV export share: who may see which teams,
// the team filter, and the one table both of them show.
import { z } from "zod";
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { optionalFilter } from "~/domain/fields.ts";
import { LEADING_ROLES } from "~/engine/access/people.ts";
import { agentTable, type InsightsTable } from "~/engine/coaching/insights.ts";
import { fixedT, requestLocale } from "~/i18n/i18next.server.ts";
import { message, translateMessage } from "~/i18n/message.ts";
import { listInsightTeams, loadTeamInsights } from "~/models/insights.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { toViewer } from "~/utils/auth.server.ts";
import { ensureFound, requireRole } from "~/utils/permissions.server.ts";
import { parseSearchParams } from "~/utils/request.server.ts";

const QuerySchema = z.object({ team: optionalFilter(z.string().max(64)) });

export async function loadInsights(request: Request, now = new Date()) {
  const user = await requireRole(request, LEADING_ROLES);
  const { team } = parseSearchParams(request, QuerySchema);
  const [teams, catalog, practice] = await Promise.all([listInsightTeams(toViewer(user)), getCatalog(), getPracticeCatalog()]);
  // A team outside the viewer's is as missing as one that doesn't exist.
  const selected = team
    ? [
        ensureFound(
          teams.find((candidate) => candidate.id === team),
          message("coaching:insights.teamNotYours"),
        ),
      ]
    : teams;
  const insights = await loadTeamInsights(
    selected,
    {
      onboarding: catalog.modules.map(moduleRef).filter((ref) => ref.track === "onboarding"),
      competencyOrder: catalog.competencies.map((competency) => competency.key),
      passScores: new Map(practice.scenarios.map((scenario) => [scenario.slug, scenario.passScore])),
    },
    now,
  );
  const competencyNames = Object.fromEntries(catalog.competencies.map((competency) => [competency.key, competency.name]));
  const locale = await requestLocale(request, user);
  const t = await fixedT(locale, "coaching");
  return {
    locale,
    t,
    teams,
    team: team ?? null,
    scopeName: selected.length === 1 ? selected[0].name : t("coaching:insights.allTeams"),
    insights,
    competencyNames,
    scenarioTitles: new Map(practice.scenarios.map((scenario) => [scenario.slug, scenario.title])),
    table: wordTable(agentTable(insights, competencyNames), t),
  };
}

/** The table's headings and yes/no cells in the reader's language; names and numbers stay as they are. */
function wordTable(table: InsightsTable, t: Awaited<ReturnType<typeof fixedT>>): InsightsTable {
  const word = (text: string) => translateMessage(t, text);
  return {
    columns: table.columns.map(word),
    rows: table.rows.map((row) => ({
      id: row.id,
      cells: row.cells.map((cell, index) => (index > 1 && typeof cell === "string" ? word(cell) : cell)),
    })),
  };
}
