import { PEOPLE_PAGE_SIZE } from "~/domain/pages.ts";
import { LEVEL_LABELS, ROLE_LABELS, type Level, type Role, type WorkMode } from "~/domain/people.ts";
import type { PeopleScope } from "~/engine/access/people.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Locale } from "~/i18n/locales.ts";
import { message } from "~/i18n/message.ts";
import { endAllSessions } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { paginate } from "~/utils/paginate.server.ts";
import { recordAudit } from "./audit.server.ts";
import { issueSetupToken } from "./password-setup.server.ts";

export type PersonInput = {
  name: string;
  email: string;
  role: Role;
  level: Level;
  teamId: string | null;
  hireDate: Date;
  timeZone: string;
  workMode: WorkMode;
  /** The person's interface language; left as it is when absent (a new person gets the default). */
  locale?: Locale;
};

type Actor = { id: string };

export function scopeToWhere(scope: PeopleScope): Prisma.UserWhereInput {
  switch (scope.kind) {
    case "everyone":
      return {};
    case "teams":
      return { OR: [{ id: scope.selfId }, { teamId: { in: scope.teamIds } }] };
    case "self":
      return { id: scope.selfId };
  }
}

export type PeopleFilter = {
  query?: string;
  role?: Role;
  teamId?: string;
  status?: "active" | "deactivated";
};

export async function listPeople(scope: PeopleScope, filter: PeopleFilter, page: number) {
  const where: Prisma.UserWhereInput = {
    AND: [
      scopeToWhere(scope),
      filter.query ? { OR: [{ name: { contains: filter.query } }, { email: { contains: filter.query.toLowerCase() } }] } : {},
      filter.role ? { role: filter.role } : {},
      filter.teamId ? { teamId: filter.teamId } : {},
      filter.status === "active" ? { deactivatedAt: null } : {},
      filter.status === "deactivated" ? { deactivatedAt: { not: null } } : {},
    ],
  };
  const { total, rows: people } = await paginate(
    page,
    PEOPLE_PAGE_SIZE,
    () => prisma.user.count({ where }),
    (window) =>
      prisma.user.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          level: true,
          workMode: true,
          deactivatedAt: true,
          team: { select: { id: true, name: true } },
        },
      }),
  );
  return { total, people };
}

/** A person's profile as an admin sees it: who they are, where they sit, and their account's state. */
export const PERSON_PROFILE = {
  id: true,
  name: true,
  email: true,
  role: true,
  level: true,
  teamId: true,
  hireDate: true,
  timeZone: true,
  workMode: true,
  locale: true,
  deactivatedAt: true,
  erasedAt: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { id: true, name: true } },
  ledTeams: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} satisfies Prisma.UserSelect;

export async function getPerson(id: string) {
  return prisma.user.findUnique({
    where: { id },
    select: { ...PERSON_PROFILE, password: { select: { updatedAt: true } } },
  });
}

type Done = { status: "ok"; userId: string };
type DoneWithSetupToken = Done & { setupToken: string };
type NotFound = { status: "not-found" };
type Refused = { status: "refused"; reason: string };
type FieldConflict = { status: "email-taken" } | { status: "team-not-found" };

/** Every way a change to a person can be turned down. */
export type PersonChangeRefusal = NotFound | Refused | FieldConflict;

async function teamExists(tx: Prisma.TransactionClient, teamId: string | null): Promise<boolean> {
  return teamId === null || (await tx.team.count({ where: { id: teamId } })) > 0;
}

export async function createPerson(actor: Actor, input: PersonInput): Promise<DoneWithSetupToken | FieldConflict> {
  const email = input.email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return { status: "email-taken" };
    if (!(await teamExists(tx, input.teamId))) return { status: "team-not-found" };
    const user = await tx.user.create({ data: { ...input, email }, select: { id: true } });
    const setupToken = await issueSetupToken(tx, user.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      summary: message("admin:audit.summary.userCreated", {
        name: input.name,
        role: ROLE_LABELS[input.role],
        level: LEVEL_LABELS[input.level],
      }),
      details: { ...input, email, hireDate: input.hireDate.toISOString() },
    });
    return { status: "ok", userId: user.id, setupToken };
  });
}

const PROFILE_FIELDS = ["name", "email", "hireDate", "timeZone", "workMode", "locale"] as const;

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export async function updatePerson(actor: Actor, userId: string, input: PersonInput): Promise<Done | PersonChangeRefusal> {
  const email = input.email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) return { status: "not-found" };
    if (before.erasedAt) return { status: "refused", reason: message("admin:person.refusal.editErased") };
    if (actor.id === userId && input.role !== before.role) {
      return { status: "refused", reason: message("admin:person.refusal.ownRole") };
    }
    const owner = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (owner && owner.id !== userId) return { status: "email-taken" };
    if (!(await teamExists(tx, input.teamId))) return { status: "team-not-found" };

    await tx.user.update({ where: { id: userId }, data: { ...input, email } });

    const after = { ...input, email, locale: input.locale ?? before.locale };
    const profileChanges = Object.fromEntries(
      PROFILE_FIELDS.filter((field) => comparable(before[field]) !== comparable(after[field])).map((field) => [
        field,
        { from: comparable(before[field]), to: comparable(after[field]) },
      ]),
    );
    const audit = (action: Parameters<typeof recordAudit>[1]["action"], summary: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actorId: actor.id, action, targetType: "user", targetId: userId, summary, details });

    if (Object.keys(profileChanges).length > 0) {
      // Each field is named in the reader's language, and each language joins the list its own way.
      const fields = Object.keys(profileChanges)
        .map((field) => message(`admin:audit.summary.profileField.${field}`))
        .reduce((list, field) => message("admin:audit.summary.fieldList", { list, field }));
      await audit("user.profile-changed", message("admin:audit.summary.userProfileChanged", { name: input.name, fields }), profileChanges);
    }
    if (before.role !== input.role) {
      await audit(
        "user.role-changed",
        message("admin:audit.summary.userRoleChanged", {
          name: input.name,
          from: ROLE_LABELS[before.role as Role],
          to: ROLE_LABELS[input.role],
        }),
        { from: before.role, to: input.role },
      );
      if (before.role === "lead")
        await releaseLedTeams(tx, actor, userId, message("admin:audit.summary.noLongerLead", { name: input.name }));
    }
    if (before.level !== input.level) {
      await audit(
        "user.level-changed",
        message("admin:audit.summary.userLevelChanged", {
          name: input.name,
          from: LEVEL_LABELS[before.level as Level],
          to: LEVEL_LABELS[input.level],
        }),
        { from: before.level, to: input.level },
      );
    }
    if (before.teamId !== input.teamId) {
      const teamNames = await tx.team.findMany({
        where: { id: { in: [before.teamId, input.teamId].filter((id): id is string => id !== null) } },
        select: { id: true, name: true },
      });
      const nameOf = (id: string | null) => teamNames.find((team) => team.id === id)?.name ?? message("admin:audit.summary.noTeam");
      await audit(
        "user.team-changed",
        message("admin:audit.summary.userTeamChanged", { name: input.name, from: nameOf(before.teamId), to: nameOf(input.teamId) }),
        {
          from: before.teamId,
          to: input.teamId,
        },
      );
    }
    return { status: "ok", userId };
  });
}

/** Someone who stops being a lead, or is deactivated, stops leading their teams; `reason` is a message. */
async function releaseLedTeams(tx: Prisma.TransactionClient, actor: Actor, userId: string, reason: string) {
  const teams = await tx.team.findMany({ where: { leadId: userId }, select: { id: true, name: true } });
  for (const team of teams) {
    await tx.team.update({ where: { id: team.id }, data: { leadId: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "team.lead-changed",
      targetType: "team",
      targetId: team.id,
      summary: message("admin:audit.summary.leadReleased", { team: team.name, reason }),
      details: { from: userId, to: null },
    });
  }
}

export async function deactivatePerson(actor: Actor, userId: string): Promise<Done | NotFound | Refused> {
  if (actor.id === userId) return { status: "refused", reason: message("admin:person.refusal.deactivateSelf") };
  const result = await prisma.$transaction(async (tx): Promise<Done | NotFound> => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { name: true, deactivatedAt: true } });
    if (!person) return { status: "not-found" };
    if (person.deactivatedAt) return { status: "ok", userId };
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.deactivated",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userDeactivated", { name: person.name }),
    });
    await releaseLedTeams(tx, actor, userId, message("admin:audit.summary.leadDeactivated", { name: person.name }));
    return { status: "ok", userId };
  });
  if (result.status === "ok") await endAllSessions(userId);
  return result;
}

export async function reactivatePerson(actor: Actor, userId: string): Promise<Done | NotFound | Refused> {
  return prisma.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { name: true, deactivatedAt: true, erasedAt: true } });
    if (!person) return { status: "not-found" };
    if (person.erasedAt) return { status: "refused", reason: message("admin:person.refusal.reactivateErased") };
    if (!person.deactivatedAt) return { status: "ok", userId };
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.reactivated",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userReactivated", { name: person.name }),
    });
    return { status: "ok", userId };
  });
}

export async function issueSetupLink(actor: Actor, userId: string): Promise<DoneWithSetupToken | NotFound | Refused> {
  return prisma.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { name: true, deactivatedAt: true } });
    if (!person) return { status: "not-found" };
    if (person.deactivatedAt) return { status: "refused", reason: message("admin:person.refusal.reactivateFirst") };
    const setupToken = await issueSetupToken(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.setup-link-issued",
      targetType: "user",
      targetId: userId,
      summary: message("admin:audit.summary.userSetupLinkIssued", { name: person.name }),
    });
    return { status: "ok", userId, setupToken };
  });
}

/** Active people with the lead role, for choosing a team's lead. */
export async function listLeadCandidates() {
  return prisma.user.findMany({
    where: { role: "lead", deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** A person's own choice of language for the interface and the training content. */
export async function setOwnLocale(userId: string, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}
