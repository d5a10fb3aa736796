// Which of the app's main areas a person is offered. The areas' own routes check the same role lists.
import type { Role } from "~/domain/people.ts";
import { hasRole, LEADING_ROLES } from "./people.ts";

/** `label` is a catalog key. */
export type NavItem = { to: string; label: `common:nav.${string}` };

/** The app's main areas, in order, for a person with this role. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { to: "/learn", label: "common:nav.learn" },
    { to: "/practice", label: "common:nav.practice" },
  ];
  if (hasRole({ role }, LEADING_ROLES)) items.push({ to: "/coaching", label: "common:nav.coaching" });
  items.push({ to: "/career", label: "common:nav.career" }, { to: "/mentoring", label: "common:nav.mentoring" });
  if (role === "admin") items.push({ to: "/admin", label: "common:nav.admin" });
  return items;
}
