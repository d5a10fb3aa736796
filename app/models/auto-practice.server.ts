import type { AssignmentKind } from "~/domain/coaching.ts";
import { chooseAutoPractice, DEFAULT_AUTO_ASSIGN_AFTER, type EarlierAutoAssignment } from "~/engine/coaching/auto-practice.ts";
import { message } from "~/i18n/message.ts";
import { prisma } from "~/utils/db.server.ts";
import { ASSIGNMENT_ROW_SELECT, assignmentStatuses, MinLevelsColumn } from "./assignment.server.ts";
import { recordAudit } from "./audit.server.ts";
import { contentLink, contentTitle, loadContentIndex } from "./content-index.server.ts";
import { notify } from "./notification.server.ts";

/** How long an automatically assigned practice has before it is due. */
export const AUTO_ASSIGNMENT_DAYS = 7;
const DAY_MS = 86_400_000;

/** Enough recent graded attempts to see any criterion's latest run of failures. */
const AUTO_PRACTICE_LOOKBACK = 60;

/**
 * Applies the automatic-practice rule after one of the person's attempts was
 * graded: when a criterion was missed in the team's number of consecutive
 * attempts, assigns targeted practice (due in a week, no assigning lead) and
 * tells the person and their lead. Never content the person already has
 * open, whether a lead or the rule assigned it. Safe to call more than once per grading.
 */
export async function runAutoPractice(userId: string, now = new Date()): Promise<{ created: number }> {
  const person = await prisma.user.findUnique({
    where: { id: userId },
    select: { name: true, deactivatedAt: true, team: { select: { autoAssignAfter: true, leadId: true } } },
  });
  if (!person || person.deactivatedAt) return { created: 0 };
  const recent = await prisma.practiceAttempt.findMany({
    where: { userId, grade: { isNot: null } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: AUTO_PRACTICE_LOOKBACK,
    select: {
      scenarioSlug: true,
      startedAt: true,
      grade: {
        select: {
          criteria: {
            orderBy: { id: "asc" },
            select: { criterionId: true, title: true, competency: true, applicable: true, level: true, overrideLevel: true },
          },
        },
      },
    },
  });
  if (recent.length === 0) return { created: 0 };
  const attempts = recent
    .reverse()
    .map((attempt) => ({ scenarioSlug: attempt.scenarioSlug, startedAt: attempt.startedAt, criteria: attempt.grade!.criteria }));
  const assigned = await prisma.assignment.findMany({
    where: { userId },
    select: { ...ASSIGNMENT_ROW_SELECT, source: true, triggerCriterion: true, withdrawnAt: true },
  });
  const automatic = assigned.filter((row) => row.source === "automatic" && row.triggerCriterion !== null);
  const latestStart = attempts[attempts.length - 1].startedAt;
  // One automatic assignment per graded attempt: this one has had its turn.
  if (automatic.some((row) => row.createdAt > latestStart)) return { created: 0 };
  const index = await loadContentIndex();
  const statuses = await assignmentStatuses(assigned, now, index);
  // Withdrawn assignments are history: they still mark a run of misses as answered, but are not open work.
  const isOpen = (row: (typeof assigned)[number]) => row.withdrawnAt === null && statuses.get(row.id) !== "completed";
  // Content the person already has open, whoever assigned it, is never offered again.
  const open = new Set(assigned.filter(isOpen).map((row) => `${row.kind}:${row.contentSlug}`));
  const earlier: EarlierAutoAssignment[] = automatic.map((row) => ({
    triggerCriterion: row.triggerCriterion!,
    kind: row.kind as AssignmentKind,
    contentSlug: row.contentSlug,
    createdAt: row.createdAt,
    open: isOpen(row),
  }));
  const pick = chooseAutoPractice({
    attempts,
    threshold: person.team?.autoAssignAfter ?? DEFAULT_AUTO_ASSIGN_AFTER,
    earlier,
    scenarios: index.scenarioOrder
      .filter((slug) => !open.has(`scenario:${slug}`))
      .map((slug) => ({ slug, competencies: index.scenarios.get(slug)!.competencies })),
    modules: [...index.modules]
      .filter(([slug]) => !open.has(`module:${slug}`))
      .map(([slug, module]) => ({ slug, competencies: module.competencies })),
  });
  if (!pick) return { created: 0 };

  const criterion =
    attempts.flatMap((attempt) => attempt.criteria).find((candidate) => candidate.criterionId === pick.triggerCriterion)?.title ??
    pick.triggerCriterion;
  const title = contentTitle(index, pick.kind, pick.contentSlug);
  const link = contentLink(pick.kind, pick.contentSlug);
  const scenario = pick.kind === "scenario" ? index.scenarios.get(pick.contentSlug)! : null;
  // Passing the practice means lifting the missed criterion off the floor, when the scenario grades it.
  const minLevels = scenario?.criteria.some((candidate) => candidate.id === pick.triggerCriterion && !candidate.critical)
    ? { [pick.triggerCriterion]: 1 }
    : {};
  const dueAt = new Date(now.getTime() + AUTO_ASSIGNMENT_DAYS * DAY_MS);
  const created = await prisma.$transaction(async (tx) => {
    // The same grading may run the rule twice at once (a retried request); the first one wins.
    if (await tx.assignment.count({ where: { userId, source: "automatic", createdAt: { gt: latestStart } } })) return false;
    const assignment = await tx.assignment.create({
      data: {
        userId,
        assignedById: null,
        source: "automatic",
        triggerCriterion: pick.triggerCriterion,
        kind: pick.kind,
        contentSlug: pick.contentSlug,
        dueAt,
        minScore: scenario?.passScore ?? null,
        minLevels: MinLevelsColumn.write(minLevels),
        createdAt: now,
      },
      select: { id: true },
    });
    await notify(
      userId,
      {
        kind: "auto-assigned",
        title: message("practice:notification.autoAssigned", { title, criterion: criterion.toLowerCase(), due: dueAt.getTime() }),
        link,
      },
      tx,
    );
    const leadId = person.team?.leadId;
    if (leadId && leadId !== userId) {
      await notify(
        leadId,
        {
          kind: "auto-assigned",
          title: message("practice:notification.autoAssignedLead", {
            name: person.name,
            title,
            criterion: criterion.toLowerCase(),
            count: pick.failures,
          }),
          link: `/coaching/assignments?agent=${userId}`,
        },
        tx,
      );
    }
    await recordAudit(tx, {
      actorId: null,
      action: "assignment.created",
      targetType: "assignment",
      targetId: assignment.id,
      summary: message("admin:audit.summary.autoPracticeAssigned", {
        kind: pick.kind,
        title,
        name: person.name,
        count: pick.failures,
        criterion,
      }),
      details: {
        source: "automatic",
        triggerCriterion: pick.triggerCriterion,
        kind: pick.kind,
        contentSlug: pick.contentSlug,
        dueAt: dueAt.toISOString(),
        userId,
      },
    });
    return true;
  });
  return { created: created ? 1 : 0 };
}
