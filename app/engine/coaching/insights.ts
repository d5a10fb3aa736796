// Team insights: pure aggregations over what the insights model loads for a
// set of agents. Every figure on the insights page and in its CSV comes from here.
import type { AssignmentStatus } from "~/domain/coaching.ts";
import type { ConversationSource } from "~/domain/practice.ts";
import { pathProgress, type ModuleRef, type ProgressRecord } from "~/engine/learning/progress.ts";
import { message } from "~/i18n/message.ts";
import { groupBy } from "~/utils/group-by.ts";

/** CX champions give about 3.7 days of training a year (DESIGN.md §2), at about 7.5 hours a day. */
export const BENCHMARK_TRAINING_DAYS = 3.7;
export const TRAINING_DAY_HOURS = 7.5;
export const BENCHMARK_HOURS_PER_YEAR = BENCHMARK_TRAINING_DAYS * TRAINING_DAY_HOURS;
export const TREND_WEEKS = 12;
const YEAR_DAYS = 365;
// A new hire's first days are all training: annualising three days of onboarding
// would promise hundreds of hours a year, so short tenures count as at least a month.
const MIN_ANNUALISING_DAYS = 30;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type InsightAgent = { id: string; name: string; teamName: string | null; hireDate: Date };
export type InsightProgress = ProgressRecord & { userId: string; timeSpentSeconds: number; updatedAt: Date };
/** One agent's graded practice at one scenario; first and latest by grading time. */
export type ScenarioRecord = {
  userId: string;
  scenarioSlug: string;
  graded: number;
  scoreTotal: number;
  firstScore: number;
  bestScore: number;
  latestScore: number;
};
/** The team's grades on one UTC day (YYYY-MM-DD). */
export type GradedDay = { day: string; graded: number; scoreTotal: number };
/** Time an agent spent replying in practice conversations started in their training window (`trainingWindowStart`). */
export type PracticeTime = { userId: string; practiceMs: number };
/** One agent's applicable criterion results in one competency: the sum of final level / max level, and how many. */
export type CompetencyTally = { userId: string; competency: string; total: number; count: number };
export type InsightAssignment = { userId: string; status: AssignmentStatus };
/** A tally of one agent's graded conversations of one source, reviewed by a person or not, in one competency. */
export type SourcedTally = CompetencyTally & { source: ConversationSource; reviewed: boolean; conversations: number };
type SourceEvidence = { conversations: number; average: number | null };
/** What a competency's team figures rest on: practice and real conversations, and how many a person reviewed. */
export type CompetencyEvidence = { competency: string; practice: SourceEvidence; real: SourceEvidence; reviewed: number };

export type InsightsInput = {
  now: Date;
  agents: InsightAgent[];
  onboarding: ModuleRef[];
  progress: InsightProgress[];
  scenarios: ScenarioRecord[];
  /** Graded days of the trend's weeks, or more. */
  days: GradedDay[];
  practice: PracticeTime[];
  competencies: CompetencyTally[];
  assignments: InsightAssignment[];
  /** Every graded conversation's tally, practice and real, for the evidence by source. */
  evidence: SourcedTally[];
  /** Competency keys in the catalog's order; the matrix keeps those with evidence. */
  competencyOrder: string[];
};

export type AssignmentCounts = { total: number; completed: number; overdue: number };
export type TrainingTime = { moduleHours: number; practiceHours: number; annualisedOverDays: number; hoursPerYear: number };

export type AgentInsight = {
  id: string;
  name: string;
  teamName: string | null;
  onboardingPercent: number;
  onboardingComplete: boolean;
  assignments: AssignmentCounts;
  gradedAttempts: number;
  averageScore: number | null;
  /** Competency key → average final level as 0–100, null without evidence. */
  competencies: Record<string, number | null>;
  training: TrainingTime;
};

export type TrendPoint = { weekStart: string; average: number | null; attempts: number };
export type ScenarioLift = {
  scenarioSlug: string;
  agents: number;
  repeaters: number;
  first: number;
  best: number;
  latest: number;
  lift: number;
};

export type TeamInsights = {
  agentCount: number;
  onboarding: { completedAll: number; completedShare: number; averagePercent: number };
  assignments: AssignmentCounts;
  competencyKeys: string[];
  competencyAverages: Record<string, number | null>;
  evidence: CompetencyEvidence[];
  trend: TrendPoint[];
  recentAverageScore: number | null;
  lift: ScenarioLift[];
  training: { benchmarkHours: number; averageHoursPerYear: number; atBenchmark: number };
  agents: AgentInsight[];
};

const round = (value: number) => Math.round(value);

/** The practice tallies, one per agent and competency, that the skills matrix averages (reviewed or not). */
export function practiceTallies(rows: SourcedTally[]): CompetencyTally[] {
  const merged = new Map<string, CompetencyTally>();
  for (const row of rows) {
    if (row.source !== "practice") continue;
    const key = `${row.userId}\u0000${row.competency}`;
    const tally = merged.get(key) ?? { userId: row.userId, competency: row.competency, total: 0, count: 0 };
    tally.total += row.total;
    tally.count += row.count;
    merged.set(key, tally);
  }
  return [...merged.values()];
}

/** Per competency with any graded conversation, in catalog order: each source's conversations and average, and how many a person reviewed. */
export function evidenceBySource(rows: SourcedTally[], competencyOrder: string[]): CompetencyEvidence[] {
  const byCompetency = groupBy(rows, (row) => row.competency);
  const ordered = [
    ...competencyOrder.filter((key) => byCompetency.has(key)),
    ...[...byCompetency.keys()].filter((key) => !competencyOrder.includes(key)).sort(),
  ];
  return ordered.map((competency) => {
    const of = byCompetency.get(competency) ?? [];
    const source = (name: ConversationSource): SourceEvidence => {
      const picked = of.filter((row) => row.source === name);
      const count = picked.reduce((sum, row) => sum + row.count, 0);
      return {
        conversations: picked.reduce((sum, row) => sum + row.conversations, 0),
        average: count === 0 ? null : round((picked.reduce((sum, row) => sum + row.total, 0) / count) * 100),
      };
    };
    return {
      competency,
      practice: source("practice"),
      real: source("real"),
      reviewed: of.filter((row) => row.reviewed).reduce((sum, row) => sum + row.conversations, 0),
    };
  });
}
const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

export function countAssignments(statuses: AssignmentStatus[]): AssignmentCounts {
  return {
    total: statuses.length,
    completed: statuses.filter((status) => status === "completed").length,
    overdue: statuses.filter((status) => status === "past-due").length,
  };
}

/** Monday 00:00 UTC of the week holding `instant`. */
export function weekStart(instant: Date): Date {
  const day = (instant.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate() - day));
}

/** The first day of the trend: Monday of the week `weeks - 1` weeks before this one. */
export function trendStart(now: Date, weeks = TREND_WEEKS): Date {
  return new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
}

/** Average overall score of graded attempts per week, for the last `weeks` weeks up to `now`; empty weeks are null. */
export function weeklyTrend(days: GradedDay[], now: Date, weeks = TREND_WEEKS): TrendPoint[] {
  const first = trendStart(now, weeks).getTime();
  const buckets = Array.from({ length: weeks }, () => ({ graded: 0, scoreTotal: 0 }));
  for (const day of days) {
    const time = Date.parse(`${day.day}T00:00:00Z`);
    if (time < first || time > now.getTime()) continue;
    const bucket = buckets[Math.floor((time - first) / WEEK_MS)];
    bucket.graded += day.graded;
    bucket.scoreTotal += day.scoreTotal;
  }
  return buckets.map((bucket, index) => ({
    weekStart: new Date(first + index * WEEK_MS).toISOString().slice(0, 10),
    average: bucket.graded === 0 ? null : round(bucket.scoreTotal / bucket.graded),
    attempts: bucket.graded,
  }));
}

/**
 * First, best and latest graded score per agent and scenario, averaged over
 * the agents who tried each scenario: does practice move the needle?
 */
export function scenarioLift(records: ScenarioRecord[]): ScenarioLift[] {
  const lifts: ScenarioLift[] = [];
  for (const [scenarioSlug, perAgent] of groupBy(records, (record) => record.scenarioSlug)) {
    const first = mean(perAgent.map((agent) => agent.firstScore))!;
    const latest = mean(perAgent.map((agent) => agent.latestScore))!;
    lifts.push({
      scenarioSlug,
      agents: perAgent.length,
      repeaters: perAgent.filter((agent) => agent.graded > 1).length,
      first: round(first),
      best: round(mean(perAgent.map((agent) => agent.bestScore))!),
      latest: round(latest),
      lift: round(latest - first),
    });
  }
  return lifts.sort((a, b) => b.agents - a.agents || a.scenarioSlug.localeCompare(b.scenarioSlug));
}

/**
 * Training time over the last year (or since hire, for people with less than a
 * year), scaled to a year so newer and longer-serving people compare: module
 * reading time on modules touched in the window plus time spent replying in
 * practice conversations started in it.
 */
export function trainingTime(agent: InsightAgent, progress: InsightProgress[], practiceMs: number, now: Date): TrainingTime {
  const windowStart = trainingWindowStart(agent.hireDate, now).getTime();
  const days = Math.min(YEAR_DAYS, Math.max(MIN_ANNUALISING_DAYS, (now.getTime() - windowStart) / DAY_MS));
  const moduleSeconds = progress
    .filter((row) => row.updatedAt.getTime() >= windowStart)
    .reduce((sum, row) => sum + row.timeSpentSeconds, 0);
  const moduleHours = moduleSeconds / 3600;
  const practiceHours = practiceMs / 3_600_000;
  return {
    moduleHours: round1(moduleHours),
    practiceHours: round1(practiceHours),
    annualisedOverDays: Math.round(days),
    hoursPerYear: round1(((moduleHours + practiceHours) * YEAR_DAYS) / days),
  };
}

/** Training time counts from a year ago, or from the hire date for people with less than a year. */
export function trainingWindowStart(hireDate: Date, now: Date): Date {
  return new Date(Math.max(hireDate.getTime(), now.getTime() - YEAR_DAYS * DAY_MS));
}

export function buildInsights(input: InsightsInput): TeamInsights {
  const { now } = input;
  const progressByAgent = groupBy(input.progress, (row) => row.userId);
  const scenariosByAgent = groupBy(input.scenarios, (record) => record.userId);
  const practiceMs = new Map(input.practice.map((row) => [row.userId, row.practiceMs]));
  const assignmentsByAgent = groupBy(input.assignments, (assignment) => assignment.userId);
  const talliesByAgent = groupBy(input.competencies, (tally) => tally.userId);
  const evidenced = new Set(input.competencies.filter((tally) => tally.count > 0).map((tally) => tally.competency));
  const competencyKeys = [
    ...input.competencyOrder.filter((key) => evidenced.has(key)),
    ...[...evidenced].filter((key) => !input.competencyOrder.includes(key)).sort(),
  ];

  const agents = [...input.agents]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((agent): AgentInsight => {
      const progress = progressByAgent.get(agent.id) ?? [];
      const scenarios = scenariosByAgent.get(agent.id) ?? [];
      const onboarding = pathProgress(input.onboarding, progress);
      const gradedAttempts = scenarios.reduce((sum, record) => sum + record.graded, 0);
      const scoreTotal = scenarios.reduce((sum, record) => sum + record.scoreTotal, 0);
      const tallies = new Map((talliesByAgent.get(agent.id) ?? []).map((tally) => [tally.competency, tally]));
      return {
        id: agent.id,
        name: agent.name,
        teamName: agent.teamName,
        onboardingPercent: onboarding.total === 0 ? 100 : onboarding.percent,
        onboardingComplete: onboarding.completed === onboarding.total,
        assignments: countAssignments((assignmentsByAgent.get(agent.id) ?? []).map((assignment) => assignment.status)),
        gradedAttempts,
        averageScore: gradedAttempts === 0 ? null : round(scoreTotal / gradedAttempts),
        competencies: Object.fromEntries(
          competencyKeys.map((key) => {
            const tally = tallies.get(key);
            return [key, tally && tally.count > 0 ? round((tally.total / tally.count) * 100) : null];
          }),
        ),
        training: trainingTime(agent, progress, practiceMs.get(agent.id) ?? 0, now),
      };
    });

  const competencyAverages = Object.fromEntries(
    competencyKeys.map((key) => {
      // Pooled over every criterion result, so an agent with more evidence weighs more.
      const tallies = input.competencies.filter((tally) => tally.competency === key);
      const count = tallies.reduce((sum, tally) => sum + tally.count, 0);
      return [key, count === 0 ? null : round((tallies.reduce((sum, tally) => sum + tally.total, 0) / count) * 100)];
    }),
  );

  const trend = weeklyTrend(input.days, now);
  const recentScores = trend.reduce((sum, point) => sum + (point.average === null ? 0 : point.attempts), 0);
  const recentTotal = trend.reduce((sum, point) => sum + (point.average ?? 0) * point.attempts, 0);
  const completedAll = agents.filter((agent) => agent.onboardingComplete).length;
  const hours = agents.map((agent) => agent.training.hoursPerYear);

  return {
    agentCount: agents.length,
    onboarding: {
      completedAll,
      completedShare: agents.length === 0 ? 0 : round((completedAll / agents.length) * 100),
      averagePercent: round(mean(agents.map((agent) => agent.onboardingPercent)) ?? 0),
    },
    assignments: countAssignments(input.assignments.map((assignment) => assignment.status)),
    competencyKeys,
    competencyAverages,
    evidence: evidenceBySource(input.evidence, input.competencyOrder),
    trend,
    recentAverageScore: recentScores === 0 ? null : round(recentTotal / recentScores),
    lift: scenarioLift(input.scenarios),
    training: {
      benchmarkHours: BENCHMARK_HOURS_PER_YEAR,
      averageHoursPerYear: round1(mean(hours) ?? 0),
      atBenchmark: hours.filter((value) => value >= BENCHMARK_HOURS_PER_YEAR).length,
    },
    agents,
  };
}

export type TableCell = string | number | null;
export type InsightsTable = { columns: string[]; rows: { id: string; cells: TableCell[] }[] };

/**
 * The per-agent table, as the page shows it and the CSV exports it: one
 * definition, so the two cannot drift apart. Headings and yes/no cells are
 * messages (`message()`), worded in the reader's language where the table is sent.
 */
export function agentTable(insights: TeamInsights, competencyNames: Record<string, string>): InsightsTable {
  return {
    columns: [
      message("coaching:insights.column.agent"),
      message("coaching:insights.column.team"),
      message("coaching:insights.column.onboardingPercent"),
      message("coaching:insights.column.onboardingFinished"),
      message("coaching:insights.column.assignmentsCompleted"),
      message("coaching:insights.column.assignmentsTotal"),
      message("coaching:insights.column.assignmentsOverdue"),
      message("coaching:insights.column.gradedAttempts"),
      message("coaching:insights.column.averageScore"),
      ...insights.competencyKeys.map((key) => message("coaching:insights.column.competency", { name: competencyNames[key] ?? key })),
      message("coaching:insights.column.trainingHours"),
    ],
    rows: insights.agents.map((agent) => ({
      id: agent.id,
      cells: [
        agent.name,
        agent.teamName,
        agent.onboardingPercent,
        agent.onboardingComplete ? message("coaching:insights.yes") : message("coaching:insights.no"),
        agent.assignments.completed,
        agent.assignments.total,
        agent.assignments.overdue,
        agent.gradedAttempts,
        agent.averageScore,
        ...insights.competencyKeys.map((key) => agent.competencies[key] ?? null),
        agent.training.hoursPerYear,
      ],
    })),
  };
}

// A spreadsheet runs a cell starting with one of these as a formula; a name typed as "=HYPERLINK(…)" must stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(cell: TableCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled. */
export function toCsv(table: InsightsTable): string {
  const lines = [table.columns, ...table.rows.map((row) => row.cells)].map((cells) => cells.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
