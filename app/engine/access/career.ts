// Who may open someone else's career page, and whose readiness a team table lists.
import type { Role } from "~/domain/people.ts";
import { canSeePerson, hasRole, LEADING_ROLES, teamScope, type PersonRef, type Viewer } from "./people.ts";

/**
 * A lead sees the career of the people on the teams they lead, an admin everyone's. A person's
 * own career is /career, and agents see no one else's: the routes answer both with a 404.
 * Acting on it (a lead check-in, a nomination) further needs canCoach: an active person.
 */
export function canViewCareerOf(viewer: Viewer, person: PersonRef): boolean {
  return person.id !== viewer.id && hasRole(viewer, LEADING_ROLES) && canSeePerson(viewer, person);
}

/** The active people a readiness table lists: on these teams (null for every team) and with these roles. */
export type ReadinessScope = { teamIds: string[] | null; roles: readonly Role[] };

/**
 * A lead's table is the agents on the teams they lead; an admin's everyone who can still be
 * nominated, agents and leads. A team filter narrows it to that team, if it is one they look after.
 */
export function readinessScope(viewer: Viewer, teamId: string | null): ReadinessScope {
  const teams = teamScope(viewer);
  if (teams.kind === "every-team") return { teamIds: teamId ? [teamId] : null, roles: ["agent", "lead"] };
  return { teamIds: teamId ? teams.teamIds.filter((id) => id === teamId) : teams.teamIds, roles: ["agent"] };
}
