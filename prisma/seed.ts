// Seeds the demo organisation into an empty database; a database that already
// has people is left alone. Run by `npm start`, or on its own with `npm run db:seed`.
import fs from "node:fs";
import { getCatalog, versionRef, type CompiledModule } from "../app/content/modules.server.ts";
import { getPracticeCatalog, rubricsFor } from "../app/content/practice.server.ts";
import { createAssignments } from "../app/models/assignment.server.ts";
import { createSession } from "../app/models/coaching-session.server.ts";
import { recordScriptedAttempt } from "../app/models/practice.server.ts";
import { gradeQuiz, type QuizAnswers } from "../app/engine/learning/quiz.ts";
import { recordQuizAttempt, recordReading } from "../app/models/learning.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { isNewHire, type Level, type WorkMode } from "../app/utils/user-fields.ts";
import { createTeam, createUser, DAY_MS } from "../tests/factories/index.ts";

export const DEMO_PASSWORD = "frontline-demo";

type Member = { name: string; email?: string; level: Level; hiredDaysAgo: number; timeZone: string; workMode: WorkMode };

const TEAMS: { name: string; lead: Member; members: Member[] }[] = [
  {
    name: "Orders & Delivery",
    lead: { name: "Marcus Oyelaran", email: "lead@frontline.test", level: "team-lead", hiredDaysAgo: 2210, timeZone: "Europe/London", workMode: "hybrid" },
    members: [
      { name: "Alex Moreno", email: "agent@frontline.test", level: "agent-2", hiredDaysAgo: 540, timeZone: "Europe/Madrid", workMode: "remote" },
      { name: "Jamie Chen", email: "newhire@frontline.test", level: "agent-1", hiredDaysAgo: 9, timeZone: "Europe/London", workMode: "remote" },
      { name: "Aisha Bello", level: "senior-agent", hiredDaysAgo: 1460, timeZone: "Africa/Lagos", workMode: "remote" },
      { name: "Tomás Duarte", level: "agent-1", hiredDaysAgo: 45, timeZone: "Europe/Lisbon", workMode: "office" },
      { name: "Hannah Weiss", level: "agent-2", hiredDaysAgo: 700, timeZone: "Europe/Berlin", workMode: "hybrid" },
      { name: "Ravi Menon", level: "agent-1", hiredDaysAgo: 130, timeZone: "Asia/Kolkata", workMode: "remote" },
      { name: "Chloé Martin", level: "senior-agent", hiredDaysAgo: 1100, timeZone: "Europe/Paris", workMode: "office" },
      { name: "Kwame Asante", level: "agent-2", hiredDaysAgo: 390, timeZone: "Europe/London", workMode: "hybrid" },
      { name: "Nora Lindahl", level: "agent-1", hiredDaysAgo: 22, timeZone: "Europe/Stockholm", workMode: "remote" },
    ],
  },
  {
    name: "Billing & Accounts",
    lead: { name: "Sofia Lindqvist", email: "lead.billing@frontline.test", level: "team-lead", hiredDaysAgo: 1830, timeZone: "America/New_York", workMode: "remote" },
    members: [
      { name: "Diego Alvarez", level: "agent-2", hiredDaysAgo: 610, timeZone: "America/Chicago", workMode: "remote" },
      { name: "Grace Kim", level: "senior-agent", hiredDaysAgo: 1300, timeZone: "America/Los_Angeles", workMode: "remote" },
      { name: "Samuel Okoro", level: "agent-1", hiredDaysAgo: 70, timeZone: "America/New_York", workMode: "office" },
      { name: "Maya Patel", level: "agent-2", hiredDaysAgo: 480, timeZone: "America/Toronto", workMode: "hybrid" },
      { name: "Lucas Ferreira", level: "agent-1", hiredDaysAgo: 160, timeZone: "America/Sao_Paulo", workMode: "remote" },
      { name: "Emily Walsh", level: "agent-1", hiredDaysAgo: 33, timeZone: "America/Chicago", workMode: "remote" },
      { name: "Omar Haddad", level: "senior-agent", hiredDaysAgo: 980, timeZone: "America/New_York", workMode: "hybrid" },
      { name: "Isabel Cruz", level: "agent-2", hiredDaysAgo: 720, timeZone: "America/Denver", workMode: "remote" },
      { name: "Leah Morgan", level: "agent-1", hiredDaysAgo: 5, timeZone: "America/New_York", workMode: "remote" },
    ],
  },
  {
    name: "Technical Support",
    lead: { name: "Daniel Okafor", email: "lead.tech@frontline.test", level: "team-lead", hiredDaysAgo: 2600, timeZone: "Asia/Manila", workMode: "office" },
    members: [
      { name: "Mei Tanaka", level: "senior-agent", hiredDaysAgo: 1500, timeZone: "Asia/Tokyo", workMode: "remote" },
      { name: "Paolo Santos", level: "agent-2", hiredDaysAgo: 420, timeZone: "Asia/Manila", workMode: "office" },
      { name: "Liam O'Connor", level: "agent-1", hiredDaysAgo: 95, timeZone: "Europe/Dublin", workMode: "remote" },
      { name: "Ananya Iyer", level: "agent-2", hiredDaysAgo: 560, timeZone: "Asia/Kolkata", workMode: "hybrid" },
      { name: "Jack Thompson", level: "agent-1", hiredDaysAgo: 18, timeZone: "Australia/Sydney", workMode: "remote" },
      { name: "Fatima Zahra", level: "agent-1", hiredDaysAgo: 200, timeZone: "Africa/Casablanca", workMode: "remote" },
      { name: "Ben Carter", level: "senior-agent", hiredDaysAgo: 1750, timeZone: "Australia/Melbourne", workMode: "hybrid" },
      { name: "Yuki Sato", level: "agent-2", hiredDaysAgo: 365, timeZone: "Asia/Tokyo", workMode: "office" },
    ],
  },
];

const ADMIN: Member = { name: "Priya Raman", email: "admin@frontline.test", level: "support-manager", hiredDaysAgo: 3000, timeZone: "Europe/London", workMode: "hybrid" };

function emailFor(member: Member): string {
  if (member.email) return member.email;
  const local = member.name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  return `${local}@frontline.test`;
}

function profile(member: Member, now: number) {
  return {
    name: member.name,
    email: emailFor(member),
    level: member.level,
    hireDate: new Date(now - member.hiredDaysAgo * DAY_MS),
    timeZone: member.timeZone,
    workMode: member.workMode,
    password: DEMO_PASSWORD,
  };
}

function correctAnswers(module: CompiledModule, quizIndex: number): QuizAnswers {
  const quiz = module.quizzes[quizIndex];
  return Object.fromEntries(quiz.questions.map((question) => [question.id, question.choices.filter((choice) => choice.correct).map((choice) => choice.id)]));
}

async function completeModule(userId: string, module: CompiledModule, at: Date) {
  const ref = versionRef(module);
  const lastSection = module.sections[module.sections.length - 1]?.id;
  await recordReading(userId, ref, { section: lastSection, seconds: module.frontmatter.minutes * 60, reachedEnd: true }, at);
  for (const [index, quiz] of module.quizzes.entries()) {
    const answers = correctAnswers(module, index);
    await recordQuizAttempt(userId, ref, { quizId: quiz.id, answers, grade: gradeQuiz(quiz, answers), submissionKey: `seed-${module.slug}-${quiz.id}` }, at);
  }
}

/**
 * A believable learning history: people past their first 90 days finished
 * onboarding and some of the library; newer people are part-way through
 * onboarding (the newest have not started).
 */
async function seedLearningHistory(now: number) {
  const { modules } = await getCatalog();
  const onboarding = modules.filter((module) => module.frontmatter.track === "onboarding");
  const ongoing = modules.filter((module) => module.frontmatter.track === "ongoing");
  const agents = await prisma.user.findMany({ where: { role: "agent" }, orderBy: { name: "asc" }, select: { id: true, hireDate: true } });
  for (const [index, agent] of agents.entries()) {
    const tenureDays = Math.floor((now - agent.hireDate.getTime()) / DAY_MS);
    const onboardingDone = isNewHire(agent.hireDate, new Date(now)) ? Math.max(0, Math.floor((tenureDays - 10) / 6)) : onboarding.length;
    for (const [step, module] of onboarding.slice(0, onboardingDone).entries()) {
      await completeModule(agent.id, module, new Date(agent.hireDate.getTime() + (step + 1) * 3 * DAY_MS));
    }
    if (onboardingDone < onboarding.length) continue;
    const rotated = [...ongoing.slice(index % ongoing.length), ...ongoing.slice(0, index % ongoing.length)];
    for (const [step, module] of rotated.slice(0, index % 4).entries()) {
      await completeModule(agent.id, module, new Date(now - (step + 1) * 20 * DAY_MS));
    }
    const reading = rotated[index % 4];
    if (index % 3 === 0 && reading) {
      await recordReading(agent.id, versionRef(reading), { section: reading.sections[1]?.id, seconds: 240 }, new Date(now - 2 * DAY_MS));
    }
  }
}

/**
 * Practice history from the scripted agents the tests use: people past their
 * first 90 days have tried a few scenarios, some more than once, improving.
 */
async function seedPracticeHistory(now: number) {
  const catalog = await getPracticeCatalog();
  const agents = await prisma.user.findMany({ where: { role: "agent" }, orderBy: { name: "asc" }, select: { id: true, hireDate: true } });
  for (const [index, agent] of agents.entries()) {
    if (isNewHire(agent.hireDate, new Date(now))) continue;
    for (let n = 0; n < 2; n++) {
      const scenario = catalog.scenarios[(index * 2 + n) % catalog.scenarios.length];
      const scripts = JSON.parse(fs.readFileSync(`tests/fixtures/scenario-scripts/${scenario.slug}.json`, "utf8")) as { competent: string[]; poor: string[] };
      const plays = index % 3 === 0 ? [scripts.poor, scripts.competent] : [scripts.competent];
      for (const [attempt, messages] of plays.entries()) {
        await recordScriptedAttempt(agent.id, scenario, rubricsFor(catalog, scenario), {
          messages,
          seed: index * 100 + n * 10 + attempt,
          startedAt: new Date(now - (30 - attempt * 5 - n) * DAY_MS),
          replySeconds: Math.min(scenario.par.replySeconds, 45 + index * 5),
        });
      }
    }
  }
}

/** Each lead has assigned practice to their team, and Marcus has a 1:1 planned with Alex. */
async function seedCoaching(now: number) {
  const teams = await prisma.team.findMany({ where: { leadId: { not: null } }, orderBy: { name: "asc" }, select: { id: true, leadId: true } });
  for (const team of teams) {
    const lead = { id: team.leadId!, role: "lead" as const, ledTeamIds: [team.id] };
    await createAssignments(lead, { kind: "scenario", contentSlug: "late-delivery", dueAt: new Date(now + 6 * DAY_MS), minScore: null, minLevels: {}, userIds: [], teamId: team.id }, new Date(now));
  }
  const marcus = await prisma.user.findUniqueOrThrow({ where: { email: "lead@frontline.test" }, select: { id: true, ledTeams: { select: { id: true } } } });
  const alex = await prisma.user.findUniqueOrThrow({ where: { email: "agent@frontline.test" }, select: { id: true, practiceAttempts: { orderBy: { startedAt: "desc" }, take: 1, select: { id: true } } } });
  await createSession(
    { id: marcus.id, role: "lead", ledTeamIds: marcus.ledTeams.map((team) => team.id) },
    alex.id,
    {
      scheduledAt: new Date(Math.ceil((now + 2 * DAY_MS) / DAY_MS) * DAY_MS + 10 * 3_600_000),
      focus: ["empathy", "efficiency"],
      sharedNotes: "Your resolution scores are strong. This month: open every reply with one specific line about the customer's situation, and send complete answers so chats close in fewer turns.",
      privateNotes: "Alex is close to Senior Agent; a good candidate to mentor this quarter's new hires.",
      attemptIds: alex.practiceAttempts.map((attempt) => attempt.id),
      reflections: [],
    },
    [{ text: "Practise the late delivery scenario and reach a strong interpretation level", dueAt: new Date(now + 7 * DAY_MS) }],
  );
}

export async function seedDemoOrganisation(): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const now = Date.now();
  await createUser({ ...profile(ADMIN, now), role: "admin" });
  for (const team of TEAMS) {
    const lead = await createUser({ ...profile(team.lead, now), role: "lead" });
    const { id: teamId } = await createTeam({ name: team.name, leadId: lead.id });
    for (const member of team.members) await createUser({ ...profile(member, now), role: "agent", teamId });
  }
  await seedLearningHistory(now);
  await seedPracticeHistory(now);
  await seedCoaching(now);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemoOrganisation();
  console.log(seeded ? "Seeded the demo organisation." : "The database already has people; seeding skipped.");
  await prisma.$disconnect();
}
