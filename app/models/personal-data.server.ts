// What Frontline holds about one person, for an admin to hand over (export) or, once the
// person has left, to strip of who they were (erase). Both are audited.
import { message } from "~/i18n/message.ts";
import { endAllSessions } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

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
    prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        level: true,
        hireDate: true,
        timeZone: true,
        locale: true,
        workMode: true,
        deactivatedAt: true,
        erasedAt: true,
        createdAt: true,
        updatedAt: true,
        team: { select: { id: true, name: true } },
        ledTeams: { select: { id: true, name: true } },
      },
    }),
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

export type EraseResult = { status: "ok" } | { status: "not-found" } | { status: "refused"; reason: string };

/**
 * Erases a departed person's identity: their name and email are replaced, their credentials,
 * reflections, mentoring profile and request and notifications are deleted. Their practice
 * conversations, grades, assignments, 1:1s and every figure built from them stay, under the new
 * name, and so does every audit event: those about the person (their target, or naming their id in
 * the details) name them by the new name, and a new one records the erasure.
 */
export async function erasePerson(actor: Actor, userId: string): Promise<EraseResult> {
  if (actor.id === userId) return { status: "refused", reason: message("admin:person.personalData.refusal.self") };
  const result = await prisma.$transaction(async (tx): Promise<EraseResult> => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { name: true, deactivatedAt: true, erasedAt: true } });
    if (!person) return { status: "not-found" };
    if (person.erasedAt) return { status: "ok" };
    if (!person.deactivatedAt) return { status: "refused", reason: message("admin:person.personalData.refusal.activeFirst") };
    const name = erasedName(userId);
    await tx.user.update({ where: { id: userId }, data: { name, email: `erased-${userId}@erased.invalid`, erasedAt: new Date() } });
    await tx.password.deleteMany({ where: { userId } });
    await tx.trustedDevice.deleteMany({ where: { userId } });
    await tx.passwordSetupToken.deleteMany({ where: { userId } });
    await tx.reflection.deleteMany({ where: { userId } });
    await tx.mentorProfile.deleteMany({ where: { userId } });
    await tx.menteeRequest.deleteMany({ where: { menteeId: userId } });
    await tx.notification.deleteMany({ where: { userId } });
    // The audit trail keeps every event; the events about the person stop naming them.
    await tx.$executeRaw`UPDATE "AuditEvent" SET "summary" = replace("summary", ${JSON.stringify(person.name)}, ${JSON.stringify(name)})
      WHERE "targetId" = ${userId} OR instr("details", ${JSON.stringify(userId)}) > 0`;
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
