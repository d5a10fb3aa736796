// Who a person is to the app: roles, career levels, work modes and time zones, with their labels and the
// form schemas both the browser and the server check. The database stores these as plain strings (ADR 005).
import { z } from "zod";
import { message } from "~/i18n/message.ts";

export const ROLES = ["agent", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { errorMap: () => ({ message: message("admin:personForm.errors.chooseRole") }) });

/** Catalog keys of each role's name. */
export const ROLE_LABELS = {
  agent: "common:role.agent",
  lead: "common:role.lead",
  admin: "common:role.admin",
} as const satisfies Record<Role, `common:${string}`>;

// Keys match the career ladder (Agent I → Support Manager, IC and management tracks).
export const LEVELS = ["agent-1", "agent-2", "senior-agent", "team-lead", "support-manager"] as const;
export type Level = (typeof LEVELS)[number];
export const LevelSchema = z.enum(LEVELS, { errorMap: () => ({ message: message("admin:personForm.errors.chooseLevel") }) });

/** Catalog keys of each level's name. */
export const LEVEL_LABELS = {
  "agent-1": "common:level.agent-1",
  "agent-2": "common:level.agent-2",
  "senior-agent": "common:level.senior-agent",
  "team-lead": "common:level.team-lead",
  "support-manager": "common:level.support-manager",
} as const satisfies Record<Level, `common:${string}`>;

export const WORK_MODES = ["remote", "hybrid", "office"] as const;
export type WorkMode = (typeof WORK_MODES)[number];
export const WorkModeSchema = z.enum(WORK_MODES, { errorMap: () => ({ message: message("admin:personForm.errors.chooseWorkMode") }) });

/** Catalog keys of each work mode's name. */
export const WORK_MODE_LABELS = {
  remote: "common:workMode.remote",
  hybrid: "common:workMode.hybrid",
  office: "common:workMode.office",
} as const satisfies Record<WorkMode, `common:${string}`>;

const KNOWN_TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
KNOWN_TIME_ZONES.add("UTC");

export const TimeZoneSchema = z
  .string({ required_error: message("admin:personForm.errors.chooseTimeZone") })
  .refine((zone) => KNOWN_TIME_ZONES.has(zone), { message: message("admin:personForm.errors.unknownTimeZone") });

export function listTimeZones(): string[] {
  return [...KNOWN_TIME_ZONES].sort();
}

/** How long a one-time password link works. */
export const SETUP_LINK_LIFETIME_DAYS = 7;

/** Erasing someone asks for their email, typed out, so a slip of the mouse can't do it. */
export const EraseConfirmationSchema = z.object({
  confirmEmail: z
    .string({ required_error: message("admin:person.personalData.confirmEmailRequired") })
    .trim()
    .max(320, message("admin:person.personalData.confirmEmailMismatch")),
});
