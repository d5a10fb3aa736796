// Seeds the demo organisation into an empty database; a database that already
// has people is left alone. Run by `npm start`, or on its own with `npm run db:seed`.
import fs from "node:fs";
import path from "node:path";
import { getMentoringContent } from "../app/content/mentoring.server.ts";
import { getCatalog, versionRef, type CompiledModule } from "../app/content/modules.server.ts";
import { getContentPracticeCatalog, rubricsFor } from "../app/content/practice.server.ts";
import type { Level, WorkMode } from "../app/domain/people.ts";
import { gradeQuiz, type QuizAnswers } from "../app/engine/learning/quiz.ts";
import { utcOffsetMinutes } from "../app/engine/matching/score.ts";
import { isNewHire } from "../app/engine/people/tenure.ts";
import type { Locale } from "../app/i18n/locales.ts";
import { createAssignments } from "../app/models/assignment.server.ts";
import { recordCheckIn } from "../app/models/check-in.server.ts";
import { createSession } from "../app/models/coaching-session.server.ts";
import { MAX_READING_TIME_FACTOR, recordQuizAttempt, recordReading } from "../app/models/learning.server.ts";
import { saveMenteeRequest } from "../app/models/mentee-request.server.ts";
import { saveMentorProfile, type MentorProfileInput } from "../app/models/mentor-profile.server.ts";
import { nominate } from "../app/models/nomination.server.ts";
import { answerFitCheck, logMeeting, requestMentor, respondToProposal } from "../app/models/pairing.server.ts";
import { recordScriptedAttempt } from "../app/models/practice.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { env } from "../app/utils/env.server.ts";
import { createTeam, createUser, DAY_MS } from "../tests/factories/index.ts";
import { seedCalibration } from "./seed-calibration.ts";

export const DEMO_PASSWORD = "frontline-demo";

type Member = {
  name: string;
  email?: string;
  level: Level;
  hiredDaysAgo: number;
  timeZone: string;
  workMode: WorkMode;
  /** Interface and content language; English when absent. */
  locale?: Locale;
};

const TEAMS: { name: string; lead: Member; members: Member[] }[] = [
  {
    name: "Orders & Delivery",
    lead: {
      name: "Marcus Oyelaran",
      email: "lead@frontline.test",
      level: "team-lead",
      hiredDaysAgo: 2210,
      timeZone: "Europe/London",
      workMode: "hybrid",
    },
    members: [
      {
        name: "Alex Moreno",
        email: "agent@frontline.test",
        level: "agent-2",
        hiredDaysAgo: 540,
        timeZone: "Europe/Madrid",
        workMode: "remote",
      },
      {
        name: "Jamie Chen",
        email: "newhire@frontline.test",
        level: "agent-1",
        hiredDaysAgo: 9,
        timeZone: "Europe/London",
        workMode: "remote",
      },
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
    lead: {
      name: "Sofia Lindqvist",
      email: "lead.billing@frontline.test",
      level: "team-lead",
      hiredDaysAgo: 1830,
      timeZone: "America/New_York",
      workMode: "remote",
    },
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
    lead: {
      name: "Daniel Okafor",
      email: "lead.tech@frontline.test",
      level: "team-lead",
      hiredDaysAgo: 2600,
      timeZone: "Asia/Manila",
      workMode: "office",
    },
    members: [
      { name: "Mei Tanaka", level: "senior-agent", hiredDaysAgo: 1500, timeZone: "Asia/Tokyo", workMode: "remote" },
      { name: "Paolo Santos", level: "agent-2", hiredDaysAgo: 420, timeZone: "Asia/Manila", workMode: "office" },
      { name: "Liam O'Connor", level: "agent-1", hiredDaysAgo: 95, timeZone: "Europe/Dublin", workMode: "remote" },
      { name: "Ananya Iyer", level: "agent-2", hiredDaysAgo: 560, timeZone: "Asia/Kolkata", workMode: "hybrid" },
      { name: "Jack Thompson", level: "agent-1", hiredDaysAgo: 18, timeZone: "Australia/Sydney", workMode: "remote" },
      { name: "Fatima Zahra", level: "agent-1", hiredDaysAgo: 200, timeZone: "Africa/Casablanca", workMode: "remote" },
      { name: "Ben Carter", level: "senior-agent", hiredDaysAgo: 1750, timeZone: "Australia/Melbourne", workMode: "hybrid" },
      { name: "Yuki Sato", level: "agent-2", hiredDaysAgo: 365, timeZone: "Asia/Tokyo", workMode: "office" },
      {
        name: "陳怡君",
        email: "agent.hant@frontline.test",
        level: "agent-2",
        hiredDaysAgo: 430,
        timeZone: "Asia/Taipei",
        workMode: "hybrid",
        locale: "zh-Hant",
      },
      {
        name: "王磊",
        email: "agent.hans@frontline.test",
        level: "agent-1",
        hiredDaysAgo: 150,
        timeZone: "Asia/Shanghai",
        workMode: "remote",
        locale: "zh-Hans",
      },
    ],
  },
];

const ADMIN: Member = {
  name: "Priya Raman",
  email: "admin@frontline.test",
  level: "support-manager",
  hiredDaysAgo: 3000,
  timeZone: "Europe/London",
  workMode: "hybrid",
};

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
    locale: member.locale ?? "en",
    password: DEMO_PASSWORD,
  };
}

/** Sunday and Saturday move to Friday when looking back, to Monday when looking ahead. */
const WEEKEND_SHIFT_BACK = [-2, 0, 0, 0, 0, 0, -1];
const WEEKEND_SHIFT_AHEAD = [1, 0, 0, 0, 0, 0, 2];

/**
 * A time `days` from now (negative: in the past) on a working day, at `hour` o'clock in the person's
 * own time zone: seeded work and 1:1s happen Monday to Friday, in working hours.
 */
function workingTime(now: number, days: number, hour: number, timeZone: string): Date {
  const local = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(now + days * DAY_MS),
  );
  const [year, month, day] = local.split("-").map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const date = new Date(Date.UTC(year, month - 1, day + (days > 0 ? WEEKEND_SHIFT_AHEAD : WEEKEND_SHIFT_BACK)[weekday]));
  const offset = utcOffsetMinutes(timeZone, date.toISOString().slice(0, 10)) ?? 0;
  return new Date(date.getTime() + (hour * 60 - offset) * 60_000);
}

/** A number from 0 to 99 that varies with its inputs but is the same on every run. */
function spread(...parts: number[]): number {
  return parts.reduce((hash, part) => (hash * 31 + part + 7) % 9973, 17) % 100;
}

function correctAnswers(module: CompiledModule, quizIndex: number): QuizAnswers {
  const quiz = module.quizzes[quizIndex];
  return Object.fromEntries(
    quiz.questions.map((question) => [question.id, question.choices.filter((choice) => choice.correct).map((choice) => choice.id)]),
  );
}

/** The right answers except the first question, which gets a wrong choice. */
function oneWrong(module: CompiledModule, quizIndex: number): QuizAnswers {
  const [first] = module.quizzes[quizIndex].questions;
  return { ...correctAnswers(module, quizIndex), [first.id]: [first.choices.find((choice) => !choice.correct)!.id] };
}

/**
 * Reads a module to the end and passes its checks by `at`. Reading takes from 60% to 160% of the
 * module's stated minutes, and about a third of the time the first try at a check has one mistake
 * (retaken an hour later when that fails it).
 */
async function completeModule(userId: string, module: CompiledModule, at: Date, variation: number) {
  const ref = versionRef(module);
  const lastSection = module.sections[module.sections.length - 1]?.id;
  const stated = module.frontmatter.minutes * 60;
  await recordReading(
    userId,
    ref,
    {
      section: lastSection,
      seconds: Math.round((stated * (60 + variation)) / 100),
      reachedEnd: true,
      maxSeconds: stated * MAX_READING_TIME_FACTOR,
    },
    new Date(at.getTime() - 3_600_000),
  );
  for (const [index, quiz] of module.quizzes.entries()) {
    const key = `seed-${module.slug}-${quiz.id}`;
    if (variation % 3 === 0) {
      const answers = oneWrong(module, index);
      const grade = gradeQuiz(quiz, answers);
      await recordQuizAttempt(
        userId,
        ref,
        { quizId: quiz.id, answers, grade, submissionKey: `${key}-first` },
        new Date(at.getTime() - 1_800_000),
      );
      if (grade.passed) continue;
    }
    const answers = correctAnswers(module, index);
    await recordQuizAttempt(userId, ref, { quizId: quiz.id, answers, grade: gradeQuiz(quiz, answers), submissionKey: key }, at);
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
  const agents = await prisma.user.findMany({
    where: { role: "agent" },
    orderBy: { name: "asc" },
    select: { id: true, hireDate: true, timeZone: true },
  });
  for (const [index, agent] of agents.entries()) {
    const tenureDays = Math.floor((now - agent.hireDate.getTime()) / DAY_MS);
    const onboardingDone = isNewHire(agent.hireDate, new Date(now)) ? Math.max(0, Math.floor((tenureDays - 10) / 6)) : onboarding.length;
    for (const [step, module] of onboarding.slice(0, onboardingDone).entries()) {
      const at = workingTime(now, -(tenureDays - (step + 1) * 3), 11 + (step % 5), agent.timeZone);
      await completeModule(agent.id, module, at, spread(index, step));
    }
    if (onboardingDone < onboarding.length) continue;
    const rotated = [...ongoing.slice(index % ongoing.length), ...ongoing.slice(0, index % ongoing.length)];
    for (const [step, module] of rotated.slice(0, index % 4).entries()) {
      const at = workingTime(now, -((step + 1) * 20 + (index % 6)), 14, agent.timeZone);
      await completeModule(agent.id, module, at, spread(index, step, 3));
    }
    const reading = rotated[index % 4];
    if (index % 3 === 0 && reading) {
      await recordReading(
        agent.id,
        versionRef(reading),
        { section: reading.sections[1]?.id, seconds: 120 + spread(index) * 2 },
        workingTime(now, -2, 15, agent.timeZone),
      );
    }
  }
}

/**
 * Practice history from the scripted agents the tests use: people past their
 * first 90 days have tried a few scenarios, some more than once, improving.
 */
async function seedPracticeHistory(now: number) {
  const catalog = await getContentPracticeCatalog();
  const agents = await prisma.user.findMany({
    where: { role: "agent" },
    orderBy: { name: "asc" },
    select: { id: true, hireDate: true, timeZone: true, locale: true },
  });
  for (const [index, agent] of agents.entries()) {
    if (isNewHire(agent.hireDate, new Date(now))) continue;
    // Spread over the last twelve weeks, so each team's weekly trend has weeks of points:
    // a first scenario 6 to 12 weeks ago, a second in the last 6 weeks, retakes a week later.
    const firstDaysAgo = [46 + ((index * 7) % 35), 11 + ((index * 5) % 30)];
    for (let n = 0; n < 2; n++) {
      // People who work in Chinese practise the Chinese version of a scenario where there is one.
      const english = catalog.scenarios[(index * 2 + n) % catalog.scenarios.length];
      const variant = agent.locale === "zh-Hant" || agent.locale === "zh-Hans" ? english.variants[agent.locale] : undefined;
      const scriptsFile = `tests/fixtures/scenario-scripts/${english.slug}${variant ? `.${variant.locale}` : ""}.json`;
      const scenario = variant && fs.existsSync(scriptsFile) ? variant : english;
      const scripts = JSON.parse(
        fs.readFileSync(scenario === english ? `tests/fixtures/scenario-scripts/${english.slug}.json` : scriptsFile, "utf8"),
      ) as {
        competent: string[];
        poor: string[];
      };
      const plays = index % 3 === 0 ? [scripts.poor, scripts.competent] : [scripts.competent];
      for (const [attempt, messages] of plays.entries()) {
        await recordScriptedAttempt(agent.id, scenario, rubricsFor(catalog, scenario), {
          messages,
          seed: index * 100 + n * 10 + attempt,
          startedAt: workingTime(now, -(firstDaysAgo[n] - attempt * 7), 10 + ((index + n + attempt) % 6), agent.timeZone),
          replySeconds: Math.min(scenario.par.replySeconds, 45 + index * 5),
        });
      }
    }
  }
}

/** Each lead has assigned practice to their team, and Marcus has had one 1:1 with Alex and planned the next. */
async function seedCoaching(now: number) {
  const teams = await prisma.team.findMany({
    where: { leadId: { not: null } },
    orderBy: { name: "asc" },
    select: { id: true, leadId: true },
  });
  for (const team of teams) {
    const lead = { id: team.leadId!, role: "lead" as const, ledTeamIds: [team.id] };
    await createAssignments(
      lead,
      {
        kind: "scenario",
        contentSlug: "late-delivery",
        dueAt: new Date(now + 6 * DAY_MS),
        minScore: null,
        minLevels: {},
        userIds: [],
        teamId: team.id,
      },
      new Date(now),
    );
  }
  const marcus = await prisma.user.findUniqueOrThrow({
    where: { email: "lead@frontline.test" },
    select: { id: true, timeZone: true, ledTeams: { select: { id: true } } },
  });
  const alex = await prisma.user.findUniqueOrThrow({
    where: { email: "agent@frontline.test" },
    select: { id: true, practiceAttempts: { orderBy: { startedAt: "desc" }, select: { id: true, startedAt: true } } },
  });
  const marcusAsLead = { id: marcus.id, role: "lead" as const, ledTeamIds: marcus.ledTeams.map((team) => team.id) };
  // A 1:1 held four weeks ago about the conversations Alex had had by then, so the coaching timeline has a history.
  const heldAt = workingTime(now, -28, 14, marcus.timeZone);
  const held = await createSession(
    marcusAsLead,
    alex.id,
    {
      scheduledAt: heldAt,
      focus: ["resolution"],
      sharedNotes: "Went through your first graded conversation together. Your fixes are right; say what happens next before you close.",
      privateNotes: "",
      attemptIds: alex.practiceAttempts.filter((attempt) => attempt.startedAt < heldAt).map((attempt) => attempt.id),
      reflections: [],
    },
    [],
  );
  if (held.status !== "ok") throw new Error(`Seeding Alex's earlier 1:1 failed: ${held.status}`);
  const planned = await createSession(
    marcusAsLead,
    alex.id,
    {
      // The next working day at least two days out, 10:00 for Marcus (11:00 for Alex in Madrid).
      scheduledAt: workingTime(now, 2, 10, marcus.timeZone),
      focus: ["empathy", "efficiency"],
      sharedNotes:
        "Your resolution scores are strong. This month: open every reply with one specific line about the customer's situation, and send complete answers so chats close in fewer turns.",
      privateNotes: "Alex is close to Senior Agent; a good candidate to mentor this quarter's new hires.",
      attemptIds: alex.practiceAttempts.slice(0, 1).map((attempt) => attempt.id),
      reflections: [],
    },
    [
      {
        text: "Practise the late delivery scenario and reach a strong interpretation level",
        dueAt: workingTime(now, 7, 17, marcus.timeZone),
      },
    ],
  );
  if (planned.status !== "ok") throw new Error(`Seeding Alex's 1:1 failed: ${planned.status}`);
}

const MENTORS: Record<string, Omit<MentorProfileInput, "timeZone" | "workMode">> = {
  "aisha.bello@frontline.test": {
    capacity: 3,
    strengths: ["empathy", "de-escalation", "resolution"],
    bio: "Four years on Orders & Delivery, most of them on the escalations queue. I like helping people find words for angry customers that are honest and still kind.",
    languages: ["English", "Yoruba"],
    availability: "Tuesdays and Thursdays, 13:00–15:00 Lagos time",
  },
  "grace.kim@frontline.test": {
    capacity: 2,
    strengths: ["resolution", "communication"],
    bio: "Billing specialist: refunds, disputes and the policy edge cases nobody wrote down. Happy to walk through tricky tickets together.",
    languages: ["English", "Korean"],
    availability: "Mornings, 09:00–11:00 Pacific",
  },
  "mei.tanaka@frontline.test": {
    capacity: 2,
    strengths: ["resolution", "communication", "omnichannel"],
    bio: "Technical support across chat, email and phone. I mentor people who want to troubleshoot calmly and write answers customers can follow.",
    languages: ["Japanese", "English"],
    availability: "Wednesdays 10:00–12:00 Tokyo time",
  },
  "omar.haddad@frontline.test": {
    capacity: 1,
    strengths: ["efficiency", "communication"],
    bio: "I care about doing it right the first time: complete answers, fewer touches, and metrics you can explain to your lead.",
    languages: ["English", "Arabic", "French"],
    availability: "Fridays after 14:00 New York time",
  },
  "chloe.martin@frontline.test": {
    capacity: 2,
    strengths: ["empathy", "communication"],
    bio: "Senior agent in the Paris office. I help newer agents sound like themselves in writing while keeping the tone right for the channel.",
    languages: ["French", "English", "Spanish"],
    availability: "Mondays 16:00–17:00 Paris time",
  },
  "lead.billing@frontline.test": {
    capacity: 3,
    strengths: ["resolution", "efficiency"],
    bio: "I lead Billing & Accounts. If you are thinking about leading a team one day, let's talk about what the job is really like.",
    languages: ["English", "Swedish"],
    availability: "Thursdays 11:00–12:00 New York time",
  },
};

const MENTEE_REQUESTS: Record<string, { goals: string; targetLevel: Level; focus: string[]; preferences: string }> = {
  "ravi.menon@frontline.test": {
    goals: "Get confident on phone calls with upset customers and move up to Agent II.",
    targetLevel: "agent-2",
    focus: ["empathy", "de-escalation"],
    preferences: "Someone remote, ideally in a nearby time zone.",
  },
  "lucas.ferreira@frontline.test": {
    goals: "Handle billing disputes end to end without escalating so often.",
    targetLevel: "agent-2",
    focus: ["resolution", "communication"],
    preferences: "",
  },
  "diego.alvarez@frontline.test": {
    goals: "Prepare for Senior Agent: take on the hard tickets and write help articles from them.",
    targetLevel: "senior-agent",
    focus: ["resolution", "efficiency"],
    preferences: "Happy to meet early mornings.",
  },
  "ananya.iyer@frontline.test": {
    goals: "Understand what a team lead does day to day and whether it is for me.",
    targetLevel: "team-lead",
    focus: ["communication", "empathy"],
    preferences: "Someone who has led a team.",
  },
  "liam.oconnor@frontline.test": {
    goals: "Write clearer troubleshooting steps and close chats in fewer turns.",
    targetLevel: "agent-2",
    focus: ["communication", "efficiency"],
    preferences: "",
  },
};

async function userByEmail(email: string) {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, timeZone: true, workMode: true } });
}

/**
 * Career and mentoring: Alex and Marcus have both checked in, Sofia has nominated Isabel,
 * six people mentor, five are looking for a mentor, and Mei has been mentoring Paolo for a month.
 */
async function seedCareerAndMentoring(now: number) {
  const alex = await userByEmail("agent@frontline.test");
  const marcus = await userByEmail("lead@frontline.test");
  await recordCheckIn({
    agentId: alex.id,
    authorId: alex.id,
    perspective: "self",
    ratings: { empathy: "meeting", resolution: "exceeding", communication: "meeting", efficiency: "working-towards" },
    note: "I'm faster than I was, but long chats still drag.",
  });
  await recordCheckIn({
    agentId: alex.id,
    authorId: marcus.id,
    perspective: "lead",
    ratings: { empathy: "working-towards", resolution: "exceeding", communication: "meeting", efficiency: "meeting" },
    note: "Resolution is excellent; the opening line still sounds scripted.",
  });

  const sofia = await userByEmail("lead.billing@frontline.test");
  const isabel = await userByEmail("isabel.cruz@frontline.test");
  await nominate(sofia, {
    agentId: isabel.id,
    level: "senior-agent",
    allowedLevels: ["senior-agent"],
    justification:
      "Isabel has run the refunds escalation queue for two months with no reopened tickets, and wrote three of our most-used help articles.",
  });

  for (const [email, profile] of Object.entries(MENTORS)) {
    const mentor = await userByEmail(email);
    await saveMentorProfile(mentor.id, { ...profile, timeZone: mentor.timeZone, workMode: mentor.workMode as WorkMode }, new Date(now));
  }
  for (const [email, request] of Object.entries(MENTEE_REQUESTS)) await saveMenteeRequest((await userByEmail(email)).id, request);

  const { measure: content } = await getMentoringContent();
  const mei = await userByEmail("mei.tanaka@frontline.test");
  const paolo = await userByEmail("paolo.santos@frontline.test");
  await saveMenteeRequest(paolo.id, {
    goals: "Become the team's go-to person for phone troubleshooting.",
    targetLevel: "senior-agent",
    focus: ["resolution", "communication"],
    preferences: "",
  });
  const requested = await requestMentor(
    paolo,
    { mentorId: mei.id, message: "Your phone calls are the ones I learn most from — would you mentor me?" },
    content,
    new Date(now - 35 * DAY_MS),
  );
  if (requested.status !== "ok") throw new Error(`Seeding the Mei–Paolo pairing failed: ${requested.reason}`);
  const pairingId = requested.pairingId;
  await respondToProposal(mei, { pairingId, accept: true, reason: "" }, new Date(now - 34 * DAY_MS));
  await logMeeting(mei, {
    pairingId,
    heldOn: new Date(now - 28 * DAY_MS),
    rating: 4,
    notes: "Listened to two of Paolo's calls together. Agreed he will summarise the customer's problem back before troubleshooting.",
  });
  await answerFitCheck(paolo, { pairingId, fit: "good" }, new Date(now - 27 * DAY_MS));
  await logMeeting(paolo, {
    pairingId,
    heldOn: new Date(now - 14 * DAY_MS),
    rating: 3,
    notes: "Went through a router reset call that ran long; practised closing with a clear next step.",
  });
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
  await seedCareerAndMentoring(now);
  await seedCalibration(now);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemoOrganisation();
  const file = path.resolve(env().DATABASE_URL.replace(/^file:/, ""));
  console.log(seeded ? `Seeded the demo organisation into ${file}.` : `Using ${file}, which already has people (nothing seeded).`);
  await prisma.$disconnect();
}
