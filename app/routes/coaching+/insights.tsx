import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/bar-chart.tsx";
import { NoData } from "~/components/charts/data-details.tsx";
import { Heatmap } from "~/components/charts/heatmap.tsx";
import { LineChart } from "~/components/charts/line-chart.tsx";
import { FilterBar } from "~/components/forms/filter-bar.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout.tsx";
import { BENCHMARK_TRAINING_DAYS, TRAINING_DAY_HOURS, TREND_WEEKS } from "~/engine/coaching/insights.ts";
import { plural } from "~/utils/format.ts";
import { loadInsights } from "./insights-data.server.ts";

const weekLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { teams, team, scopeName, insights, competencyNames, scenarioTitles, table } = await loadInsights(request);
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
        label: "Team average",
        values: insights.competencyKeys.map((key) => insights.competencyAverages[key]),
      },
      rows: insights.agents.map((agent) => ({
        key: agent.id,
        label: agent.name,
        values: insights.competencyKeys.map((key) => agent.competencies[key]),
      })),
    },
    trend: insights.trend.map((point) => ({
      key: point.weekStart,
      label: weekLabel.format(new Date(point.weekStart)),
      value: point.average,
      note: plural(point.attempts, "graded attempt"),
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
  const { teams, team, scopeName, csvHref, summary, heatmap, trend, lift, hours, table } = useLoaderData<typeof loader>();
  const benchmark = summary.training.benchmarkHours;

  return (
    <div className="stack">
      <PageHeader
        title="Team insights"
        description={`${scopeName}: onboarding, assignments, skills from graded practice, and time given to training.`}
        actions={summary.agents > 0 ? <a href={csvHref}>Download the table as CSV</a> : null}
      />
      {teams.length > 1 ? (
        <FilterBar
          label="Choose a team"
          idPrefix="insights"
          controls={[{ kind: "select", name: "team", label: "Team", any: "All your teams", options: teams }]}
          values={{ team }}
          clearTo="/coaching/insights"
        />
      ) : null}

      {teams.length === 0 ? (
        <EmptyState title="No team to show">
          Insights appear here once you lead a team. An admin sets team leads under Admin → Teams.
        </EmptyState>
      ) : summary.agents === 0 ? (
        <EmptyState title="No agents yet">
          Once agents join {scopeName}, their onboarding, practice and training time show up here.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              Summary
            </h2>
            <div className="grid">
              <Stat
                label="Onboarding finished"
                value={`${summary.onboarding.completedShare}%`}
                detail={`${summary.onboarding.completedAll} of ${plural(summary.agents, "agent")}; on average ${summary.onboarding.averagePercent}% through the path.`}
              />
              <Stat
                label="Assignments completed"
                value={`${summary.assignments.completed} of ${summary.assignments.total}`}
                detail={summary.assignments.overdue === 0 ? "None past due." : `${summary.assignments.overdue} past due.`}
              />
              <Stat
                label={`Practice score, last ${TREND_WEEKS} weeks`}
                value={summary.recentAverageScore === null ? "—" : `${summary.recentAverageScore}`}
                detail={summary.recentAverageScore === null ? "No graded practice in that time." : "Average overall score out of 100."}
              />
              <Stat
                label="Training a year, per agent"
                value={`${summary.training.averageHoursPerYear} h`}
                detail={`${summary.training.atBenchmark} of ${summary.agents} at or above the ${benchmark} h benchmark.`}
              />
            </div>
          </section>

          <Card title="Skills from graded practice">
            <p className="muted">
              Average level each agent reached on each competency&apos;s rubric criteria, from 0 (none) to 100 (the top level). A
              lead&apos;s override replaces the automatic level; criteria that didn&apos;t apply are left out.
            </p>
            {heatmap.columns.length === 0 ? (
              <p>No graded practice yet.</p>
            ) : (
              <Heatmap
                title={`Competency levels by agent, ${scopeName}`}
                description={`A grid of ${heatmap.rows.length} agents by ${heatmap.columns.length} competencies with the team average first; each cell is the average level from 0 to 100, darker is higher. The same numbers are in the table that follows.`}
                columns={heatmap.columns}
                rows={heatmap.rows}
                summary={heatmap.average}
                rowHeading="Agent"
              />
            )}
          </Card>

          <Card title="Practice scores over time">
            <LineChart
              title={`Average practice score per week, last ${TREND_WEEKS} weeks`}
              description={`Weekly average of overall scores of graded practice conversations, from ${trend[0].label} to ${trend[trend.length - 1].label}. Weeks without graded practice are gaps in the line.`}
              points={trend}
              xHeading="Week starting"
              yHeading="Average score"
              noteHeading="Graded attempts"
            />
          </Card>

          <Card title="First, best and latest score per scenario">
            <p className="muted">
              Each agent&apos;s first, best and latest graded score on a scenario, averaged over the agents who practised it.
            </p>
            {lift.length === 0 ? (
              <p>No graded practice yet.</p>
            ) : (
              <DataTable
                className="insights-table"
                caption="Score lift per scenario"
                columns={["Scenario", "Agents", "Practised more than once", "First", "Best", "Latest", "Latest − first"]}
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

          <Card title="Training time against leading teams">
            <p className="muted">
              Module reading plus time spent replying in practice over the last 12 months (or since joining, at least a month), scaled to a
              year. Leading support teams give about {BENCHMARK_TRAINING_DAYS} days a year — at {TRAINING_DAY_HOURS} hours a day,{" "}
              {benchmark} hours.
            </p>
            <BarChart
              title={`Training hours a year per agent against the ${benchmark} hour benchmark`}
              description={`Horizontal bars, one per agent, with a vertical line at ${benchmark} hours. ${summary.training.atBenchmark} of ${summary.agents} agents reach it.`}
              bars={hours.map((row) => ({ key: row.id, label: row.name, value: row.hoursPerYear }))}
              reference={{ value: benchmark, label: `Benchmark ${benchmark} h` }}
              unit="h"
              labelHeading="Agent"
              valueHeading="Hours a year"
            />
          </Card>

          <section aria-labelledby="agents-title" className="stack">
            <h2 id="agents-title">Agents</h2>
            <DataTable className="insights-table" caption={`Insights per agent, ${scopeName}`} columns={table.columns}>
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

export const meta: MetaFunction = () => [{ title: "Team insights · Coaching · Frontline" }];
