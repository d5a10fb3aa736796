// Who sees whom. The rules answer for one person or team at a time; the scopes are the same rules
// for a whole list, which the models turn into a query. Anyone outside a viewer's scope is
// answered as if they did not exist (a 404), never as forbidden.
import type { Role } from "~/domain/people.ts";

/** The signed-in person as the access rules need them. */
export type Viewer = {
  id: string;
  role: Role;
  /** Teams this person leads (leads only; empty for everyone else). */
  ledTeamIds: string[];
};

export type PersonRef = { id: string; teamId: string | null };

/** The roles that look after other people's work: leads their teams', admins everyone's. */
export const LEADING_ROLES: readonly Role[] = ["lead", "admin"];

export function hasRole(viewer: { role: Role }, roles: readonly Role[]): boolean {
  return roles.includes(viewer.role);
}

/**
 * Whose records a viewer may see: an admin everyone, a lead their own and
 * their teams' people, anyone else only themselves. Models turn this into a query.
 */
export type PeopleScope = { kind: "everyone" } | { kind: "teams"; teamIds: string[]; selfId: string } | { kind: "self"; selfId: string };

export function peopleScope(viewer: Viewer): PeopleScope {
  if (viewer.role === "admin") return { kind: "everyone" };
  if (viewer.role === "lead") return { kind: "teams", teamIds: viewer.ledTeamIds, selfId: viewer.id };
  return { kind: "self", selfId: viewer.id };
}

export function canSeePerson(viewer: Viewer, person: PersonRef): boolean {
  const scope = peopleScope(viewer);
  switch (scope.kind) {
    case "everyone":
      return true;
    case "teams":
      return person.id === scope.selfId || (person.teamId !== null && scope.teamIds.includes(person.teamId));
    case "self":
      return person.id === scope.selfId;
  }
}

/** The teams a viewer looks after: every team for an admin, the teams they lead for a lead, none for anyone else. */
export type TeamScope = { kind: "every-team" } | { kind: "teams"; teamIds: string[] };

export function teamScope(viewer: Viewer): TeamScope {
  if (viewer.role === "admin") return { kind: "every-team" };
  return { kind: "teams", teamIds: viewer.role === "lead" ? viewer.ledTeamIds : [] };
}

/** Whether a viewer looks after this team (a team that doesn't exist is the caller's to rule out). */
export function looksAfterTeam(viewer: Viewer, teamId: string): boolean {
  const scope = teamScope(viewer);
  return scope.kind === "every-team" || scope.teamIds.includes(teamId);
}
