// Career test data: graded practice at chosen competency levels, completed modules,
// and the check-in and nomination forms as a browser posts them.
import { prisma } from "~/utils/db.server.ts";
import { DAY_MS, gradeRecord } from "../factories/index.ts";

let criterionSequence = 0;

/**
 * A graded attempt whose criteria score each competency at `levels` (0–2, on a 2-point
 * criterion). Scenario slugs must be real: the ladder reads their difficulty from content.
 */
export async function gradedAttempt(
  userId: string,
  {
    levels,
    scenarioSlug = "late-delivery",
    passed = true,
    score = passed ? 85 : 40,
    daysAgo = 1,
  }: { levels: Record<string, number>; scenarioSlug?: string; passed?: boolean; score?: number; daysAgo?: number },
) {
  const startedAt = new Date(Date.now() - daysAgo * DAY_MS);
  return prisma.practiceAttempt.create({
    data: {
      userId,
      scenarioSlug,
      scenarioVersion: 1,
      seed: 1,
      status: "resolved",
      customerState: "{}",
      startedAt,
      endedAt: new Date(startedAt.getTime() + 600_000),
      grade: {
        create: gradeRecord({
          score,
          passed,
          criteria: Object.entries(levels).map(([competency, level]) => ({
            criterionId: `career.criterion-${++criterionSequence}`,
            competency,
            level,
          })),
        }),
      },
    },
    select: { id: true, grade: { select: { criteria: { select: { id: true } } } } },
  });
}

export async function completeModules(userId: string, slugs: string[], completedAt = new Date(Date.now() - 30 * DAY_MS)) {
  await prisma.moduleProgress.createMany({
    data: slugs.map((moduleSlug) => ({ userId, moduleSlug, moduleVersion: 1, reachedEndAt: completedAt, completedAt })),
  });
}

/** The check-in form's fields: one rating per competency (by key) and the note. */
export function checkInFields(ratings: Record<string, string>, note = ""): Record<string, string> {
  return { intent: "check-in", ...Object.fromEntries(Object.entries(ratings).map(([key, rating]) => [`ratings.${key}`, rating])), note };
}

export const JUSTIFICATION =
  "Kwame has handled the escalations queue alone for two months and his reviewed conversations are among the team's best.";

export function nominationFields(level: string, justification = JUSTIFICATION): Record<string, string> {
  return { intent: "nominate", level, justification };
}

/** A form reply as the routes answer a 400: Conform's result with its field errors. */
export type FormReply = { result?: { status?: string; error?: Record<string, string[] | null> } };
