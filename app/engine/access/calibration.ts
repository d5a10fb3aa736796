// Who may organise a calibration session, score in it, and read its results.
import type { Role } from "~/domain/people.ts";
import { hasRole, LEADING_ROLES } from "./people.ts";

/** Leads and admins organise sessions; anyone invited scores in them. */
export const CALIBRATION_ORGANISER_ROLES: readonly Role[] = LEADING_ROLES;

export type CalibrationSeat = { role: Role; userId: string };
export type CalibrationSharing = { sharedWithAgents: boolean };

/**
 * An agent invited to self-review sees the sample's conversations only when the organiser shared them;
 * otherwise only their own. Leads and admins invited see the whole sample.
 */
export function canSeeCalibrationItem(seat: CalibrationSeat, session: CalibrationSharing, item: { agentId: string }): boolean {
  return hasRole(seat, LEADING_ROLES) || session.sharedWithAgents || item.agentId === seat.userId;
}

/** The organiser and admins manage a session (close it, record the agreed levels). */
export function canManageCalibration(viewer: { id: string; role: Role }, session: { organiserId: string }): boolean {
  return viewer.role === "admin" || session.organiserId === viewer.id;
}

/** A session takes scores until its organiser closes it or its due day has passed (UTC, like assignments). */
export function isCalibrationOpen(session: { dueAt: Date; closedAt: Date | null }, now: Date): boolean {
  return session.closedAt === null && now.toISOString().slice(0, 10) <= session.dueAt.toISOString().slice(0, 10);
}
