// The demo organisation's calibration: a closed empathy session with every score and the agreed
// levels in, and an open one waiting for the Orders & Delivery lead's scores.
import type { Viewer } from "../app/engine/access/people.ts";
import { recordBenchmarks } from "../app/models/calibration-results.server.ts";
import {
  closeCalibrationSession,
  createCalibrationSession,
  loadCalibrationSession,
  saveScores,
  submitScores,
  type ScoreInput,
} from "../app/models/calibration.server.ts";
import { prisma } from "../app/utils/db.server.ts";

const DAY_MS = 86_400_000;

async function viewerFor(email: string): Promise<Viewer> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, role: true, ledTeams: { select: { id: true } } },
  });
  return { id: user.id, role: user.role as Viewer["role"], ledTeamIds: user.ledTeams.map((team) => team.id) };
}

/** The automatic levels of a sampled conversation, for raters who mostly agree with the grader. */
async function automaticLevels(attemptId: string): Promise<Map<string, number>> {
  const rows = await prisma.gradeCriterion.findMany({
    where: { grade: { attemptId }, rubricId: "empathy" },
    select: { criterionId: true, level: true },
  });
  return new Map(rows.map((row) => [row.criterionId, row.level]));
}

/**
 * A rater's scores: the grader's level, except that people here judge stock apologies more
 * harshly on emotional reaction than the grader does — the pattern the results should surface.
 */
function scoresFor(levels: Map<string, number>, strict: boolean, nudge: number): ScoreInput[] {
  return [...levels].map(([criterionId, level]) => {
    let scored = level;
    if (criterionId === "empathy.emotional-reaction" && strict && level === 1) scored = 0;
    if (criterionId === "empathy.exploration" && nudge % 3 === 0) scored = Math.min(2, level + 1);
    return {
      criterionId,
      level: scored,
      comment: scored !== level ? "A stock line: nothing tied to what happened to this customer." : null,
    };
  });
}

export async function seedCalibration(now: number) {
  const admin = await viewerFor("admin@frontline.test");
  const marcus = await viewerFor("lead@frontline.test");
  const sofia = await viewerFor("lead.billing@frontline.test");
  const daniel = await viewerFor("lead.tech@frontline.test");

  const closed = await createCalibrationSession(
    admin,
    {
      title: "Empathy calibration — November",
      rubricId: "empathy",
      dueAt: new Date(now - 3 * DAY_MS),
      sharedWithAgents: false,
      raterIds: [marcus.id, sofia.id, daniel.id],
      sample: { mode: "random", size: 8, filter: { to: new Date(now - 5 * DAY_MS) } },
    },
    2026,
  );
  if (closed.status !== "ok") throw new Error(`Could not seed the calibration session: ${closed.status}`);
  const loaded = (await loadCalibrationSession(admin, closed.sessionId))!;
  const scoringTime = new Date(now - 6 * DAY_MS);
  for (const [raterIndex, rater] of [marcus, sofia, daniel].entries()) {
    for (const [itemIndex, item] of loaded.session.items.entries()) {
      const levels = await automaticLevels(item.attempt.id);
      await saveScores(
        rater,
        closed.sessionId,
        item.id,
        scoresFor(levels, raterIndex !== 2, itemIndex + raterIndex),
        new Date(now - 8 * DAY_MS),
      );
    }
    await submitScores(rater, closed.sessionId, new Date(now - 8 * DAY_MS));
  }
  await closeCalibrationSession(admin, closed.sessionId, scoringTime);
  for (const item of loaded.session.items) {
    const levels = await automaticLevels(item.attempt.id);
    await recordBenchmarks(admin, closed.sessionId, item.id, scoresFor(levels, true, 1), new Date(now - 5 * DAY_MS));
  }

  // Leads from other teams score Billing's conversations: fresh eyes, and nothing of their own team's
  // practice is hidden from them while the session is open.
  const billing = await prisma.team.findFirstOrThrow({ where: { name: "Billing & Accounts" }, select: { id: true } });
  const open = await createCalibrationSession(
    admin,
    {
      title: "Empathy calibration — December",
      rubricId: "empathy",
      dueAt: new Date(now + 5 * DAY_MS),
      sharedWithAgents: false,
      raterIds: [marcus.id, daniel.id],
      sample: { mode: "random", size: 5, filter: { teamId: billing.id, from: new Date(now - 60 * DAY_MS) } },
    },
    2027,
  );
  if (open.status !== "ok") throw new Error(`Could not seed the open calibration session: ${open.status}`);
}
