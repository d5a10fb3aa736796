// 1:1 coaching sessions between a lead (or admin) and one person: focus
// competencies, shared and private notes, linked practice and reflections, and
// action items the agent ticks off. Every function takes the viewer and checks
// the session rules itself, so a route that forgets a check still leaks nothing.
import { COACHING_PEOPLE_PAGE_SIZE } from "~/domain/pages.ts";
import { PRACTICE_ONLY } from "~/domain/practice.ts";
import { canCoach, sessionRole, type SessionRole } from "~/engine/access/coaching.ts";
import { hasRole, LEADING_ROLES, peopleScope, type PeopleScope, type Viewer } from "~/engine/access/people.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { StringListColumn } from "~/utils/json-column.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { notifySessionPlanned } from "./notification.server.ts";
import { scopeToWhere } from "./user.server.ts";

export type SessionInput = {
  scheduledAt: Date;
  focus: string[];
  sharedNotes: string;
  privateNotes: string;
  attemptIds: string[];
  /** "module-slug/reflection-id" */
  reflections: string[];
};

export type ActionItemInput = { text: string; dueAt: Date };

/** A link to practice or a reflection that isn't the agent's own is refused with the field it came from. */
export type SessionRefusal = { status: "not-found" } | { status: "bad-link"; field: "attemptIds" | "reflections" };

const PERSON_SELECT = { id: true, name: true, teamId: true } as const;

/** The people this viewer may schedule a session with, by name: those canCoach allows. */
export async function listCoachees(viewer: Viewer) {
  if (!hasRole(viewer, LEADING_ROLES)) return [];
  const where: Prisma.UserWhereInput = { AND: [scopeToWhere(peopleScope(viewer)), { id: { not: viewer.id }, deactivatedAt: null }] };
  return prisma.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { ...PERSON_SELECT, team: { select: { name: true } } },
  });
}

/** The person, if this viewer may coach them; otherwise null, as if they didn't exist. */
export async function findCoachee(viewer: Viewer, userId: string) {
  const person = await prisma.user.findUnique({ where: { id: userId }, select: { ...PERSON_SELECT, deactivatedAt: true } });
  return person && canCoach(viewer, { ...person, active: person.deactivatedAt === null }) ? person : null;
}

export const LINKABLE_ATTEMPTS = 15;

/** What a session about this person can link to: their latest graded practice and their reflections. */
export async function listLinkables(agentId: string) {
  const [attempts, reflections] = await Promise.all([
    prisma.practiceAttempt.findMany({
      where: { userId: agentId, ...PRACTICE_ONLY, grade: { isNot: null } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: LINKABLE_ATTEMPTS,
      select: { id: true, scenarioSlug: true, startedAt: true, grade: { select: { overallScore: true, passed: true } } },
    }),
    prisma.reflection.findMany({
      where: { userId: agentId },
      orderBy: { updatedAt: "desc" },
      select: { moduleSlug: true, reflectionId: true, text: true, updatedAt: true },
    }),
  ]);
  return { attempts, reflections };
}

function reflectionKey(row: { moduleSlug: string; reflectionId: string }): string {
  return `${row.moduleSlug}/${row.reflectionId}`;
}

function reflectionPairs(keys: string[]) {
  return keys.map((key) => {
    const slash = key.indexOf("/");
    return slash < 0 ? { moduleSlug: key, reflectionId: "" } : { moduleSlug: key.slice(0, slash), reflectionId: key.slice(slash + 1) };
  });
}

/** Whether every link names the agent's own graded attempt or reflection. */
async function checkLinks(
  tx: Prisma.TransactionClient,
  agentId: string,
  input: Pick<SessionInput, "attemptIds" | "reflections">,
): Promise<SessionRefusal | null> {
  const attemptIds = [...new Set(input.attemptIds)];
  if (attemptIds.length > 0) {
    const found = await tx.practiceAttempt.count({
      where: { id: { in: attemptIds }, userId: agentId, ...PRACTICE_ONLY, grade: { isNot: null } },
    });
    if (found !== attemptIds.length) return { status: "bad-link", field: "attemptIds" };
  }
  const keys = [...new Set(input.reflections)];
  if (keys.length > 0) {
    const found = await tx.reflection.count({ where: { userId: agentId, OR: reflectionPairs(keys) } });
    if (found !== keys.length) return { status: "bad-link", field: "reflections" };
  }
  return null;
}

function sessionData(input: SessionInput) {
  return {
    scheduledAt: input.scheduledAt,
    focus: StringListColumn.write(input.focus),
    sharedNotes: input.sharedNotes,
    privateNotes: input.privateNotes,
    linkedAttemptIds: StringListColumn.write([...new Set(input.attemptIds)]),
    linkedReflections: StringListColumn.write([...new Set(input.reflections)]),
  };
}

/** A 1:1 still ahead is news for the agent; one written up afterwards is not. */
async function tellAgentOfPlan(
  tx: Prisma.TransactionClient,
  plan: { agentId: string; sessionId: string; scheduledAt: Date; leadName: string; moved?: boolean },
  now = new Date(),
) {
  if (plan.scheduledAt.getTime() > now.getTime()) await notifySessionPlanned(tx, plan);
}

export async function createSession(
  viewer: Viewer,
  agentId: string,
  input: SessionInput,
  actionItems: ActionItemInput[],
): Promise<{ status: "ok"; sessionId: string } | SessionRefusal> {
  return prisma.$transaction(async (tx) => {
    const agent = await tx.user.findUnique({ where: { id: agentId }, select: { id: true, teamId: true, deactivatedAt: true } });
    if (!agent || !canCoach(viewer, { ...agent, active: agent.deactivatedAt === null })) return { status: "not-found" };
    const refusal = await checkLinks(tx, agentId, input);
    if (refusal) return refusal;
    const session = await tx.coachingSession.create({
      data: { ...sessionData(input), leadId: viewer.id, agentId, actionItems: { create: actionItems } },
      select: { id: true, scheduledAt: true, lead: { select: { name: true } } },
    });
    await tellAgentOfPlan(tx, { agentId, sessionId: session.id, scheduledAt: session.scheduledAt, leadName: session.lead.name });
    return { status: "ok", sessionId: session.id };
  });
}

const SESSION_SELECT = {
  id: true,
  scheduledAt: true,
  focus: true,
  sharedNotes: true,
  privateNotes: true,
  linkedAttemptIds: true,
  linkedReflections: true,
  leadId: true,
  lead: { select: { id: true, name: true } },
  agent: { select: PERSON_SELECT },
  actionItems: { orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], select: { id: true, text: true, dueAt: true, completedAt: true } },
} satisfies Prisma.CoachingSessionSelect;

type StoredSession = Prisma.CoachingSessionGetPayload<{ select: typeof SESSION_SELECT }>;

/** What a viewer may see of a session: the agent never receives the private notes. */
export type VisibleSession = Omit<StoredSession, "privateNotes" | "focus" | "linkedAttemptIds" | "linkedReflections"> & {
  role: SessionRole;
  privateNotes: string | null;
  focus: string[];
  linkedAttemptIds: string[];
  linkedReflections: string[];
};

function visible(session: StoredSession, role: SessionRole): VisibleSession {
  return {
    ...session,
    role,
    privateNotes: role === "coach" ? session.privateNotes : null,
    focus: StringListColumn.read(session.focus),
    linkedAttemptIds: StringListColumn.read(session.linkedAttemptIds),
    linkedReflections: StringListColumn.read(session.linkedReflections),
  };
}

/** The session as this viewer may see it, or null when it is missing or not theirs to see. */
export async function getSession(viewer: Viewer, sessionId: string): Promise<VisibleSession | null> {
  const session = await prisma.coachingSession.findUnique({ where: { id: sessionId }, select: SESSION_SELECT });
  if (!session) return null;
  const role = sessionRole(viewer, { leadId: session.leadId, agent: session.agent });
  return role ? visible(session, role) : null;
}

/** The attempts and reflections a session links to, as they are now (a deleted one simply drops out). */
export async function getLinkedRecords(agentId: string, attemptIds: string[], reflections: string[]) {
  const pairs = reflectionPairs(reflections);
  const [attempts, reflectionRows] = await Promise.all([
    attemptIds.length === 0
      ? []
      : prisma.practiceAttempt.findMany({
          where: { id: { in: attemptIds }, userId: agentId },
          orderBy: { startedAt: "desc" },
          select: { id: true, scenarioSlug: true, startedAt: true, grade: { select: { overallScore: true, passed: true } } },
        }),
    pairs.length === 0
      ? []
      : prisma.reflection.findMany({
          where: { userId: agentId, OR: pairs },
          select: { moduleSlug: true, reflectionId: true, text: true, updatedAt: true },
        }),
  ]);
  return {
    attempts,
    reflections: reflectionRows.sort((a, b) => reflections.indexOf(reflectionKey(a)) - reflections.indexOf(reflectionKey(b))),
  };
}

/** Loads the session inside a transaction and answers whether the viewer coaches it. */
async function coachedSession(tx: Prisma.TransactionClient, viewer: Viewer, sessionId: string) {
  const session = await tx.coachingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, leadId: true, agentId: true, agent: { select: { id: true, teamId: true } } },
  });
  return session && sessionRole(viewer, { leadId: session.leadId, agent: session.agent }) === "coach" ? session : null;
}

export async function updateSession(viewer: Viewer, sessionId: string, input: SessionInput): Promise<{ status: "ok" } | SessionRefusal> {
  return prisma.$transaction(async (tx) => {
    const session = await coachedSession(tx, viewer, sessionId);
    if (!session) return { status: "not-found" };
    const refusal = await checkLinks(tx, session.agentId, input);
    if (refusal) return refusal;
    const before = await tx.coachingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { scheduledAt: true } });
    const after = await tx.coachingSession.update({
      where: { id: sessionId },
      data: sessionData(input),
      select: { scheduledAt: true, lead: { select: { name: true } } },
    });
    if (after.scheduledAt.getTime() !== before.scheduledAt.getTime()) {
      await tellAgentOfPlan(tx, {
        agentId: session.agentId,
        sessionId,
        scheduledAt: after.scheduledAt,
        leadName: after.lead.name,
        moved: true,
      });
    }
    return { status: "ok" };
  });
}

export async function deleteSession(viewer: Viewer, sessionId: string): Promise<{ status: "ok" | "not-found" }> {
  return prisma.$transaction(async (tx) => {
    if (!(await coachedSession(tx, viewer, sessionId))) return { status: "not-found" };
    await tx.coachingSession.delete({ where: { id: sessionId } });
    return { status: "ok" };
  });
}

export async function addActionItem(viewer: Viewer, sessionId: string, item: ActionItemInput): Promise<{ status: "ok" | "not-found" }> {
  return prisma.$transaction(async (tx) => {
    if (!(await coachedSession(tx, viewer, sessionId))) return { status: "not-found" };
    await tx.actionItem.create({ data: { ...item, sessionId } });
    return { status: "ok" };
  });
}

export async function removeActionItem(viewer: Viewer, sessionId: string, itemId: string): Promise<{ status: "ok" | "not-found" }> {
  return prisma.$transaction(async (tx) => {
    if (!(await coachedSession(tx, viewer, sessionId))) return { status: "not-found" };
    const { count } = await tx.actionItem.deleteMany({ where: { id: itemId, sessionId } });
    return { status: count === 1 ? "ok" : "not-found" };
  });
}

/**
 * The agent ticks (or unticks) their own item; their coach may too. Asked
 * through one session's page, an item of another session is as invisible as
 * one that doesn't exist, and stays untouched.
 */
export async function setActionItemDone(
  viewer: Viewer,
  { itemId, sessionId }: { itemId: string; sessionId?: string },
  done: boolean,
  now = new Date(),
): Promise<{ status: "ok" | "not-found" }> {
  return prisma.$transaction(async (tx) => {
    const item = await tx.actionItem.findFirst({
      where: { id: itemId, ...(sessionId ? { sessionId } : {}) },
      select: {
        id: true,
        completedAt: true,
        session: { select: { id: true, leadId: true, agent: { select: { id: true, teamId: true } } } },
      },
    });
    if (!item || !sessionRole(viewer, { leadId: item.session.leadId, agent: item.session.agent })) return { status: "not-found" };
    // Ticking twice keeps the first time it was done.
    if (done !== (item.completedAt !== null))
      await tx.actionItem.update({ where: { id: itemId }, data: { completedAt: done ? now : null } });
    return { status: "ok" };
  });
}

/** A person's own sessions, as the agent sees them (no private notes). */
export async function listSessionsAsAgent(agentId: string) {
  const sessions = await prisma.coachingSession.findMany({
    where: { agentId },
    orderBy: [{ scheduledAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      scheduledAt: true,
      focus: true,
      lead: { select: { name: true } },
      actionItems: { orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }], select: { id: true, text: true, dueAt: true, completedAt: true } },
    },
  });
  return sessions.map((session) => ({ ...session, focus: StringListColumn.read(session.focus) }));
}

/** One page of the people the viewer coaches, with their sessions' dates and open action items. */
export async function listCoachingPeople(scope: PeopleScope, viewerId: string, page: number) {
  const where: Prisma.UserWhereInput = { AND: [scopeToWhere(scope), { id: { not: viewerId }, deactivatedAt: null }] };
  const { total, rows: people } = await paginate(
    page,
    COACHING_PEOPLE_PAGE_SIZE,
    () => prisma.user.count({ where }),
    (window) =>
      prisma.user.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...window,
        select: { id: true, name: true, team: { select: { name: true } } },
      }),
  );
  const sessions = await prisma.coachingSession.findMany({
    where: { agentId: { in: people.map((person) => person.id) } },
    select: { agentId: true, scheduledAt: true, _count: { select: { actionItems: { where: { completedAt: null } } } } },
  });
  return { total, people, sessions };
}

/** Everything one person's coaching timeline merges. */
export async function getTimelineRecords(agentId: string) {
  const [sessions, attempts, modules] = await Promise.all([
    prisma.coachingSession.findMany({
      where: { agentId },
      select: {
        id: true,
        scheduledAt: true,
        focus: true,
        lead: { select: { name: true } },
        actionItems: { select: { completedAt: true } },
      },
    }),
    prisma.practiceAttempt.findMany({
      where: { userId: agentId, ...PRACTICE_ONLY, OR: [{ grade: { isNot: null } }, { reviewedAt: { not: null } }] },
      select: {
        id: true,
        scenarioSlug: true,
        reviewedAt: true,
        reviewedBy: { select: { name: true } },
        grade: { select: { overallScore: true, passed: true, createdAt: true } },
      },
    }),
    prisma.moduleProgress.findMany({
      where: { userId: agentId, completedAt: { not: null } },
      select: { moduleSlug: true, moduleVersion: true, completedAt: true },
    }),
  ]);
  return { sessions: sessions.map((session) => ({ ...session, focus: StringListColumn.read(session.focus) })), attempts, modules };
}

/** The viewer's time zone: session times are entered and shown on their clock. */
export async function getTimeZone(userId: string): Promise<string> {
  const person = await prisma.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return person?.timeZone ?? "UTC";
}
