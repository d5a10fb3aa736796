// Grader agreement on a real database: which judgements count (benchmarks over reviews, a review's
// untouched criteria as agreement), the trust rule flagging a criterion, and a flagged criterion
// leaving career readiness until the conversation is reviewed.
import { beforeAll, describe, expect, test } from "vitest";
import { getCareerContent } from "~/content/career.server.ts";
import { careerRecord } from "~/models/career-record.server.ts";
import { graderAgreement, judgementsSince, provisionalCriteria, updateGraderSettings } from "~/models/grader-trust.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { gradedAttempt } from "./career-fixtures.ts";

const DAY_MS = 86_400_000;
let agentId: string;
let leadId: string;

/** A graded conversation with one criterion per id, at the given automatic levels. */
async function conversation(levels: Record<string, number>) {
  const attempt = await gradedAttempt(agentId, { levels: { empathy: 1 } });
  const grade = await prisma.practiceGrade.findFirstOrThrow({ where: { attemptId: attempt.id }, select: { id: true } });
  await prisma.gradeCriterion.deleteMany({ where: { gradeId: grade.id } });
  await prisma.gradeCriterion.createMany({
    data: Object.entries(levels).map(([criterionId, level]) => ({
      gradeId: grade.id,
      criterionId,
      rubricId: criterionId.split(".")[0],
      title: criterionId,
      competency: criterionId.split(".")[0],
      weight: 1,
      critical: false,
      applicable: true,
      level,
      maxLevel: 2,
      score: level / 2,
      label: "Level",
      evidence: "[]",
      suggestion: "Keep going",
    })),
  });
  return attempt.id;
}

async function benchmark(attemptId: string, criterionId: string, level: number | null) {
  const session = await prisma.calibrationSession.create({
    data: { title: "T", rubricId: "empathy", dueAt: new Date(), closedAt: new Date(), organiserId: leadId },
  });
  const item = await prisma.calibrationItem.create({ data: { sessionId: session.id, attemptId, position: 0 } });
  await prisma.calibrationBenchmark.create({ data: { itemId: item.id, criterionId, level, recordedById: leadId } });
}

beforeAll(async () => {
  const { lead, members } = await createTeamWithLead({ memberCount: 1 });
  leadId = lead.id;
  agentId = members[0].id;
});

describe("judgements of the grader", () => {
  test("a review counts untouched criteria as agreement and overrides as the reviewer's level; a benchmark wins", async () => {
    const reviewed = await conversation({ "empathy.exploration": 2, "empathy.interpretation": 1 });
    await prisma.gradeCriterion.updateMany({
      where: { grade: { attemptId: reviewed }, criterionId: "empathy.interpretation" },
      data: { overrideLevel: 0, overriddenAt: new Date(), overriddenById: leadId },
    });
    await prisma.practiceAttempt.update({ where: { id: reviewed }, data: { reviewedAt: new Date(), reviewedById: leadId } });
    const calibrated = await conversation({ "empathy.exploration": 2 });
    await prisma.practiceAttempt.update({ where: { id: calibrated }, data: { reviewedAt: new Date(), reviewedById: leadId } });
    await benchmark(calibrated, "empathy.exploration", 1);
    const untouched = await conversation({ "empathy.exploration": 0 });

    const judgements = await judgementsSince(new Date(Date.now() - DAY_MS));
    const of = (attemptId: string) =>
      judgements
        .filter((row) => row.attemptId === attemptId)
        .map(({ criterionId, source, human, grader }) => ({ criterionId, source, human, grader }));
    expect(of(reviewed)).toEqual(
      expect.arrayContaining([
        { criterionId: "empathy.exploration", source: "review", human: 2, grader: 2 },
        { criterionId: "empathy.interpretation", source: "review", human: 0, grader: 1 },
      ]),
    );
    expect(of(calibrated)).toEqual([{ criterionId: "empathy.exploration", source: "benchmark", human: 1, grader: 2 }]);
    expect(of(untouched)).toEqual([]);
  });
});

describe("the trust rule", () => {
  test("flags a criterion once enough judged conversations show low kappa, and clears it when the bar moves", async () => {
    // Reactions where people always say 0 and the grader says 1 or 2: kappa 0 on five judged conversations.
    for (const level of [1, 2, 1, 2, 1]) {
      const attemptId = await conversation({ "empathy.emotional-reaction": level });
      await benchmark(attemptId, "empathy.emotional-reaction", 0);
    }
    await updateGraderSettings(leadId, { minKappa: 0.4, minJudged: 5 });
    const { criteria } = await graderAgreement();
    const reaction = criteria.find((row) => row.criterionId === "empathy.emotional-reaction")!;
    expect(reaction.judged).toBe(5);
    expect(reaction.kappa!.kappa).toBeCloseTo(0);
    expect(reaction.needsReview).toBe(true);
    expect(await provisionalCriteria()).toContain("empathy.emotional-reaction");

    const audited = await prisma.auditEvent.findFirstOrThrow({ where: { action: "grader.rule-changed" }, orderBy: { createdAt: "desc" } });
    expect(inEnglish(audited.summary)).toContain("kappa 0.4 once 5 conversations");

    await updateGraderSettings(leadId, { minKappa: 0.4, minJudged: 6 });
    expect(await provisionalCriteria()).not.toContain("empathy.emotional-reaction");
    await updateGraderSettings(leadId, { minKappa: 0.4, minJudged: 5 });
  });

  test("career readiness leaves a flagged criterion out of a conversation until it is reviewed", async () => {
    const attemptId = await conversation({ "empathy.emotional-reaction": 2, "resolution.correct-fix": 2 });
    const { difficultyOf } = await getCareerContent();
    const competenciesOf = async () =>
      (await careerRecord(agentId, difficultyOf))!.evidence.attempts
        .find((attempt) => attempt.id === attemptId)!
        .criteria.map((row) => row.competency)
        .sort();
    expect(await competenciesOf()).toEqual(["resolution"]);
    await prisma.practiceAttempt.update({ where: { id: attemptId }, data: { reviewedAt: new Date(), reviewedById: leadId } });
    expect(await competenciesOf()).toEqual(["empathy", "resolution"]);
  });
});
