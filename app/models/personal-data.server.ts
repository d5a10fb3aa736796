// What Frontline holds about one person, for an admin to hand over (export) or, once the
// person has left, to strip of who they were (erase). Both are audited.
import { formerIdentities, replaceQuoted, type Identity } from "~/engine/operations/erasure.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { endAllSessions } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { PERSON_PROFILE } from "./user.server.ts";

type Actor = { id: string };

export const PERSONAL_DATA_FORMAT = "frontline.personal-data.v1";

/**
 * Everything stored about the person or written by them, as stored: their profile, learning,
 * practice conversations with their grades, assignments, 1:1s, check-ins, nominations, mentoring,
 * notifications, disputes, review comments, calibration rounds and the audit events they caused.
 * Credentials are never included: no password hash, session, remembered browser or setup link.
 */
async function collect(userId: string) {
  const [
    person,
    moduleProgress,
    reflections,
    practiceAttempts,
    assignments,
    coachingSessions,
    checkIns,
    nominations,
    mentorProfile,
    menteeRequest,
    pairings,
    notifications,
    disputes,
    reviewComments,
    calibrationRounds,
    auditEventsCaused,
  ] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: PERSON_PROFILE }),
    prisma.moduleProgress.findMany({ where: { userId }, include: { attempts: true }, orderBy: { startedAt: "asc" } }),
    prisma.reflection.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.practiceAttempt.findMany({
      where: { userId },
      include: { turns: { orderBy: { index: "asc" } }, grade: { include: { criteria: true } } },
      orderBy: { startedAt: "asc" },
    }),
    prisma.assignment.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.coachingSession.findMany({ where: { agentId: userId }, include: { actionItems: true }, orderBy: { createdAt: "asc" } }),
    prisma.competencyCheckIn.findMany({ where: { agentId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.nomination.findMany({ where: { agentId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.mentorProfile.findUnique({ where: { userId } }),
    prisma.menteeRequest.findUnique({ where: { menteeId: userId } }),
    prisma.pairing.findMany({
      where: { OR: [{ mentorId: userId }, { menteeId: userId }] },
      include: { meetings: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.dispute.findMany({ where: { agentId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.reviewComment.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    prisma.calibrationRater.findMany({ where: { userId }, include: { scores: true }, orderBy: { createdAt: "asc" } }),
    prisma.auditEvent.findMany({ where: { actorId: userId }, orderBy: { createdAt: "asc" } }),
  ]);
  if (!person) return null;
  return {
    person,
    learning: { moduleProgress, reflections },
    practice: { attempts: practiceAttempts, disputes, reviewComments },
    coaching: { assignments, sessions: coachingSessions, checkIns },
    career: { nominations },
    mentoring: { mentorProfile, menteeRequest, pairings },
    calibrationRounds,
    notifications,
    auditEventsCaused,
  };
}

export type PersonalDataExport = { format: typeof PERSONAL_DATA_FORMAT; exportedAt: string } & NonNullable<
  Awaited<ReturnType<typeof collect>>
>;

/** The person's data for an admin to download; the export itself goes in the audit log. */
export async function exportPersonalData(actor: Actor, userId: string): Promise<PersonalDataExport | null> {
  const data = await collect(userId);
  if (!data) return null;
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "user.exported",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userExported", { name: data.person.name }),
    }),
  );
  return { format: PERSONAL_DATA_FORMAT, exportedAt: new Date().toISOString(), ...data };
}

/** The name an erased person is shown by: the same for everyone who sees it, and no one's name. */
export function erasedName(userId: string): string {
  return `Former member ${userId.slice(-6).toUpperCase()}`;
}

/**
 * The audit trail keeps every event but stops naming the person. Events about them (their target,
 * or naming their id in the details) lose every name and email they went by. Other events (a batch
 * of assignments, a team losing its lead) lose the names and emails no one else now goes by, so a
 * namesake's own events are never rewritten.
 */
async function renameInAuditTrail(tx: Prisma.TransactionClient, userId: string, current: Identity, erased: Identity): Promise<void> {
  const aboutThem: Prisma.AuditEventWhereInput = { OR: [{ targetId: userId }, { details: { contains: JSON.stringify(userId) } }] };
  const text = { id: true, summary: true, details: true } as const;
  const about = await tx.auditEvent.findMany({ where: aboutThem, select: text });
  const { names, emails } = formerIdentities(
    current,
    about.map((event) => event.details),
  );
  const heldByOthers = await tx.user.findMany({
    where: { id: { not: userId }, OR: [{ name: { in: names } }, { email: { in: emails } }] },
    select: { name: true, email: true },
  });
  const taken = new Set(heldByOthers.flatMap((other) => [other.name, other.email]));
  const everywhere = [...names.map((old) => [old, erased.name]), ...emails.map((old) => [old, erased.email])];
  const unshared = everywhere.filter(([old]) => !taken.has(old));
  const mentioning = await tx.auditEvent.findMany({
    where: { OR: unshared.flatMap(([old]) => [{ summary: { contains: old } }, { details: { contains: old } }]), NOT: aboutThem },
    select: text,
  });
  const renamings: [typeof about, string[][]][] = [
    [about, everywhere],
    [mentioning, unshared],
  ];
  for (const [events, pairs] of renamings) {
    for (const event of events) {
      const rename = (before: string) => pairs.reduce((renamed, [old, now]) => replaceQuoted(renamed, old, now), before);
      const [summary, details] = [rename(event.summary), rename(event.details)];
      if (summary !== event.summary || details !== event.details)
        await tx.auditEvent.update({ where: { id: event.id }, data: { summary, details } });
    }
  }
}

export type EraseResult = { status: "ok" } | { status: "not-found" } | { status: "mismatch" } | { status: "refused"; reason: string };

/**
 * Erases a departed person's identity: their name and email are replaced, their credentials,
 * reflections, mentoring profile and request and notifications are deleted. Their practice
 * conversations, grades, assignments, 1:1s and every figure built from them stay, under the new
 * name, and so does every audit event, renamed (see renameInAuditTrail); a new one records the erasure.
 * `confirmEmail` must be the person's email (in any case), so the erasure is of the person the admin meant.
 */
export async function erasePerson(actor: Actor, userId: string, confirmEmail: string): Promise<EraseResult> {
  if (actor.id === userId) return { status: "refused", reason: message("admin:person.personalData.refusal.self") };
  const result = await prisma.$transaction(async (tx): Promise<EraseResult> => {
    const person = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, deactivatedAt: true, erasedAt: true },
    });
    if (!person) return { status: "not-found" };
    if (confirmEmail.toLowerCase() !== person.email.toLowerCase()) return { status: "mismatch" };
    if (person.erasedAt) return { status: "ok" };
    if (!person.deactivatedAt) return { status: "refused", reason: message("admin:person.personalData.refusal.activeFirst") };
    const name = erasedName(userId);
    const email = `erased-${userId}@erased.invalid`;
    await renameInAuditTrail(tx, userId, person, { name, email });
    await tx.user.update({ where: { id: userId }, data: { name, email, erasedAt: new Date() } });
    await tx.password.deleteMany({ where: { userId } });
    await tx.trustedDevice.deleteMany({ where: { userId } });
    await tx.passwordSetupToken.deleteMany({ where: { userId } });
    await tx.reflection.deleteMany({ where: { userId } });
    await tx.mentorProfile.deleteMany({ where: { userId } });
    await tx.menteeRequest.deleteMany({ where: { menteeId: userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.erased",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userErased", { name }),
    });
    return { status: "ok" };
  });
  if (result.status === "ok") await endAllSessions(userId);
  return result;
}
