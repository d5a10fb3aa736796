import type { Role } from "./user-fields.ts";

/** The signed-in person as the permission rules need them. */
export type Viewer = {
  id: string;
  role: Role;
  /** Teams this person leads (leads only; empty for everyone else). */
  ledTeamIds: string[];
};

export type PersonRef = { id: string; teamId: string | null };

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

export function hasRole(viewer: { role: Role }, roles: readonly Role[]): boolean {
  return roles.includes(viewer.role);
}

export type NavItem = { to: string; label: string };

/** The app's main areas, in order, for a person with this role. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { to: "/learn", label: "Learn" },
    { to: "/practice", label: "Practice" },
  ];
  if (role === "lead" || role === "admin") items.push({ to: "/coaching", label: "Coaching" });
  items.push({ to: "/career", label: "Career" }, { to: "/mentoring", label: "Mentoring" });
  if (role === "admin") items.push({ to: "/admin", label: "Admin" });
  return items;
}
