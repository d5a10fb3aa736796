// Which of the app's main areas a person is offered. The areas' own routes check the same role lists.
import type { Role } from "~/domain/people.ts";
import { hasRole, LEADING_ROLES } from "./people.ts";

export type NavItem = { to: string; label: string };

/** The app's main areas, in order, for a person with this role. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { to: "/learn", label: "Learn" },
    { to: "/practice", label: "Practice" },
  ];
  if (hasRole({ role }, LEADING_ROLES)) items.push({ to: "/coaching", label: "Coaching" });
  items.push({ to: "/career", label: "Career" }, { to: "/mentoring", label: "Mentoring" });
  if (role === "admin") items.push({ to: "/admin", label: "Admin" });
  return items;
}
