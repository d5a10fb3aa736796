import { z } from "zod";
import { ASSIGNMENT_STATUSES, describePassBar, type AssignmentKind, type AssignmentStatus, type BoardSort } from "~/domain/coaching.ts";
import { BOARD_PAGE_SIZE } from "~/domain/pages.ts";
import { assigneeScope, type AssigneeScope } from "~/engine/access/coaching.ts";
import { peopleScope, teamScope, type Viewer } from "~/engine/access/people.ts";
import { assignmentStatus, type AssigneeActivity } from "~/engine/coaching/assignment-status.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { jsonColumn } from "~/utils/json-column.ts";
import { pageWindow } from "~/utils/paginate.server.ts";
import { recordAudit } from "./audit.server.ts";
import { contentLink, contentTitle, loadContentIndex, type ContentIndex } from "./content-index.server.ts";
import { notify } from "./notification.server.ts";
import { teamScopeToWhere } from "./team.server.ts";
import { scopeToWhere } from "./user.server.ts";

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Status: load what the assignees did, let the engine decide

export type AssignmentRow = {
  id: string;
  userId: string;
  kind: string;
  contentSlug: string;
  dueAt: Date;
  createdAt: Date;
  minScore: number | null;
  minLevels: string;
};

export const ASSIGNMENT_ROW_SELECT = {
  id: true,
  userId: true,
  kind: true,
  contentSlug: true,
  dueAt: true,
  createdAt: true,
  minScore: true,
  minLevels: true,
} as const;

/** Scenario pass criteria: criterion id → the lowest level that passes. */
export const MinLevelsColumn = jsonColumn(z.record(z.string(), z.number().int().min(0)));

/** Everything the status rule needs about the people behind `rows`, in three queries at most. */
async function loadActivity(rows: AssignmentRow[]): Promise<Map<string, AssigneeActivity>> {
  const activity = new Map<string, AssigneeActivity>();
  const entry = (userId: string) => {
    if (!activity.has(userId)) activity.set(userId, { progress: [], attempts: [] });
    return activity.get(userId)!;
  };
  const modules = rows.filter((row) => row.kind === "module");
  const scenarios = rows.filter((row) => row.kind === "scenario");
  const minLevelCriteria = [...new Set(scenarios.flatMap((row) => Object.keys(MinLevelsColumn.read(row.minLevels))))];
  const [progress, attempts] = await Promise.all([
    modules.length === 0
      ? []
      : prisma.moduleProgress.findMany({
          where: {
            userId: { in: [...new Set(modules.map((row) => row.userId))] },
            moduleSlug: { in: [...new Set(modules.map((row) => row.contentSlug))] },
          },
          select: { userId: true, moduleSlug: true, completedAt: true, updatedAt: true },
        }),
    scenarios.length === 0
      ? []
      : prisma.practiceAttempt.findMany({
          where: {
            userId: { in: [...new Set(scenarios.map((row) => row.userId))] },
            scenarioSlug: { in: [...new Set(scenarios.map((row) => row.contentSlug))] },
            startedAt: { gte: new Date(Math.min(...scenarios.map((row) => row.createdAt.getTime()))) },
          },
          select: {
            userId: true,
            scenarioSlug: true,
            startedAt: true,
            grade: {
              select: {
                overallScore: true,
                // Only what pass criteria read: critical criteria and those with a minimum.
                criteria: {
                  where: { OR: [{ critical: true }, { criterionId: { in: minLevelCriteria } }] },
                  select: { criterionId: true, critical: true, applicable: true, level: true, overrideLevel: true },
                },
              },
            },
          },
        }),
  ]);
  for (const row of progress) entry(row.userId).progress.push(row);
  for (const row of attempts) entry(row.userId).attempts.push(row);
  return activity;
}

/** The status of each assignment, by id. */
export async function assignmentStatuses(rows: AssignmentRow[], now: Date, index?: ContentIndex): Promise<Map<string, AssignmentStatus>> {
  const activity = await loadActivity(rows);
  const empty: AssigneeActivity = { progress: [], attempts: [] };
  return new Map(
    rows.map((row) => [
      row.id,
      assignmentStatus(
        {
          kind: row.kind as AssignmentKind,
          contentSlug: row.contentSlug,
          createdAt: row.createdAt,
          dueAt: row.dueAt,
          minScore: row.minScore,
          minLevels: MinLevelsColumn.read(row.minLevels),
        },
        activity.get(row.userId) ?? empty,
        { now, passScore: index?.scenarios.get(row.contentSlug)?.passScore },
      ),
    ]),
  );
}

// ---------------------------------------------------------------------------
// Creating assignments

export type AssignmentInput = {
  kind: AssignmentKind;
  contentSlug: string;
  dueAt: Date;
  /** Scenarios only; null means the scenario's own pass score. */
  minScore: number | null;
  /** Scenarios only: criterion id → minimum level; a 0 means no minimum. */
  minLevels: Record<string, number>;
  /** People chosen one by one. */
  userIds: string[];
  /** Everyone (active agents) on this team as well. */
  teamId: string | null;
};

export type AssignmentField = "contentSlug" | "dueAt" | "minScore" | "minLevels" | "assignees";

export type SkippedAssignee = { name: string; reason: "already-completed" | "already-assigned" };

export type CreateAssignmentsResult =
  | { status: "ok"; created: number; assignees: string[]; skipped: SkippedAssignee[] }
  | { status: "refused"; field: AssignmentField; message: string }
  | { status: "out-of-scope" };

const refuse = (field: AssignmentField, message: string) => ({ status: "refused" as const, field, message });

/** Teams whose people this viewer may assign: the teams they look after. */
function assignableTeamWhere(viewer: Viewer): Prisma.TeamWhereInput {
  return teamScopeToWhere(teamScope(viewer));
}

/** Active people the viewer may assign. */
function assignableUserWhere(scope: AssigneeScope): Prisma.UserWhereInput {
  if (scope.kind === "anyone") return { deactivatedAt: null };
  return { deactivatedAt: null, role: "agent", teamId: { in: scope.teamIds } };
}

function validPassCriteria(
  index: ContentIndex,
  input: AssignmentInput,
): { minScore: number | null; minLevels: Record<string, number> } | ReturnType<typeof refuse> {
  if (input.kind === "module") {
    if (input.minScore !== null) return refuse("minScore", message("assignments:refusal.moduleMinScore"));
    if (Object.values(input.minLevels).some((level) => level > 0))
      return refuse("minLevels", message("assignments:refusal.moduleMinLevels"));
    return { minScore: null, minLevels: {} };
  }
  const scenario = index.scenarios.get(input.contentSlug)!;
  const minScore = input.minScore ?? scenario.passScore;
  if (!Number.isInteger(minScore) || minScore < 1 || minScore > 100) return refuse("minScore", message("assignments:refusal.wholeScore"));
  const minLevels: Record<string, number> = {};
  for (const [criterionId, level] of Object.entries(input.minLevels)) {
    if (level === 0) continue;
    const criterion = scenario.criteria.find((candidate) => candidate.id === criterionId && !candidate.critical);
    if (!criterion)
      return refuse("minLevels", message("assignments:refusal.notGraded", { criterion: criterionId, scenario: scenario.title }));
    if (!Number.isInteger(level) || level < 1 || level > criterion.maxLevel)
      return refuse("minLevels", message("assignments:refusal.levelRange", { criterion: criterion.title, max: criterion.maxLevel }));
    minLevels[criterionId] = level;
  }
  return { minScore, minLevels };
}

/**
 * Assigns a module or scenario to the people chosen and/or a whole team, with
 * a notification for each and one audit event for the batch. People who have
 * already completed a module's current version (a progress row cannot be
 * completed twice) or who already have the same content open are skipped and
 * reported, so nobody gets an assignment they cannot finish or twice.
 */
export async function createAssignments(viewer: Viewer, input: AssignmentInput, now = new Date()): Promise<CreateAssignmentsResult> {
  if (input.dueAt.getTime() <= now.getTime()) return refuse("dueAt", message("assignments:refusal.duePassed"));
  const index = await loadContentIndex();
  if (input.kind === "module" ? !index.modules.has(input.contentSlug) : !index.scenarios.has(input.contentSlug)) {
    return refuse("contentSlug", message("assignments:refusal.unknownContent", { kind: input.kind }));
  }
  const criteria = validPassCriteria(index, input);
  if ("status" in criteria) return criteria;

  const scope = assigneeScope(viewer);
  const requested = [...new Set(input.userIds)];
  const people =
    requested.length === 0
      ? []
      : await prisma.user.findMany({
          where: { AND: [{ id: { in: requested } }, assignableUserWhere(scope)] },
          select: { id: true, name: true },
        });
  if (people.length < requested.length) {
    // For a lead, a person outside their teams is as unknown as a guessed id.
    return scope.kind === "anyone"
      ? refuse("assignees", message("assignments:refusal.inactivePerson"))
      : { status: "out-of-scope" as const };
  }
  if (input.teamId) {
    const team = await prisma.team.findFirst({
      where: { AND: [{ id: input.teamId }, assignableTeamWhere(viewer)] },
      select: { members: { where: { deactivatedAt: null, role: "agent" }, select: { id: true, name: true } } },
    });
    if (!team)
      return scope.kind === "anyone" ? refuse("assignees", message("assignments:refusal.teamGone")) : { status: "out-of-scope" as const };
    for (const member of team.members) if (!people.some((person) => person.id === member.id)) people.push(member);
  }
  if (people.length === 0) {
    return refuse("assignees", input.teamId ? message("assignments:refusal.emptyTeam") : message("assignments:refusal.nobody"));
  }

  const skipped = await findSkipped(index, input, people, now);
  const assignees = people.filter((person) => !skipped.has(person.id)).sort((a, b) => a.name.localeCompare(b.name));
  if (assignees.length === 0) {
    const reasons = new Set(skipped.values());
    return refuse(
      "assignees",
      reasons.size === 1 && reasons.has("already-completed")
        ? message("assignments:refusal.allCompleted")
        : message("assignments:refusal.allSkipped"),
    );
  }

  const title = contentTitle(index, input.kind, input.contentSlug);
  await prisma.$transaction(async (tx) => {
    const created = await tx.assignment.createManyAndReturn({
      data: assignees.map((person) => ({
        userId: person.id,
        assignedById: viewer.id,
        kind: input.kind,
        contentSlug: input.contentSlug,
        dueAt: input.dueAt,
        minScore: criteria.minScore,
        minLevels: MinLevelsColumn.write(criteria.minLevels),
        source: "manual",
      })),
      select: { id: true, userId: true },
    });
    await tx.notification.createMany({
      data: created.map((assignment) => ({
        userId: assignment.userId,
        kind: "assigned",
        title: message("assignments:notification.assigned", { kind: input.kind, title, due: input.dueAt.getTime() }),
        link: contentLink(input.kind, input.contentSlug),
      })),
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "assignment.created",
      targetType: "assignment",
      targetId: created[0].id,
      summary: message("admin:audit.summary.assignmentCreated", {
        kind: input.kind,
        title,
        count: assignees.length,
        name: assignees[0].name,
        due: input.dueAt.getTime(),
      }),
      details: {
        kind: input.kind,
        contentSlug: input.contentSlug,
        dueAt: input.dueAt.toISOString(),
        minScore: criteria.minScore,
        minLevels: criteria.minLevels,
        teamId: input.teamId,
        assignmentIds: created.map((assignment) => assignment.id),
        userIds: created.map((assignment) => assignment.userId),
      },
    });
  });
  const names = new Map(people.map((person) => [person.id, person.name]));
  return {
    status: "ok",
    created: assignees.length,
    assignees: assignees.map((person) => person.name),
    skipped: [...skipped].map(([id, reason]) => ({ name: names.get(id) ?? "", reason })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function findSkipped(
  index: ContentIndex,
  input: AssignmentInput,
  people: { id: string }[],
  now: Date,
): Promise<Map<string, SkippedAssignee["reason"]>> {
  const ids = people.map((person) => person.id);
  const skipped = new Map<string, SkippedAssignee["reason"]>();
  if (input.kind === "module") {
    const done = await prisma.moduleProgress.findMany({
      where: {
        userId: { in: ids },
        moduleSlug: input.contentSlug,
        moduleVersion: index.modules.get(input.contentSlug)!.version,
        completedAt: { not: null },
      },
      select: { userId: true },
    });
    for (const row of done) skipped.set(row.userId, "already-completed");
  }
  const existing = await prisma.assignment.findMany({
    where: { userId: { in: ids }, kind: input.kind, contentSlug: input.contentSlug, withdrawnAt: null },
    select: ASSIGNMENT_ROW_SELECT,
  });
  const statuses = await assignmentStatuses(existing, now, index);
  for (const row of existing)
    if (statuses.get(row.id) !== "completed" && !skipped.has(row.userId)) skipped.set(row.userId, "already-assigned");
  return skipped;
}

// ---------------------------------------------------------------------------
// Lists

export type AssignmentView = {
  id: string;
  kind: AssignmentKind;
  contentSlug: string;
  title: string;
  link: string;
  dueAt: Date;
  createdAt: Date;
  status: AssignmentStatus;
  source: string;
  minScore: number | null;
  /** Scenarios: what a graded attempt must reach, in words ("score 80 or more"); null for modules. */
  passBar: string | null;
};

/** A scenario assignment's pass criteria in words; null for modules, which pass on completion. */
function passBarOf(index: ContentIndex, row: Pick<AssignmentRow, "kind" | "contentSlug" | "minScore" | "minLevels">): string | null {
  const scenario = row.kind === "scenario" ? index.scenarios.get(row.contentSlug) : undefined;
  if (!scenario) return null;
  const minLevels = Object.entries(MinLevelsColumn.read(row.minLevels)).flatMap(([criterionId, level]) => {
    const criterion = scenario.criteria.find((candidate) => candidate.id === criterionId);
    return criterion && level > 0 ? [{ title: criterion.title, level, maxLevel: criterion.maxLevel }] : [];
  });
  return describePassBar({ minScore: row.minScore ?? scenario.passScore, minLevels });
}

function toView(index: ContentIndex, row: AssignmentRow & { source: string }, status: AssignmentStatus): AssignmentView {
  return {
    id: row.id,
    kind: row.kind as AssignmentKind,
    contentSlug: row.contentSlug,
    title: contentTitle(index, row.kind, row.contentSlug),
    link: contentLink(row.kind, row.contentSlug),
    dueAt: row.dueAt,
    createdAt: row.createdAt,
    status,
    source: row.source,
    minScore: row.minScore,
    passBar: passBarOf(index, row),
  };
}

/** Completed assignments stay on a person's own list this long after their due date. */
const KEEP_COMPLETED_DAYS = 14;

/**
 * A person's own assignments: everything still open, soonest due first, then
 * recently completed ones.
 */
export async function listMyAssignments(
  userId: string,
  { kind, now = new Date() }: { kind?: AssignmentKind; now?: Date } = {},
  index?: ContentIndex,
) {
  const rows = await prisma.assignment.findMany({
    where: { userId, kind, withdrawnAt: null },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { ...ASSIGNMENT_ROW_SELECT, source: true },
  });
  if (rows.length === 0) return [];
  const content = index ?? (await loadContentIndex());
  const statuses = await assignmentStatuses(rows, now, content);
  const views = rows.map((row) => toView(content, row, statuses.get(row.id)!));
  const open = views.filter((view) => view.status !== "completed");
  const recent = views
    .filter((view) => view.status === "completed" && view.dueAt.getTime() >= now.getTime() - KEEP_COMPLETED_DAYS * DAY_MS)
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  return [...open, ...recent];
}

export type BoardFilter = { status?: AssignmentStatus; agentId?: string; kind?: AssignmentKind; teamId?: string };

export type BoardRow = AssignmentView & { agent: { id: string; name: string } };

/**
 * Assignments of the people a lead (their teams) or admin (everyone) looks
 * after, never the viewer's own, with status counts for the filters in force
 * other than status. Statuses are computed, so status filtering and sorting
 * happen here rather than in SQL.
 */
export async function listAssignmentBoard(viewer: Viewer, filter: BoardFilter, sort: BoardSort, page: number, now = new Date()) {
  const where: Prisma.AssignmentWhereInput = {
    kind: filter.kind,
    userId: filter.agentId,
    withdrawnAt: null,
    user: { AND: [scopeToWhere(peopleScope(viewer)), { id: { not: viewer.id } }, filter.teamId ? { teamId: filter.teamId } : {}] },
  };
  const rows = await prisma.assignment.findMany({
    where,
    select: { ...ASSIGNMENT_ROW_SELECT, source: true, user: { select: { id: true, name: true } } },
  });
  const index = await loadContentIndex();
  const statuses = await assignmentStatuses(rows, now, index);
  const all: BoardRow[] = rows.map((row) => ({ ...toView(index, row, statuses.get(row.id)!), agent: row.user }));
  const counts = Object.fromEntries(
    ASSIGNMENT_STATUSES.map((status) => [status, all.filter((row) => row.status === status).length]),
  ) as Record<AssignmentStatus, number>;
  const byDue = (a: BoardRow, b: BoardRow) =>
    a.dueAt.getTime() - b.dueAt.getTime() || a.agent.name.localeCompare(b.agent.name) || a.id.localeCompare(b.id);
  const comparators: Record<BoardSort, (a: BoardRow, b: BoardRow) => number> = {
    due: byDue,
    agent: (a, b) => a.agent.name.localeCompare(b.agent.name) || byDue(a, b),
    status: (a, b) => ASSIGNMENT_STATUSES.indexOf(a.status) - ASSIGNMENT_STATUSES.indexOf(b.status) || byDue(a, b),
  };
  const matching = all.filter((row) => !filter.status || row.status === filter.status).sort(comparators[sort]);
  const { skip, take } = pageWindow(page, BOARD_PAGE_SIZE);
  return { total: matching.length, counts, rows: matching.slice(skip, skip + take) };
}

/** Teams the viewer assigns to, with their active agents, for the form and the board's filters. */
export async function listAssignableTeams(viewer: Viewer) {
  return prisma.team.findMany({
    where: assignableTeamWhere(viewer),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { where: { deactivatedAt: null, role: "agent" }, orderBy: { name: "asc" }, select: { id: true, name: true } },
    },
  });
}

// ---------------------------------------------------------------------------
// Changing and withdrawing one assignment

/** One assignment of someone the viewer looks after (never their own), or null as if it did not exist. */
function managedWhere(viewer: Viewer, assignmentId: string): Prisma.AssignmentWhereInput {
  return { id: assignmentId, withdrawnAt: null, user: { AND: [scopeToWhere(peopleScope(viewer)), { id: { not: viewer.id } }] } };
}

/** What the change page shows about an assignment the viewer may change. */
export async function findManagedAssignment(viewer: Viewer, assignmentId: string, now = new Date()) {
  const row = await prisma.assignment.findFirst({
    where: managedWhere(viewer, assignmentId),
    select: { ...ASSIGNMENT_ROW_SELECT, source: true, user: { select: { id: true, name: true } } },
  });
  if (!row) return null;
  const index = await loadContentIndex();
  const status = (await assignmentStatuses([row], now, index)).get(row.id)!;
  const scenario = row.kind === "scenario" ? index.scenarios.get(row.contentSlug) : undefined;
  return {
    ...toView(index, row, status),
    agent: row.user,
    minLevels: MinLevelsColumn.read(row.minLevels),
    scenarioPassScore: scenario?.passScore ?? null,
    criteria: (scenario?.criteria ?? []).filter((criterion) => !criterion.critical),
  };
}

export type AssignmentChange = {
  dueAt: Date;
  /** Scenarios only; null means the scenario's own pass score. */
  minScore: number | null;
  minLevels: Record<string, number>;
  /** A few words for the agent, sent with the notification and kept in the audit log. */
  note: string;
};

/** The agent's notification of a change: more time, a new date, a new bar or both, with the lead's note if any. */
function changeTitle(change: { extended: boolean; title: string; due: Date | null; bar: string | null; note: string }): string {
  const due = change.due?.getTime();
  const title =
    change.extended && due !== undefined
      ? message("assignments:notification.extended", { title: change.title, due })
      : due !== undefined && change.bar
        ? message("assignments:notification.changedBoth", { title: change.title, due, bar: change.bar })
        : due !== undefined
          ? message("assignments:notification.changedDue", { title: change.title, due })
          : message("assignments:notification.changedBar", { title: change.title, bar: change.bar ?? "" });
  return change.note ? message("assignments:notification.withNote", { text: title, note: change.note }) : title;
}

export type ChangeAssignmentResult =
  { status: "ok" } | { status: "unchanged" } | { status: "not-found" } | { status: "refused"; field: AssignmentField; message: string };

function sameLevels(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

/**
 * Changes an assignment's due date (an extension when only that moves later),
 * pass criteria or both; the agent is told what changed, with the note, and
 * the change is audited with the values before and after.
 */
export async function changeAssignment(
  viewer: Viewer,
  assignmentId: string,
  change: AssignmentChange,
  now = new Date(),
): Promise<ChangeAssignmentResult> {
  const row = await prisma.assignment.findFirst({
    where: managedWhere(viewer, assignmentId),
    select: { ...ASSIGNMENT_ROW_SELECT, user: { select: { name: true } } },
  });
  if (!row) return { status: "not-found" };
  if (change.dueAt.getTime() <= now.getTime()) return refuse("dueAt", message("assignments:refusal.duePassed"));
  const index = await loadContentIndex();
  const kind = row.kind as AssignmentKind;
  if (kind === "scenario" && !index.scenarios.has(row.contentSlug)) return refuse("minScore", message("assignments:refusal.scenarioGone"));
  const criteria = validPassCriteria(index, {
    kind,
    contentSlug: row.contentSlug,
    dueAt: change.dueAt,
    minScore: change.minScore,
    minLevels: change.minLevels,
    userIds: [],
    teamId: null,
  });
  if ("status" in criteria) return criteria;
  const before = { dueAt: row.dueAt, minScore: row.minScore, minLevels: MinLevelsColumn.read(row.minLevels) };
  const dueMoved = before.dueAt.getTime() !== change.dueAt.getTime();
  const barMoved = before.minScore !== criteria.minScore || !sameLevels(before.minLevels, criteria.minLevels);
  if (!dueMoved && !barMoved) return { status: "unchanged" };

  const title = contentTitle(index, kind, row.contentSlug);
  const bar = passBarOf(index, { ...row, minScore: criteria.minScore, minLevels: MinLevelsColumn.write(criteria.minLevels) });
  const extended = dueMoved && !barMoved && change.dueAt > before.dueAt;
  const changed = { name: row.user.name, kind, title, due: change.dueAt.getTime() };
  const summary =
    barMoved && bar
      ? dueMoved
        ? message("admin:audit.summary.assignmentChangedBoth", { ...changed, bar })
        : message("admin:audit.summary.assignmentChangedBar", { ...changed, bar })
      : message(extended ? "admin:audit.summary.assignmentExtended" : "admin:audit.summary.assignmentChangedDue", changed);
  const note = change.note.trim();
  await prisma.$transaction(async (tx) => {
    await tx.assignment.update({
      where: { id: row.id },
      data: { dueAt: change.dueAt, minScore: criteria.minScore, minLevels: MinLevelsColumn.write(criteria.minLevels) },
    });
    await notify(
      row.userId,
      {
        kind: "assignment-changed",
        title: changeTitle({ extended, title, due: dueMoved ? change.dueAt : null, bar: barMoved ? bar : null, note }),
        link: contentLink(kind, row.contentSlug),
      },
      tx,
    );
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "assignment.changed",
      targetType: "assignment",
      targetId: row.id,
      summary,
      details: {
        before: { ...before, dueAt: before.dueAt.toISOString() },
        after: { dueAt: change.dueAt.toISOString(), minScore: criteria.minScore, minLevels: criteria.minLevels },
        note,
        userId: row.userId,
      },
    });
  });
  return { status: "ok" };
}

export type WithdrawAssignmentResult = { status: "ok" | "not-found" };

/**
 * Withdraws an assignment: it leaves the agent's lists, the board, reminders and team
 * insights, and stays as history (automatic practice still counts its own earlier ones)
 * with an audit entry of everything it said.
 */
export async function withdrawAssignment(viewer: Viewer, assignmentId: string, now = new Date()): Promise<WithdrawAssignmentResult> {
  const row = await prisma.assignment.findFirst({
    where: managedWhere(viewer, assignmentId),
    select: { ...ASSIGNMENT_ROW_SELECT, source: true, assignedById: true, user: { select: { name: true } } },
  });
  if (!row) return { status: "not-found" };
  const index = await loadContentIndex();
  const title = contentTitle(index, row.kind, row.contentSlug);
  const status = (await assignmentStatuses([row], now, index)).get(row.id)!;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.assignment.updateMany({ where: { id: row.id, withdrawnAt: null }, data: { withdrawnAt: now } });
    // Withdrawn twice at once: the first one tells the agent and writes the log.
    if (count === 0) return;
    await notify(
      row.userId,
      {
        kind: "assignment-withdrawn",
        title: message("assignments:notification.withdrawn", { title }),
        link: contentLink(row.kind, row.contentSlug),
      },
      tx,
    );
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "assignment.withdrawn",
      targetType: "assignment",
      targetId: row.id,
      summary: message("admin:audit.summary.assignmentWithdrawn", {
        kind: row.kind,
        title,
        name: row.user.name,
        due: row.dueAt.getTime(),
        // ICU select keywords cannot hold "-".
        status: status.replaceAll("-", "_"),
      }),
      details: {
        kind: row.kind,
        contentSlug: row.contentSlug,
        dueAt: row.dueAt.toISOString(),
        minScore: row.minScore,
        minLevels: MinLevelsColumn.read(row.minLevels),
        assignedById: row.assignedById,
        assignedAt: row.createdAt.toISOString(),
        statusAtWithdrawal: status,
        userId: row.userId,
      },
    });
  });
  return { status: "ok" };
}

export type OpenAssignmentBar = { dueAt: Date; passBar: string | null; automatic: boolean };

/**
 * The bar the person's open assignment for this module or scenario sets, soonest due first, for the page
 * it opens: a scenario's own pass mark may be lower than what the assignment asks.
 */
export async function findOpenAssignmentBar(
  userId: string,
  kind: AssignmentKind,
  contentSlug: string,
  now = new Date(),
): Promise<OpenAssignmentBar | null> {
  const rows = await prisma.assignment.findMany({
    where: { userId, kind, contentSlug, withdrawnAt: null },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { ...ASSIGNMENT_ROW_SELECT, source: true },
  });
  if (rows.length === 0) return null;
  const index = await loadContentIndex();
  const statuses = await assignmentStatuses(rows, now, index);
  const open = rows.find((row) => statuses.get(row.id) !== "completed");
  return open ? { dueAt: open.dueAt, passBar: passBarOf(index, open), automatic: open.source === "automatic" } : null;
}
