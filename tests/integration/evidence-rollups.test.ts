// The rollups of graded evidence equal a full recomputation after any sequence of writes.
// Random sequences of the writes that change evidence — whole graded conversations started
// at any time in the last 400 days, replies in open conversations, conversations ended,
// overrides, reviews, disputes accepted — run through the models, and after each step the
// rollup tables must hold exactly what `npm run rollups:rebuild` computes from the
// conversations. The seed is random each run and named in every failure, so a failing
// sequence can be replayed with ROLLUP_SEED.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Rubric, Scenario } from "~/content/practice-schemas.ts";
import { rubricsFor } from "~/content/practice.server.ts";
import { rebuildEvidenceRollups } from "~/models/evidence-rollup.server.ts";
import { getPracticeCatalog } from "~/models/organisation-scenario.server.ts";
import { endAttempt, recordScriptedAttempt, replyToCustomer, startAttempt } from "~/models/practice.server.ts";
import { markReviewed, openDispute, overrideCriterion, resolveDispute, type Reviewer } from "~/models/review.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { seededRandom } from "../../scripts/lib/seeded-random.ts";
import { createTeamWithLead, DAY_MS } from "../factories/index.ts";

const SLUGS = ["damaged-item-deadline", "late-delivery"];
const STEPS = 36;
const seed = Number(process.env.ROLLUP_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Script = { competent: string[]; poor: string[] };
const scripts = (slug: string) => JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${slug}.json`, "utf8")) as Script;

let scenarios: { scenario: Scenario; rubrics: Rubric[] }[];

beforeAll(async () => {
  const catalog = await getPracticeCatalog();
  scenarios = SLUGS.map((slug) => {
    const scenario = catalog.scenarios.find((candidate) => candidate.slug === slug)!;
    return { scenario, rubrics: rubricsFor(catalog, scenario) };
  });
});

/** Every rollup row, in a fixed order, as plain values. */
async function rollups() {
  const [competencies, scenarioRows, days] = await Promise.all([
    prisma.competencyRollup.findMany({ orderBy: [{ userId: "asc" }, { competency: "asc" }, { source: "asc" }, { reviewed: "asc" }] }),
    prisma.scenarioRollup.findMany({ orderBy: [{ userId: "asc" }, { scenarioSlug: "asc" }] }),
    prisma.practiceDay.findMany({ orderBy: [{ userId: "asc" }, { day: "asc" }] }),
  ]);
  return { competencies, scenarios: scenarioRows, days };
}

/** Rows compared with sums rounded, since a refreshed and a rebuilt sum may add the same numbers in another order. */
function comparable(snapshot: Awaited<ReturnType<typeof rollups>>) {
  const round = (value: number) => Math.round(value * 1e9) / 1e9;
  return {
    competencies: snapshot.competencies.map((row) => ({ ...row, total: round(row.total) })),
    scenarios: snapshot.scenarios.map((row) => ({ ...row, scoreTotal: round(row.scoreTotal) })),
    days: snapshot.days.map((row) => ({ ...row, scoreTotal: round(row.scoreTotal) })),
  };
}

describe(`evidence rollups (ROLLUP_SEED=${seed})`, () => {
  test("equal a full recomputation after every step of a random sequence of writes", { timeout: 240_000 }, async () => {
    const random = seededRandom(seed);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const { lead, members } = await createTeamWithLead({ memberCount: 3 });
    const reviewer: Reviewer = { id: lead.id, scope: { kind: "everyone" } };
    const now = Date.now();
    const log: string[] = [];
    let stepsThatWrote = 0;

    const gradedAttempts = () =>
      prisma.practiceAttempt.findMany({
        where: { userId: { in: members.map((member) => member.id) }, grade: { isNot: null } },
        select: {
          id: true,
          userId: true,
          scenarioSlug: true,
          reviewedAt: true,
          grade: { select: { criteria: { where: { applicable: true }, select: { criterionId: true, level: true, overrideLevel: true } } } },
        },
      });
    const rulesFor = (slug: string) => scenarios.find((entry) => entry.scenario.slug === slug)!;
    /** A level other than the criterion's final one, from its rubric. */
    const otherLevel = (slug: string, criterion: { criterionId: string; level: number; overrideLevel: number | null }) => {
      const definition = rulesFor(slug)
        .rubrics.flatMap((rubric) => rubric.criteria)
        .find((candidate) => candidate.id === criterion.criterionId);
      const levels = (definition?.levels ?? [])
        .map((level) => level.level)
        .filter((level) => level !== (criterion.overrideLevel ?? criterion.level));
      return levels.length === 0 ? null : pick(levels);
    };

    for (let step = 0; step < STEPS; step++) {
      const agent = pick(members);
      const { scenario, rubrics } = pick(scenarios);
      const kind = pick(["record", "record", "reply", "end", "override", "review", "dispute"] as const);
      if (kind === "record") {
        const startedAt = new Date(now - Math.floor(random() * 400 * DAY_MS));
        const script = scripts(scenario.slug)[pick(["competent", "poor"] as const)];
        await recordScriptedAttempt(agent.id, scenario, rubrics, {
          messages: script.slice(0, 1 + Math.floor(random() * script.length)),
          seed: 1 + Math.floor(random() * 1000),
          startedAt,
          replySeconds: 5 + Math.floor(random() * 900),
        });
        stepsThatWrote++;
      } else if (kind === "reply" || kind === "end") {
        const open = (await prisma.practiceAttempt.findFirst({
          where: { userId: agent.id, status: "active" },
          select: { id: true, scenarioSlug: true },
        })) ?? { ...(await startAttempt(agent.id, scenario)), scenarioSlug: scenario.slug };
        const rules = rulesFor(open.scenarioSlug);
        const turns = await prisma.practiceTurn.count({ where: { attemptId: open.id } });
        const result =
          kind === "reply"
            ? await replyToCustomer(
                open.id,
                agent.id,
                { expectedIndex: turns, text: pick(scripts(open.scenarioSlug).competent), now: new Date(now + step * 60_000) },
                rules.scenario,
                rules.rubrics,
              )
            : await endAttempt(open.id, agent.id, rules.scenario, rules.rubrics, new Date(now + step * 60_000));
        if (result.status === "ok") stepsThatWrote++;
      } else {
        const attempts = await gradedAttempts();
        if (attempts.length === 0) continue;
        const attempt = pick(attempts);
        const rules = rulesFor(attempt.scenarioSlug);
        if (kind === "review") {
          if ((await markReviewed(reviewer, attempt.id)).status === "ok") stepsThatWrote++;
        } else {
          const criterion = pick(attempt.grade!.criteria);
          const level = otherLevel(attempt.scenarioSlug, criterion);
          if (level === null) continue;
          if (kind === "override") {
            const result = await overrideCriterion(
              reviewer,
              { attemptId: attempt.id, criterionId: criterion.criterionId, level, reason: "Seen differently" },
              rules.scenario,
              rules.rubrics,
            );
            if (result.status === "ok") stepsThatWrote++;
          } else {
            if (
              (await openDispute(attempt.userId, { attemptId: attempt.id, criterionId: criterion.criterionId, comment: "I did this" }))
                .status !== "ok"
            )
              continue;
            const dispute = await prisma.dispute.findFirstOrThrow({
              where: { status: "open", agentId: attempt.userId },
              select: { id: true },
            });
            const result = await resolveDispute(
              reviewer,
              { attemptId: attempt.id, disputeId: dispute.id, decision: "accept", level, reason: "Agreed" },
              rules.scenario,
              rules.rubrics,
            );
            if (result.status === "ok") stepsThatWrote++;
          }
        }
      }
      log.push(`${step}: ${kind} by ${agent.name}`);

      const kept = comparable(await rollups());
      await rebuildEvidenceRollups();
      expect(kept, `after ${log.join(", ")}`).toEqual(comparable(await rollups()));
    }

    // The sequence exercised the rollups: most steps wrote, and every table has rows to compare.
    expect(stepsThatWrote, log.join(", ")).toBeGreaterThan(STEPS / 2);
    const final = await rollups();
    expect(final.competencies.length).toBeGreaterThan(0);
    expect(final.scenarios.length).toBeGreaterThan(0);
    expect(final.days.length).toBeGreaterThan(0);
  });
});

describe("npm run rollups:rebuild", () => {
  test("puts back rollups that were changed around the app, and says what it rebuilt", { timeout: 60_000 }, async () => {
    const { members } = await createTeamWithLead({ memberCount: 1 });
    const { scenario, rubrics } = scenarios[0];
    await recordScriptedAttempt(members[0].id, scenario, rubrics, {
      messages: scripts(scenario.slug).competent,
      seed: 3,
      startedAt: new Date(Date.now() - 3 * DAY_MS),
      replySeconds: 30,
    });
    const kept = comparable(await rollups());
    await prisma.competencyRollup.updateMany({ where: { userId: members[0].id }, data: { total: 0 } });
    await prisma.scenarioRollup.deleteMany({ where: { userId: members[0].id } });
    await prisma.practiceDay.deleteMany({ where: { userId: members[0].id } });

    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/rebuild-rollups.ts"], {
      cwd: process.cwd(),
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "test" },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Rebuilt the evidence rollups in [\d.]+ s: \d+ competency rows, \d+ scenario rows, \d+ practice days\.$/m,
    );
    expect(comparable(await rollups())).toEqual(kept);
  });
});
