// Builders for people and teams, shared by the tests and the demo seed
// (prisma/seed.ts) so both exercise the same shapes of data.
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
