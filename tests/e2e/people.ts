// People made for one test, written into the database the server under test runs on with the
// factories the demo seed uses. Tests running in parallel never change the same person: a test
// that changes someone creates them here, and seeded people are only looked at.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { MenteeRequestInput } from "~/models/mentee-request.server.ts";
import type { MentorProfileInput } from "~/models/mentor-profile.server.ts";
import { E2E_DATABASE } from "../../playwright.config.ts";
import type { UserOverrides } from "../factories/index.ts";
import { DEMO_PASSWORD, unique } from "./utils.ts";

// The app's Prisma client opens DATABASE_URL as soon as it is imported, so app modules are
// imported only once the variable names the server's database.
function importApp<Module>(load: () => Promise<Module>): Promise<Module> {
  process.env.DATABASE_URL = `file:./${E2E_DATABASE}`;
  return load();
}

export type Person = { id: string; name: string; email: string; timeZone: string; workMode: NonNullable<UserOverrides["workMode"]> };
export type Team = { id: string; name: string };

export type PersonOptions = Pick<UserOverrides, "role" | "level" | "teamId" | "timeZone" | "workMode" | "locale"> & {
  /** First and last name; a unique suffix follows, so the name and email are the test's own. */
  name: string;
  /** Under 90 days makes a new hire. */
  hiredDaysAgo?: number;
};

/** A person who signs in with the demo password; an agent at Agent I on no team unless told otherwise. */
export async function createPerson({ name, hiredDaysAgo = 400, ...fields }: PersonOptions): Promise<Person> {
  const { createUser, DAY_MS } = await importApp(() => import("../factories/index.ts"));
  const id = unique();
  const user = await createUser({
    ...fields,
    name: `${name} ${id}`,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${id}@frontline.test`,
    hireDate: new Date(Date.now() - hiredDaysAgo * DAY_MS),
    password: DEMO_PASSWORD,
  });
  return { id: user.id, name: user.name, email: user.email, timeZone: user.timeZone, workMode: user.workMode as Person["workMode"] };
}

/** A new team led by a new lead; add members with `createPerson({ teamId: team.id })`. */
export async function createTeamWithLead(leadName = "Jordan Reyes"): Promise<{ lead: Person; team: Team }> {
  const { createTeam } = await importApp(() => import("../factories/index.ts"));
  const lead = await createPerson({ name: leadName, role: "lead" });
  const team = await createTeam({ name: `Team ${unique()}`, leadId: lead.id });
  return { lead, team: { id: team.id, name: team.name } };
}

/** Opts the person in as a mentor, as the mentor profile form does. */
export async function offerMentoring(mentor: Person, profile: Omit<MentorProfileInput, "timeZone" | "workMode">): Promise<void> {
  const { saveMentorProfile } = await importApp(() => import("~/models/mentor-profile.server.ts"));
  const saved = await saveMentorProfile(mentor.id, { ...profile, timeZone: mentor.timeZone, workMode: mentor.workMode });
  if (saved.status !== "ok") throw new Error(`${mentor.name} can't mentor: ${saved.reason}`);
}

/** Opens a mentoring request, which puts the person in the pool an admin matches. */
export async function askForMentoring(mentee: Person, request: MenteeRequestInput): Promise<void> {
  const { saveMenteeRequest } = await importApp(() => import("~/models/mentee-request.server.ts"));
  await saveMenteeRequest(mentee.id, request);
}

/**
 * A graded practice conversation for the person, played from the scenario's scripted replies. It runs in
 * a tsx child process: the grader imports its weights as JSON, which Playwright's loader can't.
 */
export function recordPractice(person: Person, slug: string, script: "competent" | "poor", daysAgo = 1): void {
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/record-practice.ts", person.id, slug, script, String(daysAgo)], {
    env: { ...process.env, DATABASE_URL: `file:./${E2E_DATABASE}` },
    stdio: "inherit",
  });
}
