// Builders for people, teams and graded practice, shared by the tests and the demo
// seed (prisma/seed.ts) so both exercise the same shapes of data.
import type { Prisma } from "~/generated/prisma/client.ts";
import type { PersonInput } from "~/models/user.server.ts";
import { hashPassword } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import type { Level, Role, WorkMode } from "../../app/domain/people.ts";

let sequence = 0;
// Hashing is deliberately slow; people created with the same password share one hash.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}
const next = () => ++sequence;

export const DAY_MS = 86_400_000;

export type UserOverrides = {
  name?: string;
  email?: string;
  role?: Role;
  level?: Level;
  teamId?: string | null;
  hireDate?: Date;
  timeZone?: string;
  workMode?: WorkMode;
  /** en | zh-Hant | zh-Hans */
  locale?: string;
  deactivatedAt?: Date | null;
  /** Plain password to hash and store; omit for an account that has not set one yet. */
  password?: string;
};

const DEFAULT_LEVEL: Record<Role, Level> = { agent: "agent-1", lead: "team-lead", admin: "support-manager" };

export async function createUser(overrides: UserOverrides = {}) {
  const n = next();
  const role = overrides.role ?? "agent";
  const { password, ...fields } = overrides;
  return prisma.user.create({
    data: {
      name: `Person ${n}`,
      email: `person${n}-${Date.now().toString(36)}@example.test`,
      level: DEFAULT_LEVEL[role],
      hireDate: new Date(Date.now() - 400 * DAY_MS),
      timeZone: "Europe/London",
      workMode: "remote",
      ...fields,
      role,
      password: password ? { create: { hash: await hashOnce(password) } } : undefined,
    },
  });
}

export async function createTeam(overrides: { name?: string; leadId?: string | null } = {}) {
  return prisma.team.create({
    data: { name: overrides.name ?? `Team ${next()}-${Date.now().toString(36)}`, leadId: overrides.leadId ?? null },
  });
}

/** A lead with a team of `memberCount` agents. */
export async function createTeamWithLead({ memberCount = 2, password }: { memberCount?: number; password?: string } = {}) {
  const lead = await createUser({ role: "lead", password });
  const team = await createTeam({ leadId: lead.id });
  const members = [];
  for (let i = 0; i < memberCount; i++) members.push(await createUser({ teamId: team.id, password }));
  return { lead, team, members };
}

/** What the admin's person form submits, for model-level tests. */
export function buildPersonInput(overrides: Partial<PersonInput> = {}): PersonInput {
  const n = next();
  return {
    name: `Person ${n}`,
    email: `person${n}-${Date.now().toString(36)}@example.test`,
    role: "agent",
    level: "agent-1",
    teamId: null,
    hireDate: new Date("2023-06-15T00:00:00.000Z"),
    timeZone: "Europe/London",
    workMode: "remote",
    ...overrides,
  };
}

/**
 * A finished, graded practice conversation on late-delivery that ended `daysAgo` days ago (two by default);
 * `lines` are its turns, alternating customer, agent, customer, …
 */
export async function createGradedAttempt(
  userId: string,
  { score = 72, daysAgo = 2, lines = [] as string[], reviewedById = null as string | null } = {},
) {
  const endedAt = new Date(Date.now() - daysAgo * DAY_MS);
  return prisma.practiceAttempt.create({
    data: {
      userId,
      scenarioSlug: "late-delivery",
      scenarioVersion: 1,
      seed: 1,
      status: "resolved",
      customerState: "{}",
      startedAt: new Date(endedAt.getTime() - 300_000),
      endedAt,
      reviewedAt: reviewedById ? new Date(endedAt.getTime() + 3_600_000) : null,
      reviewedById,
      turns: { create: lines.map((text, index) => ({ index, speaker: index % 2 === 0 ? "customer" : "agent", text })) },
      grade: { create: gradeRecord({ score, createdAt: endedAt }) },
    },
  });
}

/** One criterion's judgement; the rest of what the grader writes takes a plain default. */
export type JudgedCriterion = Pick<Prisma.GradeCriterionCreateWithoutGradeInput, "criterionId" | "competency" | "level"> &
  Partial<Prisma.GradeCriterionCreateWithoutGradeInput>;

/** A grade as the grader stores one, with each criterion judged as given (on a 2-level scale unless said). */
export function gradeRecord({
  score,
  passed = score >= 70,
  createdAt,
  criteria = [],
}: {
  score: number;
  passed?: boolean;
  createdAt?: Date;
  criteria?: JudgedCriterion[];
}): Prisma.PracticeGradeCreateWithoutAttemptInput {
  return {
    overallScore: score,
    passed,
    graderVersion: "test",
    rubricVersions: "{}",
    criticalFailures: "[]",
    createdAt,
    criteria: {
      create: criteria.map((criterion) => {
        const maxLevel = criterion.maxLevel ?? 2;
        return {
          rubricId: "test",
          title: "A criterion",
          weight: 1,
          critical: false,
          applicable: true,
          score: criterion.level / maxLevel,
          label: "Level",
          evidence: "[]",
          suggestion: "Keep going",
          ...criterion,
          maxLevel,
        };
      }),
    },
  };
}
