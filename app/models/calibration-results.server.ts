// A closed calibration session's results, and the levels its organiser agrees on.
import { isCalibrationOpen } from "~/engine/access/calibration.ts";
import type { Viewer } from "~/engine/access/people.ts";
import { sessionResults, type ResultItem, type ResultRater } from "~/engine/calibration/results.ts";
import type { Judgement } from "~/engine/grading/calibration-stats.ts";
import { prisma } from "~/utils/db.server.ts";
import { loadCalibrationSession, rubricById, scoredCriteria, validScores, type ScoreInput } from "./calibration.server.ts";
import { contentTitle, loadContentIndex } from "./content-index.server.ts";
import { refreshReviewRules } from "./grader-trust.server.ts";
import { EvidenceColumn } from "./practice.server.ts";

/** The language model's second opinion takes part as one more rater. */
export const MODEL_RATER_ID = "language-model";

export type ResultsLookup =
  { status: "not-found" } | { status: "open" } | { status: "ok"; results: Awaited<ReturnType<typeof compileResults>> };

export async function loadCalibrationResults(viewer: Viewer, sessionId: string, now = new Date()): Promise<ResultsLookup> {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded) return { status: "not-found" };
  if (isCalibrationOpen(loaded.session, now)) return { status: "open" };
  return { status: "ok", results: await compileResults(loaded) };
}

async function compileResults({ session, visibleItems, canManage }: NonNullable<Awaited<ReturnType<typeof loadCalibrationSession>>>) {
  const rubric = await rubricById(session.rubricId);
  const criteria = rubric ? scoredCriteria(rubric) : [];
  const criterionIds = criteria.map((criterion) => criterion.id);
  const itemIds = visibleItems.map((item) => item.id);
  const [scores, benchmarks, graded, index] = await Promise.all([
    prisma.calibrationScore.findMany({
      where: { itemId: { in: itemIds } },
      select: { itemId: true, criterionId: true, level: true, comment: true, raterId: true },
    }),
    prisma.calibrationBenchmark.findMany({ where: { itemId: { in: itemIds } }, select: { itemId: true, criterionId: true, level: true } }),
    prisma.gradeCriterion.findMany({
      where: { criterionId: { in: criterionIds }, grade: { attemptId: { in: visibleItems.map((item) => item.attempt.id) } } },
      select: {
        criterionId: true,
        applicable: true,
        level: true,
        evidence: true,
        opinionLevel: true,
        grade: { select: { attemptId: true, opinionModel: true } },
      },
    }),
    loadContentIndex(),
  ]);
  const people: ResultRater[] = session.raters.map((rater) => ({ id: rater.id, name: rater.user.name }));
  const modelName = graded.find((row) => row.grade.opinionModel)?.grade.opinionModel;
  const raters = modelName ? [...people, { id: MODEL_RATER_ID, name: `Language model (${modelName})` }] : people;

  const items: ResultItem[] = visibleItems.map((item) => {
    const rows = graded.filter((row) => row.grade.attemptId === item.attempt.id);
    const grader: ResultItem["grader"] = {};
    const ratings: ResultItem["ratings"] = {};
    for (const row of rows) {
      const evidence = EvidenceColumn.read(row.evidence)[0];
      grader[row.criterionId] = { level: row.applicable ? row.level : null, turn: evidence?.turn ?? null, quote: evidence?.text ?? null };
      if (row.opinionLevel !== null) (ratings[MODEL_RATER_ID] ??= {})[row.criterionId] = { level: row.opinionLevel, comment: null };
    }
    for (const score of scores.filter((candidate) => candidate.itemId === item.id))
      (ratings[score.raterId] ??= {})[score.criterionId] = { level: score.level, comment: score.comment };
    const agreed: Record<string, Judgement> = {};
    for (const benchmark of benchmarks.filter((candidate) => candidate.itemId === item.id)) agreed[benchmark.criterionId] = benchmark.level;
    return { id: item.id, grader, ratings, benchmarks: agreed };
  });

  return {
    session: {
      id: session.id,
      title: session.title,
      organiserName: session.organiser.name,
      dueAt: session.dueAt,
      closedAt: session.closedAt,
    },
    canManage,
    /** The criteria people scored, in the rubric's order. */
    rubricCriteria: criteria,
    conversations: Object.fromEntries(
      visibleItems.map((item) => [
        item.id,
        {
          attemptId: item.attempt.id,
          agentName: item.attempt.user.name,
          scenarioTitle: contentTitle(index, "scenario", item.attempt.scenarioSlug),
          startedAt: item.attempt.startedAt,
        },
      ]),
    ),
    ...sessionResults(criterionIds, raters, items),
  };
}

export type BenchmarkResult = { status: "ok" | "not-found" | "open" | "invalid-score" };

/** The organiser records the agreed level per criterion of one conversation; recording again replaces it. */
export async function recordBenchmarks(
  viewer: Viewer,
  sessionId: string,
  itemId: string,
  levels: ScoreInput[],
  now = new Date(),
): Promise<BenchmarkResult> {
  const loaded = await loadCalibrationSession(viewer, sessionId);
  if (!loaded?.canManage || !loaded.session.items.some((item) => item.id === itemId)) return { status: "not-found" };
  if (isCalibrationOpen(loaded.session, now)) return { status: "open" };
  const rubric = await rubricById(loaded.session.rubricId);
  if (!rubric || !validScores(scoredCriteria(rubric), levels)) return { status: "invalid-score" };
  await prisma.$transaction(
    levels.map((entry) =>
      prisma.calibrationBenchmark.upsert({
        where: { itemId_criterionId: { itemId, criterionId: entry.criterionId } },
        create: { itemId, criterionId: entry.criterionId, level: entry.level, recordedById: viewer.id },
        update: { level: entry.level, recordedById: viewer.id },
      }),
    ),
  );
  await refreshReviewRules(now);
  return { status: "ok" };
}
