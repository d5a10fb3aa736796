// Bulk-inserts one big coaching team: a lead, fifty agents and thousands of
// graded practice conversations with their criteria and reply times, plus
// onboarding progress, assignments and 1:1s. Used by `npm run seed:large`,
// the benchmark's team-insights page and the insights statement-count test.
// Rows go in with createMany, and the two biggest tables (about 18 criteria
// and 4 turns per attempt) with multi-row INSERTs, which Prisma runs several
// times faster than createMany: 5,000 graded attempts take seconds, not minutes.
import { getCatalog } from "../../app/content/modules.server.ts";
import { getContentPracticeCatalog, rubricsFor } from "../../app/content/practice.server.ts";
import { Prisma } from "../../app/generated/prisma/client.ts";
import { rebuildEvidenceRollups } from "../../app/models/evidence-rollup.server.ts";
import { hashPassword } from "../../app/utils/auth.server.ts";
import { prisma } from "../../app/utils/db.server.ts";
import { seededRandom } from "./seeded-random.ts";

const DAY_MS = 86_400_000;
const BATCH = 400;

export const COACHING_TEAM = {
  teamName: "Priority Support",
  leadName: "Nadia Rahman",
  leadEmail: "lead.priority@frontline.test",
  agentEmail: (n: number) => `priority.agent${n}@frontline.test`,
};

const FIRST = [
  "Ada",
  "Bruno",
  "Carmen",
  "Dev",
  "Elif",
  "Femi",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Kemi",
  "Luca",
  "Mira",
  "Niall",
  "Olga",
  "Pedro",
  "Quinn",
  "Rania",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Ximena",
  "Yusuf",
];
const LAST = ["Abbott", "Brennan", "Costa", "Dubois", "Eriksen", "Fofana", "Garcia", "Haddad", "Ito", "Jansen"];

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

type SqlValue = string | number | boolean | Date | null;

/**
 * Plain multi-row INSERTs through Prisma's raw API (so dates are stored exactly
 * as Prisma stores them). No column defaults apply: rows carry every column.
 */
async function bulkInsert(table: string, rows: Record<string, SqlValue>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `);
  await insertInBatches(
    rows,
    (batch) =>
      prisma.$executeRaw`${head}${Prisma.join(batch.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`))}`,
  );
}

export type CoachingTeamOptions = {
  agents?: number;
  gradedAttempts?: number;
  /** Keeps ids, names and emails apart when one database holds several such teams. */
  prefix?: string;
  teamName?: string;
  leadEmail?: string;
  agentEmail?: (n: number) => string;
  password?: string;
  now?: Date;
};

export async function seedCoachingTeam({
  agents: agentCount = 50,
  gradedAttempts = 5000,
  prefix = "priority",
  teamName = COACHING_TEAM.teamName,
  leadEmail = COACHING_TEAM.leadEmail,
  agentEmail = COACHING_TEAM.agentEmail,
  password = "frontline-demo",
  now = new Date(),
}: CoachingTeamOptions = {}) {
  const rand = seededRandom(20_250_601);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  // Action items fall due on a calendar day, stored as its midnight UTC.
  const day = (daysAgo: number) => new Date(Math.floor((now.getTime() - daysAgo * DAY_MS) / DAY_MS) * DAY_MS);
  const [{ modules }, practice, hash] = await Promise.all([getCatalog(), getContentPracticeCatalog(), hashPassword(password)]);
  const onboarding = modules
    .filter((module) => module.frontmatter.track === "onboarding")
    .sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  const ongoing = modules.filter((module) => module.frontmatter.track === "ongoing");

  const lead = await prisma.user.create({
    data: {
      id: `${prefix}-lead`,
      name: COACHING_TEAM.leadName,
      email: leadEmail,
      role: "lead",
      level: "team-lead",
      hireDate: at(1900),
      timeZone: "Europe/Dublin",
      workMode: "hybrid",
      password: { create: { hash } },
    },
  });
  const team = await prisma.team.create({ data: { name: teamName, leadId: lead.id } });

  const agents = Array.from({ length: agentCount }, (_, i) => ({
    id: `${prefix}-agent-${i + 1}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i + 1}` : ""}`,
    email: agentEmail(i + 1),
    role: "agent",
    level: i % 4 === 0 ? "agent-2" : i % 9 === 0 ? "senior-agent" : "agent-1",
    // A spread of tenures, including a few people still in their first weeks.
    hireDate: at(i % 10 === 0 ? 20 + i : 120 + ((i * 37) % 1400)),
    timeZone: pick(["Europe/Dublin", "Europe/Lisbon", "America/New_York", "Asia/Manila"]),
    workMode: pick(["remote", "hybrid", "office"]),
    teamId: team.id,
  }));
  await prisma.user.createMany({ data: agents });
  await prisma.password.createMany({ data: agents.map((agent) => ({ userId: agent.id, hash })) });

  // Onboarding: people past their first weeks finished it; newer ones are part-way.
  const progress = agents.flatMap((agent, i) => {
    const tenureDays = Math.floor((now.getTime() - agent.hireDate.getTime()) / DAY_MS);
    const done = tenureDays > 90 ? onboarding.length : Math.min(onboarding.length, Math.floor(tenureDays / 8));
    const library = tenureDays > 90 ? ongoing.slice(0, i % (ongoing.length + 1)) : [];
    return [...onboarding.slice(0, done), ...library].map((module, step) => {
      const finished = new Date(Math.min(now.getTime() - DAY_MS, agent.hireDate.getTime() + (step + 1) * 4 * DAY_MS));
      return {
        id: `${agent.id}-${module.slug}`,
        userId: agent.id,
        moduleSlug: module.slug,
        moduleVersion: module.frontmatter.version,
        reachedEndAt: finished,
        completedAt: finished,
        startedAt: finished,
        timeSpentSeconds: Math.round(module.frontmatter.minutes * 60 * (0.8 + rand() * 0.8)),
      };
    });
  });
  await insertInBatches(progress, (data) => prisma.moduleProgress.createMany({ data }));

  // Graded practice: skills differ per agent and grow with practice; most of it in the last four months.
  const attempts: {
    id: string;
    userId: string;
    scenarioSlug: string;
    scenarioVersion: number;
    seed: number;
    status: string;
    customerState: string;
    startedAt: Date;
    endedAt: Date;
    reviewedAt: Date | null;
    reviewedById: string | null;
  }[] = [];
  const grades: {
    id: string;
    attemptId: string;
    overallScore: number;
    passed: boolean;
    graderVersion: string;
    rubricVersions: string;
    criticalFailures: string;
    createdAt: Date;
  }[] = [];
  const criteria: {
    id: string;
    gradeId: string;
    criterionId: string;
    rubricId: string;
    title: string;
    competency: string;
    weight: number;
    critical: boolean;
    applicable: boolean;
    level: number;
    maxLevel: number;
    score: number;
    label: string;
    evidence: string;
    suggestion: string;
  }[] = [];
  const turns: { id: string; attemptId: string; index: number; speaker: string; text: string; replyMs: number | null; createdAt: Date }[] =
    [];
  const perAgent = Math.floor(gradedAttempts / agentCount);
  for (const [a, agent] of agents.entries()) {
    const skill = 0.35 + rand() * 0.35;
    const count = perAgent + (a < gradedAttempts % agentCount ? 1 : 0);
    const tenureDays = (now.getTime() - agent.hireDate.getTime()) / DAY_MS;
    const spanDays = Math.min(120, Math.max(5, tenureDays - 2));
    for (let n = 0; n < count; n++) {
      const scenario = practice.scenarios[(a + n) % practice.scenarios.length];
      const id = `${agent.id}-p${n + 1}`;
      const startedAt = new Date(now.getTime() - (spanDays * (1 - n / count) + rand() * 0.5) * DAY_MS);
      const replies = [30_000 + Math.floor(rand() * 90_000), 20_000 + Math.floor(rand() * 60_000)];
      const endedAt = new Date(startedAt.getTime() + replies[0] + replies[1] + 2);
      const growth = Math.min(1, skill + (n / count) * 0.35 + (rand() - 0.5) * 0.2);
      let weighted = 0;
      let weights = 0;
      const criticalFailures: string[] = [];
      for (const rubric of rubricsFor(practice, scenario)) {
        for (const criterion of rubric.criteria) {
          const maxLevel = Math.max(...criterion.levels.map((level) => level.level));
          const { critical } = criterion;
          const applicable = critical || rand() > 0.08;
          // Critical criteria are rarely failed; when one is, the attempt fails whatever its score.
          const level = critical
            ? rand() < 0.02
              ? 0
              : maxLevel
            : Math.max(0, Math.min(maxLevel, Math.round(maxLevel * growth + (rand() - 0.5))));
          if (critical && level === 0) criticalFailures.push(criterion.id);
          const label = criterion.levels.find((candidate) => candidate.level === level)?.label ?? String(level);
          if (applicable && !critical) {
            weighted += criterion.weight * (level / maxLevel);
            weights += criterion.weight;
          }
          criteria.push({
            id: `${id}-${criterion.id}`,
            gradeId: `${id}-g`,
            criterionId: criterion.id,
            rubricId: rubric.id,
            title: criterion.title,
            competency: criterion.competency,
            weight: criterion.weight,
            critical,
            applicable,
            level,
            maxLevel,
            score: level / maxLevel,
            label,
            evidence: "[]",
            suggestion: criterion.levels.find((candidate) => candidate.level === level)?.suggestion ?? "",
          });
        }
      }
      const overallScore = weights === 0 ? 0 : Math.round((weighted / weights) * 100);
      const passed = overallScore >= scenario.passScore && criticalFailures.length === 0;
      const reviewed = n % 10 === 3;
      attempts.push({
        id,
        userId: agent.id,
        scenarioSlug: scenario.slug,
        scenarioVersion: scenario.version,
        seed: a * 1000 + n,
        status: passed ? "resolved" : "ended",
        customerState: "{}",
        startedAt,
        endedAt,
        reviewedAt: reviewed ? new Date(endedAt.getTime() + DAY_MS) : null,
        reviewedById: reviewed ? lead.id : null,
      });
      grades.push({
        id: `${id}-g`,
        attemptId: id,
        overallScore,
        passed,
        graderVersion: "seeded",
        rubricVersions: "{}",
        criticalFailures: JSON.stringify(criticalFailures),
        createdAt: endedAt,
      });
      turns.push(
        {
          id: `${id}-t0`,
          attemptId: id,
          index: 0,
          speaker: "customer",
          text: "Hi, I need some help with my order.",
          replyMs: null,
          createdAt: startedAt,
        },
        {
          id: `${id}-t1`,
          attemptId: id,
          index: 1,
          speaker: "agent",
          text: "I'm sorry about that — let's sort it out. What's your order number?",
          replyMs: replies[0],
          createdAt: new Date(startedAt.getTime() + replies[0]),
        },
        {
          id: `${id}-t2`,
          attemptId: id,
          index: 2,
          speaker: "customer",
          text: "It's 48213.",
          replyMs: null,
          createdAt: new Date(startedAt.getTime() + replies[0] + 1),
        },
        {
          id: `${id}-t3`,
          attemptId: id,
          index: 3,
          speaker: "agent",
          text: "Thanks — I've fixed it and you'll have an email within the hour.",
          replyMs: replies[1],
          createdAt: new Date(endedAt.getTime() - 1),
        },
      );
    }
  }
  await insertInBatches(attempts, (data) => prisma.practiceAttempt.createMany({ data }));
  await insertInBatches(grades, (data) => prisma.practiceGrade.createMany({ data }));
  await bulkInsert("GradeCriterion", criteria);
  await bulkInsert("PracticeTurn", turns);
  // Inserted around the models, so their rollups are computed here once.
  await rebuildEvidenceRollups();

  // Assignments: a module and a scenario each, some done, some past due, some with minimum levels.
  const scenario = practice.scenarios[0];
  const assignments = agents.flatMap((agent, i) => [
    {
      id: `${agent.id}-as-module`,
      kind: "module",
      contentSlug: ongoing[i % ongoing.length].slug,
      dueAt: at(i % 3 === 0 ? 5 : -10),
      createdAt: at(30),
      userId: agent.id,
      assignedById: lead.id,
    },
    {
      id: `${agent.id}-as-scenario`,
      kind: "scenario",
      contentSlug: scenario.slug,
      dueAt: at(i % 4 === 0 ? 2 : -14),
      minScore: 70,
      minLevels: i % 5 === 0 ? JSON.stringify({ "empathy.emotional-reaction": 2 }) : "{}",
      createdAt: at(60),
      userId: agent.id,
      assignedById: lead.id,
    },
  ]);
  await insertInBatches(assignments, (data) => prisma.assignment.createMany({ data }));

  // 1:1s: one held a fortnight ago with action items, one coming up next week.
  const sessions = agents.flatMap((agent) => [
    {
      id: `${agent.id}-s1`,
      scheduledAt: at(14),
      focus: JSON.stringify(["empathy", "resolution"]),
      sharedNotes: "Reviewed two recent conversations together; strong openings, rushed closings.",
      privateNotes: "Check in on workload next time.",
      leadId: lead.id,
      agentId: agent.id,
    },
    { id: `${agent.id}-s2`, scheduledAt: at(-7), focus: JSON.stringify(["efficiency"]), leadId: lead.id, agentId: agent.id },
  ]);
  await insertInBatches(sessions, (data) => prisma.coachingSession.createMany({ data }));
  await insertInBatches(
    agents.flatMap((agent, i) => [
      {
        id: `${agent.id}-i1`,
        sessionId: `${agent.id}-s1`,
        text: "Confirm the customer is satisfied before closing.",
        dueAt: day(-3),
        completedAt: i % 2 === 0 ? at(4) : null,
      },
      {
        id: `${agent.id}-i2`,
        sessionId: `${agent.id}-s1`,
        text: "Practise the refund-outside-policy scenario twice.",
        dueAt: day(2),
        completedAt: null,
      },
    ]),
    (data) => prisma.actionItem.createMany({ data }),
  );

  return { leadId: lead.id, teamId: team.id, agentIds: agents.map((agent) => agent.id) };
}
