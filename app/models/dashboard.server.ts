// What each role's home dashboard shows: a few bounded queries per card, aggregated in SQL
// where the question is "how many" and capped where it is "which ones".
import { getCatalog, moduleRef } from "~/content/modules.server.ts";
import { LEVEL_LABELS, type Level, type Role } from "~/domain/people.ts";
import { PRACTICE_ONLY } from "~/domain/practice.ts";
import { peopleScope, type Viewer } from "~/engine/access/people.ts";
import { nextSkill, scoreTrend, standing, weekBounds, EARLIER_ATTEMPTS, RECENT_ATTEMPTS } from "~/engine/coaching/dashboard-signals.ts";
import { instantToDueDate, isOverdue, localDate } from "~/engine/coaching/sessions.ts";
import { pathProgress } from "~/engine/learning/progress.ts";
import { isNewHire, NEW_HIRE_DAYS } from "~/engine/people/tenure.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { type Locale, readerLocale } from "~/i18n/locales.ts";
import { prisma, rawDate } from "~/utils/db.server.ts";
import { ASSIGNMENT_ROW_SELECT, assignmentStatuses, listMyAssignments } from "./assignment.server.ts";
import { nearestNextLevel } from "./career-view.server.ts";
import { contentLink, contentTitle, loadContentIndex, type ContentIndex } from "./content-index.server.ts";
import { listProgressRecords } from "./learning.server.ts";
import { countOpenPool } from "./matching-pool.server.ts";
import { countPendingNominations, listNominations } from "./nomination.server.ts";
import { countProposalsAwaiting } from "./pairing.server.ts";
import { ACTIVE } from "./practice.server.ts";
import { listReviewQueue } from "./review.server.ts";
import { scopeToWhere } from "./user.server.ts";

const DAY_MS = 86_400_000;
/** The most items any dashboard list shows before "See all". */
const DASHBOARD_LIST_SIZE = 5;
/** Graded conversations whose criteria decide the skill to practise next. */
const SKILL_ATTEMPTS = 10;
/** Content nobody has opened for this long is flagged as unused. */
const UNUSED_CONTENT_DAYS = 90;

async function competencyNames() {
  const catalog = await getCatalog();
  return new Map(catalog.competencies.map((competency) => [competency.key, competency.name]));
}

// ---------------------------------------------------------------------------
// Agent

type GradedPracticeRow = {
  id: string;
  scenarioSlug: string;
  startedAt: Date | string;
  endedAt: Date | string | null;
  overallScore: number | bigint;
  passed: boolean | number;
  /** JSON: [competency, final level, maximum level][] of the applicable criteria. */
  criteria: string;
};

/**
 * The newest graded practice conversations, each with its applicable criteria (a lead's override
 * as the level), in one statement: the home page runs it on every view.
 */
async function latestGradedPractice(userId: string) {
  const rows = await prisma.$queryRaw<GradedPracticeRow[]>`
    SELECT a."id", a."scenarioSlug", a."startedAt", a."endedAt", g."overallScore", g."passed",
      (SELECT json_group_array(json_array(c."competency", COALESCE(c."overrideLevel", c."level"), c."maxLevel"))
        FROM "GradeCriterion" AS c WHERE c."gradeId" = g."id" AND c."applicable" = TRUE AND c."maxLevel" > 0) AS "criteria"
    FROM "PracticeAttempt" AS a INNER JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
    WHERE a."userId" = ${userId} AND a."source" = ${PRACTICE_ONLY.source}
    ORDER BY a."startedAt" DESC, a."id" DESC
    LIMIT ${SKILL_ATTEMPTS}`;
  return rows.map((row) => ({
    id: row.id,
    scenarioSlug: row.scenarioSlug,
    at: rawDate(row.endedAt ?? row.startedAt),
    overallScore: Number(row.overallScore),
    passed: Boolean(row.passed),
    criteria: (JSON.parse(row.criteria) as [string, number, number][]).map(([competency, level, maxLevel]) => ({
      competency,
      level,
      overrideLevel: null,
      maxLevel,
    })),
  }));
}

async function nextCoachingSession(agentId: string, now: Date) {
  const [session] = await prisma.$queryRaw<{ id: string; scheduledAt: Date | string; leadName: string }[]>`
    SELECT s."id", s."scheduledAt", l."name" AS "leadName"
    FROM "CoachingSession" AS s INNER JOIN "User" AS l ON l."id" = s."leadId"
    WHERE s."agentId" = ${agentId} AND s."scheduledAt" >= ${now}
    ORDER BY s."scheduledAt" ASC, s."id" ASC
    LIMIT 1`;
  return session ?? null;
}

async function loadAgentDashboard(
  userId: string,
  { newHire, timeZone, locale }: { newHire: boolean; timeZone: string; locale: Locale },
  now: Date,
) {
  const index = await loadContentIndex();
  const [assignments, active, nextSession, actionItems, openActionItems, graded, names, career, proposalsAwaiting] = await Promise.all([
    listMyAssignments(userId, { now }, index),
    prisma.practiceAttempt.findFirst({
      where: { userId, status: ACTIVE },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { id: true, scenarioSlug: true, startedAt: true },
    }),
    nextCoachingSession(userId, now),
    prisma.actionItem.findMany({
      where: { completedAt: null, session: { agentId: userId } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: DASHBOARD_LIST_SIZE,
      select: { id: true, text: true, dueAt: true, sessionId: true },
    }),
    prisma.actionItem.count({ where: { completedAt: null, session: { agentId: userId } } }),
    latestGradedPractice(userId),
    competencyNames(),
    nearestNextLevel(userId, now, locale),
    countProposalsAwaiting(userId),
  ]);

  const today = localDate(now, timeZone);
  const open = assignments.filter((assignment) => assignment.status !== "completed");
  const shown = open.slice(0, DASHBOARD_LIST_SIZE);
  const latest = graded.slice(0, RECENT_ATTEMPTS);
  const skill = nextSkill(
    graded.flatMap((attempt) => attempt.criteria),
    index.scenarioOrder.map((slug) => ({ slug, competencies: index.scenarios.get(slug)!.competencies })),
  );

  let onboarding = null;
  if (newHire) {
    const catalog = await getCatalog();
    const path = pathProgress(
      catalog.modules.filter((module) => module.frontmatter.track === "onboarding").map(moduleRef),
      await listProgressRecords(userId),
    );
    onboarding = {
      completed: path.completed,
      total: path.total,
      percent: path.percent,
      next: path.nextSlug ? { title: contentTitle(index, "module", path.nextSlug), link: contentLink("module", path.nextSlug) } : null,
    };
  }

  return {
    due: {
      total: open.length,
      items: shown.map((assignment) => ({
        id: assignment.id,
        title: assignment.title,
        kind: assignment.kind,
        link: assignment.link,
        dueAt: assignment.dueAt.toISOString(),
        overdue: assignment.status === "past-due",
        status: assignment.status,
        passBar: assignment.passBar,
        automatic: assignment.source === "automatic",
      })),
    },
    active: active
      ? { id: active.id, title: contentTitle(index, "scenario", active.scenarioSlug), startedAt: active.startedAt.toISOString() }
      : null,
    nextSession: nextSession
      ? { id: nextSession.id, scheduledAt: rawDate(nextSession.scheduledAt).toISOString(), lead: nextSession.leadName }
      : null,
    actionItems: {
      total: openActionItems,
      items: actionItems.map((item) => ({
        id: item.id,
        text: item.text,
        dueDate: instantToDueDate(item.dueAt),
        overdue: isOverdue({ ...item, completedAt: null }, today),
        sessionId: item.sessionId,
      })),
    },
    grades: {
      items: latest.map((attempt) => ({
        id: attempt.id,
        title: contentTitle(index, "scenario", attempt.scenarioSlug),
        at: attempt.at.toISOString(),
        score: attempt.overallScore,
        passed: attempt.passed,
      })),
      trend: scoreTrend(latest.map((attempt) => attempt.overallScore).reverse()),
    },
    nextSkill: skill
      ? {
          name: names.get(skill.competency) ?? skill.competency,
          percent: skill.percent,
          scenario: skill.scenarioSlug
            ? { title: contentTitle(index, "scenario", skill.scenarioSlug), link: contentLink("scenario", skill.scenarioSlug) }
            : null,
        }
      : null,
    onboarding,
    career,
    proposalsAwaiting,
  };
}

// ---------------------------------------------------------------------------
// Lead

type ScoreRow = { userId: string; scenarioSlug: string; score: number };

/** Active agents on the lead's teams with their newest graded scores, newest first, in two statements. */
async function recentScoresOfTeams(viewer: Viewer) {
  if (viewer.ledTeamIds.length === 0) return { agents: [], scores: [] as ScoreRow[] };
  const agentsWhere = Prisma.sql`u."teamId" IN (${Prisma.join(viewer.ledTeamIds)}) AND u."deactivatedAt" IS NULL AND u."role" = 'agent' AND u."id" <> ${viewer.id}`;
  const [agents, scores] = await Promise.all([
    prisma.$queryRaw<{ id: string; name: string }[]>`SELECT u."id", u."name" FROM "User" AS u WHERE ${agentsWhere}`,
    prisma.$queryRaw<ScoreRow[]>`
      SELECT a."userId", a."scenarioSlug", g."overallScore" AS "score"
      FROM (
        SELECT p."id", p."userId", p."scenarioSlug",
          ROW_NUMBER() OVER (PARTITION BY p."userId" ORDER BY p."startedAt" DESC, p."id" DESC) AS "recency"
        FROM "PracticeAttempt" AS p
        WHERE p."userId" IN (SELECT u."id" FROM "User" AS u WHERE ${agentsWhere}) AND p."source" = 'practice'
          AND EXISTS (SELECT 1 FROM "PracticeGrade" AS pg WHERE pg."attemptId" = p."id")
      ) AS a
      INNER JOIN "PracticeGrade" AS g ON g."attemptId" = a."id"
      WHERE a."recency" <= ${RECENT_ATTEMPTS + EARLIER_ATTEMPTS}
      ORDER BY a."userId", a."recency"`,
  ]);
  return { agents, scores };
}

/** Past-due assignments of the people the viewer looks after (never their own), grouped by person. */
async function overdueByPerson(viewer: Viewer, index: ContentIndex, now: Date) {
  // Only assignments already due can be past due; the engine decides which of those are done.
  const rows = await prisma.assignment.findMany({
    where: {
      dueAt: { lt: now },
      withdrawnAt: null,
      user: { AND: [scopeToWhere(peopleScope(viewer)), { id: { not: viewer.id }, deactivatedAt: null }] },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { ...ASSIGNMENT_ROW_SELECT, user: { select: { id: true, name: true } } },
  });
  const statuses = await assignmentStatuses(rows, now, index);
  const overdue = rows.filter((row) => statuses.get(row.id) === "past-due");
  const people = new Map<string, { id: string; name: string; count: number; oldest: { title: string; dueAt: string } }>();
  for (const row of overdue) {
    const entry = people.get(row.userId);
    if (entry) entry.count += 1;
    else
      people.set(row.userId, {
        ...row.user,
        count: 1,
        oldest: { title: contentTitle(index, row.kind, row.contentSlug), dueAt: row.dueAt.toISOString() },
      });
  }
  const ranked = [...people.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { total: overdue.length, people: ranked.slice(0, DASHBOARD_LIST_SIZE), peopleCount: ranked.length };
}

function queueItems(index: ContentIndex, attempts: Awaited<ReturnType<typeof listReviewQueue>>["attempts"]) {
  return attempts.slice(0, DASHBOARD_LIST_SIZE).map((attempt) => ({
    id: attempt.id,
    agent: attempt.user.name,
    title: contentTitle(index, "scenario", attempt.scenarioSlug),
    score: attempt.overallScore,
    passed: attempt.passed,
    openDisputes: attempt.openDisputes,
  }));
}

async function loadLeadDashboard(viewer: Viewer, timeZone: string, now = new Date()) {
  const index = await loadContentIndex();
  const reviewer = { id: viewer.id, scope: peopleScope(viewer) };
  const week = weekBounds(now, timeZone);
  const [reviews, disputes, overdue, recent, sessions, proposalsAwaiting] = await Promise.all([
    listReviewQueue(reviewer, { view: "needs-review" }, 1),
    listReviewQueue(reviewer, { view: "disputed" }, 1),
    overdueByPerson(viewer, index, now),
    recentScoresOfTeams(viewer),
    prisma.coachingSession.findMany({
      where: { leadId: viewer.id, scheduledAt: { gte: week.start, lt: week.end } },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: DASHBOARD_LIST_SIZE * 2,
      select: { id: true, scheduledAt: true, agent: { select: { name: true } } },
    }),
    countProposalsAwaiting(viewer.id),
  ]);

  const scoresByAgent = new Map<string, ScoreRow[]>();
  for (const row of recent.scores) scoresByAgent.set(row.userId, [...(scoresByAgent.get(row.userId) ?? []), row]);
  const flagged = recent.agents
    .flatMap((agent) => {
      const result = standing(
        (scoresByAgent.get(agent.id) ?? []).map((row) => ({
          score: Number(row.score),
          passScore: index.scenarios.get(row.scenarioSlug)?.passScore ?? 70,
        })),
      );
      return result && result.kind !== "steady" ? [{ ...agent, standing: result }] : [];
    })
    .sort(
      (a, b) =>
        (a.standing.kind === "below-pass" ? 0 : 1) - (b.standing.kind === "below-pass" ? 0 : 1) ||
        a.standing.recentAverage - b.standing.recentAverage ||
        a.name.localeCompare(b.name),
    );

  return {
    reviews: { total: reviews.total, items: queueItems(index, reviews.attempts) },
    disputes: { total: disputes.total, items: queueItems(index, disputes.attempts) },
    overdue,
    struggling: { total: flagged.length, people: flagged.slice(0, DASHBOARD_LIST_SIZE) },
    sessions: {
      total: sessions.length,
      items: sessions.slice(0, DASHBOARD_LIST_SIZE).map((session) => ({
        id: session.id,
        scheduledAt: session.scheduledAt.toISOString(),
        agent: session.agent.name,
        past: session.scheduledAt < now,
      })),
    },
    proposalsAwaiting,
  };
}

// ---------------------------------------------------------------------------
// Admin

async function onboardingHealth(now: Date) {
  const catalog = await getCatalog();
  const path = catalog.modules.filter((module) => module.frontmatter.track === "onboarding").map((module) => module.slug);
  const newHires: Prisma.UserWhereInput = {
    role: "agent",
    deactivatedAt: null,
    hireDate: { gt: new Date(now.getTime() - NEW_HIRE_DAYS * DAY_MS) },
  };
  const [people, completions] = await Promise.all([
    prisma.user.count({ where: newHires }),
    // One row per person and completed onboarding module, whatever its versions.
    prisma.moduleProgress.groupBy({
      by: ["userId", "moduleSlug"],
      where: { completedAt: { not: null }, moduleSlug: { in: path }, user: newHires },
    }),
  ]);
  const done = new Map<string, number>();
  for (const row of completions) done.set(row.userId, (done.get(row.userId) ?? 0) + 1);
  return {
    newHires: people,
    finished: [...done.values()].filter((count) => count >= path.length).length,
    percent: people === 0 || path.length === 0 ? 0 : Math.round((completions.length / (people * path.length)) * 100),
  };
}

async function contentHealth(index: ContentIndex, now: Date) {
  const since = new Date(now.getTime() - UNUSED_CONTENT_DAYS * DAY_MS);
  const [usedScenarios, usedModules] = await Promise.all([
    prisma.practiceAttempt.groupBy({ by: ["scenarioSlug"], where: { ...PRACTICE_ONLY, startedAt: { gte: since } } }),
    prisma.moduleProgress.groupBy({ by: ["moduleSlug"], where: { updatedAt: { gte: since } } }),
  ]);
  const scenariosUsed = new Set(usedScenarios.map((row) => row.scenarioSlug));
  const modulesUsed = new Set(usedModules.map((row) => row.moduleSlug));
  const unused = [
    ...[...index.modules.entries()]
      .filter(([slug]) => !modulesUsed.has(slug))
      .map(([slug, module]) => ({ kind: "module" as const, title: module.title, link: contentLink("module", slug) })),
    ...index.scenarioOrder
      .filter((slug) => !scenariosUsed.has(slug))
      .map((slug) => ({ kind: "scenario" as const, title: contentTitle(index, "scenario", slug), link: contentLink("scenario", slug) })),
  ];
  return {
    modules: index.modules.size,
    scenarios: index.scenarios.size,
    unused: { total: unused.length, items: unused.slice(0, DASHBOARD_LIST_SIZE) },
  };
}

async function loadAdminDashboard(viewer: Viewer, now = new Date()) {
  const index = await loadContentIndex();
  const [onboarding, overdue, pendingNominations, nominations, pool, content, proposalsAwaiting] = await Promise.all([
    onboardingHealth(now),
    overdueByPerson(viewer, index, now),
    countPendingNominations(),
    listNominations("pending", 1),
    countOpenPool(),
    contentHealth(index, now),
    countProposalsAwaiting(viewer.id),
  ]);
  return {
    onboarding,
    overdue: { total: overdue.total, peopleCount: overdue.peopleCount },
    promotions: {
      total: pendingNominations,
      items: nominations.nominations.slice(0, DASHBOARD_LIST_SIZE).map((nomination) => ({
        id: nomination.id,
        agent: nomination.agent.name,
        level: LEVEL_LABELS[nomination.level as Level],
        createdAt: nomination.createdAt.toISOString(),
      })),
    },
    mentoringRequests: pool.openRequests,
    proposalsAwaiting,
    content,
  };
}

// ---------------------------------------------------------------------------

type DashboardPersonRow = {
  name: string;
  role: string;
  hireDate: Date | string;
  timeZone: string;
  locale: string;
  teamName: string | null;
  leadName: string | null;
  /** JSON: the names of the teams they lead, in order. */
  ledTeams: string;
};

/** Who the dashboard greets, their team and its lead or the teams they lead, in one statement. */
async function dashboardPerson(userId: string) {
  const [row] = await prisma.$queryRaw<DashboardPersonRow[]>`
    SELECT u."name", u."role", u."hireDate", u."timeZone", u."locale", t."name" AS "teamName", l."name" AS "leadName",
      (SELECT json_group_array(led."name" ORDER BY led."name") FROM "Team" AS led WHERE led."leadId" = u."id") AS "ledTeams"
    FROM "User" AS u LEFT JOIN "Team" AS t ON t."id" = u."teamId" LEFT JOIN "User" AS l ON l."id" = t."leadId"
    WHERE u."id" = ${userId}`;
  if (!row) throw new Error(`No person ${userId}`);
  return { ...row, hireDate: rawDate(row.hireDate), ledTeams: JSON.parse(row.ledTeams) as string[] };
}

/**
 * The signed-in person's home dashboard: who they are, and the cards for their role. New hires
 * are agents in their first weeks; they also see their onboarding path.
 */
export async function loadDashboard(viewer: Viewer, now = new Date()) {
  const person = await dashboardPerson(viewer.id);
  const role = person.role as Role;
  const newHire = role === "agent" && isNewHire(person.hireDate, now);
  const me = {
    firstName: person.name.split(" ")[0],
    newHire,
    timeZone: person.timeZone,
    teams: person.teamName !== null ? [person.teamName] : person.ledTeams,
    lead: person.leadName,
  };
  if (role === "admin") return { me, role, admin: await loadAdminDashboard(viewer, now) } as const;
  if (role === "lead") return { me, role, lead: await loadLeadDashboard(viewer, person.timeZone, now) } as const;
  return {
    me,
    role,
    agent: await loadAgentDashboard(viewer.id, { newHire, timeZone: person.timeZone, locale: readerLocale(person) }, now),
  } as const;
}

export type AgentDashboard = Awaited<ReturnType<typeof loadAgentDashboard>>;
export type LeadDashboard = Awaited<ReturnType<typeof loadLeadDashboard>>;
export type AdminDashboard = Awaited<ReturnType<typeof loadAdminDashboard>>;
