// Who sees a 1:1 coaching session and as whom, and who can be coached by whom.
import { canSeePerson, hasRole, LEADING_ROLES, teamScope, type PersonRef, type Viewer } from "./people.ts";

/**
 * How a viewer sees a session: the coach (lead or admin) sees everything, the
 * agent sees everything but the private notes. Null means the session is none
 * of their business, which the routes answer with a 404.
 */
export type SessionRole = "coach" | "agent";

export function sessionRole(viewer: Viewer, session: { leadId: string; agent: PersonRef }): SessionRole | null {
  // Checked first: a lead coached by an admin must never read notes kept about them.
  if (session.agent.id === viewer.id) return "agent";
  if (viewer.role === "admin") return "coach";
  // The lead who ran it keeps access after the agent moves team; the agent's current lead gains it.
  if (viewer.role === "lead" && (session.leadId === viewer.id || canSeePerson(viewer, session.agent))) return "coach";
  return null;
}

export type CoacheeRef = PersonRef & { active: boolean };

/**
 * A lead coaches the active people on the teams they lead; an admin any active person but themselves.
 * Lists of coachees are the viewer's people scope less themselves and anyone deactivated.
 */
export function canCoach(viewer: Viewer, person: CoacheeRef): boolean {
  if (!person.active || person.id === viewer.id) return false;
  return hasRole(viewer, LEADING_ROLES) && canSeePerson(viewer, person);
}

/**
 * Whom a viewer may give assignments to: an admin anyone, a lead the agents on the teams they lead.
 * Only active people are assigned; models turn this into a query.
 */
export type AssigneeScope = { kind: "anyone" } | { kind: "team-agents"; teamIds: string[] };

export function assigneeScope(viewer: Viewer): AssigneeScope {
  const teams = teamScope(viewer);
  return teams.kind === "every-team" ? { kind: "anyone" } : { kind: "team-agents", teamIds: teams.teamIds };
}
