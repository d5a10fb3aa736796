import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/bar-chart.tsx";
import { NoData } from "~/components/charts/data-details.tsx";
import { Heatmap } from "~/components/charts/heatmap.tsx";
import { LineChart } from "~/components/charts/line-chart.tsx";
import { EvidenceBySource } from "~/components/coaching/evidence-by-source.tsx";
import { FilterBar } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { BENCHMARK_TRAINING_DAYS, TRAINING_DAY_HOURS, TREND_WEEKS } from "~/engine/coaching/insights.ts";
import { intlLocale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useFormat } from "~/i18n/use-format.ts";
import { dateTimeFormat } from "~/utils/intl.ts";
import { loadInsights } from "./insights-data.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, teams, team, scopeName, insights, competencyNames, scenarioTitles, table } = await loadInsights(request);
  const weekLabel = dateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" });
  return {
    teams: teams.map((candidate) => ({ value: candidate.id, label: candidate.name })),
    team,
    scopeName,
    csvHref: team ? `/coaching/insights.csv?team=${encodeURIComponent(team)}` : "/coaching/insights.csv",
    summary: {
      agents: insights.agentCount,
      onboarding: insights.onboarding,
      assignments: insights.assignments,
      recentAverageScore: insights.recentAverageScore,
      training: insights.training,
    },
    heatmap: {
      columns: insights.competencyKeys.map((key) => ({ key, label: competencyNames[key] ?? key })),
      average: {
        key: "team-average",
        label: t("coaching:insights.teamAverage"),
        values: insights.competencyKeys.map((key) => insights.competencyAverages[key]),
      },
      rows: insights.agents.map((agent) => ({
        key: agent.id,
        label: agent.name,
        values: insights.competencyKeys.map((key) => agent.competencies[key]),
      })),
    },
    evidence: insights.evidence.map((row) => ({ ...row, label: competencyNames[row.competency] ?? row.competency })),
    trend: insights.trend.map((point) => ({
      key: point.weekStart,
      label: weekLabel.format(new Date(point.weekStart)),
      value: point.average,
      note: t("coaching:insights.gradedAttempts", { count: point.attempts }),
    })),
    lift: insights.lift.map((row) => ({ ...row, title: scenarioTitles.get(row.scenarioSlug) ?? row.scenarioSlug })),
    hours: insights.agents.map((agent) => ({ id: agent.id, name: agent.name, ...agent.training })),
    table,
  };
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="card insight-stat">
      <p className="insight-stat__label">{label}</p>
      <p className="stat">{value}</p>
      <p className="muted">{detail}</p>
    </div>
  );
}

export default function InsightsPage() {
  const { teams, team, scopeName, csvHref, summary, heatmap, evidence, trend, lift, hours, table } = useLoaderData<typeof loader>();
  const benchmark = summary.training.benchmarkHours;
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <div className="stack">
      <PageHeader
        title={t("coaching:insights.title")}
        description={t("coaching:insights.description", { scope: scopeName })}
        actions={summary.agents > 0 ? <a href={csvHref}>{t("coaching:insights.download")}</a> : null}
      />
      {teams.length > 1 ? (
        <FilterBar
          label={t("coaching:insights.chooseTeam")}
          idPrefix="insights"
          controls={[
            {
              kind: "select",
              name: "team",
              label: t("coaching:insights.column.team"),
              any: t("coaching:insights.allTeams"),
              options: teams,
            },
          ]}
          values={{ team }}
          clearTo="/coaching/insights"
        />
      ) : null}

      {teams.length === 0 ? (
        <EmptyState title={t("coaching:insights.noTeamTitle")}>{t("coaching:insights.noTeamBody")}</EmptyState>
      ) : summary.agents === 0 ? (
        <EmptyState title={t("coaching:insights.noAgentsTitle")}>{t("coaching:insights.noAgentsBody", { scope: scopeName })}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t("coaching:insights.summary")}
            </h2>
            <div className="grid">
              <Stat
                label={t("coaching:insights.column.onboardingFinished")}
                value={format.percent(summary.onboarding.completedShare / 100)}
                detail={t("coaching:insights.onboardingDetail", {
                  done: summary.onboarding.completedAll,
                  count: summary.agents,
                  average: summary.onboarding.averagePercent / 100,
                })}
              />
              <Stat
                label={t("coaching:insights.column.assignmentsCompleted")}
                value={t("coaching:insights.ofTotal", { part: summary.assignments.completed, total: summary.assignments.total })}
                detail={t("coaching:insights.pastDue", { count: summary.assignments.overdue })}
              />
              <Stat
                label={t("coaching:insights.practiceScore", { weeks: TREND_WEEKS })}
                value={summary.recentAverageScore === null ? "—" : format.number(summary.recentAverageScore)}
                detail={
                  summary.recentAverageScore === null ? t("coaching:insights.noRecentPractice") : t("coaching:insights.averageOutOf100")
                }
              />
              <Stat
                label={t("coaching:insights.trainingLabel")}
                value={t("coaching:insights.hours", { hours: summary.training.averageHoursPerYear })}
                detail={t("coaching:insights.trainingDetail", { at: summary.training.atBenchmark, count: summary.agents, benchmark })}
              />
            </div>
          </section>

          <Card title={t("coaching:insights.skills.title")}>
            <p className="muted">{t("coaching:insights.skills.intro")}</p>
            {heatmap.columns.length === 0 ? (
              <p>{t("coaching:insights.noPractice")}</p>
            ) : (
              <Heatmap
                title={t("coaching:insights.skills.chartTitle", { scope: scopeName })}
                description={t("coaching:insights.skills.chartDescription", {
                  agents: heatmap.rows.length,
                  competencies: heatmap.columns.length,
                })}
                columns={heatmap.columns}
                rows={heatmap.rows}
                summary={heatmap.average}
                rowHeading={t("coaching:insights.column.agent")}
              />
            )}
          </Card>

          <EvidenceBySource rows={evidence} />

          <Card title={t("coaching:insights.trend.title")}>
            <LineChart
              title={t("coaching:insights.trend.chartTitle", { weeks: TREND_WEEKS })}
              description={t("coaching:insights.trend.chartDescription", { from: trend[0].label, to: trend[trend.length - 1].label })}
              points={trend}
              xHeading={t("coaching:insights.trend.week")}
              yHeading={t("coaching:insights.column.averageScore")}
              noteHeading={t("coaching:insights.column.gradedAttempts")}
            />
          </Card>

          <Card title={t("coaching:insights.lift.title")}>
            <p className="muted">{t("coaching:insights.lift.intro")}</p>
            {lift.length === 0 ? (
              <p>{t("coaching:insights.noPractice")}</p>
            ) : (
              <DataTable
                className="insights-table"
                caption={t("coaching:insights.lift.caption")}
                columns={[
                  t("coaching:insights.lift.column.scenario"),
                  t("coaching:insights.lift.column.agents"),
                  t("coaching:insights.lift.column.repeaters"),
                  t("coaching:insights.lift.column.first"),
                  t("coaching:insights.lift.column.best"),
                  t("coaching:insights.lift.column.latest"),
                  t("coaching:insights.lift.column.lift"),
                ]}
              >
                {lift.map((row) => (
                  <tr key={row.scenarioSlug}>
                    <th scope="row">{row.title}</th>
                    <td>{row.agents}</td>
                    <td>{row.repeaters}</td>
                    <td>{row.first}</td>
                    <td>{row.best}</td>
                    <td>{row.latest}</td>
                    <td>{row.lift > 0 ? `+${row.lift}` : row.lift}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </Card>

          <Card title={t("coaching:insights.training.title")}>
            <p className="muted">
              {t("coaching:insights.training.intro", { days: BENCHMARK_TRAINING_DAYS, dayHours: TRAINING_DAY_HOURS, benchmark })}
            </p>
            <BarChart
              title={t("coaching:insights.training.chartTitle", { benchmark })}
              description={t("coaching:insights.training.chartDescription", {
                benchmark,
                at: summary.training.atBenchmark,
                count: summary.agents,
              })}
              bars={hours.map((row) => ({ key: row.id, label: row.name, value: row.hoursPerYear }))}
              reference={{ value: benchmark, label: t("coaching:insights.training.reference", { benchmark }) }}
              unit={t("coaching:insights.training.unit")}
              labelHeading={t("coaching:insights.column.agent")}
              valueHeading={t("coaching:insights.training.valueHeading")}
            />
          </Card>

          <section aria-labelledby="agents-title" className="stack">
            <h2 id="agents-title">{t("coaching:insights.agents")}</h2>
            <DataTable
              className="insights-table"
              caption={t("coaching:insights.agentsCaption", { scope: scopeName })}
              columns={table.columns}
            >
              {table.rows.map((row) => (
                <tr key={row.id}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        <Link to={`/coaching/people/${row.id}`}>{cell}</Link>
                      </th>
                    ) : (
                      <td key={index}>{cell === null ? <NoData /> : cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </DataTable>
          </section>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "coaching:insights.pageTitle") }];
