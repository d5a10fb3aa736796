// How far people agree with the automatic grader, per rubric criterion, and which criteria it is not
// trusted on ("needs human review"). People's judgements come from calibration benchmarks and reviews.
import { AGREEMENT_WINDOW_DAYS, DEFAULT_MIN_JUDGED, DEFAULT_MIN_KAPPA, TREND_WINDOWS } from "~/domain/calibration.ts";
import {
  cohensKappa,
  exactAgreement,
  kappaTrend,
  needsHumanReview,
  type Judgement,
  type TrustRule,
} from "~/engine/grading/calibration-stats.ts";
import { message } from "~/i18n/message.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

const DAY_MS = 86_400_000;

export async function getGraderSettings(): Promise<TrustRule> {
  const row = await prisma.graderSettings.findUnique({ where: { id: 1 }, select: { minKappa: true, minJudged: true } });
  return row ?? { minKappa: DEFAULT_MIN_KAPPA, minJudged: DEFAULT_MIN_JUDGED };
}

/** The admin's new trust rule, audited with the old one, and applied at once. */
export async function updateGraderSettings(actorId: string, rule: TrustRule, now = new Date()): Promise<void> {
  const before = await getGraderSettings();
  await prisma.$transaction(async (tx) => {
    await tx.graderSettings.upsert({ where: { id: 1 }, create: { id: 1, ...rule }, update: rule });
    await recordAudit(tx, {
      actorId,
      action: "grader.rule-changed",
      targetType: "grader",
      targetId: "trust-rule",
      summary: message("admin:audit.summary.graderRuleChanged", {
        minKappa: rule.minKappa,
        count: rule.minJudged,
        wasKappa: before.minKappa,
        wasJudged: before.minJudged,
      }),
      details: { from: before, to: rule },
    });
  });
  await refreshReviewRules(now);
}

export type HumanJudgement = {
  criterionId: string;
  attemptId: string;
  at: Date;
  source: "benchmark" | "review";
  human: Judgement;
  grader: Judgement;
};

/**
 * Every person-versus-grader judgement since `since`, one per conversation and criterion:
 * a calibration benchmark wins over a review. A review counts each criterion it left alone as
 * agreement and each override as the reviewer's level, so overrides alone don't make the grader
 * look worse than it is.
 */
export async function judgementsSince(since: Date): Promise<HumanJudgement[]> {
  const [benchmarks, reviewed] = await Promise.all([
    prisma.calibrationBenchmark.findMany({
      where: { updatedAt: { gte: since } },
      select: { criterionId: true, level: true, updatedAt: true, item: { select: { attemptId: true } } },
      // Oldest first, so a conversation calibrated twice keeps its latest agreed level.
      orderBy: { updatedAt: "asc" },
    }),
    prisma.gradeCriterion.findMany({
      where: {
        applicable: true,
        critical: false,
        OR: [{ overriddenAt: { gte: since } }, { grade: { attempt: { reviewedAt: { gte: since } } } }],
      },
      select: {
        criterionId: true,
        level: true,
        overrideLevel: true,
        overriddenAt: true,
        grade: { select: { attemptId: true, attempt: { select: { reviewedAt: true } } } },
      },
    }),
  ]);
  const graded = await prisma.gradeCriterion.findMany({
    where: {
      criterionId: { in: [...new Set(benchmarks.map((row) => row.criterionId))] },
      grade: { attemptId: { in: [...new Set(benchmarks.map((row) => row.item.attemptId))] } },
    },
    select: { criterionId: true, applicable: true, level: true, grade: { select: { attemptId: true } } },
  });
  const automatic = new Map(graded.map((row) => [`${row.grade.attemptId}:${row.criterionId}`, row.applicable ? row.level : null]));
  const judgements = new Map<string, HumanJudgement>();
  for (const row of reviewed) {
    const at = [row.overriddenAt, row.grade.attempt.reviewedAt].filter((date): date is Date => date !== null).sort((a, b) => +b - +a)[0];
    judgements.set(`${row.grade.attemptId}:${row.criterionId}`, {
      criterionId: row.criterionId,
      attemptId: row.grade.attemptId,
      at,
      source: "review",
      human: row.overrideLevel ?? row.level,
      grader: row.level,
    });
  }
  for (const row of benchmarks) {
    const key = `${row.item.attemptId}:${row.criterionId}`;
    if (!automatic.has(key)) continue;
    judgements.set(key, {
      criterionId: row.criterionId,
      attemptId: row.item.attemptId,
      at: row.updatedAt,
      source: "benchmark",
      human: row.level,
      grader: automatic.get(key)!,
    });
  }
  return [...judgements.values()];
}

/** Per rubric criterion over the window: counts, exact agreement, kappa with its interval, a trend and the verdict. */
export async function graderAgreement(now = new Date()) {
  const windowStart = new Date(now.getTime() - AGREEMENT_WINDOW_DAYS * DAY_MS);
  const [judgements, rule, catalog] = await Promise.all([judgementsSince(windowStart), getGraderSettings(), getPracticeCatalog()]);
  const criteria = catalog.rubrics.flatMap((rubric) =>
    rubric.criteria
      .filter((criterion) => !criterion.critical)
      .map((criterion) => {
        const own = judgements.filter((judgement) => judgement.criterionId === criterion.id);
        const pairs = own.map((judgement): [Judgement, Judgement] => [judgement.human, judgement.grader]);
        const kappa = cohensKappa(pairs);
        return {
          criterionId: criterion.id,
          title: criterion.title,
          rubricTitle: rubric.title,
          judged: own.length,
          benchmarks: own.filter((judgement) => judgement.source === "benchmark").length,
          reviews: own.filter((judgement) => judgement.source === "review").length,
          exactAgreement: exactAgreement(pairs),
          kappa,
          trend: kappaTrend(
            own.map((judgement) => ({ at: judgement.at, pair: [judgement.human, judgement.grader] })),
            now,
            AGREEMENT_WINDOW_DAYS / TREND_WINDOWS,
            TREND_WINDOWS,
          ),
          needsReview: needsHumanReview(kappa, rule),
        };
      }),
  );
  // Criteria to act on first, then the ones with the most evidence; the catalog's order otherwise.
  const ranked = criteria
    .map((criterion, position) => ({ criterion, position }))
    .sort(
      (a, b) =>
        Number(b.criterion.needsReview) - Number(a.criterion.needsReview) ||
        b.criterion.judged - a.criterion.judged ||
        a.position - b.position,
    )
    .map(({ criterion }) => criterion);
  return { rule, criteria: ranked };
}

/** Recomputes which criteria need human review; called whenever people's judgements or the rule change. */
export async function refreshReviewRules(now = new Date()): Promise<void> {
  const { criteria } = await graderAgreement(now);
  const flagged = criteria.filter((criterion) => criterion.needsReview && criterion.kappa);
  await prisma.$transaction([
    prisma.criterionReviewRule.deleteMany({ where: { criterionId: { notIn: flagged.map((criterion) => criterion.criterionId) } } }),
    ...flagged.map((criterion) =>
      prisma.criterionReviewRule.upsert({
        where: { criterionId: criterion.criterionId },
        create: { criterionId: criterion.criterionId, kappa: criterion.kappa!.kappa, judged: criterion.judged },
        update: { kappa: criterion.kappa!.kappa, judged: criterion.judged },
      }),
    ),
  ]);
}

/** Criteria whose automatic levels are provisional until a person reviews the conversation. */
export async function provisionalCriteria(): Promise<Set<string>> {
  const rows = await prisma.criterionReviewRule.findMany({ select: { criterionId: true } });
  return new Set(rows.map((row) => row.criterionId));
}
