// Who may open someone else's career page. Pure: no I/O.
import { canSeePerson, type PersonRef, type Viewer } from "../../utils/permissions.ts";

/**
 * A lead sees the career of the people on the teams they lead, an admin everyone's. A person's
 * own career is /career, and agents see no one else's: the routes answer both with a 404.
 * Acting on it (a lead check-in, a nomination) further needs canCoach: an active person.
 */
export function canViewCareerOf(viewer: Viewer, person: PersonRef): boolean {
  return person.id !== viewer.id && viewer.role !== "agent" && canSeePerson(viewer, person);
}
