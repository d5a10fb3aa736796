// An admin exports everything Frontline holds about a person, and erases a departed person's identity.
import { beforeEach, describe, expect, test } from "vitest";
import type { Prisma } from "~/generated/prisma/client.ts";
import { message } from "~/i18n/message.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { erasedName, PERSONAL_DATA_FORMAT, type PersonalDataExport } from "~/models/personal-data.server.ts";
import { deactivatePerson } from "~/models/user.server.ts";
import { action as personAction, loader as personLoader } from "~/routes/admin+/people.$userId.tsx";
import { loader as personalDataLoader } from "~/routes/admin+/people.$userId_.personal-data.ts";
import { prisma } from "~/utils/db.server.ts";
import { createGradedAttempt, createTeamWithLead, createUser } from "../factories/index.ts";
import { bodyInEnglish, inEnglish } from "../support/english.ts";
import { callRoute, get, post, sessionCookieFor } from "./request.ts";

type Person = { id: string; email: string; name: string; cookie: string };

let admin: Person;
let departing: Person;
let bystander: Person;

async function person(user: { id: string; email: string; name: string }): Promise<Person> {
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

/** What people leave behind: a reflection, a graded practice conversation, a mentoring request, a notification. */
async function leaveTraces(userId: string, words: string) {
  await prisma.reflection.create({
    data: {
      userId,
      moduleSlug: "how-support-works",
      reflectionId: "first-week",
      moduleVersion: 1,
      text: `${words}: refunds take me too long.`,
    },
  });
  const attempt = await createGradedAttempt(userId, { score: 81, lines: ["Where is my parcel?", `${words}: let me check that for you.`] });
  await prisma.menteeRequest.create({ data: { menteeId: userId, goals: `${words}: calmer phone calls`, targetLevel: "senior-agent" } });
  await prisma.notification.create({ data: { userId, kind: "assignment", title: `${words}: new module`, link: "/learn" } });
  return attempt;
}

beforeEach(async () => {
  const team = await createTeamWithLead({ memberCount: 2, password: "a-long-password-1" });
  admin = await person(await createUser({ role: "admin", name: "Ada Admin" }));
  departing = await person(await prisma.user.update({ where: { id: team.members[0].id }, data: { name: "Dana Departing" } }));
  bystander = await person(team.members[1]);
  await leaveTraces(departing.id, "Dana");
  await leaveTraces(bystander.id, "Bystander");
});

function download(userId: string, cookie: string) {
  return callRoute<PersonalDataExport>(personalDataLoader, {
    request: get(`/admin/people/${userId}/personal-data`, cookie),
    params: { userId },
  });
}

function erase(userId: string, confirmEmail: string | undefined, cookie = admin.cookie) {
  const fields: Record<string, string> = { intent: "erase", ...(confirmEmail === undefined ? {} : { confirmEmail }) };
  return callRoute<{ result: { error?: Record<string, string[]> } }>(personAction, {
    request: post(`/admin/people/${userId}?confirm=erase`, fields, cookie),
    params: { userId },
  });
}

describe("exporting", () => {
  test("an admin downloads everything held about the person as a JSON attachment, never their password or anyone else's data, and the export is audited", async () => {
    const outcome = await download(departing.id, admin.cookie);
    expect(outcome.status).toBe(200);
    expect(outcome.headers?.get("Content-Disposition")).toBe(`attachment; filename="frontline-personal-data-${departing.id}.json"`);
    const data = outcome.body!;
    expect(data.format).toBe(PERSONAL_DATA_FORMAT);
    expect(data.person).toMatchObject({ id: departing.id, name: "Dana Departing", email: departing.email });
    expect(data.learning.reflections.map((reflection) => reflection.text)).toEqual(["Dana: refunds take me too long."]);
    expect(data.practice.attempts).toHaveLength(1);
    expect(data.practice.attempts[0].turns.map((turn) => turn.text)).toContain("Dana: let me check that for you.");
    expect(data.practice.attempts[0].grade?.overallScore).toBe(81);
    expect(data.mentoring.menteeRequest?.goals).toBe("Dana: calmer phone calls");
    expect(data.notifications.map((notification) => notification.title)).toEqual(["Dana: new module"]);

    const text = JSON.stringify(data);
    expect(text).not.toContain("Bystander");
    expect(text).not.toMatch(/argon2|"hash"/);

    const audit = await prisma.auditEvent.findMany({ where: { targetId: departing.id, action: "user.exported" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(admin.id);
  });

  test("a guessed id is 404, and agents and leads are refused", async () => {
    expect((await download("no-such-person", admin.cookie)).status).toBe(404);
    expect((await download(departing.id, bystander.cookie)).status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "user.exported", targetId: departing.id } })).toBe(0);
  });
});

describe("erasing", () => {
  test("someone still active can't be erased: the page offers deactivation first and the action refuses", async () => {
    const page = await callRoute<{ person: { active: boolean; erasedAt: string | null } }>(personLoader, {
      request: get(`/admin/people/${departing.id}?confirm=erase`, admin.cookie),
      params: { userId: departing.id },
    });
    expect(page.body?.person).toMatchObject({ active: true, erasedAt: null });
    const refused = await erase(departing.id, departing.email);
    expect(refused.status).toBe(400);
    expect(inEnglish(refused.body?.result.error?.[""]?.[0])).toBe("Deactivate this account before erasing the person.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: departing.id } })).erasedAt).toBeNull();
  });

  test("the confirmation must be the person's own email; anything else changes nothing", async () => {
    await deactivatePerson(admin, departing.id);
    for (const typed of [undefined, "", "someone.else@example.test"]) {
      const outcome = await erase(departing.id, typed);
      expect(outcome.status, String(typed)).toBe(400);
      expect(outcome.body?.result.error?.confirmEmail?.length, String(typed)).toBeGreaterThan(0);
    }
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: departing.id } });
    expect(unchanged).toMatchObject({ name: "Dana Departing", email: departing.email, erasedAt: null });
  });

  test("erasing replaces name and email, deletes sign-in, reflections, mentoring request and notifications, keeps conversations, grades and the audit trail", async () => {
    await deactivatePerson(admin, departing.id);
    const auditBefore = await prisma.auditEvent.count({ where: { targetId: departing.id } });
    const outcome = await erase(departing.id, departing.email.toUpperCase());
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/admin/people/${departing.id}?notice=person-erased`);

    const erased = await prisma.user.findUniqueOrThrow({ where: { id: departing.id } });
    expect(erased.name).toBe(erasedName(departing.id));
    expect(erased.email).toBe(`erased-${departing.id}@erased.invalid`);
    expect(erased.erasedAt).toBeInstanceOf(Date);
    const remaining = async (userId: string) => ({
      password: await prisma.password.count({ where: { userId } }),
      sessions: await prisma.session.count({ where: { userId } }),
      reflections: await prisma.reflection.count({ where: { userId } }),
      menteeRequests: await prisma.menteeRequest.count({ where: { menteeId: userId } }),
      notifications: await prisma.notification.count({ where: { userId } }),
      attempts: await prisma.practiceAttempt.count({ where: { userId, grade: { isNot: null } } }),
    });
    expect(await remaining(departing.id)).toEqual({
      password: 0,
      sessions: 0,
      reflections: 0,
      menteeRequests: 0,
      notifications: 0,
      attempts: 1,
    });
    expect(await remaining(bystander.id)).toEqual({
      password: 1,
      sessions: 1,
      reflections: 1,
      menteeRequests: 1,
      notifications: 1,
      attempts: 1,
    });

    const audit = await prisma.auditEvent.findMany({ where: { targetId: departing.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: "user.erased", actorId: admin.id });
    expect(audit.map((event) => event.action)).toContain("user.deactivated");
    expect(JSON.stringify(audit)).not.toContain("Dana Departing");

    const again = await callRoute(personAction, {
      request: post(`/admin/people/${departing.id}`, { intent: "reactivate" }, admin.cookie),
      params: { userId: departing.id },
    });
    expect(again.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: departing.id } })).deactivatedAt).not.toBeNull();

    const renamed = await callRoute(personAction, {
      request: post(
        `/admin/people/${departing.id}`,
        {
          intent: "update",
          name: "Dana Departing",
          email: departing.email,
          role: "agent",
          level: "agent-1",
          teamId: "",
          hireDate: "2025-01-06",
          timeZone: "Europe/London",
          workMode: "remote",
        },
        admin.cookie,
      ),
      params: { userId: departing.id },
    });
    expect(renamed.status).toBe(400);
    expect(JSON.stringify(bodyInEnglish(renamed.body))).toContain("their profile can't be changed");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: departing.id } })).name).toBe(erasedName(departing.id));
  });

  test("the audit trail keeps every event but no name or email the person went by, and a namesake's events stay as they were", async () => {
    // Earlier tests leave other people named Dana Departing, so this one goes by a name of their own.
    await prisma.user.update({ where: { id: departing.id }, data: { name: "Rowan Ellery" } });
    const namesake = await createUser({ role: "agent", name: "Dana Ortiz" });
    const team = await prisma.team.findFirstOrThrow();
    const history = [
      {
        action: "user.created" as const,
        targetType: "user" as const,
        targetId: departing.id,
        summary: message("admin:audit.summary.userCreated", {
          name: "Dana Ortiz",
          role: "admin:roles.agent",
          level: "admin:levels.agent-1",
        }),
        details: { name: "Dana Ortiz", email: "dana.ortiz@example.com", role: "agent" },
      },
      {
        action: "user.profile-changed" as const,
        targetType: "user" as const,
        targetId: departing.id,
        summary: message("admin:audit.summary.userProfileChanged", {
          name: "Rowan Ellery",
          fields: "admin:audit.summary.profileField.name",
        }),
        details: { name: { from: "Dana Ortiz", to: "Rowan Ellery" }, email: { from: "dana.ortiz@example.com", to: departing.email } },
      },
      {
        action: "team.lead-changed" as const,
        targetType: "team" as const,
        targetId: team.id,
        summary: message("admin:audit.summary.noLongerLead", { name: "Rowan Ellery" }),
      },
      {
        action: "user.deactivated" as const,
        targetType: "user" as const,
        targetId: namesake.id,
        summary: message("admin:audit.summary.userDeactivated", { name: "Dana Ortiz" }),
      },
    ];
    await prisma.$transaction(async (tx) => {
      for (const event of history) await recordAudit(tx, { actorId: admin.id, ...event });
    });
    await deactivatePerson(admin, departing.id);
    const eventCount = await prisma.auditEvent.count();
    expect((await erase(departing.id, departing.email)).status).toBe(302);

    expect(await prisma.auditEvent.count()).toBe(eventCount + 1);
    const trail = (where: Prisma.AuditEventWhereInput) => prisma.auditEvent.findMany({ where, select: { summary: true, details: true } });
    const aboutThem = JSON.stringify(await trail({ OR: [{ targetId: departing.id }, { targetId: team.id }] }));
    for (const identity of ["Dana Ortiz", "Rowan Ellery", "dana.ortiz@example.com", departing.email])
      expect(aboutThem).not.toContain(identity);
    expect(aboutThem).toContain(erasedName(departing.id));
    expect(aboutThem).toContain(`erased-${departing.id}@erased.invalid`);
    expect(await trail({ targetId: namesake.id })).toEqual([
      { summary: message("admin:audit.summary.userDeactivated", { name: "Dana Ortiz" }), details: "{}" },
    ]);
  });

  test("an admin can't erase themselves, and agents and leads are refused", async () => {
    await deactivatePerson(admin, departing.id);
    expect((await erase(departing.id, departing.email, bystander.cookie)).status).toBe(403);
    const self = await erase(admin.id, admin.email);
    expect(self.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: departing.id } })).erasedAt).toBeNull();
  });
});
