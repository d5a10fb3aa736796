import fs from "node:fs";
import path from "node:path";
import type { SubmissionResult } from "@conform-to/react";
import { describe, expect, test } from "vitest";
import { createTeam as createTeamModel, moveMember, renameTeam, setTeamLead } from "~/models/team.server.ts";
import {
  createPerson,
  deactivatePerson,
  issueSetupLink,
  listPeople,
  reactivatePerson,
  updatePerson,
  type PersonInput,
} from "~/models/user.server.ts";
import { action as personAction } from "~/routes/admin+/people.$userId.tsx";
import { action as newPersonAction } from "~/routes/admin+/people.new.tsx";
import { prisma } from "~/utils/db.server.ts";
import { PEOPLE_PAGE_SIZE } from "../../app/domain/pages.ts";
import { buildPersonInput, createTeam, createUser } from "../factories/index.ts";
import { inEnglish } from "../support/english.ts";
import { callRoute, post, sessionCookieFor } from "./request.ts";

type Reply = { result: SubmissionResult<string[]> };

/** The same person as form fields, the way the people form posts them. */
function asFields(input: PersonInput): Record<string, string> {
  return {
    name: input.name,
    email: input.email,
    role: input.role,
    level: input.level,
    teamId: input.teamId ?? "",
    hireDate: input.hireDate.toISOString().slice(0, 10),
    timeZone: input.timeZone,
    workMode: input.workMode,
  };
}

async function auditFor(targetId: string) {
  const events = await prisma.auditEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((event) => ({ ...event, details: JSON.parse(event.details) as Record<string, unknown> }));
}

async function created(actor: { id: string }, overrides: Partial<PersonInput> = {}) {
  const input = buildPersonInput(overrides);
  const result = await createPerson(actor, input);
  if (result.status !== "ok") throw new Error(`createPerson failed: ${result.status}`);
  return { input, userId: result.userId };
}

describe("createPerson", () => {
  test("creates the person with a normalised email and audits user.created", async () => {
    const admin = await createUser({ role: "admin" });
    const input = buildPersonInput({ email: "  New.Person@Example.TEST " });
    const result = await createPerson(admin, input);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;

    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({
      email: "new.person@example.test",
      name: input.name,
      role: "agent",
      level: "agent-1",
      deactivatedAt: null,
    });
    const events = await auditFor(result.userId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.created", actorId: admin.id, targetType: "user" });
    expect(events[0].details).toMatchObject({ email: "new.person@example.test", role: "agent", level: "agent-1" });
  });

  test("a duplicate email (any case) is refused as email-taken and writes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    const existing = await createUser();
    const usersBefore = await prisma.user.count();
    const auditBefore = await prisma.auditEvent.count();
    expect(await createPerson(admin, buildPersonInput({ email: existing.email.toUpperCase() }))).toEqual({ status: "email-taken" });
    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });

  test("an unknown team is refused as team-not-found", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await createPerson(admin, buildPersonInput({ teamId: "no-such-team" }))).toEqual({ status: "team-not-found" });
  });

  test("the new-person route answers a duplicate email with 400, an email field error and the form filled in", async () => {
    const admin = await createUser({ role: "admin" });
    const existing = await createUser();
    const input = buildPersonInput({ email: existing.email, name: "Duplicate Dana", workMode: "office", timeZone: "Asia/Tokyo" });
    const outcome = await callRoute<Reply>(newPersonAction, {
      request: post("/admin/people/new", { ...asFields(input), intent: "create" }, await sessionCookieFor(admin.id)),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.email?.map(inEnglish)).toEqual(["Someone already uses this email address"]);
    expect(outcome.body?.result.initialValue).toMatchObject({
      name: "Duplicate Dana",
      email: existing.email,
      role: "agent",
      level: "agent-1",
      hireDate: "2023-06-15",
      timeZone: "Asia/Tokyo",
      workMode: "office",
    });
  });

  test("the new-person route answers invalid fields with 400 and field errors, keeping the input", async () => {
    const admin = await createUser({ role: "admin" });
    const fields = {
      ...asFields(buildPersonInput()),
      intent: "create",
      name: "X",
      email: "nope",
      role: "boss",
      hireDate: "not a date",
      timeZone: "Mars/Olympus",
    };
    const outcome = await callRoute<Reply>(newPersonAction, {
      request: post("/admin/people/new", fields, await sessionCookieFor(admin.id)),
    });
    expect(outcome.status).toBe(400);
    const errors = outcome.body?.result.error ?? {};
    for (const field of ["name", "email", "role", "hireDate", "timeZone"]) expect(errors[field]?.length, field).toBeGreaterThan(0);
    expect(outcome.body?.result.initialValue).toMatchObject({ name: "X", email: "nope", role: "boss", timeZone: "Mars/Olympus" });
  });

  test("the new-person route creates the person and returns their one-time link", async () => {
    const admin = await createUser({ role: "admin" });
    const input = buildPersonInput({ name: "Route Created" });
    const outcome = await callRoute<{ created: { id: string; name: string; url: string } }>(newPersonAction, {
      request: post("/admin/people/new", { ...asFields(input), intent: "create" }, await sessionCookieFor(admin.id)),
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body?.created.name).toBe("Route Created");
    expect(outcome.body?.created.url).toMatch(/^http:\/\/localhost:3000\/set-password\/[A-Za-z0-9_-]+$/);
    expect(await prisma.user.findUnique({ where: { id: outcome.body!.created.id } })).not.toBeNull();
  });
});

describe("updatePerson", () => {
  test("writes a separate audit event for role, level, team and profile changes, each with from/to", async () => {
    const admin = await createUser({ role: "admin" });
    const team = await createTeam();
    const { input, userId } = await created(admin);
    const changed: PersonInput = {
      ...input,
      name: `${input.name} Renamed`,
      timeZone: "America/New_York",
      role: "lead",
      level: "team-lead",
      teamId: team.id,
    };
    expect(await updatePerson(admin, userId, changed)).toEqual({ status: "ok", userId });

    const events = (await auditFor(userId)).filter((event) => event.action !== "user.created");
    const byAction = Object.fromEntries(events.map((event) => [event.action, event]));
    expect(Object.keys(byAction).sort()).toEqual(
      ["user.level-changed", "user.profile-changed", "user.role-changed", "user.team-changed"].sort(),
    );
    expect(events).toHaveLength(4);
    expect(byAction["user.role-changed"].details).toEqual({ from: "agent", to: "lead" });
    expect(byAction["user.level-changed"].details).toEqual({ from: "agent-1", to: "team-lead" });
    expect(byAction["user.team-changed"].details).toEqual({ from: null, to: team.id });
    expect(byAction["user.profile-changed"].details).toEqual({
      name: { from: input.name, to: changed.name },
      timeZone: { from: "Europe/London", to: "America/New_York" },
    });
    expect(inEnglish(byAction["user.profile-changed"].summary)).toBe(`Updated ${changed.name}'s name, timeZone`);
    for (const event of events) expect(event).toMatchObject({ actorId: admin.id, targetType: "user", targetId: userId });
  });

  test("sets the person's language, audits it, and leaves it as it is when the input has none", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId } = await created(admin);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("en");

    expect(await updatePerson(admin, userId, { ...input, locale: "zh-Hant" })).toEqual({ status: "ok", userId });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("zh-Hant");
    const events = (await auditFor(userId)).filter((event) => event.action === "user.profile-changed");
    expect(events.map((event) => event.details)).toEqual([{ locale: { from: "en", to: "zh-Hant" } }]);

    expect(await updatePerson(admin, userId, input)).toEqual({ status: "ok", userId });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("zh-Hant");
  });

  test("the edit route saves the chosen language and refuses one the app does not speak", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId } = await created(admin);
    const cookie = await sessionCookieFor(admin.id);
    const refused = await callRoute<Reply>(personAction, {
      request: post(`/admin/people/${userId}`, { ...asFields(input), intent: "update", locale: "fr" }, cookie),
      params: { userId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body?.result.error?.locale).toEqual(["validation:chooseLanguage"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("en");

    await callRoute(personAction, {
      request: post(`/admin/people/${userId}`, { ...asFields(input), intent: "update", locale: "zh-Hans" }, cookie),
      params: { userId },
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("zh-Hans");
  });

  test("a new person can be created with a language", async () => {
    const admin = await createUser({ role: "admin" });
    const { userId } = await created(admin, { locale: "zh-Hans" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("zh-Hans");
  });

  test("saving without changes writes no audit events", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId } = await created(admin);
    const before = await prisma.auditEvent.count({ where: { targetId: userId } });
    expect(await updatePerson(admin, userId, input)).toEqual({ status: "ok", userId });
    expect(await prisma.auditEvent.count({ where: { targetId: userId } })).toBe(before);
  });

  test("changing only the hire date is a profile change with ISO dates", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId } = await created(admin);
    await updatePerson(admin, userId, { ...input, hireDate: new Date("2022-01-10T00:00:00.000Z") });
    const events = (await auditFor(userId)).filter((event) => event.action !== "user.created");
    expect(events.map((event) => event.action)).toEqual(["user.profile-changed"]);
    expect(events[0].details).toEqual({ hireDate: { from: "2023-06-15T00:00:00.000Z", to: "2022-01-10T00:00:00.000Z" } });
  });

  test("an email already used by someone else is refused", async () => {
    const admin = await createUser({ role: "admin" });
    const other = await createUser();
    const { input, userId } = await created(admin);
    expect(await updatePerson(admin, userId, { ...input, email: other.email })).toEqual({ status: "email-taken" });
  });

  test("the edit route answers a duplicate email with 400, an email error and the submitted values", async () => {
    const admin = await createUser({ role: "admin" });
    const other = await createUser();
    const { input, userId } = await created(admin);
    const fields = { ...asFields(input), intent: "update", email: other.email, name: "Typed New Name" };
    const outcome = await callRoute<Reply>(personAction, {
      request: post(`/admin/people/${userId}`, fields, await sessionCookieFor(admin.id)),
      params: { userId },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.body?.result.error?.email?.map(inEnglish)).toEqual(["Someone already uses this email address"]);
    expect(outcome.body?.result.initialValue).toMatchObject({ name: "Typed New Name", email: other.email });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe(input.name);
  });

  test("an unknown person is not-found", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await updatePerson(admin, "no-such-person", buildPersonInput())).toEqual({ status: "not-found" });
  });
});

describe("admins cannot lock themselves out", () => {
  test("an admin cannot change their own role", async () => {
    const admin = await createUser({ role: "admin" });
    const self = buildPersonInput({ name: admin.name, email: admin.email, role: "agent", level: admin.level as PersonInput["level"] });
    const result = await updatePerson(admin, admin.id, self);
    expect(result.status).toBe("refused");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect(await prisma.auditEvent.count({ where: { targetId: admin.id } })).toBe(0);
  });

  test("an admin can still edit their own profile without touching the role", async () => {
    const admin = await createUser({ role: "admin" });
    const self = buildPersonInput({ name: "Self Edited Admin", email: admin.email, role: "admin", level: "support-manager" });
    expect(await updatePerson(admin, admin.id, self)).toEqual({ status: "ok", userId: admin.id });
  });

  test("an admin cannot deactivate themselves, through the model or the route", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await deactivatePerson(admin, admin.id)).toMatchObject({ status: "refused" });
    const outcome = await callRoute<Reply>(personAction, {
      request: post(`/admin/people/${admin.id}`, { intent: "deactivate" }, await sessionCookieFor(admin.id)),
      params: { userId: admin.id },
    });
    expect(outcome.status).toBe(400);
    expect(inEnglish(outcome.body?.result.error?.[""]?.[0])).toMatch(/can't deactivate your own account/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });

  test("the edit route refuses an admin's own role change with 400 and a form error", async () => {
    const admin = await createUser({ role: "admin" });
    const fields = {
      ...asFields(buildPersonInput({ name: admin.name, email: admin.email, role: "agent", level: "support-manager" })),
      intent: "update",
    };
    const outcome = await callRoute<Reply>(personAction, {
      request: post(`/admin/people/${admin.id}`, fields, await sessionCookieFor(admin.id)),
      params: { userId: admin.id },
    });
    expect(outcome.status).toBe(400);
    expect(inEnglish(outcome.body?.result.error?.[""]?.[0])).toMatch(/own role/);
  });
});

describe("demoting a lead", () => {
  test("clears leadId on every team they led and audits team.lead-changed for each", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId: leadId } = await created(admin, { role: "lead", level: "team-lead" });
    const north = await createTeam({ leadId });
    const south = await createTeam({ leadId });

    expect(await updatePerson(admin, leadId, { ...input, role: "agent", level: "senior-agent" })).toEqual({ status: "ok", userId: leadId });

    expect((await prisma.team.findUniqueOrThrow({ where: { id: north.id } })).leadId).toBeNull();
    expect((await prisma.team.findUniqueOrThrow({ where: { id: south.id } })).leadId).toBeNull();
    for (const team of [north, south]) {
      const events = await auditFor(team.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "team.lead-changed", actorId: admin.id, targetType: "team" });
      expect(events[0].details).toEqual({ from: leadId, to: null });
    }
    const userEvents = (await auditFor(leadId)).map((event) => event.action);
    expect(userEvents).toContain("user.role-changed");
  });

  test("a lead who stays a lead keeps their teams", async () => {
    const admin = await createUser({ role: "admin" });
    const { input, userId: leadId } = await created(admin, { role: "lead", level: "team-lead" });
    const team = await createTeam({ leadId });
    await updatePerson(admin, leadId, { ...input, name: "Still Leading" });
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).leadId).toBe(leadId);
  });
});

describe("deactivate and reactivate", () => {
  test("deactivatePerson marks the person, audits it, and is idempotent", async () => {
    const admin = await createUser({ role: "admin" });
    const { userId } = await created(admin);
    expect(await deactivatePerson(admin, userId)).toEqual({ status: "ok", userId });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toBeInstanceOf(Date);
    expect(await deactivatePerson(admin, userId)).toEqual({ status: "ok", userId });
    expect(await prisma.auditEvent.count({ where: { targetId: userId, action: "user.deactivated" } })).toBe(1);
  });

  test("reactivatePerson clears deactivatedAt and audits user.reactivated once", async () => {
    const admin = await createUser({ role: "admin" });
    const { userId } = await created(admin);
    await deactivatePerson(admin, userId);
    expect(await reactivatePerson(admin, userId)).toEqual({ status: "ok", userId });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toBeNull();
    expect(await reactivatePerson(admin, userId)).toEqual({ status: "ok", userId });
    const events = await prisma.auditEvent.findMany({ where: { targetId: userId, action: "user.reactivated" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(admin.id);
  });

  test("deactivating a lead frees the teams they led", async () => {
    const admin = await createUser({ role: "admin" });
    const { userId: leadId } = await created(admin, { role: "lead", level: "team-lead" });
    const team = await createTeam({ leadId });
    await deactivatePerson(admin, leadId);
    expect((await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).leadId).toBeNull();
    const [event] = await auditFor(team.id);
    expect(event).toMatchObject({ action: "team.lead-changed", actorId: admin.id });
    expect(inEnglish(event.summary)).toMatch(/was deactivated/);
  });

  test("unknown people are not-found", async () => {
    const admin = await createUser({ role: "admin" });
    expect(await deactivatePerson(admin, "no-such-person")).toEqual({ status: "not-found" });
    expect(await reactivatePerson(admin, "no-such-person")).toEqual({ status: "not-found" });
    expect(await issueSetupLink(admin, "no-such-person")).toEqual({ status: "not-found" });
  });
});

describe("listPeople", () => {
  // Everyone in this block shares a made-up word in their name so other tests' people don't interfere.
  const tag = `Zyxq${Date.now().toString(36)}`;
  const everyone = { kind: "everyone" } as const;

  test("filters by query (name or email), role, team and status", async () => {
    const team = await createTeam();
    const alice = await createUser({ name: `Alice ${tag}`, role: "agent", teamId: team.id });
    const bob = await createUser({ name: `Bob ${tag}`, role: "lead" });
    const carol = await createUser({ name: `Carol ${tag}`, role: "agent", deactivatedAt: new Date() });
    const dave = await createUser({ name: "Dave Elsewhere", email: `dave-${tag.toLowerCase()}@example.test` });

    const ids = async (filter: Parameters<typeof listPeople>[1]) => (await listPeople(everyone, filter, 1)).people.map((p) => p.id).sort();

    expect(await ids({ query: tag })).toEqual([alice.id, bob.id, carol.id, dave.id].sort());
    expect(await ids({ query: tag.toUpperCase() })).toEqual([alice.id, bob.id, carol.id, dave.id].sort());
    expect(await ids({ query: `dave-${tag}` })).toEqual([dave.id]);
    expect(await ids({ query: tag, role: "lead" })).toEqual([bob.id]);
    expect(await ids({ query: tag, teamId: team.id })).toEqual([alice.id]);
    expect(await ids({ teamId: team.id })).toEqual([alice.id]);
    expect(await ids({ query: tag, status: "deactivated" })).toEqual([carol.id]);
    expect(await ids({ query: tag, status: "active" })).toEqual([alice.id, bob.id, dave.id].sort());
    expect(await ids({ query: tag, role: "agent", status: "active" })).toEqual([alice.id, dave.id].sort());
    expect((await listPeople(everyone, { query: tag }, 1)).total).toBe(4);
  });

  test("pages by PEOPLE_PAGE_SIZE in name order with a total", async () => {
    const pageTag = `Pgq${Date.now().toString(36)}`;
    const count = PEOPLE_PAGE_SIZE + 5;
    const made = [];
    for (let i = 0; i < count; i++) made.push(await createUser({ name: `${pageTag} ${String(i).padStart(2, "0")}` }));

    const first = await listPeople(everyone, { query: pageTag }, 1);
    const second = await listPeople(everyone, { query: pageTag }, 2);
    const third = await listPeople(everyone, { query: pageTag }, 3);
    expect(first.total).toBe(count);
    expect(first.people).toHaveLength(PEOPLE_PAGE_SIZE);
    expect(second.people).toHaveLength(5);
    expect(third.people).toHaveLength(0);
    const names = [...first.people, ...second.people].map((p) => p.name);
    expect(names).toEqual(made.map((p) => p.name));
  });
});

describe("audit log is append-only", () => {
  // Erasing a departed person is the one change ever made to audit rows, and it only renames them
  // (docs/decisions/020-operations.md); nothing deletes an audit event.
  const ERASURE = path.resolve("app/models/personal-data.server.ts");

  test("no model code updates or deletes audit events, except erasure renaming them", () => {
    const appDir = path.resolve("app");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(full);
        } else if (/\.tsx?$/.test(entry.name)) {
          const source = fs.readFileSync(full, "utf8");
          const changes =
            full === ERASURE
              ? /auditEvent\s*\.\s*(updateMany|upsert|delete|deleteMany)\b/
              : /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/;
          if (changes.test(source)) offenders.push(full);
        }
      }
    };
    walk(appDir);
    expect(offenders).toEqual([]);
  });

  test("every audit summary is a catalog message, so the log reads in each reader's language", () => {
    const models = path.resolve("app/models");
    const literal = fs
      .readdirSync(models)
      .filter((name) => name.endsWith(".ts") && fs.readFileSync(path.join(models, name), "utf8").match(/\bsummary:\s*[`"']/));
    expect(literal).toEqual([]);
  });

  test("across a run of people and team changes the count only grows and earlier entries never change", async () => {
    const admin = await createUser({ role: "admin" });
    const snapshot = async () =>
      (await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((event) => ({
        id: event.id,
        action: event.action,
        actorId: event.actorId,
        targetId: event.targetId,
        summary: event.summary,
        details: event.details,
        createdAt: event.createdAt.toISOString(),
      }));

    const { input, userId } = await created(admin, { role: "lead", level: "team-lead" });
    const teamResult = await createTeamModel(admin, { name: `Append Only ${Date.now()}`, leadId: userId });
    if (teamResult.status !== "ok") throw new Error(teamResult.status);
    const agent = await created(admin);

    const operations: Array<() => Promise<unknown>> = [
      () => updatePerson(admin, userId, { ...input, level: "support-manager" }),
      () => renameTeam(admin, teamResult.teamId, `Renamed Append ${Date.now()}`),
      () => moveMember(admin, { userId: agent.userId, toTeamId: teamResult.teamId }),
      () => issueSetupLink(admin, agent.userId),
      () => updatePerson(admin, userId, { ...input, level: "support-manager", role: "agent" }),
      () => setTeamLead(admin, teamResult.teamId, null),
      () => deactivatePerson(admin, agent.userId),
      () => reactivatePerson(admin, agent.userId),
      () => updatePerson(admin, "no-such-person", input),
    ];

    let previous = await snapshot();
    for (const operation of operations) {
      await operation();
      const current = await snapshot();
      expect(current.length).toBeGreaterThanOrEqual(previous.length);
      const stillThere = current.filter((event) => previous.some((old) => old.id === event.id));
      expect(stillThere).toEqual(previous);
      previous = current;
    }
    expect(previous.filter((event) => event.actorId === admin.id).length).toBeGreaterThanOrEqual(8);
  });
});
