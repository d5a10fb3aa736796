// Career evidence loaded in one batch: what the readiness table reads for a whole team must be
// exactly what each person's own Career page reads, with mentoring given and sign-offs included.
import fs from "node:fs";
import { expect, test } from "vitest";
import { getCareerContent } from "~/content/career.server.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { attemptCompetencyLevel } from "~/engine/career/evaluate.ts";
import { careerRecord, careerRecords } from "~/models/career-record.server.ts";
import { decideNomination, nominate } from "~/models/nomination.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { recordScriptedAttempt } from "~/models/practice.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createTeamWithLead, createUser, DAY_MS } from "../factories/index.ts";

async function practise(userId: string, scenarioIndex: number, script: "competent" | "poor", daysAgo: number) {
  const catalog = await getPracticeCatalog();
  const scenario = catalog.scenarios[scenarioIndex]!;
  const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${scenario.slug}.json`, "utf8")) as Record<
    "competent" | "poor",
    string[]
  >;
  await recordScriptedAttempt(userId, scenario, rubricsFor(catalog, scenario), {
    messages: scripts[script],
    seed: daysAgo,
    startedAt: new Date(Date.now() - daysAgo * DAY_MS),
    replySeconds: 60,
  });
}

test("a batch of people reads the same evidence as each person alone", async () => {
  const { lead, members } = await createTeamWithLead({ memberCount: 3 });
  const [first, second, third] = members;
  await practise(first!.id, 0, "competent", 3);
  await practise(first!.id, 1, "poor", 2);
  await practise(second!.id, 2, "competent", 1);
  const mentee = await createUser();
  await prisma.pairing.create({
    data: { mentorId: second!.id, menteeId: mentee.id, source: "request", score: 60, status: "active", acceptedAt: new Date() },
  });
  await prisma.pairing.create({ data: { mentorId: second!.id, menteeId: first!.id, source: "request", score: 50, status: "declined" } });
  await nominate(
    { id: lead.id, name: lead.name },
    { agentId: third!.id, level: "agent-2", justification: "Ready for more.", allowedLevels: ["agent-2"] },
  );

  const { difficultyOf } = await getCareerContent();
  const batch = await careerRecords(
    members.map((member) => member.id),
    difficultyOf,
  );
  for (const member of members) expect(batch.get(member.id)).toEqual(await careerRecord(member.id, difficultyOf));

  const firstEvidence = batch.get(first!.id)!.evidence;
  expect(firstEvidence.attempts).toHaveLength(2);
  expect(firstEvidence.attempts.every((attempt) => attempt.criteria.length > 0)).toBe(true);
  expect(batch.get(second!.id)!.evidence.mentoring).toEqual([
    { pairingId: expect.any(String), menteeId: mentee.id, menteeName: mentee.name },
  ]);
  expect(batch.get(third!.id)!.evidence.signOffs).toEqual([{ level: "agent-2", signedOff: true, by: lead.name, at: expect.any(Date) }]);
  expect(batch.get(first!.id)!.evidence.signOffs).toEqual([]);
});

test("an approved nomination moves the level and starts the time at it; a declined one is no sign-off", async () => {
  const { lead, members } = await createTeamWithLead({ memberCount: 2 });
  const admin = await createUser({ role: "admin" });
  const [promoted, declined] = members;
  const actor = { id: lead.id, name: lead.name };
  const approve = await nominate(actor, {
    agentId: promoted!.id,
    level: "agent-2",
    justification: "Consistently resolves in one touch.",
    allowedLevels: ["agent-2"],
  });
  const decline = await nominate(actor, {
    agentId: declined!.id,
    level: "agent-2",
    justification: "Keen to grow.",
    allowedLevels: ["agent-2"],
  });
  if (approve.status !== "ok" || decline.status !== "ok") throw new Error("nominations refused");
  await decideNomination({ id: admin.id, name: admin.name }, { nominationId: approve.nominationId, decision: "approve", note: "" });
  await decideNomination(
    { id: admin.id, name: admin.name },
    { nominationId: decline.nominationId, decision: "decline", note: "Onboarding first." },
  );

  const { difficultyOf } = await getCareerContent();
  const records = await careerRecords([promoted!.id, declined!.id], difficultyOf);
  const promotedRecord = records.get(promoted!.id)!;
  expect(promotedRecord.evidence.currentLevel.key).toBe("agent-2");
  expect(promotedRecord.history).toEqual([{ from: "agent-1", to: "agent-2", at: expect.any(Date) }]);
  expect(promotedRecord.evidence.currentLevel.since).toEqual(promotedRecord.history[0]!.at);
  expect(records.get(declined!.id)!.evidence.signOffs).toEqual([]);
  expect(records.get(declined!.id)!.evidence.currentLevel.key).toBe("agent-1");
});

test("no people, no statements", async () => {
  expect((await careerRecords([], () => "starter")).size).toBe(0);
});

test("each attempt's competency levels, averaged in SQL, equal the evaluator's own from the stored criteria (reviewed levels first)", async () => {
  const agent = await createUser();
  await practise(agent.id, 0, "competent", 4);
  await practise(agent.id, 3, "poor", 2);
  const criterion = await prisma.gradeCriterion.findFirstOrThrow({
    where: { grade: { attempt: { userId: agent.id } }, applicable: true, level: { lt: 2 } },
    select: { id: true, maxLevel: true },
  });
  await prisma.gradeCriterion.update({
    where: { id: criterion.id },
    data: { overrideLevel: criterion.maxLevel, overrideReason: "Reviewed" },
  });

  const stored = await prisma.practiceAttempt.findMany({
    where: { userId: agent.id },
    select: {
      id: true,
      grade: { select: { criteria: { select: { competency: true, level: true, overrideLevel: true, maxLevel: true, applicable: true } } } },
    },
  });
  const { difficultyOf } = await getCareerContent();
  const record = (await careerRecord(agent.id, difficultyOf))!;
  for (const attempt of stored) {
    const loaded = record.evidence.attempts.find((candidate) => candidate.id === attempt.id)!;
    const fromCriteria = {
      id: attempt.id,
      scenarioSlug: "",
      difficulty: "starter" as const,
      passed: true,
      startedAt: new Date(),
      criteria: attempt.grade!.criteria,
    };
    const competencies = [...new Set(attempt.grade!.criteria.map((row) => row.competency))];
    for (const competency of competencies) {
      const expected = attemptCompetencyLevel(fromCriteria, competency);
      const got = attemptCompetencyLevel(loaded, competency);
      expect({ competency, got: got === null ? null : Number(got.toFixed(9)) }).toEqual({
        competency,
        got: expected === null ? null : Number(expected.toFixed(9)),
      });
    }
  }
});
